"""The `repair-assistant` command: thin argument handling around the service.

Heavy libraries (llama_cpp, chromadb, gradio) are imported inside the commands that need
them, so `check` stays a fast linter.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from assistant.core.errors import AssistantError, DraftError, UsageError
from assistant.core.schemas import DEFAULT_DELIVERY, Version

log = logging.getLogger("assistant")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DRAFT_KEYS = ("own", "acknowledge", "commit", "message", "findings", "sources", "model", "timings")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"repair-assistant: {message[0].upper() + message[1:]}.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="repair-assistant", description="Draft a repair after a rupture at work, fully offline."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    serve = sub.add_parser("serve", help="start the app in the browser (the default)")
    serve.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 7860, or the next free one)")
    serve.add_argument("--model", type=Path, default=None, help="path to a GGUF model")
    serve.add_argument(
        "--ephemeral", action="store_true", help="keep nothing on disk: no journal, sessions only in memory"
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other computers can reach (needs --auth-user)",
    )
    serve.add_argument(
        "--auth-user",
        default=None,
        metavar="NAME",
        help="require a login; the password comes from REPAIR_AUTH_PASSWORD or a prompt",
    )
    _backend_flags(serve)
    _adapter_flag(serve)

    draft = sub.add_parser("draft", help="draft a repair for an incident")
    draft.add_argument("text", help="what happened, or - to read it from stdin")
    draft.add_argument("--json", action="store_true", help="print the result as JSON")
    draft.add_argument("--model", type=Path, default=None, help="path to a GGUF model")
    draft.add_argument("--person", default="", help='who the repair is for (a name, or "the team")')
    draft.add_argument("--seed", type=int, default=0, help="sampling seed (same seed, same draft)")
    draft.add_argument(
        "--delivery",
        choices=("in_person", "writing"),
        default=DEFAULT_DELIVERY,
        help="talking points for a conversation (the default) or a message to send",
    )
    draft.add_argument(
        "--ephemeral",
        action="store_true",
        help="keep nothing on disk (otherwise the draft is saved to the journal)",
    )
    _backend_flags(draft)
    _adapter_flag(draft)

    check = sub.add_parser("check", help="lint a draft for non-apologies and other traps")
    check.add_argument("file", nargs="?", default=None, help="a file, or - for stdin (the default)")
    check.add_argument("--section", choices=["own", "acknowledge", "commit"], default=None)
    check.add_argument(
        "--incident",
        default=None,
        help="what happened, to read the text against (enables the context checks)",
    )
    check.add_argument("--person", default=None, help='who the text is addressed to (a name, or "the team")')
    fmt = check.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--jsonl", action="store_true", help="one text per stdin line, one JSON object per line")

    retrieve = sub.add_parser("retrieve", help="show the knowledge passages for an incident")
    retrieve.add_argument("text", nargs="?", default=None, help="the incident, or - for stdin")
    retrieve.add_argument("-k", type=int, default=4, help="how many passages (default 4)")
    rfmt = retrieve.add_mutually_exclusive_group()
    rfmt.add_argument("--json", action="store_true")
    rfmt.add_argument("--jsonl", action="store_true", help="one incident per stdin line")

    models = sub.add_parser("models", help="list the GGUF models already on this machine")
    models.add_argument("--json", action="store_true")

    bench = sub.add_parser("bench", help="measure speed and memory of the current model")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--model", type=Path, default=None, help="path to a GGUF model")
    _adapter_flag(bench)

    evaluate = sub.add_parser(
        "eval", help="draft the held-out incidents with and without the adapter and score every draft"
    )
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--limit", type=int, default=None, help="only the first N incidents")
    evaluate.add_argument("--classic", action="store_true", help="the older 22-incident suite instead")
    evaluate.add_argument("--model", type=Path, default=None, help="path to a GGUF model")
    _adapter_flag(evaluate)
    return parser


def _adapter_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--adapter",
        default=None,
        metavar="default|none|PATH",
        help="the repair adapter: the shipped one on the embedded model (default), none, or a LoRA GGUF",
    )


def _backend_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        choices=["local", "openai"],
        default="local",
        help="run the model here (local) or on your organisation's OpenAI-compatible server",
    )
    parser.add_argument("--base-url", default=None, help="the server's address, for --backend openai")
    parser.add_argument(
        "--api-model", default=None, help="the model name on that server (default: its first)"
    )


def _backend(args: argparse.Namespace) -> dict:
    if args.backend == "openai" and not args.base_url:
        raise UsageError(
            "--backend openai needs --base-url, the address of your organisation's model server."
        )
    if args.backend != "openai" and (args.base_url or args.api_model):
        raise UsageError("--base-url and --api-model only apply with --backend openai.")
    return {"backend": args.backend, "base_url": args.base_url, "api_model": args.api_model}


def _settings(args: argparse.Namespace | None = None):
    from pydantic import ValidationError

    from assistant.config import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "a setting"
        raise UsageError(
            f"The setting REPAIR_{field.upper()} is invalid: {first.get('msg', 'bad value')}."
        ) from exc
    # A flag wins over the environment for this run.
    if args is not None and getattr(args, "adapter", None):
        settings = settings.model_copy(update={"adapter": args.adapter})
    return settings


def _read_text(arg: str | None, stdin: TextIO) -> str:
    return stdin.read() if arg in (None, "-") else arg


def _print_draft(result, out: TextIO) -> None:
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
    out.write(f"\n(model: {result.model}; {total:.1f} s)\n")


def _cmd_draft(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    from assistant.core.schemas import DraftRequest
    from assistant.core.text_input import validate_incident

    settings = _settings(args)
    # Refuse bad input before spending seconds loading a model.
    incident = validate_incident(_read_text(args.text, stdin), settings.max_incident_chars)
    from assistant.app_factory import build_service

    service = build_service(settings, model_flag=args.model, **_backend(args))
    result = service.draft(
        DraftRequest(incident=incident, person=args.person, seed=args.seed, delivery=args.delivery)
    )
    if not args.ephemeral:
        _journal_draft(settings, incident, result, person=args.person)
    if args.json:
        stdout.write(
            json.dumps(result.model_dump(mode="json", include=set(DRAFT_KEYS)), ensure_ascii=False) + "\n"
        )
    else:
        _print_draft(result, stdout)
    return EXIT_OK


def _journal_draft(settings, incident: str, result, person: str = "") -> None:
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


def _cmd_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, stdin: TextIO) -> int:
    from assistant.cli.check import run_check

    return run_check(
        args.file,
        args.section,
        args.json,
        args.jsonl,
        stdin,
        stdout,
        stderr,
        incident=args.incident,
        person=args.person,
    )


def _cmd_retrieve(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    from assistant.app_factory import build_retriever
    from assistant.core.text_input import validate_incident

    settings = _settings()
    if args.k < 1:
        raise UsageError("-k must be at least 1.")
    texts = [line for line in stdin] if args.jsonl else [_read_text(args.text, stdin)]
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


def _cmd_serve(args: argparse.Namespace) -> int:
    from assistant.ui.access import listen_access, read_auth
    from assistant.ui.server import serve

    settings = _settings(args)
    auth = read_auth(args.auth_user)
    # Refuse a reachable address before spending seconds loading a model.
    listen_access(args.host or settings.host, allow_remote=args.allow_remote, auth=auth)
    return serve(
        settings,
        host=args.host,
        port=args.port,
        model_flag=args.model,
        ephemeral=args.ephemeral,
        allow_remote=args.allow_remote,
        auth=auth,
        **_backend(args),
    )


def _cmd_models(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from assistant.cli.models import run_models

    return run_models(args.json, stdout, stderr)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    stdout, stderr, stdin = stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from assistant.core.privacy import apply_offline_env

    apply_offline_env()
    command = args.command or "serve"
    if command == "serve" and args.command is None:
        args = build_parser().parse_args(["serve"])
    try:
        if command == "draft":
            return _cmd_draft(args, stdout, stdin)
        if command == "check":
            return _cmd_check(args, stdout, stderr, stdin)
        if command == "retrieve":
            return _cmd_retrieve(args, stdout, stdin)
        if command == "models":
            return _cmd_models(args, stdout, stderr)
        if command == "bench":
            from assistant.bench.bench import run_bench

            return run_bench(_settings(args), args.model, args.json, stdout, stderr)
        if command == "eval":
            from assistant.bench.evaluation import run_eval

            return run_eval(
                _settings(args), args.model, args.json, stdout, stderr, limit=args.limit, classic=args.classic
            )
        return _cmd_serve(args)
    except DraftError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_FINDINGS
    except AssistantError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        stderr.write("Stopped.\n")
        return 130
