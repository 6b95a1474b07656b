"""What every command shares: exit codes, settings from the environment, reading input."""

from __future__ import annotations

import argparse
from typing import TextIO

from assistant.core.errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def backend_options(args: argparse.Namespace) -> dict:
    if args.backend == "openai" and not args.base_url:
        raise UsageError(
            "--backend openai needs --base-url, the address of your organisation's model server."
        )
    if args.backend != "openai" and (args.base_url or args.api_model):
        raise UsageError("--base-url and --api-model only apply with --backend openai.")
    return {"backend": args.backend, "base_url": args.base_url, "api_model": args.api_model}


def settings_from(args: argparse.Namespace | None = None):
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


def read_text(arg: str | None, stdin: TextIO) -> str:
    return stdin.read() if arg in (None, "-") else arg
