"""Choosing the knowledge passages that ground a draft.

Mean-pooled embeddings from a 270M base model separate repair topics only roughly, so the
score blends embedding similarity with the situations detected in the incident's wording,
and adds a small prior for the step passages every repair needs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.core.schemas import Passage
from assistant.retrieval.knowledge import KnowledgeDoc
from assistant.retrieval.situations import detect_situations

log = logging.getLogger(__name__)

# The weights were set on the labelled incidents in tests/data (see test_retrieval_quality).
SIMILARITY_WEIGHT = 0.45
SITUATION_WEIGHT = 0.55
GENERAL_SITUATION_SCORE = 0.12
CONFIDENT_SITUATION = 0.5
STAGE_PRIOR = {"own": 0.06, "acknowledge": 0.05, "commit": 0.05, "name_the_moment": 0.03, "listen": 0.02}


@dataclass
class ScoredDoc:
    doc: KnowledgeDoc
    score: float
    similarity: float
    situation: float


def blend(docs: Sequence[KnowledgeDoc], similarities: dict[str, float], text: str) -> list[ScoredDoc]:
    """Rank all docs for `text` by the blended score, best first (ties broken by id)."""
    detected = detect_situations(text)
    strongest = max(detected.values(), default=0.0)
    scored: list[ScoredDoc] = []
    for doc in docs:
        specific = [detected.get(s, 0.0) for s in doc.situations if s != "general"]
        situation = max(specific, default=0.0)
        if "general" in doc.situations:
            # General passages matter most when no specific situation is recognised.
            situation = max(situation, GENERAL_SITUATION_SCORE * (1.0 - strongest) + 0.05)
        similarity = similarities.get(doc.id, 0.0)
        score = (
            SIMILARITY_WEIGHT * similarity + SITUATION_WEIGHT * situation + STAGE_PRIOR.get(doc.stage, 0.0)
        )
        scored.append(ScoredDoc(doc, score, similarity, situation))
    scored.sort(key=lambda item: (-item.score, item.doc.id))
    return scored


def to_passage(item: ScoredDoc) -> Passage:
    doc = item.doc
    return Passage(
        id=doc.id,
        title=doc.title,
        stage=doc.stage,
        situations=list(doc.situations),
        score=round(item.score, 4),
        source=doc.source,
        text=doc.body,
        example_lines=list(doc.example_lines),
    )


class BlendedRetriever:
    """Top-k passages for an incident: similarity from the index, blended with situations.

    Embedding a query costs about 100 ms on two cores, and when the wording already names
    the situation clearly the similarity term did not change a single top-3 on the labelled
    set; so the model is only consulted when the situation signal is weak.
    """

    def __init__(
        self,
        docs: Sequence[KnowledgeDoc],
        similarities: Callable[[str], dict[str, float]],
        confident: float = CONFIDENT_SITUATION,
    ) -> None:
        self.docs = list(docs)
        self._similarities = similarities
        self.confident = confident

    def retrieve(self, text: str, k: int = 4) -> list[Passage]:
        strongest = max(detect_situations(text).values(), default=0.0)
        sims: dict[str, float] = {}
        if strongest < self.confident:
            sims = self._similarities(text)
        ranked = blend(self.docs, sims, text)
        return [to_passage(item) for item in ranked[:k]]
