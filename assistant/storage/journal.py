"""The journal: every session the leader works on, kept in one local SQLite file.

Saved as they work, so a refresh, a closed tab or a crash loses nothing. One file in the
data directory is easy to find and to delete; transactions keep it whole if the app dies
mid-save; mode 0600 keeps other accounts out; `secure_delete` plus VACUUM make deleted text
unreadable in the file. With `ephemeral`, the same code runs on an in-memory database, so
nothing the leader writes reaches the disk.

Nothing here logs what the leader wrote: only counts, ids and file names.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from assistant.core.followthrough import follow_through_plan
from assistant.core.schemas import DEFAULT_DELIVERY, Version

log = logging.getLogger(__name__)

JOURNAL_FILE = "journal.sqlite3"
SCHEMA_VERSION = 2  # 2: commitments and their history (follow-through)
# What can become of a commitment; "open" until the leader says otherwise.
STATUSES = ("open", "kept", "partly", "not_yet", "dropped")
LOCK_TIMEOUT_S = 2.0
_SURROGATE = re.compile(r"[\ud800-\udfff]")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    incident TEXT NOT NULL DEFAULT '',
    person TEXT NOT NULL DEFAULT '',
    setting TEXT NOT NULL DEFAULT '',
    delivery TEXT NOT NULL DEFAULT 'in_person',
    notes TEXT NOT NULL DEFAULT '{}',
    commitment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS versions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    source TEXT NOT NULL,
    time TEXT NOT NULL,
    own TEXT NOT NULL DEFAULT '',
    acknowledge TEXT NOT NULL DEFAULT '',
    "commit" TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '[]',
    saved TEXT NOT NULL,
    PRIMARY KEY (session_id, n)
);
CREATE TABLE IF NOT EXISTS commitments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
    text TEXT NOT NULL DEFAULT '',
    occasion TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL DEFAULT '',
    check_in TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commitment_events (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
"""


def storable(text: object) -> str:
    """Text SQLite can hold: lone surrogates (invalid Unicode) become U+FFFD, nothing else."""
    return _SURROGATE.sub("\ufffd", str(text or ""))


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class SessionSummary:
    """One line of the "Past sessions" list."""

    id: str
    created: str
    updated: str
    incident: str
    versions: int


@dataclass
class SessionRecord:
    """Everything saved for one session, enough to put the page back as it was."""

    id: str
    created: str
    updated: str
    incident: str = ""
    person: str = ""
    setting: str = ""
    delivery: str = DEFAULT_DELIVERY
    notes: dict[str, str] = field(default_factory=dict)
    commitment: str = ""
    versions: list[Version] = field(default_factory=list)
    message: str = ""
    findings: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class CommitmentEvent:
    """One change of a commitment's status, with the leader's note."""

    at: str
    status: str
    note: str = ""


@dataclass
class CommitmentRecord:
    """The one commitment of a session: what was promised, when, and how it went."""

    id: int
    session_id: str
    text: str
    occasion: str
    due: str  # ISO date, or "" when the commitment names none
    check_in: str  # ISO date, or "" until the leader sets one
    status: str
    created: str
    updated: str
    person: str = ""
    history: list[CommitmentEvent] = field(default_factory=list)

    @property
    def next_date(self) -> str:
        """The sooner of its dates, for sorting; "" sorts last."""
        dates = [d for d in (self.check_in, self.due) if d]
        return min(dates) if dates else ""


