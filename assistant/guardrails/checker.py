"""The public checks: one text, or a whole three-part draft."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from assistant.core.schemas import SECTIONS, Finding, RepairDraft, Section
from assistant.guardrails import (
    agentless,
    blame_shift,
    forgiveness_pressure,
    justification,
    minimizing,
    non_apology,
    over_apology,
    rescuing,
    self_shaming,
    vague_commitment,
)
from assistant.guardrails.base import Hit, Rule, run_rules, to_finding
from assistant.guardrails.context import Context
from assistant.guardrails.context_checks import context_hits
from assistant.guardrails.missing_sections import section_hits
from assistant.guardrails.text import Doc, trimmed_span

# Every phrase-level rule, in one tuple so the order (and so the output) is stable.
RULES: tuple[Rule, ...] = (
    *non_apology.NON_APOLOGY_RULES,
    *agentless.AGENTLESS_RULES,
    *justification.JUSTIFICATION_RULES,
    *blame_shift.BLAME_SHIFT_RULES,
    *minimizing.MINIMIZING_RULES,
    *self_shaming.SELF_SHAMING_RULES,
    *over_apology.OVER_APOLOGY_RULES,
    *forgiveness_pressure.FORGIVENESS_PRESSURE_RULES,
    *rescuing.RESCUING_RULES,
    *vague_commitment.VAGUE_COMMITMENT_RULES,
)

_RANK = {"high": 0, "medium": 1, "low": 2}


def _dedupe(hits: Iterable[Hit]) -> list[Hit]:
    """Keep one finding per category for overlapping spans: the most severe, then the longest."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (_RANK[h.severity], h.start - h.end, h.start)):
        if any(
            k.category == hit.category
            and k.start < hit.end
            and hit.start < k.end
            or k.category == hit.category
            and k.start == hit.start
            and k.end == hit.end
            for k in kept
        ):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.category))


def _hits(doc: Doc, section: Section | None, context: Context | None = None) -> list[Hit]:
    hits = list(run_rules(doc, RULES))
    hits.extend(vague_commitment.vague_hits(doc))
    hits.extend(over_apology.stacked_apologies(doc))
    if section is not None:
        hits.extend(section_hits(doc, section, hits))
    hits.extend(context_hits(doc, section, context or _NO_CONTEXT))
    return _dedupe(hits)


_NO_CONTEXT = Context()


def _context(
    incident: str | None, person: str | None, notes: Mapping[str, str] | None, own: str = ""
) -> Context:
    return Context(incident or "", person or "", dict(notes or {}), own)


def check_text(
    text: str,
    section: Section | None = None,
    *,
    incident: str | None = None,
    person: str | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Check one text. Spans are offsets into `text`; each finding carries `section`.

    With `section=None` only phrase-level checks run (the missing_* checks need to know which
    part of the repair the text is meant to be). With the incident and the person it is
    addressed to, the context checks also read it against them (see `context_checks`).
    """
    if section is not None and section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}")
    doc = Doc(text)
    context = _context(incident, person, notes)
    return [to_finding(doc, hit, section) for hit in _hits(doc, section, context)]


def check_draft(
    draft: RepairDraft,
    *,
    incident: str | None = None,
    person: str | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Check each section of a draft with its own section-aware checks.

    Spans are relative to that section's text. Apologies are also counted across the whole
    draft, since three "sorry"s spread over three sections still stack. With `incident` and
    `person` (and the leader's `notes`), each section is also read against what happened and
    who it is to: a promise of the act again, a threat, swapped roles, a verdict on them, the
    third person, a claim the account never made.
    """
    findings: list[Finding] = []
    docs: dict[Section, Doc] = {}
    context = _context(incident, person, notes, draft.own)
    for name in SECTIONS:
        doc = Doc(draft.section(name))
        docs[name] = doc
        findings.extend(to_finding(doc, hit, name) for hit in _hits(doc, name, context))

    if not any(f.category == "over_apology" and f.severity == "high" for f in findings):
        units = [(name, span) for name in SECTIONS for span in over_apology.apology_units(docs[name])]
        if len(units) >= 3:
            name, (s, e) = units[2]
            doc = docs[name]
            start, end = trimmed_span(doc.text, s, e)
            hit = Hit(
                "over_apology",
                "high",
                start,
                end,
                f"The draft apologises {len(units)} times across its sections. "
                "One plain apology is enough; let the other sections own, acknowledge and commit.",
            )
            findings.append(to_finding(doc, hit, name))
    return findings


def has_high(findings: Iterable[Finding]) -> bool:
    """True when any finding is severe enough to block the draft as it stands."""
    return any(f.severity == "high" for f in findings)
