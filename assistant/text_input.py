"""Cleaning what the leader types before it goes anywhere near a prompt."""

from __future__ import annotations

import re
import unicodedata

from assistant.errors import InputError

# C0/C1 control characters except tab and newline, plus zero-width and bidi overrides
# that can hide text from the leader while the model still reads it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Labels our prompt layout uses; text that imitates them could steer the model.
_LAYOUT = re.compile(r"^(\s*)(OWN|ACKNOWLEDGE|COMMIT|INCIDENT|GUIDANCE|PERSON|END)(\s*:)", re.IGNORECASE | re.MULTILINE)


def clean_text(text: str) -> str:
    """Normalise Unicode, drop control characters and invalid surrogates, tidy whitespace."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def validate_incident(text: str | None, limit: int) -> str:
    """Return the cleaned incident, or raise InputError with one clear sentence."""
    cleaned = clean_text(text or "")
    if not cleaned:
        raise InputError("Please describe what happened first: the incident is empty.")
    if len(cleaned) > limit:
        raise InputError(
            f"The incident is {len(cleaned):,} characters long and the limit is {limit:,}; "
            "please shorten it (nothing was cut or lost)."
        )
    return cleaned


def for_prompt(text: str) -> str:
    """Flatten text into one prompt line so it cannot open a new labelled block."""
    text = _LAYOUT.sub(lambda m: f"{m.group(1)}{m.group(2).lower()}{m.group(3)}", text)
    return re.sub(r"\s*\n\s*", " ", text).strip()