def _private_file(path: Path) -> None:
    """Create the file (and SQLite's side files' template) owner-only before SQLite writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    path.chmod(0o600)  # an older file, or one made under a loose umask


class Journal:
    """Sessions in SQLite. `path=None` keeps everything in memory (`--ephemeral`).

    One connection shared by the page's worker threads, guarded by a lock; every save is
    one transaction.
    """

    def __init__(
        self, path: Path | None, *, timeout: float = LOCK_TIMEOUT_S, today: Callable[[], date] = date.today
    ) -> None:
        self.path = path
        self.today = today  # dates in commitments are worked out from this day
        self.note = ""  # a sentence for the leader when the journal had to be set aside
        self._lock = threading.RLock()
        if path is not None:
            _private_file(path)
        self._db = sqlite3.connect(
            ":memory:" if path is None else str(path),
            timeout=timeout,
            check_same_thread=False,
            isolation_level=None,
        )
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    @property
    def ephemeral(self) -> bool:
        return self.path is None

    def _prepare(self) -> None:
        db = self._db
        # Deleted rows are overwritten with zeros; the rollback journal (no -wal/-shm files)
        # is removed after each commit; temp tables and VACUUM scratch stay in memory.
        db.execute("PRAGMA secure_delete=ON")
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute("PRAGMA foreign_keys=ON")
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError("the journal failed its integrity check")
        with self._transaction():
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError("the journal was written by a newer version of the app")
            if version == 1:
                self._commitments_from_versions(db)
            if version < SCHEMA_VERSION:
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- writing ------------------------------------------------------------------------
    def new_session(self) -> str:
        """An id for a new session; the row appears with its first save."""
        return uuid.uuid4().hex

    def save_form(
        self,
        session_id: str,
        *,
        incident: str,
        person: str | None = None,
        setting: str | None = None,
        delivery: str | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> None:
        """Keep what the leader described and answered, exactly as typed (None: unchanged)."""
        now = _now()
        fields: dict[str, str] = {"updated": now, "incident": storable(incident)}
        for name, value in (("person", person), ("setting", setting), ("delivery", delivery)):
            if value is not None:
                fields[name] = storable(value)
        if notes is not None:
            fields["notes"] = json.dumps({k: storable(v) for k, v in notes.items()}, ensure_ascii=False)
        assignments = ", ".join(f"{name}=?" for name in fields)  # names from the list above only
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO sessions (id, created, updated) VALUES (?, ?, ?)",
                (session_id, now, now),
            )
            db.execute(f"UPDATE sessions SET {assignments} WHERE id=?", (*fields.values(), session_id))

    def save_version(
        self,
        session_id: str,
        version: Version | Mapping[str, object],
        *,
        message: str = "",
        findings: Sequence[Mapping[str, object]] = (),
    ) -> None:
        """Keep one draft version (a new one, or the latest edit folded into it)."""
        now = _now()
        commit = storable(version.get("commit"))
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, created, updated) VALUES (?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET updated=excluded.updated",
                (session_id, now, now),
            )
            db.execute(
                'INSERT INTO versions (session_id, n, source, time, own, acknowledge, "commit",'
                " message, findings, saved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(session_id, n) DO UPDATE SET source=excluded.source,"
                " time=excluded.time,"
                ' own=excluded.own, acknowledge=excluded.acknowledge, "commit"=excluded."commit",'
                " message=excluded.message, findings=excluded.findings, saved=excluded.saved",
                (
                    session_id,
                    int(str(version.get("n") or 0)),
                    storable(version.get("source")),
                    storable(version.get("time")),
                    storable(version.get("own")),
                    storable(version.get("acknowledge")),
                    commit,
                    storable(message),
                    json.dumps([dict(f) for f in findings], ensure_ascii=False, default=str)
                    .encode("utf-8", "replace")
                    .decode("utf-8"),
                    now,
                ),
            )
            db.execute("UPDATE sessions SET commitment=? WHERE id=?", (commit, session_id))
            self._keep_commitment(db, session_id, commit)

    # -- reading ------------------------------------------------------------------------
    def sessions(self) -> list[SessionSummary]:
        """Every saved session, most recently changed first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT s.id, s.created, s.updated, s.incident,"
                " (SELECT COUNT(*) FROM versions v WHERE v.session_id = s.id)"
                " FROM sessions s ORDER BY s.updated DESC, s.created DESC"
            ).fetchall()
        return [SessionSummary(*row) for row in rows]

    def load(self, session_id: str) -> SessionRecord | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, created, updated, incident, person, setting, delivery, notes,"
                " commitment"
                " FROM sessions WHERE id=?",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            versions = self._db.execute(
                'SELECT n, source, time, own, acknowledge, "commit", message, findings'
                " FROM versions WHERE session_id=? ORDER BY n",
                (session_id,),
            ).fetchall()
        record = SessionRecord(*row[:7], notes=json.loads(row[7] or "{}"), commitment=row[8])
        for n, source, time, own, ack, commit, message, findings in versions:
            record.versions.append(
                Version(n=n, source=source, time=time, own=own, acknowledge=ack, commit=commit)
            )
            record.message, record.findings = message, json.loads(findings or "[]")
        return record

    # -- commitments (follow-through) ---------------------------------------------------
    def _keep_commitment(self, db: sqlite3.Connection, session_id: str, text: str) -> None:
        """The session's commitment follows its latest commit; dates the leader set are kept."""
        text = " ".join(text.split())
        if not text:
            return
        now = _now()
        row = db.execute(
            "SELECT id, text, due, check_in FROM commitments WHERE session_id=?", (session_id,)
        ).fetchone()
        plan = follow_through_plan(text, self.today())
        occasion = plan.occasion.text if plan.occasion is not None else ""
        due = plan.occasion.when.isoformat() if plan.occasion is not None and plan.occasion.when else ""
        check_in = plan.check_in_date.isoformat() if plan.check_in_date else ""
        if row is None:
            db.execute(
                "INSERT INTO commitments (session_id, text, occasion, due, check_in, status, created, updated)"
                " VALUES (?, ?, ?, ?, ?, 'open', ?, ?)",
                (session_id, text, occasion, due, check_in, now, now),
            )
        elif row[1] != text:
            # A changed promise gets the dates its new words name, unless the leader set them.
            edited = db.execute(
                "SELECT COUNT(*) FROM commitment_events WHERE commitment_id=? AND status='dates'", (row[0],)
            ).fetchone()[0]
            if edited:
                due, check_in = row[2], row[3]
            db.execute(
                "UPDATE commitments SET text=?, occasion=?, due=?, check_in=?, updated=? WHERE id=?",
                (text, occasion, due, check_in, now, row[0]),
            )

    def _commitments_from_versions(self, db: sqlite3.Connection) -> None:
        """Migration 1 → 2: every session that reached a draft gets its commitment."""
        rows = db.execute(
            'SELECT v.session_id, v."commit" FROM versions v WHERE v.n ='
            " (SELECT MAX(n) FROM versions w WHERE w.session_id = v.session_id)"
        ).fetchall()
        for session_id, text in rows:
            self._keep_commitment(db, session_id, text or "")
        log.info("journal upgraded to version %d: %d commitments", SCHEMA_VERSION, len(rows))

    def commitments(self, *, due_only: bool = False, today: date | None = None) -> list[CommitmentRecord]:
        """Open commitments first, soonest date first; `due_only`: a date today or earlier."""
        with self._lock:
            rows = self._db.execute(
                "SELECT c.id, c.session_id, c.text, c.occasion, c.due, c.check_in, c.status, c.created,"
                " c.updated, s.person FROM commitments c JOIN sessions s ON s.id = c.session_id"
            ).fetchall()
            events = self._db.execute(
                "SELECT commitment_id, at, status, note FROM commitment_events ORDER BY rowid"
            ).fetchall()
        records = [CommitmentRecord(*row) for row in rows]
        by_id = {record.id: record for record in records}
        for commitment_id, *event in events:
            if commitment_id in by_id:
                by_id[commitment_id].history.append(CommitmentEvent(*event))
        if due_only:
            limit = (today or self.today()).isoformat()
            records = [
                r for r in records if r.status in ("open", "not_yet") and r.next_date and r.next_date <= limit
            ]
        return sorted(
            records, key=lambda r: (r.status not in ("open", "not_yet"), r.next_date or "9999", r.id)
        )

    def commitment(self, commitment_id: int) -> CommitmentRecord | None:
        with self._lock:
            row = self._db.execute(
                "SELECT c.id, c.session_id, c.text, c.occasion, c.due, c.check_in, c.status, c.created,"
                " c.updated, s.person FROM commitments c JOIN sessions s ON s.id = c.session_id WHERE c.id=?",
                (commitment_id,),
            ).fetchone()
            if row is None:
                return None
            events = self._db.execute(
                "SELECT at, status, note FROM commitment_events WHERE commitment_id=? ORDER BY rowid",
                (commitment_id,),
            ).fetchall()
        record = CommitmentRecord(*row)
        record.history = [CommitmentEvent(*event) for event in events]
        return record

    def facts(self) -> list[tuple[str, str, str, str | None]]:
        """(created, incident, person, commitment status or None) for every session, oldest first."""
        with self._lock:
            return self._db.execute(
                "SELECT s.created, s.incident, s.person, c.status FROM sessions s"
                " LEFT JOIN commitments c ON c.session_id = s.id ORDER BY s.created"
            ).fetchall()

    def session_commitment(self, session_id: str) -> CommitmentRecord | None:
        with self._lock:
            row = self._db.execute("SELECT id FROM commitments WHERE session_id=?", (session_id,)).fetchone()
        return self.commitment(row[0]) if row else None

    def mark(self, commitment_id: int, status: str, note: str = "") -> CommitmentRecord | None:
        """Record how the commitment went; every change is kept with its date and note."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        now = _now()
        with self._transaction() as db:
            changed = db.execute(
                "UPDATE commitments SET status=?, updated=? WHERE id=?", (status, now, commitment_id)
            ).rowcount
            if changed:
                db.execute(
                    "INSERT INTO commitment_events (commitment_id, at, status, note) VALUES (?, ?, ?, ?)",
                    (commitment_id, now, status, storable(note)),
                )
        return self.commitment(commitment_id) if changed else None

    def set_dates(
        self, commitment_id: int, *, due: date | None | str = "", check_in: date | None | str = ""
    ) -> CommitmentRecord | None:
        """Change the due and check-in dates (None clears one; "" leaves it as it is)."""
        fields: dict[str, str] = {}
        for name, value in (("due", due), ("check_in", check_in)):
            if value is None:
                fields[name] = ""
            elif isinstance(value, date):
                fields[name] = value.isoformat()
        if not fields:
            return self.commitment(commitment_id)
        now = _now()
        assignments = ", ".join(f"{name}=?" for name in fields)  # names from the tuple above only
        with self._transaction() as db:
            changed = db.execute(
                f"UPDATE commitments SET {assignments}, updated=? WHERE id=?",
                (*fields.values(), now, commitment_id),
            ).rowcount
            if changed:
                summary = ", ".join(
                    f"{name.replace('_', '-')} {value or 'none'}" for name, value in fields.items()
                )
                db.execute(
                    "INSERT INTO commitment_events (commitment_id, at, status, note) VALUES (?, ?, 'dates', ?)",
                    (commitment_id, now, summary),
                )
        return self.commitment(commitment_id) if changed else None

    # -- deleting -----------------------------------------------------------------------
    def delete(self, session_id: str) -> bool:
        """Remove one session, so its text is no longer readable anywhere in the file."""
        with self._transaction() as db:
            db.execute(
                "DELETE FROM commitment_events WHERE commitment_id IN"
                " (SELECT id FROM commitments WHERE session_id=?)",
                (session_id,),
            )
            db.execute("DELETE FROM commitments WHERE session_id=?", (session_id,))
            db.execute("DELETE FROM versions WHERE session_id=?", (session_id,))
            gone = db.execute("DELETE FROM sessions WHERE id=?", (session_id,)).rowcount
        self._compact()
        log.info("deleted %d journal session", gone)
        return gone > 0

    def delete_all(self) -> int:
        """Remove every session."""
        with self._transaction() as db:
            db.execute("DELETE FROM commitment_events")
            db.execute("DELETE FROM commitments")
            db.execute("DELETE FROM versions")
            gone = db.execute("DELETE FROM sessions").rowcount
        self._compact()
        log.info("deleted all %d journal sessions", gone)
        return gone

    def _compact(self) -> None:
        # secure_delete already zeroes freed cells; VACUUM rebuilds the file so no stale
        # page, freelist or overflow chain keeps a copy either.
        with self._lock:
            self._db.execute("VACUUM")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _backup_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
    return candidate


def open_journal(data_dir: Path, *, ephemeral: bool = False, timeout: float = LOCK_TIMEOUT_S) -> Journal:
    """The journal of this data directory; never stops the app from starting.

    A locked or damaged file is moved to a timestamped backup and a fresh journal started
    (`journal.note` says so). If even that fails, the journal lives in memory for this run.
    """
    if ephemeral:
        return Journal(None)
    path = Path(data_dir) / JOURNAL_FILE
    try:
        return Journal(path, timeout=timeout)
    except (OSError, sqlite3.Error) as first:
        reason = "locked by another program" if "locked" in str(first) else "damaged or unreadable"
        log.warning("the journal %s is %s (%s)", path, reason, type(first).__name__)
    try:
        backup = _backup_name(path)
        os.replace(path, backup)
        side = path.with_name(path.name + "-journal")
        if side.exists():
            os.replace(side, backup.with_name(backup.name + "-journal"))
        journal = Journal(path, timeout=timeout)
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not start a fresh journal at %s (%s); keeping sessions in memory", path, exc)
        journal = Journal(None)
        journal.note = (
            f"The journal file {path} could not be opened, so this session is kept in memory only "
            "and will be gone when the app stops."
        )
        return journal
    log.warning("moved the journal aside to %s and started a new one", backup)
    journal.note = (
        f"The journal file was {reason}, so it was moved to {backup.name} in {path.parent} and a "
        "new one was started; your earlier sessions are in that backup."
    )
    return journal
