"""The real Gradio app, launched on 127.0.0.1 and driven through gradio_client (fake model)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core.privacy import apply_offline_env

apply_offline_env()

gr = pytest.importorskip("gradio")
from gradio_client import Client  # noqa: E402

from assistant.ui.app import build_ui, launch_options, theme  # noqa: E402
from assistant.ui.state import Exporter  # noqa: E402
from tests.fakes import FakeModel  # noqa: E402
from tests.ui_fakes import INCIDENT, REFLECTION_REPLY, make_service  # noqa: E402

EMPTY_NOTES = ("", "", "", "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FakeModel, Path]]:
    model = FakeModel([REFLECTION_REPLY])
    export_dir = tmp_path_factory.mktemp("exports")
    demo = build_ui(make_service(model), model.info, exporter=Exporter(export_dir))
    demo.queue()
    port = free_port()
    demo.launch(
        prevent_thread_lock=True,
        server_name="127.0.0.1",
        server_port=port,
        quiet=True,
        **launch_options(),
    )
    try:
        yield f"http://127.0.0.1:{port}/", model, export_dir
    finally:
        demo.close()


@pytest.fixture
def client(app) -> Client:
    return Client(app[0], verbose=False, download_files=str(app[2] / "downloads"))


def test_launch_options_keep_the_page_private() -> None:
    options = launch_options()
    assert options["share"] is False and options["footer_links"] == []
    assert options["run_history"] is False and options["enable_monitoring"] is False
    fonts = [*theme().font, *theme().font_mono]
    assert not any(isinstance(font, gr.themes.GoogleFont | gr.themes.LocalFont) for font in fonts)


def _css_rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) for every rule in `css`, one pair per selector in a list."""
    return [
        (selector.strip(), body.strip())
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        for selector in selectors.split(",")
    ]


def _declarations(body: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in pairs}


def test_every_coloured_highlight_has_dark_mode_colours() -> None:
    css = re.sub(r"/\*.*?\*/", "", launch_options()["css"], flags=re.S)
    media = re.search(r"@media \(prefers-color-scheme: dark\) \{((?:[^{}]*\{[^{}]*\})*)\s*\}", css)
    assert media, "a block for the system's dark setting"
    top = _css_rules(css[: media.start()] + css[media.end() :])
    by_class = {sel.removeprefix(".dark "): body for sel, body in top if sel.startswith(".dark ")}
    by_media = dict(_css_rules(media.group(1)))
    # A fixed colour (not a theme variable) in a light rule has to be answered in dark mode.
    fixed = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(")
    light = {
        sel: _declarations(body) for sel, body in top if not sel.startswith(".dark ") and fixed.search(body)
    }
    assert {".findings mark.sev-high", ".version-diff del"} <= set(light), "the parse found them"
    for sel, decl in light.items():
        assert sel in by_class, f"{sel} has no .dark rule"
        assert sel in by_media, f"{sel} has no prefers-color-scheme: dark rule"
        assert by_class[sel] == by_media[sel], f"{sel}: the two dark rules differ"
        dark = _declarations(by_class[sel])
        if "background" in decl:
            assert "background" in dark and "color" in dark, f"{sel}: dark tint and text colour"


def test_the_api_lists_every_step(client: Client) -> None:
    endpoints = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {
        "/draft",
        "/reflect",
        "/edit",
        "/revise",
        "/compare",
        "/restore",
        "/export",
        "/stop",
    } <= endpoints


def test_reflect_draft_edit_revise_compare_restore_export(client: Client, app) -> None:
    _, model, export_dir = app
    did, impact, part, want, status = client.predict(INCIDENT, *EMPTY_NOTES, api_name="/reflect")
    assert impact.startswith("She stopped talking") and "Suggested answers" in status

    job = client.submit(
        INCIDENT, "Priya", "team_meeting", "in_person", did, impact, part, want, api_name="/draft"
    )
    own, ack, commit, message, highlights, sources, status, *_ = job.result(timeout=60)
    assert own and ack and commit and message.startswith("Talking points")
    assert status.startswith("Draft ready") and "Own the act plainly" in sources
    assert len(job.outputs()) > 2, "the draft streams"
    assert impact in model.prompts[-1], "the leader's reflection answers reach the prompt"

    calls = len(model.calls)
    message, highlights, status, *_ = client.predict(
        own, ack, "I'll do better.", "Priya", "in_person", INCIDENT, did, impact, part, want, api_name="/edit"
    )
    assert 'data-category="vague_commitment"' in highlights and "no model call" in status
    assert len(model.calls) == calls

    model.replies.append(
        " I cut you off.\nACKNOWLEDGE: You could not finish.\nCOMMIT: On Thursday I will let you finish.\n"
    )
    own2, *_rest = client.submit(
        INCIDENT,
        "Priya",
        "team_meeting",
        "in_person",
        did,
        impact,
        part,
        want,
        own,
        ack,
        "I'll do better.",
        "shorter",
        api_name="/revise",
    ).result(timeout=60)
    assert own2 == "I cut you off."

    diff = client.predict("1", "3", api_name="/compare")
    assert "<del>" in diff and "<ins>" in diff
    restored = client.predict(
        "1", "Priya", "in_person", INCIDENT, did, impact, part, want, api_name="/restore"
    )
    assert restored[0] == own and "Restored v1" in restored[5]

    exported, status = client.predict(message, "md", "Priya", api_name="/export")
    # The file arrives as an update that also makes the (initially hidden) download box visible.
    assert exported["visible"] is True
    assert Path(exported["value"]).read_text(encoding="utf-8").startswith("# Repair: Priya")
    assert any(export_dir.glob("repair-export-*/repair-message.md")), "written under the exporter's temp dir"


def test_bad_input_is_a_message_in_the_page(client: Client) -> None:
    for incident, expected in (("", "incident is empty"), ("x" * 20_000, "20,000 characters")):
        outputs = client.submit(incident, "", "", "in_person", *EMPTY_NOTES, api_name="/draft").result(
            timeout=30
        )
        status = outputs[6]
        assert expected in status and status.startswith("**Problem:**")


def test_stop_when_idle(client: Client) -> None:
    assert client.predict(api_name="/stop") == "Nothing is running."
