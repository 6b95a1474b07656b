"""`commitments`: what the leader promised, when, and whether it was kept.

repair-assistant commitments [--json] [--due]
repair-assistant commitments mark ID STATUS [--note TEXT]
repair-assistant commitments dates ID [--due DATE|none] [--check-in DATE|none]
repair-assistant commitments ics ID -o FILE [--title TEXT]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TextIO

from assistant.cli.common import EXIT_OK, settings_from
from assistant.core.errors import UsageError
from assistant.storage.journal import STATUSES, CommitmentRecord, Journal, open_journal

LABELS = {"open": "open", "kept": "kept", "partly": "partly", "not_yet": "not yet", "dropped": "dropped"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("commitments", help="list, mark and export the commitments you made")
    parser.add_argument("--json", action="store_true", help="print them as JSON")
    parser.add_argument("--due", action="store_true", help="only those with a date today or earlier")
    actions = parser.add_subparsers(dest="action", parser_class=type(parser))
    mark = actions.add_parser("mark", help="record how one went")
    mark.add_argument("id", type=int)
    mark.add_argument("status", choices=[*STATUSES, "not-yet"])
    mark.add_argument("--note", default="", help="a short note kept with the change")
    dates = actions.add_parser("dates", help="change the due or check-in date")
    dates.add_argument("id", type=int)
    dates.add_argument("--due", default=None, metavar="YYYY-MM-DD|none")
    dates.add_argument("--check-in", default=None, metavar="YYYY-MM-DD|none")
    ics = actions.add_parser("ics", help="write the dates as a calendar file (.ics)")
    ics.add_argument("id", type=int)
    ics.add_argument("-o", "--output", type=Path, required=True, help="the .ics file to write")
    ics.add_argument("--title", default=None, help='the check-in\'s title (default "Check in with NAME")')


def _date(value: str | None, flag: str) -> date | None | str:
    """A date, None to clear it ("none"), or "" to leave it as it is (flag not given)."""
    if value is None:
        return ""
    if value.strip().lower() in {"none", ""}:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"{flag} needs a date like 2026-12-24, or none; got {value!r}.") from exc


def _found(journal: Journal, commitment_id: int) -> CommitmentRecord:
    record = journal.commitment(commitment_id)
    if record is None:
        raise UsageError(
            f"There is no commitment {commitment_id}; `repair-assistant commitments` lists them."
        )
    return record


def _line(record: CommitmentRecord) -> str:
    when = ", ".join(
        part
        for part in (
            f"due {record.due}" if record.due else "",
            f"check in {record.check_in}" if record.check_in else "check in: no date yet",
        )
        if part
    )
    who = f" with {record.person}" if record.person else ""
    return f"{record.id:>4}  [{LABELS[record.status]}]{who}: {record.text} ({when})"


def run_commitments(args: argparse.Namespace, stdout: TextIO) -> int:
    settings = settings_from(args)
    journal = open_journal(settings.data_dir)
    try:
        if args.action == "mark":
            status = "not_yet" if args.status == "not-yet" else args.status
            _found(journal, args.id)
            record = journal.mark(args.id, status, args.note)
            stdout.write(_line(record) + "\n")  # type: ignore[arg-type]
        elif args.action == "dates":
            _found(journal, args.id)
            record = journal.set_dates(
                args.id, due=_date(args.due, "--due"), check_in=_date(args.check_in, "--check-in")
            )
            stdout.write(_line(record) + "\n")  # type: ignore[arg-type]
        elif args.action == "ics":
            _write_ics(_found(journal, args.id), args.output, args.title)
            stdout.write(f"Wrote {args.output}; open it with your calendar app.\n")
        else:
            records = journal.commitments(due_only=args.due)
            if args.json:
                payload = [asdict(r) | {"history": [asdict(e) for e in r.history]} for r in records]
                stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            elif not records:
                stdout.write("No commitments yet: draft a repair and its commitment is kept here.\n")
            else:
                stdout.write("\n".join(_line(r) for r in records) + "\n")
    finally:
        journal.close()
    return EXIT_OK


def _write_ics(record: CommitmentRecord, output: Path, title: str | None) -> None:
    from assistant.core.ics import CalendarDates, calendar_file

    due = date.fromisoformat(record.due) if record.due else None
    check_in = date.fromisoformat(record.check_in) if record.check_in else None
    if due is None and check_in is None:
        raise UsageError(
            f"Commitment {record.id} has no date yet; set one with "
            f"`repair-assistant commitments dates {record.id} --check-in YYYY-MM-DD`."
        )
    try:
        output.write_bytes(calendar_file(CalendarDates(record.person, due, check_in), title))
    except OSError as exc:
        raise UsageError(f"Could not write {output} ({exc.strerror or exc}).") from exc
