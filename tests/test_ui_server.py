"""Launching: loopback only, a free port, the address printed, the leader's text kept."""

from __future__ import annotations

import io
import json
import socket
import urllib.request
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.core.errors import AssistantError
from assistant.ui.server import pick_port, port_is_free, start


def test_busy_preferred_port_moves_to_the_next_free_one() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        assert not port_is_free("127.0.0.1", taken)
        assert pick_port("127.0.0.1", None, taken) > taken
        with pytest.raises(AssistantError, match=f"Port {taken} is not available"):
            pick_port("127.0.0.1", taken, 7860)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a loopback address
        return response.read().decode("utf-8")


def test_start_prints_the_address_and_serves_the_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import assistant.app_factory as app_factory
    from tests.fakes import FakeModel
    from tests.ui_fakes import make_service

    def fake_build_service(settings, model_flag=None, progress=None, **backend):
        if progress is not None:
            progress(1, 2)
            progress(2, 2)
        return make_service(FakeModel())

    monkeypatch.setattr(app_factory, "build_service", fake_build_service)
    out = io.StringIO()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = start(Settings(data_dir=tmp_path, port=port), out=out)
    try:
        text = out.getvalue()
        assert "Building the knowledge index: 2/2 passages" in text
        assert f"Repair assistant is running at http://127.0.0.1:{port}" in text
        assert app.url == f"http://127.0.0.1:{port}"
        config = json.loads(fetch(app.url + "/config"))
        assert config["title"] == "Repair assistant" and config["footer_links"] == []
        css = fetch(app.url + "/theme.css")
        assert "system-ui" in css and "googleapis" not in css and "url(http" not in css
    finally:
        app.close()


def test_no_step_writes_into_the_incident_or_reflection_boxes_except_reflect() -> None:
    """Whatever fails, the incident the leader typed is never an output of any step."""
    from assistant.core.privacy import apply_offline_env

    apply_offline_env()
    from assistant.ui.app import build_ui
    from tests.fakes import FakeModel
    from tests.ui_fakes import make_service

    model = FakeModel()
    demo = build_ui(make_service(model), model.info)
    config = demo.get_config_file()
    ids = {c["props"].get("elem_id"): c["id"] for c in config["components"] if c["props"].get("elem_id")}
    outputs = {target for dep in config["dependencies"] for target in dep["outputs"]}
    assert (
        ids["incident"] not in outputs and ids["person"] not in outputs and ids["instruction"] not in outputs
    )
    reflection_writers = [dep for dep in config["dependencies"] if ids["reflect-impact"] in dep["outputs"]]
    assert len(reflection_writers) == 1 and reflection_writers[0]["api_name"] == "reflect"
