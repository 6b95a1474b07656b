"""The `repair-assistant` command: thin argument handling around the service.

Heavy libraries (llama_cpp, chromadb, gradio) are imported inside the commands that need
them, so `check` stays a fast linter.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from assistant.cli.common import EXIT_FINDINGS, EXIT_USAGE, settings_from
from assistant.core.errors import AssistantError, DraftError
from assistant.core.schemas import DEFAULT_DELIVERY

log = logging.getLogger("assistant")


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

    from assistant.cli.commitments import add_parser as add_commitments

    add_commitments(sub)

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
            from assistant.cli.draft import run_draft

            return run_draft(args, stdout, stdin)
        if command == "check":
            return _cmd_check(args, stdout, stderr, stdin)
        if command == "retrieve":
            from assistant.cli.retrieve import run_retrieve

            return run_retrieve(args, stdout, stdin)
        if command == "commitments":
            from assistant.cli.commitments import run_commitments

            return run_commitments(args, stdout)
        if command == "models":
            return _cmd_models(args, stdout, stderr)
        if command == "bench":
            from assistant.bench.bench import run_bench

            return run_bench(settings_from(args), args.model, args.json, stdout, stderr)
        if command == "eval":
            from assistant.bench.evaluation import run_eval

            return run_eval(
                settings_from(args),
                args.model,
                args.json,
                stdout,
                stderr,
                limit=args.limit,
                classic=args.classic,
            )
        from assistant.cli.serve import run_serve

        return run_serve(args)
    except DraftError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_FINDINGS
    except AssistantError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        stderr.write("Stopped.\n")
        return 130
