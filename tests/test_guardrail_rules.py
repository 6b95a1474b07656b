"""Every guardrail rule against its own examples.

A rule's `catches` lines must be flagged with its category by the full check, and must be
matched by the rule itself (so each example belongs to the rule that lists it). Its `passes`
lines must not be flagged by the rule on its own: other rules may still flag them, which is
why the near misses are tested in isolation. Checks computed in code carry the same kind of
table (`CheckExamples`) and are tested through the full check.
"""

from __future__ import annotations

import re

import pytest

from assistant.guardrails import (
    PRINCIPLES,
    check_text,
    lexicon,
    missing_sections,
    over_apology,
    vague_commitment,
)
from assistant.guardrails.base import CheckExamples, Rule, run_rules
from assistant.guardrails.checker import RULES
from assistant.guardrails.lexicon import SORRY_WORDS, Verb, forms, without
from assistant.guardrails.text import Doc, normalize
from assistant.guardrails.triggers import _split_top

CHECK_EXAMPLES: tuple[CheckExamples, ...] = (
    *over_apology.EXAMPLES,
    *vague_commitment.EXAMPLES,
    *missing_sections.EXAMPLES,
)


def _case_id(case: tuple[Rule | CheckExamples, str]) -> str:
    return f"{case[0].id}: {case[1][:40]}"


RULE_CATCHES = [(rule, line) for rule in RULES for line in rule.catches]
RULE_PASSES = [(rule, line) for rule in RULES for line in rule.passes]
CHECK_CATCHES = [(check, line) for check in CHECK_EXAMPLES for line in check.catches]
CHECK_PASSES = [(check, line) for check in CHECK_EXAMPLES for line in check.passes]


def _categories(text: str, section: str | None) -> list[str]:
    return [f.category for f in check_text(text, section)]  # type: ignore[arg-type]


@pytest.mark.parametrize("case", RULE_CATCHES, ids=_case_id)
def test_rule_catches_its_examples(case: tuple[Rule, str]) -> None:
    rule, line = case
    alone = list(run_rules(Doc(line), (rule,)))
    assert alone, f"{rule.id} does not match its own example {line!r}"
    assert rule.category in _categories(line, rule.section), (rule.id, line)


@pytest.mark.parametrize("case", RULE_PASSES, ids=_case_id)
def test_rule_passes_its_near_misses(case: tuple[Rule, str]) -> None:
    rule, line = case
    alone = list(run_rules(Doc(line), (rule,)))
    assert not alone, f"{rule.id} flags its own near miss {line!r}: {alone}"


@pytest.mark.parametrize("case", CHECK_CATCHES, ids=_case_id)
def test_check_catches_its_examples(case: tuple[CheckExamples, str]) -> None:
    check, line = case
    assert check.category in _categories(line, check.section), (check.id, line)


@pytest.mark.parametrize("case", CHECK_PASSES, ids=_case_id)
def test_check_passes_its_near_misses(case: tuple[CheckExamples, str]) -> None:
    check, line = case
    assert check.category not in _categories(line, check.section), (check.id, line)


# Top-level branches of a rule that no example can need, as (rule id, branch index): why.
UNNEEDED_BRANCHES: dict[tuple[str, int], str] = {
    # "I'll take the deck off your plate" also matches the rule's bare "off your plate" branch;
    # only a typo with no space before "off" ("take itoff your plate") matches this one alone.
    ("rescuing.take_it_off_your_plate", 0): "every match ends in the bare 'off your plate' branch",
}


def test_every_branch_of_a_rule_is_needed_by_one_of_its_examples() -> None:
    """Deleting any top-level `|` branch of a rule must change whether one of its examples matches.

    So a phrase dropped from a pattern (or a branch added without an example) fails here.
    """
    by_id = {rule.id: rule for rule in RULES}
    for rule_id, index in UNNEEDED_BRANCHES:
        assert index < len(_split_top(by_id[rule_id].pattern.pattern) or []), (rule_id, index)
    unneeded = []
    for rule in RULES:
        branches = _split_top(rule.pattern.pattern) or []
        if len(branches) < 2:
            continue
        lines = [normalize(line) for line in rule.catches]
        full = [bool(rule.pattern.search(line)) for line in lines]
        for i, branch in enumerate(branches):
            if (rule.id, i) in UNNEEDED_BRANCHES:
                continue
            rest = re.compile("|".join(b for j, b in enumerate(branches) if j != i), rule.pattern.flags)
            if [bool(rest.search(line)) for line in lines] == full:
                unneeded.append(f"{rule.id} [{i}]: {branch}")
    assert not unneeded, "no `catches` line needs these branches:\n" + "\n".join(unneeded)


def test_ids_are_unique_and_name_their_category() -> None:
    ids = [rule.id for rule in RULES] + [check.id for check in CHECK_EXAMPLES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for item in (*RULES, *CHECK_EXAMPLES):
        assert item.id.startswith(item.category + "."), item.id
        assert item.category in PRINCIPLES, item.id


def test_every_rule_and_check_has_examples_both_ways() -> None:
    for item in (*RULES, *CHECK_EXAMPLES):
        assert item.catches, f"{item.id} has no line it must catch"
        assert item.passes, f"{item.id} has no near miss it must pass"
        assert len(set(item.catches)) == len(item.catches), item.id
        assert not set(item.catches) & set(item.passes), item.id


def test_every_phrase_category_has_examples() -> None:
    covered = {item.category for item in (*RULES, *CHECK_EXAMPLES)}
    phrase_and_section = {
        "non_apology",
        "agentless",
        "justification",
        "blame_shift",
        "minimizing",
        "self_shaming",
        "over_apology",
        "forgiveness_pressure",
        "rescuing",
        "vague_commitment",
        "missing_own",
        "missing_acknowledge",
        "missing_commit",
    }
    assert phrase_and_section <= covered, sorted(phrase_and_section - covered)


def test_lexicon_lists_are_distinct_lower_case_words() -> None:
    lists = {
        name: value for name, value in vars(lexicon).items() if name.isupper() and isinstance(value, tuple)
    }
    assert lists
    for name, words in lists.items():
        if words and isinstance(words[0], Verb):
            bases = [verb.base for verb in words]
            assert len(set(bases)) == len(bases), name
            words = [form for verb in words for form in verb.all_forms]
        else:
            assert len(set(words)) == len(words), name
        for word in words:
            assert word == word.strip().lower() and word, (name, word)


def test_lexicon_selections_reject_words_not_in_the_list() -> None:
    with pytest.raises(ValueError, match="not in the list"):
        without(SORRY_WORDS, "sory")
    with pytest.raises(ValueError, match="not in the list"):
        forms(lexicon.CONDUCT_VERBS, "past", only=("interupt",))
