"""`repair-assistant models [--json]`: the GGUF models already on this machine.

Kept apart from the CLI module and free of llama_cpp, chromadb and gradio, so listing
models takes a fraction of a second and never loads any weights.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from assistant.backends.discovery import DiscoveryResult, FoundModel, discover_models

COLUMNS = ("NAME", "SIZE", "PARAMS", "QUANT", "CTX", "CHAT", "SOURCE", "PATH")


def format_size(size_bytes: int) -> str:
    """Binary units, as file managers and model sites show them (241 MB, 4.1 GB)."""
    mib = size_bytes / (1 << 20)
    return f"{mib:.0f} MB" if mib < 1024 else f"{mib / 1024:.1f} GB"


def _row(model: FoundModel) -> tuple[str, ...]:
    return (
        model.name,
        format_size(model.size_bytes),
        model.parameters or "?",
        model.quantization or "?",
        str(model.context_length) if model.context_length else "?",
        "yes" if model.chat_template else "no",
        model.source,
        model.path,
    )


def render_table(result: DiscoveryResult) -> str:
    """The plain listing: one aligned row per model, then why any file was left out."""
    lines: list[str] = []
    if result.models:
        rows = [COLUMNS, *(_row(m) for m in result.models)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
            lines.append("  ".join([*cells, row[-1]]))
        lines.append("")
        lines.append("Use one with --model PATH. Models without a chat template run in few-shot mode.")
    else:
        lines.append("No GGUF models found. Looked in:")
        for place in result.searched:
            note = "" if place.exists else " (not present)"
            lines.append(f"  {place.source:<12} {place.path}{note}")
        lines.append("Put a .gguf file in ~/models or in a folder named by REPAIR_MODELS_DIR.")
    if result.skipped:
        lines.append("")
        lines.append("Skipped:")
        lines.extend(f"  {item.path}: {item.reason}" for item in result.skipped)
    return "\n".join(lines) + "\n"


def run_models(
    as_json: bool,
    stdout: TextIO,
    stderr: TextIO,
    home: Path | None = None,
    *,
    extra_dirs: Sequence[Path] = (),
    env: Mapping[str, str] | None = None,
) -> int:
    """List discovered models; exit 0 even when there are none (that is an answer too)."""
    result = discover_models(home, extra_dirs=extra_dirs, env=env)
    if as_json:
        payload = {
            "models": [m.model_dump() for m in result.models],
            "skipped": [s.model_dump() for s in result.skipped],
            "searched": [p.model_dump() for p in result.searched],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        stdout.write(render_table(result))
    stdout.flush()
    return 0
