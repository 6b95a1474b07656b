"""Session state of the page: the version history, and message exports made on request.

Versions (`schemas.Version`) are plain dicts so Gradio can copy them per session; every
function returns a new list instead of changing the one it was given.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from assistant.core.schemas import SECTIONS, Version

ExportFormat = Literal["txt", "md"]
EDIT = "edit"


def _sections(values: Mapping[str, object]) -> dict[str, str]:
    return {name: str(values.get(name) or "") for name in SECTIONS}


def add_version(
    versions: Sequence[Version],
    sections: Mapping[str, str],
    source: str,
    now: datetime | None = None,
) -> list[Version]:
    """Append a version unless nothing changed; consecutive direct edits fold into one."""
    history = list(versions)
    current = _sections(sections)
    if not any(current.values()):
        return history
    if history and _sections(history[-1]) == current:
        return history
    stamp = (now or datetime.now()).strftime("%H:%M:%S")
    if source == EDIT and history and history[-1]["source"] == EDIT:
        history[-1] = Version(**{**history[-1], **current, "time": stamp})  # type: ignore[typeddict-item]
        return history
    number = int(history[-1]["n"]) + 1 if history else 1
    history.append(Version(n=number, source=source, time=stamp, **current))  # type: ignore[typeddict-item]
    return history


def version_label(version: Mapping[str, object]) -> str:
    return f"v{version['n']} \u00b7 {version['source']} \u00b7 {version['time']}"


def version_choices(versions: Sequence[Version]) -> list[tuple[str, str]]:
    """(label, value) pairs for a dropdown, newest first."""
    return [(version_label(v), str(v["n"])) for v in reversed(versions)]


def find_version(versions: Sequence[Version], number: str | int | None) -> Version | None:
    if number in (None, ""):
        return None
    for version in versions:
        if str(version["n"]) == str(number):
            return version
    return None


def version_sections(version: Mapping[str, object]) -> dict[str, str]:
    return _sections(version)


def count_source(versions: Sequence[Version], prefix: str) -> int:
    return sum(1 for v in versions if str(v["source"]).startswith(prefix))


def export_text(message: str, fmt: ExportFormat, person: str = "") -> str:
    """The message as plain text, or as Markdown with a heading."""
    body = message.strip() + "\n"
    if fmt == "md":
        title = f"# Repair: {person.strip()}" if person.strip() else "# Repair"
        return f"{title}\n\n{body}"
    return body


class Exporter:
    """Writes an export only when the leader asks, into a private temp directory.

    The directory of a session's previous export is deleted before the next one is written,
    and `close()` removes whatever is left, so drafts do not pile up in temp files.
    """

    def __init__(self, base_dir: Path | None = None) -> None:
        self._base_dir = base_dir
        self._dirs: dict[str, Path] = {}
        self._lock = threading.Lock()

    def export(self, message: str, fmt: ExportFormat, person: str = "", session: str = "") -> Path:
        if fmt not in ("txt", "md"):
            raise ValueError(f"unknown export format {fmt!r}")
        with self._lock:
            self._remove(session)
            folder = Path(tempfile.mkdtemp(prefix="repair-export-", dir=self._base_dir))
            self._dirs[session] = folder
        path = folder / f"repair-message.{fmt}"
        path.write_text(export_text(message, fmt, person), encoding="utf-8")
        path.chmod(0o600)
        return path

    def export_file(self, name: str, data: bytes, session: str = "") -> Path:
        """Any other file the leader asked for (a calendar file), in the same private folders."""
        key = f"{session}\x00{name}"  # its own folder: a message export does not remove it
        with self._lock:
            self._remove(key)
            folder = Path(tempfile.mkdtemp(prefix="repair-export-", dir=self._base_dir))
            self._dirs[key] = folder
        path = folder / name
        path.write_bytes(data)
        path.chmod(0o600)
        return path

    def _remove(self, session: str) -> None:
        folder = self._dirs.pop(session, None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            for session in list(self._dirs):
                self._remove(session)


def merge_answers(
    answers: Mapping[str, str], previous: Mapping[str, str], suggested: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str], int]:
    """Fill reflection answers from the model without overwriting the leader's own words.

    An answer is replaced only when it is empty or still exactly the model's earlier
    suggestion. Returns (answers, suggestions now on the page, how many were filled).
    """
    merged = {key: str(value or "") for key, value in answers.items()}
    shown: dict[str, str] = {}
    filled = 0
    for key, value in answers.items():
        current = str(value or "").strip()
        earlier = str(previous.get(key) or "").strip()
        if current and current == earlier:
            shown[key] = earlier
    for key, text in suggested.items():
        if key not in merged or not text.strip():
            continue
        current = merged[key].strip()
        if not current or current == str(previous.get(key) or "").strip():
            merged[key] = text.strip()
            shown[key] = text.strip()
            filled += 1
    return merged, shown, filled
