"""The follow-through plan and the vague-commitment check read a commitment's occasion the same way.

Each line of `data/commitment_occasions.jsonl` is a commitment sentence with what both must
find: whether it names an occasion at all, the date the plan gives it when today is Wednesday
2 December 2026, and whether it is a habit (ongoing) rather than a one-off.
"""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

import assistant.guardrails
from assistant.core.followthrough import find_occasion
from assistant.guardrails import vague_commitment
from assistant.guardrails.text import Doc

TABLE = Path(__file__).parent / "data" / "commitment_occasions.jsonl"
TODAY = date(2026, 12, 2)  # a Wednesday
_KEYS = {"text", "occasion", "dated", "ongoing", "date"}


def _rows() -> list[dict[str, object]]:
    rows = []
    for number, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(raw)
        assert set(row) == _KEYS, f"{TABLE.name}:{number}: keys {sorted(row)}"
        assert row["dated"] == (row["date"] is not None), f"{TABLE.name}:{number}: dated and date disagree"
        assert row["occasion"] or not (row["dated"] or row["ongoing"]), f"{TABLE.name}:{number}"
        rows.append(row)
    return rows


ROWS = _rows()


def test_the_table_covers_both_answers() -> None:
    texts = [row["text"] for row in ROWS]
    assert len(texts) == len(set(texts)) >= 40
    assert sum(1 for row in ROWS if not row["occasion"]) >= 8
    assert sum(1 for row in ROWS if row["ongoing"]) >= 8
    assert sum(1 for row in ROWS if row["dated"]) >= 20


@pytest.mark.parametrize("row", ROWS, ids=lambda row: str(row["text"])[:50])
def test_plan_and_check_agree_on_the_occasion(row: dict[str, object]) -> None:
    text = str(row["text"])
    found = vague_commitment.commitments(Doc(text))
    assert found, f"no commitment found in {text!r}"
    checked = any(c.has_occasion for c in found)
    occasion = find_occasion(text, TODAY)
    assert (occasion is not None) == checked, f"plan {occasion} but check has_occasion={checked}"
    assert checked == row["occasion"], f"expected occasion={row['occasion']}, both found {checked}"
    if occasion is None:
        return
    expected = date.fromisoformat(str(row["date"])) if row["date"] else None
    assert occasion.when == expected, occasion
    assert occasion.ongoing == row["ongoing"], occasion
    assert occasion.text, occasion


def test_the_check_owns_the_occasions_and_imports_nothing_from_the_plan() -> None:
    # The plan reads the check's table of occasions; the check reads only the schemas from core.
    folder = Path(assistant.guardrails.__file__).parent
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("assistant.core"):
                assert node.module == "assistant.core.schemas", (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("assistant.core") for a in node.names), path.name
