"""Which knowledge passage explains each guardrail category.

Kept in one place so a test can compare it with the knowledge base's ids.
"""

from __future__ import annotations

PRINCIPLES: dict[str, str] = {
    "non_apology": "research-apology-spoilers",
    "agentless": "research-agency",
    "justification": "explain-after-owning",
    "blame_shift": "step-stay-out-of-defensiveness",
    "minimizing": "what-repair-is-not",
    "self_shaming": "research-self-punishment",
    "over_apology": "research-over-apology",
    "forgiveness_pressure": "invite-dont-demand",
    "rescuing": "repair-vs-rescuing",
    "vague_commitment": "step-say-what-will-be-different",
    "missing_own": "step-own-your-part",
    "missing_acknowledge": "acknowledge-the-impact",
    "missing_commit": "step-say-what-will-be-different",
    "repeats_harm": "commit-to-the-opposite",
    "punitive_commit": "avoid-accountability-as-harshness",
    "role_reversal": "speak-to-them",
    "judging_them": "acknowledge-the-impact",
    "third_person_address": "speak-to-them",
    "unsupported_claim": "acknowledge-the-impact",
}
