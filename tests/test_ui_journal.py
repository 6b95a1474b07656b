"""The page saves as the leader works, reopens past sessions and deletes them (fake model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.errors import DraftError
from assistant.storage.journal import Journal, open_journal
from assistant.ui.handlers import Form, PageHandlers
from assistant.ui.sessions import SAVE_FAILED, SessionKeeper
from assistant.ui.state import Exporter
from tests.fakes import GOOD_REPLY, FakeModel
from tests.ui_fakes import INCIDENT, REFLECTION_REPLY, make_service

NOTES = {"what_i_did": "I cut Priya off.", "impact": "", "my_part": "", "want_different": ""}


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return open_journal(tmp_path / "data")


def page(journal: Journal, model: FakeModel | None = None, tmp_path: Path | None = None) -> PageHandlers:
    """A fresh page over the same journal: what a refresh or a second tab gets."""
    model = model or FakeModel()
    exporter = Exporter(tmp_path) if tmp_path else None
    return PageHandlers(make_service(model), model.info, exporter=exporter, sessions=SessionKeeper(journal))


def form(**changes: object) -> Form:
    values: dict = {
        "incident": INCIDENT,
        "person": "Priya",
        "setting": "team_meeting",
        "delivery": "writing",
        "notes": dict(NOTES),
    }
    values.update(changes)
    return Form(**values)


def only_session(journal: Journal):
    [summary] = journal.sessions()
    record = journal.load(summary.id)
    assert record is not None
    return record


def test_every_step_is_saved_and_a_refresh_reopens_it(journal: Journal) -> None:
    tab = page(journal, FakeModel([REFLECTION_REPLY]))
    reflected = tab.reflect(INCIDENT, NOTES, {}, "tab-1")
    assert reflected.answers is not None
    record = only_session(journal)
    assert record.incident == INCIDENT and record.notes["impact"].startswith("She stopped talking")

    final = list(tab.draft(form(notes=reflected.answers), [], "tab-1"))[-1]
    edited = tab.edit(
        {**final.sections, "commit": "On Thursday I will let you finish."},
        "Priya",
        "writing",
        final.versions,
        "tab-1",
    )
    record = only_session(journal)
    assert [v["source"] for v in record.versions] == ["draft", "edit"]
    assert record.commitment == "On Thursday I will let you finish."
    assert record.message == edited.message and record.person == "Priya"

    restored = tab.restore(edited.versions, "1", "Priya", "writing", "tab-1")
    assert only_session(journal).versions[-1]["source"] == "restore v1"

    # The page is refreshed: a new tab, nothing in its state, the journal still has it all.
    fresh = page(journal)
    [(label, session_id)] = fresh.past_sessions().past
    assert "In today's planning meeting" in label and "3 versions" in label
    opened = fresh.open_session(session_id, Form(), "tab-2")
    assert opened.incident == INCIDENT and opened.person == "Priya" and opened.delivery == "writing"
    assert opened.setting == "team_meeting" and opened.answers == reflected.answers
    assert opened.own == restored.own and opened.commit == restored.commit
    assert [v["source"] for v in opened.versions] == ["draft", "edit", "restore v1"]
    assert opened.message.startswith("Hi Priya,") and "Opened the session" in opened.status

    # Work after reopening continues the same session.
    fresh.edit(
        {**opened.sections, "own": "I cut you off twice."},
        "Priya",
        "writing",
        opened.versions,
        "tab-2",
    )
    assert len(journal.sessions()) == 1
    assert only_session(journal).versions[-1]["own"] == "I cut you off twice."


def test_the_incident_is_saved_before_the_model_runs(journal: Journal) -> None:
    class Broken(FakeModel):
        def stream(self, *args, **kwargs):
            raise DraftError("The model did not produce a usable three-part draft after 4 tries (no output).")

    views = list(page(journal, Broken()).draft(form(), [], "tab-1"))
    assert views[-1].status.startswith("**Problem:**")
    assert only_session(journal).incident == INCIDENT, "a failed or crashed draft loses nothing"


def test_a_stopped_draft_keeps_its_partial_text_in_the_journal(journal: Journal) -> None:
    model = FakeModel(default=GOOD_REPLY * 3)
    tab = page(journal, model)
    views = []
    for view in tab.draft(form(), [], "tab-1"):
        views.append(view)
        if view.acknowledge and len(view.acknowledge.split()) >= 4:
            tab.stop("tab-1")
    assert "Stopped" in views[-1].status
    shown = [v for v in views if v.acknowledge][-1]  # the partial text the page shows
    record = only_session(journal)
    assert record.versions[-1]["source"] == "draft (stopped)"
    assert record.versions[-1]["acknowledge"] == shown.acknowledge.strip()


def test_a_tab_closed_mid_draft_keeps_its_partial_text(journal: Journal) -> None:
    tab = page(journal, FakeModel(default=GOOD_REPLY * 3))
    stream = tab.draft(form(), [], "tab-1")
    for view in stream:
        if view.own and len(view.own.split()) >= 4:
            break
    stream.close()  # what Gradio does when the browser goes away mid-stream
    record = only_session(journal)
    assert record.versions[-1]["source"] == "draft (stopped)" and record.versions[-1]["own"]


def test_a_finished_draft_is_not_saved_twice_when_the_stream_is_closed(journal: Journal) -> None:
    tab = page(journal)
    stream = tab.draft(form(), [], "tab-1")
    final = None
    for view in stream:
        if view.status and view.status.startswith("Draft ready"):
            final = view
            break
    stream.close()
    assert final is not None
    assert [v["source"] for v in only_session(journal).versions] == ["draft"]


def test_deleting_needs_a_choice_or_a_confirmation(journal: Journal) -> None:
    tab = page(journal)
    list(tab.draft(form(), [], "tab-1"))
    list(page(journal).draft(form(incident="I snapped at Dana in standup."), [], "tab-2"))
    assert len(journal.sessions()) == 2
    assert "Choose a past session" in tab.delete_session("").status
    refused = tab.delete_everything(False)
    assert "nothing was deleted" in refused.status and len(journal.sessions()) == 2

    [first, second] = [s.id for s in journal.sessions()]
    gone = tab.delete_session(first)
    assert "Deleted that session" in gone.status and [c[1] for c in gone.past] == [second]
    everything = tab.delete_everything(True)
    assert everything.status.startswith("Deleted all 1 saved session") and everything.past == []
    assert journal.sessions() == []
    # The tab goes on working; its next draft becomes a new session.
    list(tab.draft(form(), [], "tab-1"))
    assert len(journal.sessions()) == 1


def test_opening_saves_what_is_on_the_page_first(journal: Journal) -> None:
    list(page(journal).draft(form(), [], "tab-1"))
    [old] = journal.sessions()
    tab = page(journal)
    typed = Form(incident="Typed but never drafted: I ignored Sam's message.")
    opened = tab.open_session(old.id, typed, "tab-2")
    assert opened.incident == INCIDENT
    incidents = sorted(s.incident for s in journal.sessions())
    assert incidents == sorted([INCIDENT, typed.incident])
    assert "could not be opened" in tab.open_session("gone", Form(), "tab-2").status


def test_a_failed_save_is_said_and_the_draft_still_shows(journal: Journal) -> None:
    tab = page(journal)
    journal.close()  # every save now fails
    final = list(tab.draft(form(), [], "tab-1"))[-1]
    assert final.own and final.status.startswith("Draft ready") and SAVE_FAILED in final.status


def test_without_a_journal_nothing_is_listed_or_saved() -> None:
    model = FakeModel()
    tab = PageHandlers(make_service(model), model.info)
    final = list(tab.draft(form(), [], "tab-1"))[-1]
    assert final.status.startswith("Draft ready") and tab.past_sessions().past == []
