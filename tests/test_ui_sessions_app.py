"""The Gradio app with a journal, via gradio_client: tabs in turn, stop, reopen (fake model)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core.privacy import apply_offline_env

apply_offline_env()

gr = pytest.importorskip("gradio")
from gradio_client import Client  # noqa: E402

from assistant.storage.journal import Journal, open_journal  # noqa: E402
from assistant.ui.app import build_ui, launch_options  # noqa: E402
from assistant.ui.sessions import SessionKeeper  # noqa: E402
from assistant.ui.state import Exporter  # noqa: E402
from tests.fakes import GOOD_REPLY, FakeModel  # noqa: E402
from tests.ui_fakes import INCIDENT, make_service  # noqa: E402

EMPTY_NOTES = ("", "", "", "")


class TimedModel(FakeModel):
    """A slow fake that records when each generation starts and ends, to see runs overlap."""

    def __init__(self) -> None:
        super().__init__(delay=0.01)
        self.spans: list[tuple[float, float]] = []
        self._guard = threading.Lock()

    def stream(self, prompt, sampling, **kwargs):
        started = time.monotonic()
        try:
            yield from super().stream(prompt, sampling, **kwargs)
        finally:
            with self._guard:
                self.spans.append((started, time.monotonic()))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, TimedModel, Journal]]:
    root = tmp_path_factory.mktemp("sessions-app")
    model = TimedModel()
    journal = open_journal(root / "data")
    demo = build_ui(make_service(model), model.info, exporter=Exporter(root), sessions=SessionKeeper(journal))
    demo.queue(default_concurrency_limit=1)  # as server.start does
    port = free_port()
    demo.launch(
        prevent_thread_lock=True,
        server_name="127.0.0.1",
        server_port=port,
        quiet=True,
        **launch_options(),
    )
    try:
        yield f"http://127.0.0.1:{port}/", model, journal
    finally:
        demo.close()
        journal.close()


def draft_job(url: str, incident: str):
    client = Client(url, verbose=False)
    return client, client.submit(
        incident, "Priya", "team_meeting", "in_person", *EMPTY_NOTES, api_name="/draft"
    )


def test_two_tabs_drafting_at_once_both_finish_in_turn(app) -> None:
    url, model, journal = app
    before = len(journal.sessions())
    model.spans.clear()
    _, first = draft_job(url, INCIDENT)
    _, second = draft_job(url, "I snapped at Dana in standup when she asked about the release date.")
    results = [first.result(timeout=120), second.result(timeout=120)]
    assert all(r[6].startswith("Draft ready") and r[0] and r[1] and r[2] for r in results)
    spans = sorted(model.spans)
    assert len(spans) >= 2
    assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:], strict=False)), (
        "the one model ran one generation at a time"
    )
    assert len(journal.sessions()) == before + 2, "each tab has its own session"


def test_a_refreshed_tab_reopens_the_session_from_the_page(app) -> None:
    url, _, journal = app
    client, job = draft_job(url, "I rolled my eyes when Sam presented the budget.")
    own, ack, commit, message, *_ = job.result(timeout=120)
    fresh = Client(url, verbose=False)  # a refresh: a new session, empty state
    listed = {value: label for label, value in fresh.predict(api_name="/past_sessions")["choices"]}
    wanted = next(s.id for s in journal.sessions() if s.incident.startswith("I rolled my eyes"))
    assert "I rolled my eyes" in listed[wanted]
    opened = fresh.predict(wanted, "", "", "", "in_person", *EMPTY_NOTES, api_name="/open_session")
    incident, person, setting, delivery = opened[:4]
    assert incident.startswith("I rolled my eyes") and person == "Priya" and setting == "team_meeting"
    assert list(opened[8:11]) == [own, ack, commit]


def test_stop_midway_keeps_the_partial_draft_on_the_page_and_in_the_journal(app) -> None:
    url, model, journal = app
    model.default = GOOD_REPLY * 4
    try:
        client, job = draft_job(url, "I talked over Lena three times in the design review.")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            outputs = job.outputs()
            if outputs and outputs[-1][1]:  # the acknowledge section has started
                break
            time.sleep(0.05)
        else:
            pytest.fail("no partial draft arrived")
        client.predict(api_name="/stop")
        job.result(timeout=60)
        shown = job.outputs()[-1]
        assert shown[0], "the partial draft stays on the page"
        session = next(s for s in journal.sessions() if s.incident.startswith("I talked over Lena"))
        record = journal.load(session.id)
        assert record is not None and record.versions, "the partial draft is in the journal"
        assert record.versions[-1]["source"] == "draft (stopped)" and record.versions[-1]["own"]
    finally:
        model.default = GOOD_REPLY


def test_a_journal_note_is_shown_in_the_page(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").write_bytes(b"not a database at all" * 50)
    journal = open_journal(tmp_path)
    model = FakeModel()
    demo = build_ui(make_service(model), model.info, sessions=SessionKeeper(journal))
    notes = [
        c["props"].get("value")
        for c in demo.get_config_file()["components"]
        if c["props"].get("elem_id") == "journal-note"
    ]
    assert notes and "moved to journal.sqlite3.unreadable-" in str(notes[0])
    journal.close()


def test_only_reflect_and_open_write_into_the_leaders_boxes(tmp_path: Path) -> None:
    """Whatever fails, what the leader typed is never overwritten, except on request."""
    journal = open_journal(tmp_path)
    model = FakeModel()
    config = build_ui(make_service(model), model.info, sessions=SessionKeeper(journal)).get_config_file()
    ids = {c["props"].get("elem_id"): c["id"] for c in config["components"] if c["props"].get("elem_id")}
    writers = {
        name: {dep.get("api_name") for dep in config["dependencies"] if ids[name] in dep["outputs"]}
        for name in ("incident", "person", "reflect-impact", "instruction")
    }
    assert writers["incident"] == {"open_session"} and writers["person"] == {"open_session"}
    assert writers["reflect-impact"] == {"reflect", "open_session"}
    assert writers["instruction"] == set()
    journal.close()


def call_raw(url: str, api: str, data: list) -> str:
    """Call an endpoint over plain HTTP with ASCII-escaped JSON, as a browser's JSON.stringify
    sends a lone surrogate (gradio_client cannot encode one); returns the final event's data."""
    import json
    import urllib.request

    body = json.dumps({"data": data}, ensure_ascii=True).encode("ascii")
    post = urllib.request.Request(
        f"{url}gradio_api/call/{api}", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(post, timeout=30) as response:  # noqa: S310 - loopback
        event = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{url}gradio_api/call/{api}/{event}", timeout=60) as response:  # noqa: S310
        stream = response.read().decode("utf-8")
    assert "event: complete" in stream, stream[-500:]
    return stream.rsplit("data:", 1)[1].strip()


def test_control_characters_and_invalid_unicode_through_the_page(app) -> None:
    import json

    url, model, journal = app
    text = "I \x1b[1mcut\x1b[0m Ana off\u200b twice\x00 and said \ud800 we had no time."
    result = json.loads(call_raw(url, "draft", [text, "Ana", "", "in_person", *EMPTY_NOTES]))
    assert result[6].startswith("Draft ready") and "invisible control character" in result[6]
    assert all(result[:3])
    session = next(s for s in journal.sessions() if "Ana off" in s.incident)
    assert session.incident.startswith("I \x1b[1mcut") and "\ufffd" in session.incident, "kept as typed"
