"""Saying what the guardrails looked for, for the moment they find nothing.

"Nothing to flag" reads as "this draft is fine"; the checks cannot know that. The page and the
`check` command name the checks that ran instead, so the leader knows what was and was not read.
"""

from __future__ import annotations

# Plain names, in the order a repair is read: the words of the apology, then the sections.
PHRASE_CHECKS: tuple[str, ...] = (
    "conditional apologies",
    "missing \u201cI\u201d",
    "excuses",
    "blame",
    "minimising",
    "self-shaming",
    "stacked apologies",
    "asking for forgiveness",
    "rescuing",
    "vague promises",
    "sections that don't do their job",
)
CONTEXT_CHECKS: tuple[str, ...] = (
    "the act promised again",
    "commitments that turn on them",
    "their role and yours swapped",
    "verdicts on them",
    "the third person",
    "claims your account doesn't make",
)


def checks_ran(*, context: bool) -> str:
    """One sentence naming the checks that ran; without context, the ones that could not."""
    ran = ", ".join(PHRASE_CHECKS)
    against = ", ".join(CONTEXT_CHECKS)
    if context:
        return f"Nothing flagged. Checked for {ran}; and against what happened: {against}."
    return (
        f"Nothing flagged. Checked for {ran}. Without the incident and the person it is for, "
        f"these were not checked: {against}."
    )
