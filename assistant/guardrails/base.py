"""Shared machinery: a pattern rule with its own examples, a structural guard, and findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from assistant.core.schemas import Finding, Section, Severity
from assistant.guardrails.principles import PRINCIPLES
from assistant.guardrails.text import Doc, trimmed_span
from assistant.guardrails.triggers import matches, triggers

# A guard looks at where a match sits and returns the severity to report, or None to drop it.
Guard = Callable[[Doc, "re.Match[str]", Severity], "Severity | None"]
# A spanner picks the part of a match worth quoting back to the leader.
Spanner = Callable[["re.Match[str]"], "tuple[int, int]"]


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern for the normalised (lower-case, straight-quote) text."""
    return re.compile(pattern)


@dataclass(frozen=True)
class Rule:
    """One pattern for one category, a guard that reads the match's context, and its examples.

    `catches` and `passes` are the rule's own specification: tests/test_guardrail_rules.py
    checks every line, so a contributor changing a pattern sees at once what it was for.
    """

    id: str
    """Unique and stable, "<category>.<what it catches>"."""
    category: str
    severity: Severity
    pattern: re.Pattern[str]
    message: str
    catches: tuple[str, ...]
    """Lines this rule must flag with its category."""
    passes: tuple[str, ...]
    """Near misses this rule, on its own, must leave alone."""
    guard: Guard | None = None
    deniable: bool = True
    """Drop the match when the clause disowns it ("I won't pretend it was no big deal")."""
    span: Spanner | None = None
    section: Section | None = None
    """The section the examples are checked as, when the rule's context needs one."""
    first_letters: frozenset[str] | None = field(init=False, repr=False, compare=False, default=None)
    """What a match must start with, read from the pattern (None: always run); see triggers.py."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_letters", triggers(self.pattern))


@dataclass(frozen=True)
class CheckExamples:
    """Examples for a check computed in code rather than by one pattern.

    Each `catches` line must get a finding of `category` from `check_text(line, section)`;
    each `passes` line must get none of that category.
    """

    id: str
    category: str
    catches: tuple[str, ...]
    passes: tuple[str, ...]
    section: Section | None = None


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


def run_rules(doc: Doc, rules: Iterable[Rule]) -> Iterator[Hit]:
    """Apply pattern rules to `doc`, letting each rule's guard judge the context.

    Hits come in rule order, then text order, so the output is stable.
    """
    starts = doc.word_starts()
    for rule in rules:
        for m in matches(rule.pattern, doc.norm, rule.first_letters, starts):
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
