"""Knowledge loading, the persistent index and grounded retrieval."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.core.resources import knowledge_dir
from assistant.retrieval.knowledge import KnowledgeError, content_hash, load_knowledge, parse_doc
from assistant.retrieval.retriever import BlendedRetriever, blend
from assistant.retrieval.situations import CORE_SITUATIONS, SITUATIONS

DATA = Path(__file__).parent / "data"


def test_every_knowledge_file_loads() -> None:
    docs = load_knowledge()
    assert len(docs) >= 30
    ids = {doc.id for doc in docs}
    for situation in SITUATIONS:
        tagged = [doc for doc in docs if situation in doc.situations]
        assert tagged and any(doc.example_lines for doc in tagged), situation
    assert {"step-own-your-part", "repair-vs-rescuing", "research-agency"} <= ids


def test_guardrail_principles_exist_in_the_knowledge_base() -> None:
    from assistant.guardrails import PRINCIPLES

    ids = {doc.id for doc in load_knowledge()}
    assert set(PRINCIPLES.values()) <= ids


def test_front_matter_errors_name_the_file() -> None:
    with pytest.raises(KnowledgeError, match="bad.md"):
        parse_doc("no front matter", "bad.md")
    with pytest.raises(KnowledgeError, match="bad.md: front matter lacks"):
        parse_doc("---\nid: x\n---\nbody", "bad.md")
    doc = parse_doc(
        '---\nid: a\ntitle: "T"\nstage: own\nsituations: [feedback, general]\nsource: S\n---\nBody text.\n\n'
        '## Example lines\n- "One line."\n- "Two."\n',
        "a.md",
    )
    assert doc.situations == ("feedback", "general") and doc.example_lines == ("One line.", "Two.")
    assert "Example" not in doc.body


# The guidance each kind of rupture has of its own (its first tag): where the repair starts and
# what comes next. The five situations the knowledge base began with have more.
OWN_STAGES = {
    "tense_meeting": {"name_the_moment", "acknowledge", "commit"},
    "interrupting": {"own", "acknowledge", "commit"},
    "feedback": {"own", "commit"},
    "withdrawal": {"name_the_moment", "follow_through"},
    "decision": {"acknowledge", "commit"},
}


def test_every_situation_keeps_its_own_guidance_for_each_stage() -> None:
    docs = load_knowledge()
    for situation in SITUATIONS:
        stages = {doc.stage for doc in docs if doc.situations and doc.situations[0] == situation}
        expected = OWN_STAGES.get(situation, {"own", "commit"})
        assert expected <= stages, f"{situation}: no passage of its own for {sorted(expected - stages)}"


def test_every_new_kind_has_passages_to_own_and_to_commit() -> None:
    # Each finer kind gets its own guidance: one passage on owning and acknowledging the act,
    # one on what to commit to, both with example lines spoken to the person.
    docs = load_knowledge()
    for situation in SITUATIONS[len(CORE_SITUATIONS) :]:
        tagged = [doc for doc in docs if situation in doc.situations]
        stages = {doc.stage for doc in tagged}
        assert stages & {"own", "acknowledge"} and "commit" in stages, situation
        assert all(doc.example_lines for doc in tagged), situation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I rolled my eyes while Kiri was presenting the budget.", "dismissive_gesture"),
        ("I told Sefa his promotion was turned down in the corridor between meetings.", "rushed_hard_news"),
        (
            "Tomas told me in confidence about his divorce and I mentioned it to his team lead.",
            "confidence_broken",
        ),
    ],
)
def test_blend_ranks_a_new_kind_first(text: str, expected: str) -> None:
    docs = load_knowledge()
    ranked = blend(docs, {doc.id: 0.5 for doc in docs}, text)
    assert expected in ranked[0].doc.situations


def test_blend_prefers_the_detected_situation() -> None:
    docs = load_knowledge()
    flat = {doc.id: 0.5 for doc in docs}
    ranked = blend(docs, flat, "I cut Omar off three times while he was presenting.")
    assert "interrupting" in ranked[0].doc.situations
    scores = [item.score for item in ranked]
    assert scores == sorted(scores, reverse=True)


def test_retriever_returns_k_passages_with_scores() -> None:
    docs = load_knowledge()
    retriever = BlendedRetriever(docs, lambda text: {doc.id: 0.1 for doc in docs})
    passages = retriever.retrieve("My feedback on her design landed hard.", k=3)
    assert len(passages) == 3 and all(p.score > 0 for p in passages)
    assert set(passages[0].model_dump()) == {"id", "title", "stage", "situations", "score", "source", "text"}


# -- with the real default model and a real chroma store ---------------------------------


class CountingEmbedder:
    """Wraps the real embedder and records how many texts were embedded."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.count = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.count += len(texts)
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def real_embedder(default_model_path: Path):
    from assistant.backends.llama import LlamaEmbedder

    return LlamaEmbedder(default_model_path)


