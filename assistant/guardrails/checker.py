"""The public checks: one text, or a whole three-part draft."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.guardrails import (
    agency,
    apology,
    blame,
    commitment,
    justification,
    minimizing,
    rescuing,
    self_focus,
)
from assistant.guardrails.base import Hit, Rule, RuleSet, run_rules, to_finding
from assistant.guardrails.sections import section_hits
from assistant.guardrails.text import Doc, trimmed_span
from assistant.schemas import SECTIONS, Finding, RepairDraft, Section

# Every phrase-level rule, in one tuple so the order (and so the output) is stable.
RULES: tuple[Rule, ...] = (
    *apology.NON_APOLOGY_RULES,
    *agency.RULES,
    *justification.JUSTIFICATION_RULES,
    *blame.BLAME_RULES,
    *minimizing.MINIMIZING_RULES,
    *self_focus.SELF_SHAMING_RULES,
    *apology.OVER_APOLOGY_RULES,
    *self_focus.FORGIVENESS_RULES,
    *rescuing.RESCUING_RULES,
    *commitment.VAGUE_RULES,
)
_RULE_SET = RuleSet(RULES)

_RANK = {"high": 0, "medium": 1, "low": 2}


def _dedupe(hits: Iterable[Hit]) -> list[Hit]:
    """Keep one finding per category for overlapping spans: the most severe, then the longest."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (_RANK[h.severity], h.start - h.end, h.start)):
        if any(
            k.category == hit.category and k.start < hit.end and hit.start < k.end
            or k.category == hit.category and k.start == hit.start and k.end == hit.end
            for k in kept
        ):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.category))


def _hits(doc: Doc, section: Section | None) -> list[Hit]:
    hits = list(run_rules(doc, _RULE_SET))
    hits.extend(commitment.vague_hits(doc))
    hits.extend(apology.stacked_apologies(doc))
    if section is not None:
        hits.extend(section_hits(doc, section, hits))
    return _dedupe(hits)


def check_text(text: str, section: Section | None = None) -> list[Finding]:
    """Check one text. Spans are offsets into `text`; each finding carries `section`.

    With `section=None` only phrase-level checks run (the missing_* checks need to know which
    part of the repair the text is meant to be).
    """
    if section is not None and section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}")
    doc = Doc(text)
    return [to_finding(doc, hit, section) for hit in _hits(doc, section)]


def check_draft(draft: RepairDraft) -> list[Finding]:
    """Check each section of a draft with its own section-aware checks.

    Spans are relative to that section's text. Apologies are also counted across the whole
    draft, since three "sorry"s spread over three sections still stack.
    """
    findings: list[Finding] = []
    docs: dict[Section, Doc] = {}
    for name in SECTIONS:
        doc = Doc(draft.section(name))
        docs[name] = doc
        findings.extend(to_finding(doc, hit, name) for hit in _hits(doc, name))

    if not any(f.category == "over_apology" and f.severity == "high" for f in findings):
        units = [(name, span) for name in SECTIONS for span in apology.apology_units(docs[name])]
        if len(units) >= 3:
            name, (s, e) = units[2]
            doc = docs[name]
            start, end = trimmed_span(doc.text, s, e)
            hit = Hit(
                "over_apology", "high", start, end,
                f"The draft apologises {len(units)} times across its sections. "
                "One plain apology is enough; let the other sections own, acknowledge and commit.",
            )
            findings.append(to_finding(doc, hit, name))
    return findings


def has_high(findings: Iterable[Finding]) -> bool:
    """True when any finding is severe enough to block the draft as it stands."""
    return any(f.severity == "high" for f in findings)
