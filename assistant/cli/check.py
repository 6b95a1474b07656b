"""`repair-assistant check`: lint a text for non-apologies and other traps.

Imports only the guardrails and the schemas (pydantic), never the model, the vector store or the
UI, so it starts fast enough to run on every keystroke or in a script.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from assistant.core.schemas import SECTIONS, Finding
from assistant.guardrails import check_text, checks_ran, has_high

EXIT_OK = 0
EXIT_HIGH = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """Bad input from the user: reported as one sentence on stderr with exit code 2."""


def _read_source(source: str | None, stdin: TextIO) -> str:
    if source is None or source == "-":
        try:
            return stdin.read()
        except UnicodeDecodeError as exc:
            raise _UsageError("Standard input is not valid UTF-8 text.") from exc
        except OSError as exc:
            raise _UsageError(f"Cannot read standard input: {exc.strerror or exc}.") from exc
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise _UsageError(f"Cannot read {source}: no such file.") from exc
    except IsADirectoryError as exc:
        raise _UsageError(f"Cannot read {source}: it is a directory.") from exc
    except PermissionError as exc:
        raise _UsageError(f"Cannot read {source}: permission denied.") from exc
    except UnicodeDecodeError as exc:
        raise _UsageError(f"Cannot read {source}: it is not UTF-8 text.") from exc
    except OSError as exc:
        raise _UsageError(f"Cannot read {source}: {exc.strerror or exc}.") from exc


def _payload(findings: list[Finding]) -> dict[str, list[dict[str, object]]]:
    return {"findings": [f.model_dump() for f in findings]}


def format_finding(finding: Finding) -> str:
    """One readable line: severity, category, where, the quoted text and why."""
    where = f"{finding.section} " if finding.section else ""
    quoted = json.dumps(finding.text, ensure_ascii=False)
    return (
        f"{finding.severity.upper():<6} {finding.category} "
        f"({where}{finding.start}-{finding.end}) {quoted}: {finding.message} "
        f"[see {finding.principle}]"
    )


def _split_lines(text: str) -> list[str]:
    # One text per line; a final newline does not add an empty text.
    return [line.rstrip("\r") for line in text.split("\n")][: -1 if text.endswith("\n") else None]


def _line_request(
    line: str, section: str | None, incident: str | None, person: str | None
) -> dict[str, object]:
    """A --jsonl line: a JSON object with its own text and context, or else plain text."""
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError:
            row = None
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            line_section = row.get("section", section)
            if line_section is not None and line_section not in SECTIONS:
                line_section = section  # an unknown section falls back to the command's own
            return {
                "text": row["text"],
                "section": line_section,
                "incident": row["incident"] if isinstance(row.get("incident"), str) else incident,
                "person": row["person"] if isinstance(row.get("person"), str) else person,
            }
    return {"text": line, "section": section, "incident": incident, "person": person}


def run_check(
    source: str | None,
    section: str | None,
    as_json: bool,
    as_jsonl: bool,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    *,
    incident: str | None = None,
    person: str | None = None,
) -> int:
    """Check FILE (or stdin for None / "-") and report findings.

    With `incident` and `person`, the text is also read against what happened and who it is to.
    Exit 0 when nothing is high, 1 when any finding is high, 2 on bad usage.
    """
    try:
        if as_json and as_jsonl:
            raise _UsageError("Use either --json or --jsonl, not both.")
        if section is not None and section not in SECTIONS:
            raise _UsageError(f"Unknown section {section!r}: use one of {', '.join(SECTIONS)}.")
        text = _read_source(source, stdin)
    except _UsageError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_USAGE

    if as_jsonl:
        any_high = False
        for line in _split_lines(text):
            request = _line_request(line, section, incident, person)
            findings = check_text(
                request["text"],
                request["section"],  # type: ignore[arg-type]
                incident=request["incident"],
                person=request["person"],  # type: ignore[arg-type]
            )
            any_high = any_high or has_high(findings)
            stdout.write(json.dumps(_payload(findings), ensure_ascii=False) + "\n")
        stdout.flush()
        return EXIT_HIGH if any_high else EXIT_OK

    findings = check_text(text, section, incident=incident, person=person)  # type: ignore[arg-type]
    if as_json:
        stdout.write(json.dumps(_payload(findings), ensure_ascii=False, indent=2) + "\n")
    elif findings:
        for finding in findings:
            stdout.write(format_finding(finding) + "\n")
    else:
        stdout.write("No findings.\n")
        stdout.write(checks_ran(context=bool(incident or person)) + "\n")
    stdout.flush()
    return EXIT_HIGH if has_high(findings) else EXIT_OK
