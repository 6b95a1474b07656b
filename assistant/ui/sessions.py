"""The page's side of the journal: which session each browser tab writes to, and past sessions.

Each tab gets a journal session on its first save; every draft, edit, revision and reflection
is saved there at once, so a refresh or a closed tab loses nothing. A failed save never stops
the leader: it becomes a note in the status line. Nothing here logs what the leader wrote.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime

from assistant.storage.journal import Journal, SessionRecord, SessionSummary

log = logging.getLogger(__name__)

SAVE_FAILED = " (Could not save this to the journal just now; it is still on the page.)"
TITLE_CHARS = 60


def session_label(summary: SessionSummary) -> str:
    """What the "Past sessions" list shows: when, and how the incident begins."""
    try:
        when = datetime.fromisoformat(summary.updated).strftime("%d %b %Y %H:%M")
    except ValueError:
        when = summary.updated
    words = " ".join(summary.incident.split())
    title = words[:TITLE_CHARS] + ("\u2026" if len(words) > TITLE_CHARS else "")
    count = f"{summary.versions} version{'s' if summary.versions != 1 else ''}"
    return f"{when} \u00b7 {title or '(no incident yet)'} \u00b7 {count}"


class SessionKeeper:
    """Saves each tab's work to the journal as it happens; lists, reopens and deletes sessions."""

    def __init__(self, journal: Journal | None) -> None:
        self.journal = journal
        self._tabs: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.journal is not None

    @property
    def note(self) -> str:
        """A sentence for the page when the journal had to be set aside at start."""
        return self.journal.note if self.journal is not None else ""

    def session_of(self, tab: str) -> str | None:
        with self._lock:
            return self._tabs.get(tab)

    def _session_for(self, tab: str) -> str:
        assert self.journal is not None
        with self._lock:
            if tab not in self._tabs:
                self._tabs[tab] = self.journal.new_session()
            return self._tabs[tab]

    def _attempt(self, what: str, action) -> str:
        try:
            action()
        except (sqlite3.Error, OSError, ValueError) as exc:
            log.warning("could not save the %s to the journal (%s)", what, type(exc).__name__)
            return SAVE_FAILED
        return ""

    # -- saving as the leader works --------------------------------------------------------
    def save_form(
        self,
        tab: str,
        *,
        incident: str,
        person: str | None = None,
        setting: str | None = None,
        delivery: str | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> str:
        """Keep the describe and reflect steps; returns a note for the status line on failure.

        A field given as None is left as it was saved.
        """
        if self.journal is None or not (incident or "").strip():
            return ""
        journal, session = self.journal, self._session_for(tab)
        return self._attempt(
            "incident",
            lambda: journal.save_form(
                session,
                incident=incident,
                person=person,
                setting=setting,
                delivery=delivery,
                notes=notes,
            ),
        )

    def save_version(
        self,
        tab: str,
        versions: Sequence[Mapping[str, object]],
        *,
        message: str = "",
        findings: Sequence[Mapping[str, object]] = (),
    ) -> str:
        """Keep the newest version (the latest edit folds into it, as on the page)."""
        if self.journal is None or not versions:
            return ""
        journal, session = self.journal, self._session_for(tab)
        latest = versions[-1]
        return self._attempt(
            "draft",
            lambda: journal.save_version(session, latest, message=message, findings=findings),
        )

    # -- past sessions -----------------------------------------------------------------------
    def choices(self) -> list[tuple[str, str]]:
        """(label, id) pairs for the "Past sessions" dropdown, newest first."""
        if self.journal is None:
            return []
        try:
            return [(session_label(s), s.id) for s in self.journal.sessions()]
        except sqlite3.Error as exc:
            log.warning("could not list the journal (%s)", type(exc).__name__)
            return []

    def open(self, tab: str, session_id: str | None) -> SessionRecord | None:
        """Load a session and make it this tab's, so later saves continue it."""
        if self.journal is None or not session_id:
            return None
        record = self.journal.load(session_id)
        if record is not None:
            with self._lock:
                self._tabs[tab] = record.id
        return record

    def delete(self, session_id: str | None) -> bool:
        if self.journal is None or not session_id:
            return False
        with self._lock:
            for tab in [t for t, s in self._tabs.items() if s == session_id]:
                del self._tabs[tab]  # a tab still showing it starts a new session if it saves
        return self.journal.delete(session_id)

    def delete_all(self) -> int:
        if self.journal is None:
            return 0
        with self._lock:
            self._tabs.clear()
        return self.journal.delete_all()
