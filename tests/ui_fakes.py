"""Shared stand-ins for the UI tests (no tests here): a phrase checker and a fixed retriever."""

from __future__ import annotations

from assistant.core.schemas import SECTIONS, Finding, Passage, RepairDraft

# (phrase, category, principle): enough to see highlights without the real guardrails.
PHRASES = (
    ("do better", "vague_commitment", "commit-concrete-behaviour"),
    ("sorry if", "non_apology", "own-without-conditions"),
)


def phrase_checker(draft: RepairDraft, **context: object) -> list[Finding]:
    """Flag a few fixed phrases, with offsets into each section like the real guardrails."""
    findings: list[Finding] = []
    for section in SECTIONS:
        text = str(getattr(draft, section))
        for phrase, category, principle in PHRASES:
            at = text.lower().find(phrase)
            if at >= 0:
                findings.append(
                    Finding(
                        category=category,
                        severity="high",
                        start=at,
                        end=at + len(phrase),
                        text=text[at : at + len(phrase)],
                        message=f"{category.replace('_', ' ')} <needs work>",
                        principle=principle,
                        section=section,
                    )
                )
    return findings


class FixedRetriever:
    """Returns the same two passages for any incident."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def retrieve(self, text: str, k: int = 4) -> list[Passage]:
        self.queries.append(text)
        passages = [
            Passage(
                id="own-the-act",
                title="Own the act plainly",
                stage="own",
                situations=["general"],
                score=0.8123,
                source="test",
                text="Say what you did.",
            ),
            Passage(
                id="commit-concrete-behaviour",
                title="Commit to a concrete behaviour",
                stage="commit",
                situations=["general"],
                score=0.6512,
                source="test",
                text="Name when.",
            ),
        ]
        return passages[:k]


REFLECTION_REPLY = (
    " I cut Priya off twice and said we had no time.\n"
    "IMPACT I NOTICED: She stopped talking for the rest of the meeting.\n"
    "MY PART: I was rushing to finish the agenda.\n"
    "WHAT I WANT TO BE DIFFERENT: Let people finish before I speak.\n"
    "END"
)
INCIDENT = "In today's planning meeting I cut Priya off twice and said we had no time for her point."


def make_service(model=None, *, retriever=None):
    """A RepairService over a FakeModel, the phrase checker and the fixed retriever."""
    from assistant.core.service import RepairService
    from tests.fakes import FakeModel

    return RepairService(
        model or FakeModel(), retriever=retriever or FixedRetriever(), checker=phrase_checker
    )
