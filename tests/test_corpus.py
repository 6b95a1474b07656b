"""The repair corpus: its rules hold for every record, and the held-out split stays out."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.core.prompt_builder import Case, build_prompt, build_revision_prompt, section_prompt
from assistant.core.reflection import reflection_prompt
from assistant.core.schemas import RepairDraft
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.retriever import BlendedRetriever
from tests.fakes import FakeModel
from training.corpus import (
    RUPTURES,
    check_records,
    guardrail_problems,
    leaked_heldout,
    load_corpus,
    load_heldout,
    near_duplicates,
    schema_problems,
)
from training.render import render_record

ORIGINAL_SITUATIONS = {"tense_meeting", "interrupting", "feedback", "withdrawal", "decision"}


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_corpus()


@pytest.fixture(scope="module")
def heldout() -> list[dict]:
    return load_heldout()


def test_the_corpus_is_at_least_the_size_the_adapter_needs(corpus: list[dict]) -> None:
    kinds = Counter(r["kind"] for r in corpus)
    assert kinds["draft"] >= 700 and kinds["revision"] >= 150
    assert kinds["section"] >= 150 and kinds["reflection"] >= 150


def test_the_corpus_covers_many_kinds_of_rupture_settings_and_people(corpus: list[dict]) -> None:
    repairs = [r for r in corpus if r["kind"] != "reflection"]
    ruptures = Counter(r["rupture"] for r in repairs)
    assert len(set(ruptures) - ORIGINAL_SITUATIONS) >= 15
    assert all(ruptures[kind] >= 20 for kind in RUPTURES)
    assert {r["setting"] for r in repairs} >= {"team_meeting", "one_on_one", "chat_email", "public_channel"}
    assert {r["delivery"] for r in repairs} == {"in_person", "writing"}
    team = sum(r["person"] == "the team" for r in repairs)
    assert 0.1 < team / len(repairs) < 0.4
    names = {r["person"] for r in repairs} - {"the team"}
    assert len(names) > 300  # names from many places, not one name for most records
    assert max(Counter(r["person"] for r in repairs if r["person"] != "the team").values()) < 10
    drafts = [r for r in corpus if r["kind"] == "draft"]
    with_notes = sum(bool(r["notes"]) for r in drafts) / len(drafts)
    assert 0.3 < with_notes < 0.7
    lengths = sorted(len(r["incident"].split()) for r in drafts)
    assert lengths[len(lengths) // 10] < 25 and sum(n >= 50 for n in lengths) >= 25  # short and long accounts


def test_every_record_is_well_formed_and_passes_the_guardrails(corpus: list[dict]) -> None:
    problems = check_records(corpus)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_the_context_checks_rarely_flag_a_good_repair(corpus: list[dict]) -> None:
    # Every record is a repair written to the rubric, so each high context finding on one is a
    # false alarm that would send a good section back to the model. Measured: 16 of 2,250
    # draft sections; the bound keeps it rare.
    from training.corpus import context_flags

    drafts = [r for r in corpus if r["kind"] == "draft"]
    flagged = {(r["id"], f.section) for r in drafts for f in context_flags(r)}
    assert len(flagged) <= 0.01 * 3 * len(drafts), sorted(flagged)[:20]


def test_reflections_leave_unknown_answers_empty(corpus: list[dict]) -> None:
    reflections = [r for r in corpus if r["kind"] == "reflection"]
    empty = sum(any(not r[k].strip() for k in ("impact", "my_part", "want_different")) for r in reflections)
    assert empty / len(reflections) > 0.3


def test_no_repair_names_its_addressee_in_the_third_person(corpus: list[dict]) -> None:
    import re

    offenders = []
    for r in corpus:
        if r["kind"] not in ("draft", "revision") or r["person"] == "the team":
            continue
        first = r["person"].split()[0]
        text = " ".join(r[s] for s in ("own", "acknowledge", "commit"))
        if re.search(rf"\b{re.escape(first)}\b", text) or "you" not in text.lower():
            offenders.append(r["id"])
    assert offenders == []


def test_the_checker_rejects_a_guardrail_failure_and_a_bad_section_record() -> None:
    bad = {
        "kind": "draft",
        "own": "I'm sorry if you felt I was harsh.",
        "acknowledge": "You were upset.",
        "commit": "I'll do better.",
    }
    assert any("non_apology" in p for p in guardrail_problems(bad))
    unflagged = {
        "kind": "section",
        "section": "commit",
        "value": "On Friday I will ask you first.",
        "draft": {
            "own": "I cut you off in standup.",
            "acknowledge": "You lost your turn.",
            "commit": "At Monday's standup I will let you finish.",
        },
    }
    assert any("no high finding" in p for p in guardrail_problems(unflagged))
    assert "kind must be" in schema_problems({"kind": "poem"})[0]


def test_near_duplicates_are_rejected() -> None:
    base = {
        "kind": "draft",
        "incident": "In the planning meeting I cut Priya off twice and said we had no time.",
        "own": "I cut you off twice in the planning meeting.",
        "acknowledge": "You lost your turn.",
        "commit": "At Thursday's planning I will let you finish.",
    }
    near = dict(base, incident=base["incident"].replace("Priya", "Maya"))
    other = dict(
        base,
        incident="I laughed at Omar's accent in the client call.",
        own="I laughed at your accent.",
        acknowledge="You were mocked in front of a client.",
        commit="On Monday I will tell the client.",
    )
    assert [(a["incident"], b["incident"]) for a, b, _ in near_duplicates([base, near, other])] == [
        (base["incident"], near["incident"])
    ]


def test_the_corpus_holds_no_near_duplicates(corpus: list[dict]) -> None:
    assert near_duplicates(corpus) == []


def test_heldout_incidents_are_never_in_the_training_data(corpus: list[dict], heldout: list[dict]) -> None:
    assert len(heldout) >= 100
    assert leaked_heldout(corpus, heldout) == []
    train_ids = {r["id"] for r in corpus}
    assert not train_ids & {h["id"] for h in heldout}
    assert len({h["rupture"] for h in heldout} - ORIGINAL_SITUATIONS) >= 15


def test_the_heldout_file_is_frozen(heldout: list[dict]) -> None:
    # Changing the held-out split changes every figure measured on it: it is frozen.
    import hashlib

    digest = hashlib.sha256(
        (Path(__file__).parent.parent / "training" / "heldout.jsonl").read_bytes()
    ).hexdigest()
    manifest = json.loads(
        (Path(__file__).parent.parent / "assistant" / "adapters" / "manifest.json").read_text()
    )
    assert digest == manifest["heldout_sha256"]


# -- one format for training and running ----------------------------------------------------------


def _guidance(incident: str) -> list[str]:
    retriever = BlendedRetriever(load_knowledge(), lambda _t: {})
    return [p.title for p in retriever.retrieve(incident, 4)]


def test_training_prompts_are_the_prompts_the_app_builds_with_the_adapter(corpus: list[dict]) -> None:
    model = FakeModel(adapter="repair-lora")
    by_kind = {
        kind: next(r for r in corpus if r["kind"] == kind and r.get("notes"))
        for kind in ("draft", "revision", "section")
    }
    by_kind["reflection"] = next(r for r in corpus if r["kind"] == "reflection")
    for kind, record in by_kind.items():
        example = render_record(record, _guidance)
        if kind == "reflection":
            assert example.prompt == reflection_prompt(record["incident"], adapter=True)
            continue
        case = Case(
            incident=record["incident"],
            person=record["person"],
            guidance_lines=_guidance(record["incident"]),
            example_lines=["an example line that the adapter prompt leaves out"],
            notes=record["notes"],
        )
        prompt, _ = build_prompt(model, case, reserve_tokens=230)
        if kind == "draft":
            assert example.prompt == prompt
            assert example.answer.startswith(" ") and example.answer.endswith("\nEND")
        elif kind == "revision":
            revised, _ = build_revision_prompt(
                model, case, record["draft"], record["instruction"], reserve_tokens=450
            )
            assert example.prompt == revised
        else:
            from assistant.guardrails import check_draft

            feedback = [
                f.message
                for f in check_draft(RepairDraft(**record["draft"]))
                if f.section == record["section"] and f.severity == "high"
            ]
            assert example.prompt == section_prompt(prompt, record["draft"], record["section"], feedback)
    assert "For example" not in prompt and "an example line" not in prompt  # no few-shot, no example lines
