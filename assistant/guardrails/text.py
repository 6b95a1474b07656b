"""Sentence and clause splitting with character offsets, and span helpers.

Every check runs its patterns over a normalised copy of the text that has exactly the same
length as the original, so a match's offsets are offsets into the user's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from assistant.guardrails.lexicon import HE_SHE, I_FORMS, THEY_FORMS, WE_FORMS, YOU_FORMS, alt
from assistant.guardrails.triggers import word_starts

# Curly quotes become straight ones; every replacement is one character for one character.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: str) -> str:
    """Lower-case `text` and straighten quotes without changing its length."""
    folded = text.translate(_QUOTES)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters lower-case to two (e.g. "İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace or the end,
# or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "e.g", "i.e", "etc", "vs", "st", "approx"})

# Clause boundaries inside a sentence: punctuation, or a connector that starts a new
# predicate ("but", "because", or "and"/"so" followed by a subject pronoun).
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s*|\s+[-\u2013\u2014]+\s+|[\u2013\u2014]"
    r"|\s+(?=(?:but|because|although|though|whereas|yet)\b)"
    r"|\s+(?=(?:and|so|or|then)\s+"
    + alt(
        I_FORMS,
        YOU_FORMS,
        WE_FORMS,
        THEY_FORMS,
        HE_SHE,
        ("it", "it's", "that", "this", "there", "my", "your"),
    )
    + r"\b)"
)

CONNECTORS = frozenset(
    {
        "and",
        "but",
        "so",
        "or",
        "then",
        "because",
        "'cause",
        "although",
        "though",
        "whereas",
        "yet",
        "if",
        "when",
        "whenever",
        "since",
        "as",
        "while",
        "unless",
        "until",
        "before",
        "after",
        "once",
        "which",
        "given",
        "with",
    }
)

# Words that can open a clause without being its subject.
_FILLERS = frozenset(
    {
        "just",
        "really",
        "honestly",
        "also",
        "well",
        "look",
        "ok",
        "okay",
        "again",
        "still",
        "actually",
        "frankly",
        "basically",
        "maybe",
        "perhaps",
        "probably",
        "clearly",
        "anyway",
        "now",
        "yes",
        "no",
        "oh",
        "and",
        "but",
        "so",
        "then",
        "truly",
        "seriously",
        "listen",
    }
)

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence with (roughly) one predicate."""

    start: int
    end: int
    connector: str | None
    """The lower-case word that introduces the clause ("but", "because", "if"...), if any."""
    core: int
    """Offset of the first word after the connector and filler words: where the subject sits."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    clauses: tuple[Clause, ...] = field(default_factory=tuple)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the non-empty sentences in `norm`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(norm):
        if m.group().startswith("."):
            # "e.g." or "Mr." does not end a sentence.
            word = norm[max(0, m.start() - 6) : m.start()].rsplit(None, 1)[-1:] or [""]
            if word[0].strip("(\"'") in _ABBREVIATIONS:
                continue
        s, e = _trim(norm, start, m.end())
        if e > s:
            spans.append((s, e))
        start = m.end()
    s, e = _trim(norm, start, len(norm))
    if e > s:
        spans.append((s, e))
    return spans


def _clause(norm: str, start: int, end: int) -> Clause:
    connector: str | None = None
    core = start
    first = True
    for w in _WORD.finditer(norm, start, end):
        word = w.group()
        if first and word in CONNECTORS:
            connector = word
        elif word not in _FILLERS:
            core = w.start()
            break
        first = False
        core = w.end()
    return Clause(start, end, connector, core)


def split_clauses(norm: str, start: int, end: int) -> tuple[Clause, ...]:
    """Split the sentence norm[start:end] into clauses."""
    clauses: list[Clause] = []
    cursor = start
    for m in _CLAUSE_BREAK.finditer(norm, start, end):
        s, e = _trim(norm, cursor, m.start())
        if e > s:
            clauses.append(_clause(norm, s, e))
        cursor = m.end()
    s, e = _trim(norm, cursor, end)
    if e > s:
        clauses.append(_clause(norm, s, e))
    return tuple(clauses)


class Doc:
    """A text prepared for checking: original, normalised copy, sentences and clauses."""

    __slots__ = (
        "text",
        "norm",
        "sentences",
        "clauses",
        "cache",
        "_sentence_starts",
        "_clause_starts",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalize(text)
        self.sentences: list[Sentence] = [
            Sentence(s, e, split_clauses(self.norm, s, e)) for s, e in split_sentences(self.norm)
        ]
        self.clauses: list[Clause] = [c for s in self.sentences for c in s.clauses]
        self._sentence_starts = [s.start for s in self.sentences]
        self._clause_starts = [c.start for c in self.clauses]
        # Analyses shared by several checks (e.g. where the leader owns an act), computed once.
        self.cache: dict[str, object] = {}

    def word_starts(self) -> dict[str, list[int]]:
        """Where words start, by their first letters: rules try only there (triggers.py)."""
        starts = self.cache.get("word_starts")
        if starts is None:
            starts = self.cache["word_starts"] = word_starts(self.norm)
        return starts  # type: ignore[return-value]

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence containing `pos` (the nearest one before it for gaps)."""
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i] if self.sentences else Sentence(0, len(self.norm))

    def clause_at(self, pos: int) -> Clause:
        """The clause containing `pos` (the nearest one before it for gaps)."""
        i = max(0, bisect_right(self._clause_starts, pos) - 1)
        return self.clauses[i] if self.clauses else Clause(0, len(self.norm), None, 0)

    def clause_prefix(self, pos: int) -> str:
        """Normalised text of the clause containing `pos`, up to `pos`."""
        clause = self.clause_at(pos)
        return self.norm[clause.start : pos]

    def sentence_prefix(self, pos: int) -> str:
        sentence = self.sentence_at(pos)
        return self.norm[sentence.start : pos]

    def sentence_suffix(self, pos: int) -> str:
        sentence = self.sentence_at(pos)
        return self.norm[pos : sentence.end]

    def is_blank(self) -> bool:
        return not self.norm.strip()


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace or trailing punctuation."""
    start, end = _trim(text, start, end)
    while end > start and text[end - 1] in ",;:.!?\u2014\u2013-":
        end -= 1
    return _trim(text, start, end)
