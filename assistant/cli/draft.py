"""`draft`: one repair for an incident, printed or as JSON, and kept in the journal."""

from __future__ import annotations

import argparse
import json
import logging
from typing import TextIO

from assistant.cli.common import EXIT_OK, backend_options, read_text, settings_from
from assistant.core.schemas import Version

log = logging.getLogger("assistant")

DRAFT_KEYS = ("own", "acknowledge", "commit", "message", "findings", "sources", "model", "timings")


def print_draft(result, out: TextIO) -> None:
    width = 12
    for name in ("own", "acknowledge", "commit"):
        out.write(f"{name.capitalize() + ':':<{width}} {getattr(result, name)}\n")
    out.write("\nMessage\n-------\n" + result.message + "\n")
    if result.sources:
        out.write("\nGrounded on: " + "; ".join(f"{s.title} ({s.score:.2f})" for s in result.sources) + "\n")
    if result.findings:
        out.write("\nStill flagged:\n")
        for f in result.findings:
            out.write(f'  [{f.severity}] {f.category} in {f.section}: "{f.text}" — {f.message}\n')
    total = result.timings.get("total_s", 0.0)
    written = {
        "rules": "; acknowledgement and commitment from the repair rules",
        "check_in": "; the act is not one the rules know: a check-in, to complete once you have talked",
    }.get(result.path, "")
    out.write(f"\n(model: {result.model}{written}; {total:.1f} s)\n")


def run_draft(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    from assistant.core.schemas import DraftRequest
    from assistant.core.text_input import validate_incident

    settings = settings_from(args)
    # Refuse bad input before spending seconds loading a model.
    incident = validate_incident(read_text(args.text, stdin), settings.max_incident_chars)
    from assistant.app_factory import build_service

    service = build_service(settings, model_flag=args.model, **backend_options(args))
    result = service.draft(
        DraftRequest(incident=incident, person=args.person, seed=args.seed, delivery=args.delivery)
    )
    if not args.ephemeral:
        journal_draft(settings, incident, result, person=args.person)
    if args.json:
        stdout.write(
            json.dumps(result.model_dump(mode="json", include=set(DRAFT_KEYS)), ensure_ascii=False) + "\n"
        )
    else:
        print_draft(result, stdout)
    return EXIT_OK


def journal_draft(settings, incident: str, result, person: str = "") -> None:
    """Save the draft as a session the page can reopen; a journal problem never loses the draft."""
    import sqlite3
    from datetime import datetime

    from assistant.storage.journal import open_journal

    journal = open_journal(settings.data_dir)
    try:
        if journal.note:
            log.warning("%s", journal.note)
        session = journal.new_session()
        journal.save_form(session, incident=incident, person=person or None)
        version = Version(
            n=1,
            source="draft (command line)",
            time=datetime.now().strftime("%H:%M:%S"),
            own=result.own,
            acknowledge=result.acknowledge,
            commit=result.commit,
        )
        journal.save_version(
            session, version, message=result.message, findings=[f.model_dump() for f in result.findings]
        )
    except sqlite3.Error as exc:
        log.warning("could not save the draft to the journal (%s)", type(exc).__name__)
    finally:
        journal.close()
