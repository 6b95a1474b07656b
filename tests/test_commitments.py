"""Commitments in the journal: made from the draft, dated, marked, kept with their history."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from assistant.storage.journal import JOURNAL_FILE, SCHEMA_VERSION, Journal, open_journal

TODAY = date(2026, 12, 2)  # a Wednesday
MARKER = "CANARY-commitment-91c2"


def _journal(tmp_path: Path | None) -> Journal:
    path = tmp_path / JOURNAL_FILE if tmp_path is not None else None
    return Journal(path, today=lambda: TODAY)


def _draft(journal: Journal, commit: str, person: str = "Priya") -> str:
    session = journal.new_session()
    journal.save_form(session, incident="I cut Priya off twice.", person=person)
    journal.save_version(
        session,
        {
            "n": 1,
            "source": "draft",
            "time": "10:00:00",
            "own": "I cut you off.",
            "acknowledge": "x",
            "commit": commit,
        },
    )
    return session


def test_a_draft_makes_one_commitment_with_its_occasion_and_dates(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    session = _draft(journal, "In Thursday's planning meeting I will let you finish before I speak.")
    record = journal.session_commitment(session)
    assert record is not None and record.status == "open" and record.person == "Priya"
    assert record.due == "2026-12-03" and record.check_in == "2026-12-04"
    assert "Thursday" in record.occasion
    # A later version changes the promise, not the number of commitments.
    journal.save_version(
        session,
        {
            "n": 2,
            "source": "edit",
            "time": "10:05",
            "own": "a",
            "acknowledge": "b",
            "commit": "Tomorrow I will ask you first.",
        },
    )
    assert len(journal.commitments()) == 1
    assert journal.session_commitment(session).due == "2026-12-03"  # tomorrow


def test_without_an_occasion_the_check_in_is_within_a_week_and_no_due_date(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    record = journal.session_commitment(_draft(journal, "I will listen more."))
    assert record.due == "" and record.check_in == "2026-12-09"


def test_dates_can_be_edited_and_survive_a_reworded_promise(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    session = _draft(journal, "I will listen more.")
    record = journal.session_commitment(session)
    edited = journal.set_dates(record.id, due=date(2026, 12, 10), check_in=date(2026, 12, 11))
    assert (edited.due, edited.check_in) == ("2026-12-10", "2026-12-11")
    assert edited.history[-1].status == "dates"
    journal.save_version(
        session,
        {
            "n": 2,
            "source": "edit",
            "time": "10:05",
            "own": "a",
            "acknowledge": "b",
            "commit": "I will listen first.",
        },
    )
    again = journal.session_commitment(session)
    assert again.text == "I will listen first." and (again.due, again.check_in) == (
        "2026-12-10",
        "2026-12-11",
    )
    cleared = journal.set_dates(record.id, due=None)
    assert cleared.due == "" and cleared.check_in == "2026-12-11"


def test_marking_keeps_every_change_with_its_note(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    record = journal.session_commitment(_draft(journal, "Tomorrow I will ask you first."))
    journal.mark(record.id, "not_yet", "the meeting moved")
    marked = journal.mark(record.id, "kept", "asked first, she finished her point")
    assert marked.status == "kept"
    assert [(e.status, e.note) for e in marked.history] == [
        ("not_yet", "the meeting moved"),
        ("kept", "asked first, she finished her point"),
    ]
    with pytest.raises(ValueError):
        journal.mark(record.id, "maybe")
    assert journal.mark(9999, "kept") is None


def test_open_commitments_come_first_soonest_first_and_due_lists_only_what_is_due(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    later = journal.session_commitment(_draft(journal, "Next week I will ask you first.", "Ana"))
    sooner = journal.session_commitment(_draft(journal, "Tomorrow I will ask you first.", "Ben"))
    done = journal.session_commitment(_draft(journal, "Today I will ask you first.", "Cy"))
    journal.mark(done.id, "kept")
    assert [r.id for r in journal.commitments()] == [sooner.id, later.id, done.id]
    assert [r.id for r in journal.commitments(due_only=True, today=date(2026, 12, 4))] == [sooner.id]


def test_deleting_a_session_deletes_its_commitment_and_history_for_real(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    session = _draft(journal, f"Tomorrow I will ask {MARKER} first.")
    record = journal.session_commitment(session)
    journal.mark(record.id, "kept", f"note about {MARKER}")
    assert journal.delete(session)
    assert journal.commitments() == [] and journal.commitment(record.id) is None
    journal.close()
    assert MARKER.encode() not in (tmp_path / JOURNAL_FILE).read_bytes()


def test_ephemeral_commitments_never_touch_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    journal = open_journal(tmp_path / "data", ephemeral=True)
    record = journal.session_commitment(_draft(journal, f"Tomorrow I will ask {MARKER} first."))
    journal.mark(record.id, "kept", MARKER)
    assert journal.commitment(record.id).status == "kept"
    assert not (tmp_path / "data").exists() and list(tmp_path.iterdir()) == []


# The journal as the previous release wrote it (schema version 1), to check the migration.
VERSION_1 = """
CREATE TABLE sessions (id TEXT PRIMARY KEY, created TEXT NOT NULL, updated TEXT NOT NULL,
    incident TEXT NOT NULL DEFAULT '', person TEXT NOT NULL DEFAULT '', setting TEXT NOT NULL DEFAULT '',
    delivery TEXT NOT NULL DEFAULT 'in_person', notes TEXT NOT NULL DEFAULT '{}',
    commitment TEXT NOT NULL DEFAULT '');
