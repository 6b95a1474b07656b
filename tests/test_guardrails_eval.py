"""Precision and recall of the guardrails on labelled lines, per category, on three kinds of set.

- hand-written: `guardrail_lines.jsonl` and `guardrail_context_lines.jsonl`, lines written to
  cover every category (the rules were tuned on these);
- model output: `model_output_labelled.jsonl`, sections the project's own model drafted (base
  few-shot and adapter) on the held-out incidents, labelled by reading them;
- held-out: `guardrail_heldout.jsonl`, written in new wording before the context rules were
  tuned, frozen, and never tuned against (its sha256 is pinned below);
- batch 6: `guardrail_batch6.jsonl`, 270 lines in new wording for every category, written
  without sight of the rules and scored before any rule changed (recall 0.48, good lines
  flagged 10.0%); the rules were then tuned on it, so its figure now is a tuned one;
- shown drafts: `model_output_r4.jsonl` and `model_output_r4_heldout.jsonl`, 410 sections of the
  adapter drafts judged in round 4 (training/judgement/round4), labelled by reading them, split
  by incident. These are drafts as the page shows them, after the revise loop, so what the
  rules miss here is what reaches the leader. Scored before any rule changed: recall 0.025 and
  0.016, good lines flagged 0.0% and 2.1%. The rules may be tuned on the first; the second is
  frozen like the held-out file.
- shown drafts, round 5: `model_output_r5.jsonl` and `model_output_r5_heldout.jsonl`, 552
  sections of the round 5 adapter drafts (training/judgement/round5), labelled the same way by
  three new readers. The frozen half holds the round 4 frozen incidents and half of the new
  ones, so no incident the rules were tuned on is in it.

Each line is {"text", "section", "expected"} plus, where the check needs them, "incident",
"person" and "notes". A line with expected category C is recalled when the check returns C; a
line the check gives C that was not labelled C counts against C's precision. A good line
(expected == []) is a false positive when the check returns anything at all.

Run `pytest -s tests/test_guardrails_eval.py` to see the tables.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.core.schemas import CATEGORIES
from assistant.guardrails import check_text

DATA = Path(__file__).parent / "data"
HAND_WRITTEN = (DATA / "guardrail_lines.jsonl", DATA / "guardrail_context_lines.jsonl")
MODEL_OUTPUT = DATA / "model_output_labelled.jsonl"
HELDOUT = DATA / "guardrail_heldout.jsonl"
BATCH6 = DATA / "guardrail_batch6.jsonl"
HELDOUT_SHA256 = "2e00cdd71ecd9088e3a5558981865c28ed99e0f302fc891c4c5ec381a9acdae8"
SHOWN = DATA / "model_output_r4.jsonl"
SHOWN_HELDOUT = DATA / "model_output_r4_heldout.jsonl"
SHOWN_HELDOUT_SHA256 = "182f56fa5e013bc118ba553dffa82f08d6e17a1cafae21379f03f4908dbd0428"
SHOWN5 = DATA / "model_output_r5.jsonl"
SHOWN5_HELDOUT = DATA / "model_output_r5_heldout.jsonl"
SHOWN5_HELDOUT_SHA256 = "aa0b06af13d39528d52a3a807ed25ca341d70ea89478fc4376b1b6b71efd418c"

# The targets, for every set.
TARGET_RECALL = 0.90
TARGET_FP_RATE = 0.03
MIN_POSITIVES = 8
MIN_GOOD = 80
_KEYS = {"text", "section", "expected", "incident", "person", "notes", "id", "source", "why"}


@dataclass(frozen=True)
class Line:
    text: str
    section: str | None
    expected: tuple[str, ...]
    incident: str = ""
    person: str = ""
    notes: tuple[tuple[str, str], ...] = ()


def _load(*paths: Path) -> list[Line]:
    lines = []
    for path in paths:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            row = json.loads(raw)
            where = f"{path.name}:{number}"
            assert {"text", "section", "expected"} <= set(row) <= _KEYS, f"{where}: unexpected keys"
            assert row["section"] in (None, "own", "acknowledge", "commit"), where
            assert all(c in CATEGORIES for c in row["expected"]), f"{where}: unknown category"
            notes = tuple(sorted((str(k), str(v)) for k, v in (row.get("notes") or {}).items()))
            lines.append(
                Line(
                    row["text"],
                    row["section"],
                    tuple(row["expected"]),
                    row.get("incident") or "",
                    row.get("person") or "",
                    notes,
                )
            )
    return lines


@dataclass
class Report:
    name: str
    found: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    good: int = 0
    false_positives: list[tuple[Line, list[str]]] = field(default_factory=list)
    misses: list[tuple[Line, str, list[str]]] = field(default_factory=list)

    def recall(self, category: str) -> float:
        return self.found[category] / self.labelled[category] if self.labelled[category] else float("nan")

    def precision(self, category: str) -> float:
        return self.found[category] / self.flagged[category] if self.flagged[category] else float("nan")

    @property
    def overall_recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.labelled.values()))

    @property
    def fp_rate(self) -> float:
        return len(self.false_positives) / max(1, self.good)

    def table(self, details: bool = True) -> str:
        rows = [
            f"== {self.name}",
            f"{'category':<22}{'recalled':>9}{'labelled':>9}{'recall':>8}{'precision':>10}",
        ]
        for category in CATEGORIES:
            if self.labelled[category] or self.flagged[category]:
                rows.append(
                    f"{category:<22}{self.found[category]:>9}{self.labelled[category]:>9}"
                    f"{self.recall(category):>8.2f}{self.precision(category):>10.2f}"
                )
        rows.append(
            f"{'overall':<22}{sum(self.found.values()):>9}{sum(self.labelled.values()):>9}{self.overall_recall:>8.2f}"
        )
        rows.append(
            f"false positives: {len(self.false_positives)}/{self.good} good lines = {self.fp_rate:.1%}"
        )
        met = self.overall_recall >= TARGET_RECALL and self.fp_rate <= TARGET_FP_RATE
        rows.append(
            f"targets (recall >= {TARGET_RECALL}, false positives <= {TARGET_FP_RATE:.0%}): {'met' if met else 'NOT met'}"
        )
        if details:
            rows += [
                f"  FP   {line.text!r} [{line.section}] -> {found}" for line, found in self.false_positives
            ]
            rows += [
                f"  MISS {c}: {line.text!r} [{line.section}] -> {found}" for line, c, found in self.misses
            ]
        return "\n".join(rows)


def score(name: str, lines: list[Line]) -> Report:
    report = Report(name)
    for line in lines:
        found = [
            f.category
            for f in check_text(
                line.text,
                line.section,  # type: ignore[arg-type]
                incident=line.incident,
                person=line.person,
                notes=dict(line.notes),
            )
        ]
        if not line.expected:
            report.good += 1
            if found:
                report.false_positives.append((line, found))
        for category in line.expected:
            report.labelled[category] += 1
            if category in found:
                report.found[category] += 1
            else:
                report.misses.append((line, category, found))
        for category in set(found):
            report.flagged[category] += 1
    return report


@pytest.fixture(scope="module")
def hand_written() -> Report:
    report = score("hand-written (tuned on)", _load(*HAND_WRITTEN))
    print("\n" + report.table())  # noqa: T201 - the table is the point of `pytest -s`
    return report


def _figures(name: str, *paths: Path) -> Report:
    """Score a set and print only its figures: misses of a frozen set are not for reading."""
    report = score(name, _load(*paths))
    print("\n" + report.table(details=False))  # noqa: T201
    return report


@pytest.fixture(scope="module")
def model_output() -> Report:
    return _figures("model output, labelled (base few-shot and adapter drafts)", MODEL_OUTPUT)


@pytest.fixture(scope="module")
def heldout() -> Report:
    return _figures("held-out (frozen, never tuned on)", HELDOUT)


@pytest.fixture(scope="module")
def batch6() -> Report:
    return _figures("batch 6 (scored before tuning: recall 0.48, 10.0% flagged; tuned on since)", BATCH6)


@pytest.fixture(scope="module")
def shown() -> Report:
    return _figures("shown drafts, round 4 (tuned on; before: recall 0.025, 0.0% flagged)", SHOWN)


@pytest.fixture(scope="module")
def shown_heldout() -> Report:
    return _figures(
        "shown drafts, round 4, held out (frozen; before: recall 0.016, 2.1% flagged)", SHOWN_HELDOUT
    )


@pytest.fixture(scope="module")
def shown5() -> Report:
    return _figures("shown drafts, round 5 (tuned on; before: recall 0.037, 2.0% flagged)", SHOWN5)


@pytest.fixture(scope="module")
def shown5_heldout() -> Report:
    return _figures(
        "shown drafts, round 5, held out (frozen; before: recall 0.010, 5.7% flagged)", SHOWN5_HELDOUT
    )


def test_the_sets_are_big_enough_and_cover_every_category() -> None:
    hand = _load(*HAND_WRITTEN)
    counts = Counter(c for line in hand for c in line.expected)
    for category in CATEGORIES:
        assert counts[category] >= MIN_POSITIVES, f"{category}: only {counts[category]} hand-written lines"
    assert sum(1 for line in hand if not line.expected) >= MIN_GOOD
    model = _load(MODEL_OUTPUT)
    assert len(model) >= 300 and sum(1 for line in model if not line.expected) >= MIN_GOOD
    held = _load(HELDOUT)
    assert len(held) >= 300 and sum(1 for line in held if not line.expected) >= MIN_GOOD


def test_the_heldout_file_is_frozen() -> None:
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == HELDOUT_SHA256
    assert hashlib.sha256(SHOWN_HELDOUT.read_bytes()).hexdigest() == SHOWN_HELDOUT_SHA256
    assert hashlib.sha256(SHOWN5_HELDOUT.read_bytes()).hexdigest() == SHOWN5_HELDOUT_SHA256


def test_the_shown_sets_do_not_share_an_incident() -> None:
    tuned = {line.incident for line in _load(SHOWN)}
    held = {line.incident for line in _load(SHOWN_HELDOUT)}
    assert len(tuned) >= 25 and len(held) >= 25 and not tuned & held
    # Nothing tuned on in either round is in either frozen half.
    tuned5 = {line.incident for line in _load(SHOWN5)}
    held5 = {line.incident for line in _load(SHOWN5_HELDOUT)}
    assert len(tuned5) >= 50 and len(held5) >= 50
    assert not (tuned | tuned5) & (held | held5)


def test_lines_are_unique() -> None:
    # Model output may repeat itself (two drafts can share a sentence); written sets may not.
    for paths in (HAND_WRITTEN, (HELDOUT,), (BATCH6,), (SHOWN, SHOWN_HELDOUT), (SHOWN5, SHOWN5_HELDOUT)):
        lines = _load(*paths)
        keys = [(line.text, line.section, line.incident, line.person) for line in lines]
        assert len(keys) == len(set(keys)), paths


# Four context checks are short of the target even on the lines they were tuned on: their misses
# need meaning the rules cannot read ("I'll only do the accent once"), and catching more of them
# flagged good repairs in the training corpus (see tests/test_corpus.py). Their floors are the
# measured figures, so they can only go up.
HAND_WRITTEN_SHORT = {
    "repeats_harm": 0.40,
    "role_reversal": 0.75,
    "third_person_address": 0.80,
    "unsupported_claim": 0.72,
}


def test_hand_written_recall_per_category(hand_written: Report) -> None:
    low = {
        c: round(hand_written.recall(c), 2)
        for c in CATEGORIES
        if hand_written.recall(c) < HAND_WRITTEN_SHORT.get(c, TARGET_RECALL)
    }
    assert not low, f"recall below target: {low}\n{hand_written.table()}"


def test_hand_written_false_positive_rate(hand_written: Report) -> None:
    assert hand_written.fp_rate <= TARGET_FP_RATE, hand_written.table()


# What the rules reach on sets they were not written from. These floors are the measured
# figures (see BENCHMARKS.md), so a change that loses ground fails; the targets above are not
# yet met on either set and the tables say so.
MODEL_OUTPUT_FLOOR = {"recall": 0.28, "fp_rate": 0.035}
HELDOUT_FLOOR = {"recall": 0.52, "fp_rate": 0.11}
BATCH6_FLOOR = {"recall": 0.70, "fp_rate": 0.10}
SHOWN_FLOOR = {"recall": 0.12, "fp_rate": 0.02}
SHOWN_HELDOUT_FLOOR = {"recall": 0.08, "fp_rate": 0.03}
SHOWN5_FLOOR = {"recall": 0.03, "fp_rate": 0.03}
SHOWN5_HELDOUT_FLOOR = {"recall": 0.0099, "fp_rate": 0.06}


def test_model_output_does_not_lose_ground(model_output: Report) -> None:
    assert model_output.overall_recall >= MODEL_OUTPUT_FLOOR["recall"], model_output.table(details=False)
    assert model_output.fp_rate <= MODEL_OUTPUT_FLOOR["fp_rate"], model_output.table(details=False)


def test_heldout_does_not_lose_ground(heldout: Report) -> None:
    assert heldout.overall_recall >= HELDOUT_FLOOR["recall"], heldout.table(details=False)
    assert heldout.fp_rate <= HELDOUT_FLOOR["fp_rate"], heldout.table(details=False)


def test_shown_drafts_do_not_lose_ground(
    shown: Report, shown_heldout: Report, shown5: Report, shown5_heldout: Report
) -> None:
    for report, floor in (
        (shown, SHOWN_FLOOR),
        (shown_heldout, SHOWN_HELDOUT_FLOOR),
        (shown5, SHOWN5_FLOOR),
        (shown5_heldout, SHOWN5_HELDOUT_FLOOR),
    ):
        assert report.overall_recall >= floor["recall"], report.table(details=False)
        assert report.fp_rate <= floor["fp_rate"], report.table(details=False)


def test_batch6_does_not_lose_ground(batch6: Report) -> None:
    assert batch6.overall_recall >= BATCH6_FLOOR["recall"], batch6.table(details=False)
    assert batch6.fp_rate <= BATCH6_FLOOR["fp_rate"], batch6.table(details=False)
