"""The commitments that answer an act: every rule's own examples, the occasion, and the guardrails."""

from __future__ import annotations

import pytest

from assistant.core.commit_rules import RULES, answering_rule, commitment_for, occasion
from assistant.core.schemas import RepairDraft
from assistant.guardrails import check_draft


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_answers_its_own_examples(rule) -> None:
    for line in rule.catches:
        found = answering_rule(line)
        # Two rules may reach the same commitment by different acts; the commitment is what counts.
        assert found is not None and found.text == rule.text, (rule.id, line, found and found.id)
    for line in rule.passes:
        found = answering_rule(line)
        assert found is None or found.id != rule.id, (rule.id, line)


def test_rule_ids_are_unique() -> None:
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        ("In the budget review I talked over Fatima every time.", "At the next budget review,"),
        ("I snapped at Jonas in our one-on-one.", "In our next one-on-one,"),
        ("At Thursday's planning I cut Priya off.", "At the next planning,"),
        ("During the weekly reviews I kept interrupting.", "At the next weekly review,"),
        ("I posted in the team channel that it was late.", "From today, in my messages to you,"),
        ("I cut Priya off.", "From today,"),
    ],
)
def test_the_occasion_comes_from_the_account(incident: str, expected: str) -> None:
    assert occasion(incident) == expected


def test_a_setting_gives_the_occasion_when_the_account_names_none() -> None:
    assert occasion("I cut Priya off twice.", "team_meeting") == "At our next team meeting,"


def test_no_rule_gives_no_commitment() -> None:
    assert commitment_for("I changed the sprint scope.", "I changed the sprint scope.") == ""


def test_a_team_is_promised_a_turn_each() -> None:
    text = commitment_for(
        "I ignored your hands on the call.", "On the call I ignored their hands.", "the team"
    )
    assert "each of you gets a turn" in text


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
@pytest.mark.parametrize("person", ["Priya", "the team"])
def test_every_commitment_passes_the_guardrails(rule, person: str) -> None:
    act = rule.catches[0]
    incident = act.replace("you", "Priya" if person == "Priya" else "them", 1)
    commit = commitment_for(act, incident, person)
    assert commit.startswith(commit[:1].upper()) and commit.endswith(".")
    draft = RepairDraft(
        own=act,
        acknowledge="I imagine that was hard to hear, and it may have made it harder to speak up.",
        commit=commit,
    )
    findings = [f for f in check_draft(draft, incident=incident, person=person) if f.section == "commit"]
    assert not findings, [(f.category, f.text) for f in findings]


@pytest.mark.parametrize("rule", [r for r in RULES if r.context is not None], ids=lambda r: r.id)
def test_a_rule_with_a_context_needs_it(rule) -> None:
    for line in rule.context_passes:
        found = answering_rule(rule.catches[0], line)
        assert found is None or found.id != rule.id, (rule.id, line)


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        # The words quoted are what was said; the act is saying them, where and to whom.
        (
            "I told you on site that your brickwork was 'a joke' in front of the apprentices.",
            "public_correction",
        ),
        ("I told you the drivers think your routes are 'a joke'.", "remark"),
        # A nickname or a jibe is still seen: its quote marks stay.
        ("I called you 'Mr Slow' at the stand-up.", "humiliating_joke"),
        ("I made a joke about your accent.", "humiliating_joke"),
    ],
)
def test_quoted_words_are_not_read_as_the_act(act: str, expected: str) -> None:
    rule = answering_rule(act, act)
    assert rule is not None and rule.id == expected


def test_quoted_words_that_were_a_means_to_another_act_get_no_remark_rule() -> None:
    from assistant.core.commit_rules import rule_for

    act = "I said 'my team built the dashboard' when the director asked."
    assert rule_for(act, act, "sarcasm").id == "remark"
    assert rule_for(act, act, "credit_taken") is None
    assert commitment_for(act, act, "Ade", situation="credit_taken") == ""
