"""Binding: this machine only, unless --allow-remote AND a login; the password never on argv."""

from __future__ import annotations

import io
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.main import main
from assistant.config import Settings
from assistant.core.errors import AssistantError
from assistant.ui.access import PASSWORD_ENV, listen_access, read_auth


def one_sentence(text: str) -> bool:
    text = text.strip()
    return text.count("\n") == 0 and text.endswith(".") and ". " not in text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.0.0.2", "::1", "[::1]", None])
def test_this_machine_needs_no_switches(host: str | None) -> None:
    access = listen_access(host)
    assert access.host in {"127.0.0.1", "127.0.0.2", "::1"} and access.auth is None


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.org", "::"])
def test_another_host_is_refused_without_allow_remote(host: str) -> None:
    with pytest.raises(AssistantError, match="--allow-remote") as info:
        listen_access(host, auth=("lead", "pw"))
    assert one_sentence(str(info.value))
    with pytest.raises(AssistantError, match="without a login") as info:
        listen_access(host, allow_remote=True)
    assert one_sentence(str(info.value))
    assert listen_access(host, allow_remote=True, auth=("lead", "pw")).auth == ("lead", "pw")


def test_the_password_comes_from_the_settings_or_a_prompt_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.config import Settings

    assert read_auth(None) is None
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    settings = Settings()
    assert "s3cret" not in repr(settings)
    assert read_auth("lead", password=settings.auth_password.get_secret_value()) == ("lead", "s3cret")
    asked: list[str] = []
    assert read_auth("lead", interactive=True, prompt=lambda q: asked.append(q) or "typed") == (
        "lead",
        "typed",
    )
    assert asked == ["Password for lead: "]
    with pytest.raises(AssistantError, match=PASSWORD_ENV) as info:
        read_auth("lead", interactive=False)
    assert one_sentence(str(info.value))
    with pytest.raises(AssistantError, match="must not be empty"):
        read_auth("lead", password="  ")


@pytest.mark.parametrize(
    "argv, env, expected",
    [
        (["serve", "--host", "0.0.0.0"], {}, "--allow-remote"),
        (["serve", "--host", "0.0.0.0", "--allow-remote"], {}, "without a login"),
        (
            ["serve", "--host", "0.0.0.0", "--auth-user", "lead"],
            {PASSWORD_ENV: "pw"},
            "--allow-remote",
        ),
        (["serve", "--host", "0.0.0.0", "--allow-remote", "--auth-user", "lead"], {}, PASSWORD_ENV),
    ],
)
def test_cli_refuses_in_one_sentence_with_exit_2(
    argv: list[str],
    env: dict[str, str],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal: no prompt
    import assistant.ui.server

    monkeypatch.setattr(
        assistant.ui.server, "serve", lambda *a, **k: pytest.fail("must refuse before serving")
    )
    err = io.StringIO()
    assert main(argv, stdout=io.StringIO(), stderr=err) == 2
    assert expected in err.getvalue() and one_sentence(err.getvalue())


def test_there_is_no_password_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", "--auth-user", "lead", "--auth-password", "pw"])
    assert info.value.code == 2


def test_cli_passes_host_and_login_through(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    seen: dict[str, Any] = {}
    import assistant.ui.server

    monkeypatch.setattr(assistant.ui.server, "serve", lambda settings, **kwargs: seen.update(kwargs) or 0)
    argv = ["serve", "--host", "0.0.0.0", "--allow-remote", "--auth-user", "lead"]
    assert main(argv, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert seen["host"] == "0.0.0.0" and seen["allow_remote"] is True and seen["auth"] == ("lead", "s3cret")


def _fake_service(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.app_factory as app_factory
    from tests.fakes import FakeModel
    from tests.ui_fakes import make_service

    monkeypatch.setattr(app_factory, "build_service", lambda settings, **kwargs: make_service(FakeModel()))


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def test_start_hands_the_login_to_gradio(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A remote address reaches launch() only with the login (launch is recorded, not run)."""
    import gradio as gr

    from assistant.ui.server import start

    _fake_service(monkeypatch)
    launched: list[dict[str, Any]] = []
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kwargs: launched.append(kwargs))
    monkeypatch.setattr(gr.Blocks, "close", lambda self: None)
    app = start(
        Settings(data_dir=tmp_path, port=free_port("127.0.0.1")),
        host="0.0.0.0",
        allow_remote=True,
        auth=("lead", "s3cret"),
        out=io.StringIO(),
    )
    app.close()
    assert launched[0]["server_name"] == "0.0.0.0" and launched[0]["auth"] == ("lead", "s3cret")
    assert launched[0]["share"] is False


def test_an_authenticated_app_on_a_loopback_alias(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Really served on 127.0.0.2 with a login: nothing without it, everything with it."""
    from gradio_client import Client

    from assistant.ui.server import start

    _fake_service(monkeypatch)
    host = "127.0.0.2"
    try:
        port = free_port(host)
    except OSError:
        pytest.skip("127.0.0.2 is not configured on this machine's loopback interface")
    out = io.StringIO()
    app = start(Settings(data_dir=tmp_path, port=port), host=host, auth=("lead", "s3cret"), out=out)
    try:
        assert app.url == f"http://{host}:{port}" and "(login required)" in out.getvalue()
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(app.url + "/config", timeout=10)  # noqa: S310 - loopback
        assert denied.value.code in (401, 403)
        with pytest.raises(Exception):  # noqa: B017 - gradio_client's error type varies by version
            Client(app.url, auth=("lead", "wrong"), verbose=False)
        client = Client(app.url, auth=("lead", "s3cret"), verbose=False)
        assert client.predict(api_name="/stop") == "Nothing is running."
        login = urllib.request.Request(
            app.url + "/login",
            data=b"username=lead&password=s3cret",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(login, timeout=10) as response:  # noqa: S310 - loopback
            assert json.loads(response.read()) == {"success": True}
    finally:
        app.close()
