"""The Follow-through area: commitments from drafts, marked, dated, exported; the patterns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from assistant.storage.journal import Journal
from assistant.ui.handlers import Form, PageHandlers
from assistant.ui.sessions import SessionKeeper
from tests.fakes import FakeModel
from tests.ui_fakes import INCIDENT, make_service

TODAY = date(2026, 12, 2)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    # Dates are worked out from a fixed day, so the expected ones hold on any day.
    return Journal(tmp_path / "journal.sqlite3", today=lambda: TODAY)


def page(journal: Journal | None) -> PageHandlers:
    model = FakeModel()
    return PageHandlers(make_service(model), model.info, sessions=SessionKeeper(journal), today=lambda: TODAY)


def drafted(handlers: PageHandlers, tab: str = "tab-1", person: str = "Priya") -> None:
    list(handlers.draft(Form(incident=INCIDENT, person=person), [], tab))
    # A direct edit names an occasion the plan can date.
    handlers.edit(
        {
            "own": "I cut you off twice.",
            "acknowledge": "You lost the floor.",
            "commit": "On Friday I will let you finish.",
        },
        person,
        "in_person",
        [],
        tab,
    )


def test_a_drafted_session_shows_its_commitment_and_can_be_marked_with_a_note(journal: Journal) -> None:
    handlers = page(journal)
    drafted(handlers)
    view = handlers.follow_through()
    assert view.follow_choices and "On Friday I will let you finish." in view.follow_list
    (label, chosen) = view.follow_choices[0]
    marked = handlers.mark_commitment(chosen, "kept", "let her finish; she made her point")
    assert "Marked" in marked.follow_status and "[Kept]" in marked.follow_list
    assert "let her finish; she made her point" in marked.follow_history
    assert handlers.mark_commitment(None, "kept", "").follow_status.startswith("**")  # asks to choose


def test_dates_are_editable_an_overdue_check_in_is_marked_and_bad_dates_change_nothing(
    journal: Journal,
) -> None:
    handlers = page(journal)
    drafted(handlers)
    chosen = handlers.follow_through().follow_choices[0][1]
    saved = handlers.set_commitment_dates(chosen, "2026-11-20", "2026-11-21")
    assert saved.follow_dates == ("2026-11-20", "2026-11-21") and "check-in overdue" in saved.follow_list
    refused = handlers.set_commitment_dates(chosen, "next friday", "")
    assert "2026-12-24" in refused.follow_status and refused.follow_dates == ("2026-11-20", "2026-11-21")


def test_the_calendar_file_is_private_and_parses_back(journal: Journal) -> None:
    handlers = page(journal)
    drafted(handlers)
    chosen = handlers.follow_through().follow_choices[0][1]
    view = handlers.calendar(chosen, "")
    path = Path(view.follow_file)
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Follow through with Priya", "Check in with Priya"]
    assert [e.decoded("DTSTART") for e in events] == [date(2026, 12, 4), date(2026, 12, 5)]


def test_reopening_a_session_shows_its_commitment_history(journal: Journal) -> None:
    handlers = page(journal)
    drafted(handlers)
    chosen = handlers.follow_through().follow_choices[0][1]
    handlers.mark_commitment(chosen, "not_yet", "the meeting moved")
    session_id = journal.sessions()[0].id
    opened = page(journal).open_session(session_id, Form(), "tab-2")
    assert "Not yet: the meeting moved" in opened.follow_history


def test_patterns_count_by_kind_and_month_kept_against_not_and_point_to_a_principle(journal: Journal) -> None:
    handlers = page(journal)
    for tab in ("a", "b"):
        drafted(handlers, tab)
    ids = [value for _, value in handlers.follow_through().follow_choices]
    handlers.mark_commitment(ids[0], "dropped", "")
    view = handlers.patterns(by_person=False)
    rows = {(group, label): n for group, label, n in view.patterns_rows}
    assert rows[("by kind", "interrupting")] == 2 and rows[("commitments", "not kept")] == 1
    assert not any(group == "by person" for group, _, _ in view.patterns_rows)
    assert (
        "Interrupting** has come up 2 times" in view.patterns_text
        and "situation-interrupting" in view.patterns_text
    )
    with_people = handlers.patterns(by_person=True)
    assert ("by person", "Priya", 2) in [tuple(r) for r in with_people.patterns_rows]


def test_without_a_journal_the_area_says_so() -> None:
    handlers = page(None)
    assert "journal" in handlers.follow_through().follow_list
    assert "journal" in handlers.patterns().patterns_text
