"""Cleaning what the leader types before it goes anywhere near a prompt."""

from __future__ import annotations

import re
import unicodedata

from assistant.core.errors import InputError

# C0/C1 control characters except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Terminal escape sequences (colour, cursor, window title, charset), dropped whole: removing
# only the ESC would leave "[31m" in the text. CSI and OSC, 7- and 8-bit; an OSC body stops
# at a newline so an unterminated one cannot swallow the rest of the account.
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[()][0-~]"
)
_ZWNJ = "\u200c"  # Persian and Indic spelling needs it
_ZWJ = "\u200d"  # kept only where it joins an emoji sequence such as 👩\u200d💻
# Extended_Pictographic (Unicode emoji-data; the property reserves whole blocks, so it is stable).
_PICTOGRAPHIC = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u2388"
    "\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
    "\u2600-\u2605\u2607-\u2612\u2614-\u2685\u2690-\u2705\u2708-\u2712\u2714\u2716"
    "\u271d\u2721\u2728\u2733\u2734\u2744\u2747\u274c\u274e\u2753-\u2755\u2757"
    "\u2763-\u2767\u2795-\u2797\u27a1\u27b0\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c"
    "\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f0ff\U0001f10d-\U0001f10f\U0001f12f\U0001f16c-\U0001f171"
    "\U0001f17e\U0001f17f\U0001f18e\U0001f191-\U0001f19a\U0001f1ad-\U0001f1e5"
    "\U0001f201-\U0001f20f\U0001f21a\U0001f22f\U0001f232-\U0001f23a\U0001f23c-\U0001f23f"
    "\U0001f249-\U0001f3fa\U0001f400-\U0001f53d\U0001f546-\U0001f64f\U0001f680-\U0001f6ff"
    "\U0001f774-\U0001f77f\U0001f7d5-\U0001f7ff\U0001f80c-\U0001f80f\U0001f848-\U0001f84f"
    "\U0001f85a-\U0001f85f\U0001f888-\U0001f88f\U0001f8ae-\U0001f8ff\U0001f90c-\U0001f93a"
    "\U0001f93c-\U0001f945\U0001f947-\U0001faff\U0001fc00-\U0001fffd"
)
# An emoji before the joiner may carry a presentation selector or a skin tone (👩🏽\u200d💻).
_EMOJI_BEFORE = re.compile(f"[{_PICTOGRAPHIC}][\ufe0f\U0001f3fb-\U0001f3ff]*\\Z")
_EMOJI_AFTER = re.compile(f"[{_PICTOGRAPHIC}]")
_ZWJ_RUN = re.compile(f"{_ZWJ}+")
# Labels our prompt layout uses; text that imitates them could steer the model.
_LAYOUT = re.compile(
    r"^(\s*)(OWN|ACKNOWLEDGE|COMMIT|INCIDENT|GUIDANCE|PERSON|END)(\s*:)", re.IGNORECASE | re.MULTILINE
)


def clean_text(text: str) -> str:
    """Normalise Unicode, drop control and format characters and bad surrogates, tidy spaces."""
    text = _strip_invisible(_normalise(text))[0]
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def hidden_count(text: str) -> int:
    """How many invisible characters `clean_text` leaves out: one per escape sequence,
    control or format character; the joiners it keeps are not counted."""
    return _strip_invisible(_normalise(text))[1]


def _normalise(text: str) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


def _strip_invisible(text: str) -> tuple[str, int]:
    """The text without escape sequences, control and format (Cf) characters, and how many
    it left out. Format characters such as tag characters, the word joiner and the soft
    hyphen can hide text from the leader while the model still reads it."""
    text, removed = _ESCAPE.subn("", text)
    text, controls = _CONTROL.subn("", text)
    removed += controls
    kept: list[str] = []
    for ch in text:
        if ch in (_ZWNJ, _ZWJ) or unicodedata.category(ch) != "Cf":
            kept.append(ch)
        else:
            removed += 1
    text = "".join(kept)
    out: list[str] = []
    pos = 0
    for match in _ZWJ_RUN.finditer(text):
        out.append(text[pos : match.start()])
        pos = match.end()
        joins = bool(
            _EMOJI_BEFORE.search(text, max(0, match.start() - 4), match.start())
            and _EMOJI_AFTER.match(text, match.end())
        )
        out.append(_ZWJ if joins else "")
        removed += len(match.group()) - (1 if joins else 0)
    out.append(text[pos:])
    return "".join(out), removed


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
            "The incident reads only as instructions to the assistant; please describe what happened."
        )
    return account
