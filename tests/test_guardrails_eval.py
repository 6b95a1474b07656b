"""Recall per category and false positives on the labelled lines in tests/data.

Each line is {"text", "section", "expected"}. A line with expected category C is recalled when
the check (section-aware when the line names a section) returns C. A good line (expected == [])
is a false positive when the check returns anything at all, whatever the severity.

Run with `pytest -s` to see the table.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.guardrails import check_text
from assistant.schemas import CATEGORIES

DATA = Path(__file__).parent / "data" / "guardrail_lines.jsonl"

MIN_RECALL = 0.90
MAX_FP_RATE = 0.05
MIN_POSITIVES = 8
MIN_GOOD = 80


@dataclass(frozen=True)
class Line:
    text: str
    section: str | None
    expected: tuple[str, ...]


def _load() -> list[Line]:
    lines = []
    for number, raw in enumerate(DATA.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        row = json.loads(raw)
        assert set(row) == {"text", "section", "expected"}, f"line {number}: unexpected keys"
        assert row["section"] in (None, "own", "acknowledge", "commit"), f"line {number}"
        assert all(c in CATEGORIES for c in row["expected"]), f"line {number}: unknown category"
        lines.append(Line(row["text"], row["section"], tuple(row["expected"])))
    return lines


@dataclass
class Report:
    recall: dict[str, tuple[int, int]]
    good: int
    false_positives: list[tuple[Line, list[str]]]
    misses: list[tuple[Line, str, list[str]]]

    def table(self) -> str:
        rows = [f"{'category':<22}{'recalled':>9}{'total':>7}{'recall':>8}"]
        hit_sum = total_sum = 0
        for category in CATEGORIES:
            hit, total = self.recall.get(category, (0, 0))
            hit_sum += hit
            total_sum += total
            rate = hit / total if total else float("nan")
            rows.append(f"{category:<22}{hit:>9}{total:>7}{rate:>8.2f}")
        rows.append(f"{'overall':<22}{hit_sum:>9}{total_sum:>7}{hit_sum / total_sum:>8.2f}")
        fp = len(self.false_positives)
        rows.append(f"false positives: {fp}/{self.good} good lines = {fp / self.good:.1%}")
        for line, found in self.false_positives:
            rows.append(f"  FP   {line.text!r} [{line.section}] -> {found}")
        for line, category, found in self.misses:
            rows.append(f"  MISS {category}: {line.text!r} [{line.section}] -> {found}")
        return "\n".join(rows)


@pytest.fixture(scope="module")
def lines() -> list[Line]:
    return _load()


@pytest.fixture(scope="module")
def report(lines: list[Line]) -> Report:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    false_positives: list[tuple[Line, list[str]]] = []
    misses: list[tuple[Line, str, list[str]]] = []
    good = 0
    for line in lines:
        found = [f.category for f in check_text(line.text, line.section)]  # type: ignore[arg-type]
        if not line.expected:
            good += 1
            if found:
                false_positives.append((line, found))
        for category in line.expected:
            totals[category] += 1
            if category in found:
                hits[category] += 1
            else:
                misses.append((line, category, found))
    recall = {c: (hits[c], totals[c]) for c in totals}
    result = Report(recall, good, false_positives, misses)
    print("\n" + result.table())  # noqa: T201 - the table is the point of `pytest -s`
    return result


def test_data_set_is_big_enough(lines: list[Line]) -> None:
    assert len(lines) >= 200
    assert sum(1 for line in lines if not line.expected) >= MIN_GOOD
    counts = Counter(c for line in lines for c in line.expected)
    for category in CATEGORIES:
        assert counts[category] >= MIN_POSITIVES, f"{category}: only {counts[category]} lines"


def test_lines_are_unique(lines: list[Line]) -> None:
    keys = [(line.text, line.section) for line in lines]
    assert len(keys) == len(set(keys))


def test_recall_per_category(report: Report) -> None:
    low = {
        c: hit / total for c, (hit, total) in report.recall.items() if hit / total < MIN_RECALL
    }
    assert not low, f"recall below {MIN_RECALL}: {low}\n{report.table()}"


def test_overall_recall(report: Report) -> None:
    hit = sum(h for h, _ in report.recall.values())
    total = sum(t for _, t in report.recall.values())
    assert hit / total >= MIN_RECALL, report.table()


def test_false_positive_rate(report: Report) -> None:
    rate = len(report.false_positives) / report.good
    assert rate <= MAX_FP_RATE, report.table()