CREATE TABLE versions (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, source TEXT NOT NULL, time TEXT NOT NULL, own TEXT NOT NULL DEFAULT '',
    acknowledge TEXT NOT NULL DEFAULT '', "commit" TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '[]', saved TEXT NOT NULL, PRIMARY KEY (session_id, n));
INSERT INTO sessions (id, created, updated, incident, person) VALUES
    ('s1', '2026-11-30T09:00:00', '2026-11-30T09:10:00', 'I cut Priya off.', 'Priya'),
    ('s2', '2026-11-30T11:00:00', '2026-11-30T11:00:00', 'Only described, never drafted.', 'Jo');
INSERT INTO versions (session_id, n, source, time, own, acknowledge, "commit", saved) VALUES
    ('s1', 1, 'draft', '09:05', 'I cut you off.', 'x', 'I will do better.', '2026-11-30T09:05:00'),
    ('s1', 2, 'edit', '09:10', 'I cut you off.', 'x', 'On Friday I will let you finish.', '2026-11-30T09:10:00');
PRAGMA user_version=1;
"""


def test_a_version_1_journal_opens_with_a_commitment_for_each_drafted_session(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_FILE
    old = sqlite3.connect(path)
    old.executescript(VERSION_1)
    old.close()
    journal = Journal(path, today=lambda: TODAY)
    assert journal.load("s1").versions[-1]["commit"] == "On Friday I will let you finish."
    (record,) = journal.commitments()
    assert record.session_id == "s1" and record.text == "On Friday I will let you finish."
    assert record.due == "2026-12-04" and record.status == "open"
    journal.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.close()
    # Opening it again migrates nothing twice.
    assert len(Journal(path, today=lambda: TODAY).commitments()) == 1


# -- the calendar file -------------------------------------------------------------------


def test_the_calendar_file_parses_back_with_its_dates_titles_and_reminders() -> None:
    from icalendar import Calendar

    from assistant.core.ics import CalendarDates, calendar_file

    raw = calendar_file(CalendarDates("Priya", date(2026, 12, 3), date(2026, 12, 4)))
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Follow through with Priya", "Check in with Priya"]
    assert [e.decoded("DTSTART") for e in events] == [date(2026, 12, 3), date(2026, 12, 4)]
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER").total_seconds() == 9 * 3600
    assert b"cut" not in raw.lower(), "nothing about the incident goes into the file"
    custom = Calendar.from_ical(calendar_file(CalendarDates("Priya", None, date(2026, 12, 4)), "1:1 prep"))
    assert [str(e["SUMMARY"]) for e in custom.walk("VEVENT")] == ["1:1 prep"]
    with pytest.raises(ValueError):
        calendar_file(CalendarDates("Priya", None, None))


# -- the command line ----------------------------------------------------------------------


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    import io

    from assistant.cli import main as cli

    monkeypatch.setenv("REPAIR_DATA_DIR", str(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_lists_marks_dates_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    journal = open_journal(tmp_path)
    record = journal.session_commitment(_draft(journal, "Tomorrow I will ask you first."))
    journal.close()
    code, out, _ = _cli(tmp_path, monkeypatch, "commitments")
    assert code == 0 and f"{record.id}" in out and "[open] with Priya: Tomorrow I will ask you first." in out
    code, out, _ = _cli(
        tmp_path, monkeypatch, "commitments", "mark", str(record.id), "not-yet", "--note", "moved"
    )
    assert code == 0 and "[not yet]" in out
    code, out, _ = _cli(
        tmp_path, monkeypatch, "commitments", "dates", str(record.id), "--check-in", "2030-01-02"
    )
    assert code == 0 and "check in 2030-01-02" in out
    code, out, _ = _cli(tmp_path, monkeypatch, "commitments", "--json")
    (listed,) = json.loads(out)
    assert listed["status"] == "not_yet" and [e["status"] for e in listed["history"]] == ["not_yet", "dates"]
    target = tmp_path / "check-in.ics"
    code, out, _ = _cli(tmp_path, monkeypatch, "commitments", "ics", str(record.id), "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    code, out, _ = _cli(tmp_path, monkeypatch, "commitments", "--due")
    assert code == 0 and "No commitments yet" in out  # the check-in is in 2030: nothing is due


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("commitments", "mark", "77", "kept"), "There is no commitment 77"),
        (("commitments", "dates", "1", "--due", "next tuesday"), "--due needs a date like"),
        (("commitments", "ics", "1", "-o", "/nonexistent-dir/x.ics"), "Could not write"),
    ],
)
def test_command_errors_are_one_sentence_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], expected: str
) -> None:
    journal = open_journal(tmp_path)
    _draft(journal, "Tomorrow I will ask you first.")
    journal.close()
    code, out, err = _cli(tmp_path, monkeypatch, *argv)
    assert code == 2 and err.startswith(expected) and err.count("\n") == 1 and out == ""


def test_a_commitment_with_no_date_asks_for_one_before_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = open_journal(tmp_path)
    record = journal.session_commitment(_draft(journal, "At our next one-on-one I will ask you first."))
    journal.close()
    assert record.due == "" and record.check_in == ""
    code, _, err = _cli(
        tmp_path, monkeypatch, "commitments", "ics", str(record.id), "-o", str(tmp_path / "x.ics")
    )
    assert code == 2 and "has no date yet" in err and "--check-in" in err
