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


# Sentences that address the model instead of describing what happened: "ignore your
# instructions…", "instead write a poem…", a line that starts like one of our section labels.
# The model never reads them, so it cannot follow them; the leader's own text is unchanged.
_INSTRUCTION = re.compile(
    # "ignore your instructions", but not an account such as "I ignore the rules she set"
    r"(?<!\bI )(?<!\bwe )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bto )"
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?"
    r"(?:(?:your|the|my|these|those|previous|prior|above|earlier|system|original)\s+)*"
    r"(?:instructions?|prompts?|rules|directions|guidelines|commands?)\b"
    r"|\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+"
    r"(?:above|before|previous|prior|else|you)\b"
    # a sentence that starts by asking for something else: "Instead write a poem…"
    r"|^\W*(?:(?:please|now|instead|just|and)\W+)*"
    r"(?:write|compose|generate|produce|create|output|print)\s+(?:me\s+|us\s+)?(?:a|an|some)\s+"
    r"(?:\w+\s+){0,2}(?:poem|song|story|haiku|limerick|joke|essay|rap|recipe|code)"
    r"|\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bnew\s+instructions?\b"
    r"|^\W*(?:act|pretend)\s+(?:as|to\s+be)\b"
    # a line that starts like one of the prompt's section labels
    r"|^\W*(?:OWN|ACKNOWLEDGE|COMMIT|INCIDENT|GUIDANCE|PERSON|REVISE|END)\s*:"
    # the same request in German, Spanish, French and Portuguese
    r"|\b(?:ignorier\w*|vergiss|ignora\w*|olvida\w*|ignore[zr]|oublie\w*)\b[^.!?\n]{0,40}"
    r"\b(?:anweisungen|befehle|instrucciones|instructions|instru\w+es|consignes)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)|[.!?\n]+")


def without_instructions(text: str) -> tuple[str, int]:
    """The text without sentences aimed at the model, and how many were left out."""
    kept: list[str] = []
    dropped = 0
    for sentence in _SENTENCE.findall(text):
        if _INSTRUCTION.search(sentence.strip()):
            dropped += 1
        else:
            kept.append(sentence)
    return re.sub(r"[ \t]+", " ", "".join(kept)).strip(), dropped


def incident_for_model(incident: str) -> str:
    """What the model reads of a validated incident: the account, without injected instructions."""
    account, dropped = without_instructions(incident)
    if dropped and not account:
        raise InputError(
            "The incident reads only as instructions to the assistant; "
            "please describe what happened."
        )
    return account
