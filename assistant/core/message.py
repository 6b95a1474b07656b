"""Assembling the three sections into what the leader will actually say or send."""

from __future__ import annotations

from assistant.core.schemas import DEFAULT_DELIVERY, Delivery, RepairDraft

# An invitation, not a demand: the other person decides whether and when to talk.
INVITATION = "If you are open to it, I would like to hear how it landed for you, whenever suits you."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def assemble_message(draft: RepairDraft, person: str = "", delivery: Delivery = DEFAULT_DELIVERY) -> str:
    """Talking points for a conversation, or a short message for writing."""
    own, ack, commit = (_sentence(draft.own), _sentence(draft.acknowledge), _sentence(draft.commit))
    if delivery == "in_person":
        lines = [
            "Talking points" + (f" for your conversation with {person}" if person else "") + ":",
            f"- Name the moment and own it: {own}",
            f"- Acknowledge the impact: {ack}",
            f"- Say what will be different: {commit}",
            f"- Then invite them in, and listen: {INVITATION}",
        ]
        return "\n".join(lines)
    greeting = (
        f"Hi {person},"
        if person and person.lower() not in {"the team", "team"}
        else ("Hi all," if person else "Hi,")
    )
    return f"{greeting}\n\n{own} {ack}\n\n{commit}\n\n{INVITATION}"
