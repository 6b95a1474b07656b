"""The journal file: private, survives a crash, deletes for real, never blocks the start."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.storage.journal import JOURNAL_FILE, Journal, open_journal

MARKER = "CANARY-7f3e-journal-Priya"


def _version(n: int, own: str, source: str = "draft", commit: str = "On Thursday I will ask first.") -> dict:
    return {
        "n": n,
        "source": source,
        "time": "10:00:00",
        "own": own,
        "acknowledge": "You lost the floor.",
        "commit": commit,
    }


def _fill(journal: Journal, marker: str = MARKER) -> str:
    session = journal.new_session()
    journal.save_form(
        session,
        incident=f"I cut off {marker} twice.",
        person="Priya",
        setting="team_meeting",
        delivery="writing",
        notes={"impact": f"{marker} went quiet"},
    )
    journal.save_version(
        session,
        _version(1, f"I cut you off twice, {marker}."),
        message=f"Hi {marker}",
        findings=[{"category": "vague_commitment", "text": marker}],
    )
    return session


def _side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != JOURNAL_FILE)


def test_the_file_is_private_and_leaves_no_side_files(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical loose umask: the journal must not inherit it
    try:
        journal = open_journal(tmp_path)
        _fill(journal)
    finally:
        os.umask(old)
    path = tmp_path / JOURNAL_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _side_files(tmp_path) == [], "no -wal, -shm or -journal file stays next to it"
    journal.close()
    path.chmod(0o644)  # a file loosened by hand is tightened again on open
    open_journal(tmp_path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_session_comes_back_as_it_was_saved(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    session = _fill(journal)
    # A direct edit folds into the latest version (same number), as on the page.
    journal.save_version(session, _version(1, "I cut you off.", source="edit"), message="edited")
    journal.save_version(
        session,
        _version(
            2,
            "I talked over you.",
            source="revise: shorter",
            commit="Next meeting I will let you finish.",
        ),
    )
    journal.close()

    reopened = open_journal(tmp_path)
    [summary] = reopened.sessions()
    assert summary.id == session and summary.versions == 2 and MARKER in summary.incident
    record = reopened.load(session)
    assert record is not None
    assert record.person == "Priya" and record.setting == "team_meeting" and record.delivery == "writing"
    assert record.notes == {"impact": f"{MARKER} went quiet"}
    assert [(v["n"], v["source"], v["own"]) for v in record.versions] == [
        (1, "edit", "I cut you off."),
        (2, "revise: shorter", "I talked over you."),
    ]
    assert record.commitment == "Next meeting I will let you finish."
    assert reopened.load("no-such-session") is None


def test_a_crash_right_after_a_save_loses_nothing(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from assistant.storage.journal import open_journal
        journal = open_journal(Path({str(tmp_path)!r}))
        session = journal.new_session()
        journal.save_form(session, incident="I cut off {MARKER}.")
        os._exit(9)  # no close, no clean-up: like a crash or a killed process
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    [summary] = open_journal(tmp_path).sessions()
    assert MARKER in summary.incident


@pytest.mark.parametrize("everything", [False, True])
def test_deleted_text_is_not_readable_in_the_file(tmp_path: Path, everything: bool) -> None:
    journal = open_journal(tmp_path)
    doomed = _fill(journal)
    kept = _fill(journal, marker="KEEP-ME-91c2")
    raw = (tmp_path / JOURNAL_FILE).read_bytes()
    assert MARKER.encode() in raw, "the marker is stored (else this test proves nothing)"
    if everything:
        assert journal.delete_all() == 2
        assert journal.sessions() == []
    else:
        assert journal.delete(doomed) is True
        assert [s.id for s in journal.sessions()] == [kept]
        assert journal.load(kept) is not None
    raw = (tmp_path / JOURNAL_FILE).read_bytes()
    assert MARKER.encode() not in raw
    assert (b"KEEP-ME-91c2" in raw) is (not everything)
    assert _side_files(tmp_path) == []


def test_text_that_is_not_valid_unicode_is_kept(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    session = journal.new_session()
    journal.save_form(session, incident="I said \ud800 something \x07 harsh.\x00 Then left.")
    record = journal.load(session)
    assert record is not None and record.incident == "I said \ufffd something \x07 harsh.\x00 Then left."


def test_ephemeral_writes_nothing(tmp_path: Path) -> None:
    journal = open_journal(tmp_path, ephemeral=True)
    session = _fill(journal)
    assert journal.ephemeral and journal.load(session) is not None
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_journal_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_FILE
    damaged = b"this is not a database " * 200
    path.write_bytes(damaged)
    journal = open_journal(tmp_path)
    assert "damaged" in journal.note and "moved to journal.sqlite3.unreadable-" in journal.note
    assert journal.note.count(". ") == 0 and journal.note.endswith(".")
    [backup] = [p for p in tmp_path.iterdir() if p.name.startswith(JOURNAL_FILE + ".unreadable-")]
    assert backup.read_bytes() == damaged, "the backup is the old file, untouched"
    session = _fill(journal)
    assert journal.load(session) is not None, "and the new journal works"


def test_a_locked_journal_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    first = open_journal(tmp_path)
    _fill(first)
    first.close()
    holder = sqlite3.connect(tmp_path / JOURNAL_FILE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        journal = open_journal(tmp_path, timeout=0.2)
    finally:
        holder.close()
    assert "locked" in journal.note
    backups = [p for p in tmp_path.iterdir() if p.name.startswith(JOURNAL_FILE + ".unreadable-")]
    assert len(backups) == 1 and MARKER.encode() in backups[0].read_bytes(), "earlier sessions are kept"
    assert journal.sessions() == []
    _fill(journal)
    assert len(journal.sessions()) == 1


def test_an_unusable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data directory should be", encoding="utf-8")
    journal = open_journal(blocker)
    assert journal.ephemeral and "kept in memory only" in journal.note
    assert journal.load(_fill(journal)) is not None
