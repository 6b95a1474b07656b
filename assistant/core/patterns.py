"""The leader's own patterns, from their journal: what keeps happening, and what was kept.

Private and local: counted from the sessions on this laptop, never sent anywhere. By person
only when the leader asks for it. Each pattern comes with one line in the project's own words
that points to the principle in `knowledge/` that speaks to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.retrieval.knowledge import KnowledgeDoc
from assistant.retrieval.situations import top_situations

KEPT = frozenset({"kept"})
NOT_KEPT = frozenset({"not_yet", "dropped", "partly"})
# Counted as "coming back" from this many sessions on.
RECURRING = 2
FOLLOW_THROUGH_PRINCIPLE = "step-rebuild-through-consistency"
CIRCLE_BACK_PRINCIPLE = "avoid-not-circling-back"


@dataclass(frozen=True)
class SessionFacts:
    """What one session contributes: when, what happened, with whom, and how the promise went."""

    created: str  # ISO date-time
    incident: str
    person: str = ""
    status: str | None = None  # the commitment's status, None without a draft


@dataclass
class Patterns:
    by_situation: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    by_person: Counter[str] = field(default_factory=Counter)
    kept: int = 0
    not_kept: int = 0
    open: int = 0
    lines: list[str] = field(default_factory=list)


def _label(situation: str) -> str:
    return situation.replace("_", " ")


def _principle(docs: Sequence[KnowledgeDoc], situation: str) -> KnowledgeDoc | None:
    """The situation's own passage on where a repair starts (its first tag)."""
    own = [d for d in docs if d.situations and d.situations[0] == situation]
    for stage in ("own", "name_the_moment", "acknowledge", "commit"):
        for doc in own:
            if doc.stage == stage:
                return doc
    return None


def find_patterns(
    sessions: Sequence[SessionFacts], docs: Sequence[KnowledgeDoc], *, by_person: bool = False
) -> Patterns:
    patterns = Patterns()
    for facts in sessions:
        situations = top_situations(facts.incident, limit=1) if facts.incident.strip() else []
        patterns.by_situation[situations[0] if situations else "other"] += 1
        patterns.by_month[facts.created[:7]] += 1
        if by_person and facts.person.strip():
            patterns.by_person[facts.person.strip()] += 1
        if facts.status in KEPT:
            patterns.kept += 1
        elif facts.status in NOT_KEPT:
            patterns.not_kept += 1
        elif facts.status == "open":
            patterns.open += 1
    by_id = {doc.id: doc for doc in docs}
    for situation, count in patterns.by_situation.most_common():
        if situation == "other" or count < RECURRING:
            continue
        doc = _principle(docs, situation)
        pointer = f' The principle "{doc.title}" ({doc.id}) is written for it.' if doc else ""
        patterns.lines.append(
            f"**{_label(situation).capitalize()}** has come up {count} times. A moment that keeps "
            f"coming back is worth a look before the next one, not only after it.{pointer}"
        )
    if patterns.not_kept and patterns.not_kept >= patterns.kept:
        doc = by_id.get(FOLLOW_THROUGH_PRINCIPLE)
        pointer = f' See "{doc.title}" ({doc.id}).' if doc else ""
        patterns.lines.append(
            f"**{patterns.not_kept} commitments not kept yet** against {patterns.kept} kept. Trust comes "
            "back through the changed behaviour, so a smaller promise you keep does more than a "
            f"bigger one you don't.{pointer}"
        )
    if patterns.open >= RECURRING:
        doc = by_id.get(CIRCLE_BACK_PRINCIPLE)
        pointer = f' See "{doc.title}" ({doc.id}).' if doc else ""
        patterns.lines.append(
            f"**{patterns.open} commitments are still open.** Checking in, even briefly, tells them "
            f"the repair was meant.{pointer}"
        )
    if by_person:
        for person, count in patterns.by_person.most_common():
            if count >= RECURRING:
                patterns.lines.append(
                    f"**{person}** is in {count} of your sessions. Ask yourself what keeps happening "
                    "between you, and whether they would say the same."
                )
    return patterns
