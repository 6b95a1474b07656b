"""Past sessions: reopening and deleting what the journal kept."""

from __future__ import annotations

import logging
import sqlite3

from assistant.core.reflection import QUESTIONS
from assistant.core.schemas import (
    SECTIONS,
)
from assistant.ui.handler_base import (
    Form,
    HandlerBase,
    View,
)
from assistant.ui.handlers_followthrough import history_markdown
from assistant.ui.render import (
    status_text,
)

log = logging.getLogger(__name__)


class SessionHandlers(HandlerBase):
    """The journal, from the page."""

    def past_sessions(self) -> View:
        """The "Past sessions" list, refreshed when the page loads."""
        return View(past=self.sessions.choices())

    def open_session(self, session_id: str | None, form: Form, session: str = "") -> View:
        """Put a saved session back on the page; the one on the page now is saved first."""
        if not session_id:
            return View(status=status_text("Choose a past session to open first.", "warning"))
        note = self.keep_form(form, session)
        try:
            record = self.sessions.open(session, session_id)
        except sqlite3.Error as exc:
            log.warning("could not read the journal (%s)", type(exc).__name__)
            record = None
        if record is None:
            problem = "That session could not be opened; it may have been deleted."
            return View(status=status_text(problem, "error") + note, past=self.sessions.choices())
        latest = record.versions[-1] if record.versions else {}
        sections = {name: str(latest.get(name) or "") for name in SECTIONS}
        view, _ = self.review(sections, record.person, record.delivery, record.incident, record.notes)
        if not any(sections.values()):
            view.message = ""
        known = {key: str(record.notes.get(key) or "") for key, _, _ in QUESTIONS}
        commitment = None
        if self.sessions.journal is not None:
            try:
                commitment = self.sessions.journal.session_commitment(session_id)
            except sqlite3.Error as exc:
                log.warning("could not read the commitment (%s)", type(exc).__name__)
        count = len(record.versions)
        return View(
            incident=record.incident,
            person=record.person,
            setting=record.setting,
            delivery=record.delivery or "in_person",
            answers=known,
            suggestions={},
            **sections,
            message=view.message,
            highlights=view.highlights,
            after=view.after,
            versions=list(record.versions),
            follow_history=history_markdown(commitment) if commitment else "",
            sources="Draft again to see the principles behind a new draft.",
            status=f"Opened the session of {record.updated.replace('T', ' ')} with {count} "
            f"version{'s' if count != 1 else ''}; new work is saved into it." + note,
        )

    def delete_session(self, session_id: str | None) -> View:
        """Delete one session from the journal; the page itself is left as it is."""
        if not session_id:
            return View(status=status_text("Choose a past session to delete first.", "warning"))
        try:
            deleted = self.sessions.delete(session_id)
        except sqlite3.Error as exc:
            log.warning("could not delete from the journal (%s)", type(exc).__name__)
            problem = "The session could not be deleted; please try again."
            return View(status=status_text(problem, "error"))
        status = (
            "Deleted that session from this computer; text still on this page is saved again, "
            "as a new session, only if you draft, edit or revise."
            if deleted
            else "That session was already deleted."
        )
        return View(status=status, past=self.sessions.choices())

    def delete_everything(self, confirmed: bool) -> View:
        """Delete every saved session, only once the leader ticked the confirmation."""
        if not confirmed:
            ask = "Tick \u201cYes, delete every saved session\u201d first; nothing was deleted."
            return View(status=status_text(ask, "warning"))
        try:
            count = self.sessions.delete_all()
        except sqlite3.Error as exc:
            log.warning("could not delete the journal (%s)", type(exc).__name__)
            problem = "The journal could not be emptied; please try again."
            return View(status=status_text(problem, "error"))
        plural = "s" if count != 1 else ""
        status = f"Deleted all {count} saved session{plural} from this computer."
        return View(status=status, past=[])
