"""The checks that read a section against the incident and the addressee.

Each needs a `Context`; with an empty one (no incident, no person) only the parts that need
neither run: a promise of an act that hurts in itself, a commitment that turns on them,
praise or criticism in place of an impact.
"""

from __future__ import annotations

from assistant.core.schemas import Section
from assistant.guardrails import (
    judging_them,
    punitive_commit,
    repeats_harm,
    role_reversal,
    third_person_address,
    unsupported_claim,
)
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context
from assistant.guardrails.text import Doc

CATEGORIES: tuple[str, ...] = (
    repeats_harm.CATEGORY,
    punitive_commit.CATEGORY,
    role_reversal.CATEGORY,
    judging_them.CATEGORY,
    third_person_address.CATEGORY,
    unsupported_claim.CATEGORY,
)


def context_hits(doc: Doc, section: Section | None, ctx: Context) -> list[Hit]:
    """Findings of the context checks for one text."""
    found: list[Hit] = []
    found.extend(repeats_harm.hits(doc, section, ctx))
    found.extend(punitive_commit.hits(doc, section, ctx))
    found.extend(role_reversal.hits(doc, section, ctx))
    found.extend(judging_them.hits(doc, section, ctx))
    found.extend(third_person_address.hits(doc, section, ctx))
    found.extend(unsupported_claim.hits(doc, section, ctx))
    found.extend(unsupported_claim.novel_impact_hits(doc, section, ctx))
    return found
