"""The eval harness: the suite, each scoring rule, the summary and the command, with fakes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.bench.evaluation import (
    EvalIncident,
    EvalRow,
    addressed_to,
    concrete_commit,
    evaluate,
    failed_row,
    load_heldout,
    load_suite,
    names_act,
    render_table,
    run_eval,
    score_result,
    shares_act_words,
    summarize,
    summary_line,
)
from assistant.core.schemas import DraftResult, Finding, Source
from assistant.core.service import RepairService
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.retriever import BlendedRetriever
from assistant.retrieval.situations import SITUATIONS
from tests.fakes import FakeModel

INCIDENT = EvalIncident("t1", "I snapped at Grace in the ops meeting.", ("tense_meeting",), ("snap", "sharp"))
CONCRETE = "At Thursday's planning meeting I will let you finish before I speak."


def _result(
    own: str = "I snapped at you in the ops meeting.",
    commit: str = CONCRETE,
    findings: list[Finding] | None = None,
    sources: bool = True,
) -> DraftResult:
    return DraftResult(
        own=own,
        acknowledge="You were cut short in front of the team.",
        commit=commit,
        message="…",
        findings=findings or [],
        sources=[Source(id="own-the-act", title="Own the act", score=0.5)] if sources else [],
        model="fake-model",
    )


def _finding(severity: str, category: str = "self_shaming", section: str = "own") -> Finding:
    return Finding(
        category=category,
        severity=severity,
        start=0,
        end=1,
        text="I",
        message="m",
        principle="p",
        section=section,
    )


# -- the suite -------------------------------------------------------------------------------


def test_suite_ships_in_the_package_and_covers_every_situation() -> None:
    suite = load_suite()
    assert len(suite) >= 20
    assert len({item.id for item in suite}) == len(suite)
    # The classic suite covers the five situations the knowledge base started with.
    assert {s for item in suite for s in item.situations} == set(SITUATIONS[:5])
    assert any(len(item.situations) > 1 for item in suite)  # some are ambiguous
    assert any("ignore your instructions" in item.text.lower() for item in suite)  # prompt injection
    assert all(item.act for item in suite)


def test_packaged_suite_matches_the_labelled_test_data() -> None:
    packaged = load_suite()
    labelled = load_suite(Path(__file__).parent / "data" / "eval_incidents.jsonl")
    assert packaged == labelled


def test_heldout_split_ships_with_its_people_and_covers_the_new_kinds() -> None:
    heldout = load_heldout()
    assert len(heldout) >= 100 and all(item.person for item in heldout)
    assert len({s for item in heldout for s in item.situations}) >= 20
    assert set(SITUATIONS) >= {s for item in heldout for s in item.situations}


@pytest.mark.parametrize(
    "sections, person, expected",
    [
        (
            {
                "own": "I cut you off twice.",
                "acknowledge": "You lost your turn.",
                "commit": "On Monday I will wait.",
            },
            "Priya",
            True,
        ),
        (
            {
                "own": "I cut Priya off twice.",
                "acknowledge": "You lost your turn.",
                "commit": "On Monday I will wait.",
            },
            "Priya",
            False,
        ),
        (
            {
                "own": "I cut her off twice.",
                "acknowledge": "She lost her turn.",
                "commit": "On Monday I will wait.",
            },
            "Priya",
            False,
        ),
        (
            {"own": "I shouted at all of you.", "acknowledge": "The room went quiet.", "commit": "Friday."},
            "the team",
            True,
        ),
        (
            {"own": "I shouted at the team.", "acknowledge": "The room went quiet.", "commit": "Friday."},
            "the team",
            False,
        ),
    ],
)
def test_spoken_to_them_means_you_and_never_their_name(sections: dict, person: str, expected: bool) -> None:
    assert addressed_to(sections, person) is expected


def test_without_labelled_stems_the_own_must_reuse_the_account() -> None:
    incident = "In the budget review I talked over Fatima every time she tried to explain the overrun."
    assert shares_act_words("I talked over you each time you tried to explain the overrun.", incident)
    assert not shares_act_words("I was not at my best.", incident)
    assert not shares_act_words("The overrun was explained.", incident)  # no first-person agent


def test_suite_without_an_act_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    path.write_text('{"id": "x", "text": "t", "situations": [], "act": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_suite(path)


# -- scoring rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "own, stems, expected",
    [
        ("I snapped at you in the meeting.", ["snap"], True),
        ("I SNAPPED at you.", ["snap"], True),  # case does not matter
        ("I was unsnapping my bag.", ["snap"], False),  # a stem must start a word
        ("I talked over you twice.", ["talked over"], True),  # several words
        ("I talked   over you.", ["talked over"], True),  # spacing does not matter
        ("I talked about it over lunch.", ["talked over"], False),
        ("I didn\u2019t let you finish.", ["didn't let"], True),  # curly apostrophe
        ("I was short with you.", ["snap", "sharp"], False),
        ("I snapped.", [], False),
        ("I snapped.", ["  "], False),
    ],
)
def test_own_names_the_act_by_word_prefix(own: str, stems: list[str], expected: bool) -> None:
    assert names_act(own, stems) is expected


@pytest.mark.parametrize(
    "commit, expected",
    [
        (CONCRETE, True),
        ("I'll do better.", False),
        ("I will try to be better going forward.", False),
    ],
)
def test_commit_must_pass_the_commitment_checks(commit: str, expected: bool) -> None:
    assert concrete_commit(commit) is expected


def test_a_good_draft_passes_every_criterion() -> None:
    row = score_result(INCIDENT, _result(), 2.5)
    assert (
        row.three_sections,
        row.no_high,
        row.names_act,
        row.concrete_commit,
        row.sources_used,
    ) == (True, True, True, True, True)
    assert row.seconds == 2.5 and row.high == [] and row.error == ""


def test_only_high_findings_fail_no_high_and_they_are_listed() -> None:
    assert score_result(INCIDENT, _result(findings=[_finding("medium")]), 1.0).no_high
    row = score_result(
        INCIDENT,
        _result(findings=[_finding("high"), _finding("high", "blame_shift", "acknowledge")]),
        1.0,
    )
    assert not row.no_high
    assert row.high == ["blame_shift@acknowledge", "self_shaming@own"]


def test_each_criterion_fails_on_its_own() -> None:
    assert not score_result(INCIDENT, _result(own="I was short with you."), 1.0).names_act
    assert not score_result(INCIDENT, _result(commit="I'll do better."), 1.0).concrete_commit
    assert not score_result(INCIDENT, _result(sources=False), 1.0).sources_used


def test_a_blank_section_fails_three_sections_and_commit() -> None:
    row = score_result(INCIDENT, _result(commit="   "), 1.0)
    assert not row.three_sections and not row.concrete_commit


def test_a_draft_that_never_came_fails_everything_but_keeps_its_time() -> None:
    row = failed_row(INCIDENT, "no usable draft", 9.0)
    assert not any((row.three_sections, row.no_high, row.names_act, row.concrete_commit, row.sources_used))
    assert row.error == "no usable draft" and row.seconds == 9.0


# -- summary ---------------------------------------------------------------------------------


def _rows(n: int, failing: dict[str, int]) -> list[EvalRow]:
    rows = [EvalRow(f"r{i}", True, True, True, True, True, 2.0) for i in range(n)]
    for key, count in failing.items():
        for row in rows[:count]:
            setattr(row, key, False)
    return rows


def test_summary_percentages_and_targets_at_their_boundaries() -> None:
    # 20 rows: 1 high (95% → met), 4 without the act (80% → met), 6 vague (70% → met).
    summary = summarize(_rows(20, {"no_high": 1, "names_act": 4, "concrete_commit": 6}))
    assert summary["no_high_pct"] == 95.0 and summary["targets"]["no_high"]["met"]
    assert summary["names_act_pct"] == 80.0 and summary["targets"]["names_act"]["met"]
    assert summary["concrete_commit_pct"] == 70.0 and summary["targets"]["concrete_commit"]["met"]
    assert summary["all_met"] and summary["mean_draft_s"] == 2.0 and summary["incidents"] == 20


def test_one_more_miss_breaks_each_target() -> None:
    summary = summarize(
        _rows(20, {"three_sections": 1, "no_high": 2, "names_act": 5, "concrete_commit": 7, "addressed": 3})
    )
    assert not any(item["met"] for item in summary["targets"].values())
    assert not summary["all_met"]
    assert summary["targets"]["three_sections"] == {"target": 100.0, "actual": 95.0, "met": False}


def test_an_empty_run_meets_nothing() -> None:
    summary = summarize([])
    assert not summary["all_met"] and summary["mean_draft_s"] is None
    assert summary_line(summary).startswith("0 incidents")


def test_table_has_a_line_per_incident_and_the_summary() -> None:
    rows = _rows(2, {"names_act": 1})
    rows[1].high = ["self_shaming@own"]
    out = io.StringIO()
    render_table(rows, summarize(rows), "fake-model", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Model: fake-model"
    assert lines[3].startswith("r0") and " NO " in lines[3]
    assert lines[4].endswith("self_shaming@own")
    assert "names the act 50% (target ≥80%, MISSED)" in lines[-1]
    assert "three parts 100% (target ≥100%, met)" in lines[-1]


# -- the command with a fake model ---------------------------------------------------------


def _service(model: FakeModel) -> RepairService:
    docs = load_knowledge()
    return RepairService(model, retriever=BlendedRetriever(docs, lambda text: {d.id: 0.2 for d in docs}))


def test_evaluate_drafts_each_incident_through_the_service() -> None:
    model = FakeModel()
    suite = load_suite()[:3]
    rows = evaluate(_service(model), suite)
    assert [row.id for row in rows] == [item.id for item in suite]
    assert all(row.three_sections and row.sources_used for row in rows)
    assert suite[0].text in model.prompts[0]


def test_a_model_that_never_drafts_gives_error_rows_not_a_crash() -> None:
    rows = evaluate(_service(FakeModel(default="nothing useful")), load_suite()[:2])
    assert all(row.error and not row.three_sections for row in rows)


def test_run_eval_json_has_rows_and_summary_and_exit_code_follows_targets() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_eval(None, None, True, out, err, service=_service(FakeModel()), limit=4)
    payload = json.loads(out.getvalue())
    assert payload["suite"] == "heldout" and payload["machine"]
    (variant,) = payload["variants"]
    assert variant["model"] == "fake-model"
    assert [row["id"] for row in variant["rows"]] == [item.id for item in load_heldout()[:4]]
    assert set(variant["rows"][0]) >= {
        "three_sections",
        "no_high",
        "names_act",
        "concrete_commit",
        "sources_used",
        "addressed",
        "seconds",
        "findings",
    }
    assert code == (0 if variant["summary"]["all_met"] else 1)
    assert "Drafting 1/4" in err.getvalue()


def test_run_eval_prints_each_variant_then_the_side_by_side_table() -> None:
    out = io.StringIO()
    run_eval(None, None, False, out, io.StringIO(), service=_service(FakeModel()), limit=2)
    text = out.getvalue()
    assert "== model ==" in text and "2 incidents:" in text
    assert "spoken to them (%)" in text and text.rstrip().endswith("model: fake-model")


def test_the_classic_suite_is_still_there_on_request() -> None:
    out = io.StringIO()
    run_eval(None, None, True, out, io.StringIO(), service=_service(FakeModel()), limit=2, classic=True)
    payload = json.loads(out.getvalue())
    assert payload["suite"] == "classic"
    assert [r["id"] for r in payload["variants"][0]["rows"]] == [i.id for i in load_suite()[:2]]


@pytest.mark.integration
def test_eval_compares_base_few_shot_and_the_adapter_in_one_run(data_dir: Path, seed_data_dir) -> None:
    from assistant.config import Settings

    seed_data_dir(data_dir)
    out = io.StringIO()
    code = run_eval(Settings(), None, True, out, io.StringIO(), limit=2)
    payload = json.loads(out.getvalue())
    assert code in (0, 1)
    labels = [v["label"] for v in payload["variants"]]
    assert labels == ["base few-shot", "adapter"]
    base, adapter = payload["variants"]
    assert "+" not in base["model"] and "repair-gemma3-270m-lora" in adapter["model"]
    assert all(v["summary"]["incidents"] == 2 for v in payload["variants"])