@pytest.mark.integration
def test_index_is_reused_and_rebuilt_only_on_change(tmp_path: Path, real_embedder, built_index: Path) -> None:
    from assistant.retrieval.store import KnowledgeIndex

    # Reopening the app on the full, current index embeds nothing.
    docs = load_knowledge()
    shutil.copytree(built_index, tmp_path / "full")
    counter = CountingEmbedder(real_embedder)
    reopened = KnowledgeIndex(tmp_path / "full", counter)
    assert reopened.ensure(docs) is False and counter.count == 0
    assert reopened.similarities("I snapped at Dana.")  # usable without a rebuild

    # The build / reuse / rebuild cycle on a small copy of the knowledge base.
    small = tmp_path / "knowledge"
    small.mkdir()
    for name in ("step-own-your-part.md", "situation-interrupting.md", "repair-vs-rescuing.md"):
        shutil.copy(knowledge_dir() / name, small / name)
    first = load_knowledge(small)
    counter.count = 0
    assert KnowledgeIndex(tmp_path / "index", counter).ensure(first) is True
    assert counter.count == 3
    counter.count = 0
    assert KnowledgeIndex(tmp_path / "index", counter).ensure(first) is False
    assert counter.count == 0

    # Changing one knowledge file (even prose after its example lines) rebuilds.
    target = small / "step-own-your-part.md"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nOne more sentence of guidance.\n", encoding="utf-8"
    )
    changed = load_knowledge(small)
    assert content_hash(changed) != content_hash(first)
    assert KnowledgeIndex(tmp_path / "index", counter).ensure(changed) is True
    assert counter.count == 3


@pytest.mark.integration
def test_user_text_never_reaches_the_store(tmp_path: Path, real_embedder, built_index: Path) -> None:
    from assistant.retrieval.store import KnowledgeIndex

    shutil.copytree(built_index, tmp_path / "index")
    index = KnowledgeIndex(tmp_path / "index", real_embedder)
    assert index.ensure(load_knowledge()) is False
    marker = "Zorblax-7731 canary incident"
    index.similarities(f"I yelled at {marker} in the meeting.")
    del index
    for path in (tmp_path / "index").rglob("*"):
        if path.is_file():
            assert b"Zorblax-7731" not in path.read_bytes(), path


def _score(retriever: BlendedRetriever, name: str) -> tuple[int, float, float, float]:
    cases = [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]
    hit1 = hit3 = 0
    reciprocal = 0.0
    for case in cases:
        expected = set(case["situations"])
        passages = retriever.retrieve(case["text"], k=10)
        ranks = [i for i, p in enumerate(passages, 1) if expected & set(p.situations)]
        hit1 += bool(ranks and ranks[0] == 1)
        hit3 += bool(ranks and ranks[0] <= 3)
        reciprocal += 1 / ranks[0] if ranks else 0.0
    n = len(cases)
    print(f"\n{name}: n={n} hit@1={hit1 / n:.3f} hit@3={hit3 / n:.3f} MRR={reciprocal / n:.3f}")
    return n, hit1 / n, hit3 / n, reciprocal / n


@pytest.mark.integration
def test_retrieval_quality_on_labelled_incidents(tmp_path: Path, real_embedder, built_index: Path) -> None:
    from assistant.retrieval.store import KnowledgeIndex

    docs = load_knowledge()
    shutil.copytree(built_index, tmp_path / "index")
    index = KnowledgeIndex(tmp_path / "index", real_embedder)
    assert index.ensure(docs) is False
    retriever = BlendedRetriever(docs, index.similarities)
    n, _, hit3, _ = _score(retriever, "retrieval_incidents.jsonl")
    assert n >= 40 and hit3 >= 0.90
    # A held-out set whose wording the situation cues were never tuned on: a floor, not a target.
    n, _, hit3, _ = _score(retriever, "retrieval_heldout.jsonl")
    assert n >= 20 and hit3 >= 0.75


@pytest.mark.integration
def test_retrieval_quality_on_the_new_kinds(tmp_path: Path, real_embedder, built_index: Path) -> None:
    from assistant.retrieval.store import KnowledgeIndex

    docs = load_knowledge()
    shutil.copytree(built_index, tmp_path / "index")
    index = KnowledgeIndex(tmp_path / "index", real_embedder)
    assert index.ensure(docs) is False
    retriever = BlendedRetriever(docs, index.similarities)
    # Written before any cue for the twenty finer kinds existed, and frozen since: the cues
    # were tuned on retrieval_newkinds.jsonl only.
    n, _, hit3, _ = _score(retriever, "retrieval_newkinds_heldout.jsonl")
    assert n >= 40 and hit3 >= 0.90
    n, _, hit3, _ = _score(retriever, "retrieval_newkinds.jsonl")
    assert n >= 60 and hit3 >= 0.90


def test_similarity_is_consulted_only_when_the_situation_is_unclear() -> None:
    docs = load_knowledge()
    asked: list[str] = []

    def similarities(text: str) -> dict[str, float]:
        asked.append(text)
        return {doc.id: (0.9 if doc.id == "research-proportionate-check-in" else 0.1) for doc in docs}

    retriever = BlendedRetriever(docs, similarities)
    retriever.retrieve("I interrupted Omar three times during his demo.", k=3)
    assert asked == []  # wording is clear: no embedding needed
    vague = "Something about yesterday does not sit right with me."
    passages = retriever.retrieve(vague, k=3)
    assert asked == [vague]
    assert passages[0].id == "research-proportionate-check-in"  # similarity decides when situations cannot
