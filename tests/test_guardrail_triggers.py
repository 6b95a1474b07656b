"""Trying rules only where a match could start must find exactly what a full scan finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.guardrails.checker import RULES
from assistant.guardrails.text import Doc
from assistant.guardrails.triggers import matches, triggers

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _texts() -> list[str]:
    texts: list[str] = []
    for name in (
        "guardrail_lines.jsonl",
        "guardrail_context_lines.jsonl",
        "guardrail_heldout.jsonl",
        "model_output_labelled.jsonl",
    ):
        texts += [
            json.loads(line)["text"]
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    for rule in RULES:
        texts += [*rule.catches, *rule.passes]
    for path in sorted((ROOT / "training" / "data" / "slices").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[::7]:
            record = json.loads(line)
            texts += [record[key] for key in ("own", "acknowledge", "commit", "incident") if record.get(key)]
    return texts


def test_the_texts_cover_every_rule() -> None:
    assert len(_texts()) > 2500


def test_only_trying_where_a_match_can_start_finds_every_match() -> None:
    missed = []
    for text in _texts():
        doc = Doc(text)
        index = doc.word_starts()
        for rule in RULES:
            full = [m.span() for m in rule.pattern.finditer(doc.norm)]
            quick = [m.span() for m in matches(rule.pattern, doc.norm, rule.first_letters, index)]
            if full != quick:
                missed.append((rule.id, text, full, quick))
    assert not missed, missed[:5]


def test_most_rules_have_first_letters() -> None:
    readable = [rule for rule in RULES if rule.first_letters is not None]
    assert len(readable) >= 0.8 * len(RULES)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsorry\b", {"sorr"}),
        (r"\b(?:if you|had you)\b", {"if", "had"}),
        (r"\bmistakes?\b|\berrors?\b", {"mist", "erro"}),
        (r"\b(?<!as )(?:if|had)\b", {"if", "had"}),
        (r"\b(?P<who>she|he) said", {"she", "he"}),
        (r"\bi'm sorry", {"i'm"}),
    ],
)
def test_first_letters_read_from_the_pattern(pattern: str, expected: set[str]) -> None:
    assert triggers(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"^i\s+said",  # no word boundary: could start anywhere the anchor allows
        r"sorry",  # no \b: "unsorry" would match inside a word
        r"\b(?:very\s+)?sorry",  # an optional group: the match may start at "sorry"
        r"\b[a-z]+ed\b",  # a class, not letters
        r"\b(?:sorry|(?:so\s+)?sad)",  # an alternative that may start later
        r"\bsorry|regret",  # one branch without \b
        r"(?i)\bsorry",  # flags change what letters mean
        r"\b(?=sorry)\w+",  # a look-ahead, not letters
    ],
)
def test_patterns_it_cannot_read_always_run(pattern: str) -> None:
    assert triggers(re.compile(pattern)) is None
