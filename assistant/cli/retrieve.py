"""`retrieve`: the knowledge passages that fit an incident."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from assistant.cli.common import EXIT_OK, read_text, settings_from
from assistant.core.errors import UsageError


def run_retrieve(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    from assistant.app_factory import build_retriever
    from assistant.core.text_input import validate_incident

    settings = settings_from()
    if args.k < 1:
        raise UsageError("-k must be at least 1.")
    texts = [line for line in stdin] if args.jsonl else [read_text(args.text, stdin)]
    texts = [
        validate_incident(text, settings.max_incident_chars)
        for text in texts
        if not args.jsonl or text.strip()
    ]
    retriever = build_retriever(settings)
    for text in texts:
        passages = retriever.retrieve(text, args.k)
        if args.json or args.jsonl:
            stdout.write(
                json.dumps({"passages": [p.model_dump(mode="json") for p in passages]}, ensure_ascii=False)
                + "\n"
            )
            stdout.flush()
        else:
            for p in passages:
                stdout.write(
                    f"{p.score:.3f}  {p.id}  ({p.stage}; {', '.join(p.situations)})\n       {p.title}\n"
                )
    return EXIT_OK
