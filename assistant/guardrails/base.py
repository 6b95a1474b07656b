"""Shared machinery: a pattern rule with a structural guard, and finding construction."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from assistant.guardrails.principles import PRINCIPLES
from assistant.guardrails.text import Doc, trimmed_span
from assistant.schemas import Finding, Section, Severity

# A guard looks at where a match sits and returns the severity to report, or None to drop it.
Guard = Callable[[Doc, "re.Match[str]", Severity], "Severity | None"]
# A spanner picks the part of a match worth quoting back to the leader.
Spanner = Callable[["re.Match[str]"], "tuple[int, int]"]


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern for the normalised (lower-case, straight-quote) text."""
    return re.compile(pattern)


try:  # The regex parser is internal; without it rules simply run unfiltered.
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_p  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    try:
        import sre_constants as _sre_c  # type: ignore[no-redef]
        import sre_parse as _sre_p  # type: ignore[no-redef]
    except ImportError:  # pragma: no cover
        _sre_c = _sre_p = None  # type: ignore[assignment]

_MAX_BRANCHES = 200
Lead = set[tuple[str, bool]]


def _lead(items: list, bounded: bool = False, depth: int = 0) -> Lead | None:
    """Literal strings one of which every match of `items` starts with.

    Each literal comes with whether a word boundary (\\b) must precede it. None: unknown.
    """
    if depth > 40:
        return None
    c = _sre_c
    prefix: list[str] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is c.AT and not prefix:
            bounded = bounded or av is c.AT_BOUNDARY
            i += 1
        elif op in (c.ASSERT, c.ASSERT_NOT) and not prefix:
            i += 1
        elif op is c.LITERAL:
            prefix.append(chr(av))
            i += 1
        else:
            break
    if prefix:
        return {("".join(prefix), bounded)}
    if i >= len(items):
        return None
    op, av = items[i]
    rest = items[i + 1 :]
    if op is c.SUBPATTERN:
        return _lead(list(av[-1]) + rest, bounded, depth + 1)
    if op is c.BRANCH:
        found: Lead = set()
        for alternative in av[1]:
            sub = _lead(list(alternative) + rest, bounded, depth + 1)
            if sub is None:
                return None
            found |= sub
            if len(found) > _MAX_BRANCHES:
                return None
        return found
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _high, body = av
        with_body = _lead(list(body) + rest, bounded, depth + 1)
        if low > 0 or with_body is None:
            return with_body
        without = _lead(rest, bounded, depth + 1)
        return None if without is None else with_body | without
    return None


def word_start_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which starts every match, each right after a word boundary.

    With these, a rule only needs trying where a word starts with one of them, instead of a
    scan of the whole text. None when the pattern does not have that shape (it then runs as
    an ordinary scan).
    """
    if _sre_p is None:
        return None
    try:
        found = _lead(list(_sre_p.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - an internal API; any surprise just disables the index
        return None
    if not found or not all(bounded and lit[:1].isalnum() for lit, bounded in found):
        return None
    # A shorter literal that is a prefix of a longer one makes the longer one redundant.
    kept: list[str] = []
    for lit in sorted({lit for lit, _ in found}, key=len):
        if not any(lit.startswith(k) for k in kept):
            kept.append(lit)
    return tuple(kept)


@dataclass(frozen=True)
class Rule:
    """One pattern for one category, plus a guard that reads the match's context."""

    category: str
    severity: Severity
    pattern: re.Pattern[str]
    message: str
    guard: Guard | None = None
    deniable: bool = True
    """Drop the match when the clause disowns it ("I won't pretend it was no big deal")."""
    span: Spanner | None = None
    triggers: tuple[str, ...] | None = field(default=None, init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "triggers", word_start_literals(self.pattern))


@dataclass(frozen=True)
class Hit:
    """A finding before it is bound to a section."""

    category: str
    severity: Severity
    start: int
    end: int
    message: str


# "I won't pretend...", "I'm not asking you to...", "I told myself...": the leader is
# naming a move in order to refuse it, so the phrase that follows is not theirs.
_DENIAL = rx(
    r"(?:\b(?:not|never|no longer)|n't)\s+(?:[a-z']+\s+){0,3}?"
    r"(?:say|saying|pretend|pretending|call|calling|claim|claiming|promise|promising|ask|asking|"
    r"expect|expecting|need|needing|tell|telling|treat|treating|act like|brush|brushing|dismiss|"
    r"dismissing|minimi[sz]e|minimi[sz]ing|wave|waving|excuse|excusing|hide|hiding|want|use|"
    r"going to pretend)\b"
    r"|\b(?:told|tell|telling|convinced|convince|kept telling) myself\b"
    r"|\bpretend(?:ed|ing)?\b|\binstead of\b"
)


def denied(doc: Doc, start: int) -> bool:
    """True when the clause before `start` refuses or disowns what follows."""
    return _DENIAL.search(doc.clause_prefix(start)) is not None


_WORD_START = re.compile(r"\b\w")


class RuleSet:
    """Rules indexed by the literals their matches start with.

    Equivalent to running `finditer` for every rule, but a rule is only tried at word starts
    where one of its literals occurs, which keeps a 1,000-character check to about a
    millisecond.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._index: dict[str, list[tuple[str, int]]] = {}
        self._scanned: list[int] = []
        for number, rule in enumerate(self.rules):
            if rule.triggers is None:
                self._scanned.append(number)
                continue
            for literal in rule.triggers:
                self._index.setdefault(literal[:2], []).append((literal, number))

    def matches(self, norm: str) -> list[tuple[int, re.Match[str]]]:
        """(rule number, match) pairs, in rule order and then text order."""
        found: list[tuple[int, re.Match[str]]] = []
        resume: dict[int, int] = {}
        index = self._index
        for word in _WORD_START.finditer(norm):
            pos = word.start()
            for key in (norm[pos : pos + 2], norm[pos]):
                for literal, number in index.get(key, ()):
                    if pos < resume.get(number, 0) or not norm.startswith(literal, pos):
                        continue
                    m = self.rules[number].pattern.match(norm, pos)
                    if m is not None:
                        found.append((number, m))
                        resume[number] = max(m.end(), pos + 1)
        for number in self._scanned:
            found.extend((number, m) for m in self.rules[number].pattern.finditer(norm))
        found.sort(key=lambda pair: (pair[0], pair[1].start()))
        return found


def run_rules(doc: Doc, rules: RuleSet) -> Iterator[Hit]:
    """Apply pattern rules to `doc`, letting each rule's guard judge the context."""
    for number, m in rules.matches(doc.norm):
        rule = rules.rules[number]
        if rule.deniable and denied(doc, m.start()):
            continue
        severity: Severity | None = rule.severity
        if rule.guard is not None:
            severity = rule.guard(doc, m, rule.severity)
        if severity is None:
            continue
        start, end = rule.span(m) if rule.span is not None else (m.start(), m.end())
        start, end = trimmed_span(doc.text, start, end)
        if end > start:
            yield Hit(rule.category, severity, start, end, rule.message)


def to_finding(doc: Doc, hit: Hit, section: Section | None) -> Finding:
    return Finding(
        category=hit.category,
        severity=hit.severity,
        start=hit.start,
        end=hit.end,
        text=doc.text[hit.start : hit.end],
        message=hit.message,
        principle=PRINCIPLES[hit.category],
        section=section,
    )
