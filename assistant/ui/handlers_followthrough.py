"""Follow-through on the page: the commitments, marked as they go, dated, on the calendar.

And the leader's own patterns over time, counted from their journal on this laptop.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date

from assistant.core.ics import CalendarDates, calendar_file
from assistant.core.patterns import SessionFacts, find_patterns
from assistant.retrieval.knowledge import load_knowledge
from assistant.storage.journal import STATUSES, CommitmentRecord
from assistant.ui.handler_base import HandlerBase, View
from assistant.ui.render import status_text

log = logging.getLogger(__name__)

STATUS_LABELS = {
    "open": "Open",
    "kept": "Kept",
    "partly": "Partly",
    "not_yet": "Not yet",
    "dropped": "Dropped",
}
NO_JOURNAL = "Follow-through needs the journal; it is off for this run."


def _label(record: CommitmentRecord) -> str:
    who = f" with {record.person}" if record.person else ""
    return f"#{record.id}{who}: {record.text[:60]}"


def _when(value: str) -> str:
    return date.fromisoformat(value).strftime("%a %d %b") if value else "no date yet"


def commitments_markdown(records: list[CommitmentRecord], today: date) -> str:
    """Open ones first, soonest first; an overdue check-in is marked."""
    if not records:
        return "No commitments yet. Each repair you draft keeps its commitment here."
    lines = []
    for record in records:
        overdue = (
            record.status in ("open", "not_yet") and record.check_in and record.check_in < today.isoformat()
        )
        flag = " — **check-in overdue**" if overdue else ""
        who = f" with **{record.person}**" if record.person else ""
        lines.append(
            f"- #{record.id} [{STATUS_LABELS[record.status]}]{who}: {record.text} "
            f"(due {_when(record.due)}; check in {_when(record.check_in)}){flag}"
        )
    return "\n".join(lines)


def history_markdown(record: CommitmentRecord | None) -> str:
    if record is None:
        return ""
    lines = [f"**#{record.id}**: {record.text}", f"Status: {STATUS_LABELS[record.status]}."]
    for event in record.history:
        what = "dates changed" if event.status == "dates" else STATUS_LABELS.get(event.status, event.status)
        note = f": {event.note}" if event.note else ""
        lines.append(f"- {event.at.replace('T', ' ')} {what}{note}")
    if not record.history:
        lines.append("- Nothing marked yet.")
    return "\n".join(lines)


def _parse_date(value: str | None, what: str) -> date | None | str:
    """A date, None to clear ("" typed over a date), or raise ValueError with a sentence."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"The {what} date needs the form 2026-12-24; nothing was changed.") from None


class FollowThroughHandlers(HandlerBase):
    """The Follow-through area: list, mark, date, export, and the patterns over time."""

    def follow_through(self, selected: str | None = None) -> View:
        """The list of commitments and the picker's choices; the selected one's history."""
        journal = self.sessions.journal
        if journal is None:
            return View(follow_list=NO_JOURNAL, follow_choices=[])
        try:
            records = journal.commitments()
        except sqlite3.Error as exc:
            log.warning("could not read commitments (%s)", type(exc).__name__)
            return View(follow_list=status_text("The commitments could not be read.", "error"))
        choices = [(_label(r), str(r.id)) for r in records]
        chosen = next((r for r in records if str(r.id) == str(selected)), None)
        return View(
            follow_list=commitments_markdown(records, self.today()),
            follow_choices=choices,
            follow_history=history_markdown(chosen),
            follow_dates=(chosen.due, chosen.check_in) if chosen else ("", ""),
        )

    def select_commitment(self, selected: str | None) -> View:
        return self.follow_through(selected)

    def _record(self, selected: str | None) -> CommitmentRecord | None:
        journal = self.sessions.journal
        if journal is None or not selected:
            return None
        try:
            return journal.commitment(int(selected))
        except (ValueError, sqlite3.Error):
            return None

    def mark_commitment(self, selected: str | None, status: str, note: str) -> View:
        """One click: the status, with a short note, kept with today's date."""
        record = self._record(selected)
        if record is None:
            view = self.follow_through()
            view.follow_status = status_text("Choose a commitment first.", "warning")
            return view
        if status not in STATUSES:
            view = self.follow_through(selected)
            view.follow_status = status_text(
                "Choose how it went: open, kept, partly, not yet or dropped.", "warning"
            )
            return view
        self.sessions.journal.mark(record.id, status, (note or "").strip()[:500])  # type: ignore[union-attr]
        view = self.follow_through(selected)
        view.follow_status = f"Marked #{record.id} {STATUS_LABELS[status].lower()}."
        view.follow_note = ""
        return view

    def set_commitment_dates(self, selected: str | None, due: str, check_in: str) -> View:
        record = self._record(selected)
        if record is None:
            view = self.follow_through()
            view.follow_status = status_text("Choose a commitment first.", "warning")
            return view
        try:
            new_due, new_check_in = _parse_date(due, "due"), _parse_date(check_in, "check-in")
        except ValueError as exc:
            view = self.follow_through(selected)
            view.follow_status = status_text(str(exc), "warning")
            return view
        self.sessions.journal.set_dates(record.id, due=new_due, check_in=new_check_in)  # type: ignore[union-attr]
        view = self.follow_through(selected)
        view.follow_status = f"Saved the dates of #{record.id}."
        return view

    def calendar(self, selected: str | None, title: str = "", session: str = "") -> View:
        """The .ics file for the chosen commitment, only now that the leader asked."""
        record = self._record(selected)
        if record is None:
            return View(follow_status=status_text("Choose a commitment first.", "warning"))
        due = date.fromisoformat(record.due) if record.due else None
        check_in = date.fromisoformat(record.check_in) if record.check_in else None
        if due is None and check_in is None:
            return View(
                follow_status=status_text(
                    "This commitment has no date yet: set a check-in date above, then make the file.",
                    "warning",
                )
            )
        # Like a message export: a private folder, removed when the app stops.
        data = calendar_file(CalendarDates(record.person, due, check_in), title)
        path = self.exporter.export_file(f"check-in-{record.id}.ics", data, session)
        return View(
            follow_file=str(path),
            follow_status=f"Made {path.name}; download it and open it with your calendar app.",
        )

    def patterns(self, by_person: bool = False) -> View:
        """Counts by kind of rupture and by month, kept against not kept, and what they point to."""
        journal = self.sessions.journal
        if journal is None:
            return View(patterns_text=NO_JOURNAL, patterns_rows=[])
        facts = [SessionFacts(*row) for row in journal.facts()]
        found = find_patterns(facts, load_knowledge(), by_person=bool(by_person))
        rows = [["by kind", label.replace("_", " "), n] for label, n in found.by_situation.most_common()]
        rows += [["by month", month, n] for month, n in sorted(found.by_month.items())]
        rows += [["commitments", "kept", found.kept], ["commitments", "not kept", found.not_kept]]
        rows += [["by person", person, n] for person, n in found.by_person.most_common()]
        if not facts:
            text = "Nothing to count yet: your patterns appear here as you use the app."
        else:
            text = "\n\n".join(found.lines) or (
                f"{len(facts)} session{'s' if len(facts) != 1 else ''} so far; nothing keeps coming back yet."
            )
        return View(patterns_text=text, patterns_rows=rows)
