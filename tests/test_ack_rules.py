"""Acknowledgements for a recognised act: the usual impact, hedged, and the reaction stated."""

from __future__ import annotations

import re

import pytest

from assistant.core.ack_rules import IMPACTS, _audience, acknowledgement_for, stated_reaction
from assistant.core.commit_rules import RULES
from assistant.core.schemas import RepairDraft
from assistant.guardrails import check_draft


def test_every_commit_rule_has_an_impact_and_no_impact_lacks_a_rule() -> None:
    assert {rule.id for rule in RULES} == set(IMPACTS)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rules_own_acts_get_an_acknowledgement_the_guardrails_pass(rule) -> None:
    for act in rule.catches:
        ack = acknowledgement_for(act, act, "Priya")
        assert ack, act
        # Spoken to them, hedged where the account does not say it, one plain regret.
        assert re.search(r"\byou\b", ack, re.IGNORECASE) and ack.endswith("I'm sorry.")
        assert "Priya" not in ack
        draft = RepairDraft(own=act, acknowledge=ack, commit="I will let you finish.")
        high = [
            f
            for f in check_draft(draft, incident=act, person="Priya")
            if f.section == "acknowledge" and f.severity == "high"
        ]
        assert not high, (act, high)


@pytest.mark.parametrize(
    ("incident", "person", "said"),
    [
        (
            "I cut Priya off twice. She went quiet for the rest of the meeting.",
            "Priya",
            "I noticed you went quiet for the rest of the meeting",
        ),
        (
            "I snapped at Kwame in the yard. He hasn't said anything since.",
            "Kwame",
            "I've noticed you haven't said anything since",
        ),
        (
            "I said 'Sure, and I want to be an astronaut.' Emeka was quiet for the rest of it.",
            "Emeka",
            "I noticed you were quiet for the rest of it",
        ),
        (
            "I joked about Jonas at the do. Everyone laughed. He left early.",
            "Jonas",
            "I noticed you left early",
        ),
        (
            "In #ops I replied 'shocking' to Wanjiru's alert. She hasn't posted in #ops since yesterday.",
            "Wanjiru",
            "I've noticed you haven't posted in #ops since yesterday",
        ),
    ],
)
def test_a_reaction_the_account_states_is_said_back_to_them(incident: str, person: str, said: str) -> None:
    assert stated_reaction(incident, person) == said


@pytest.mark.parametrize(
    ("incident", "person"),
    [
        ("I cut Priya off twice in the meeting.", "Priya"),  # no reaction stated
        ("I presented Anahera's idea as mine. Tipene went quiet.", "Anahera"),  # someone else's
        ("I snapped at Ola while Sam watched. He went quiet and she left.", "Ola"),  # whose pronoun?
        ("I snapped at the whole crew. Nobody said anything.", "the team"),  # a team: no one subject
    ],
)
def test_a_reaction_is_not_guessed_at(incident: str, person: str) -> None:
    assert stated_reaction(incident, person) == ""


def test_the_audience_is_named_in_their_terms_and_never_to_the_audience_itself() -> None:
    assert _audience("I corrected Chen in front of the whole nursing team.", "Chen") == (
        " in front of the whole nursing team"
    )
    assert _audience("I shouted at Tane in front of his crew, twice.", "Tane") == " in front of your crew"
    assert _audience("I shouted at all of them in front of the whole team.", "the team") == ""
    assert _audience("I cut Priya off twice.", "Priya") == ""


def test_an_act_no_rule_knows_gets_none_and_a_regret_is_not_doubled() -> None:
    assert acknowledgement_for("I changed the sprint scope on Friday.", "I changed the sprint scope.") == ""
    act = "I'm sorry I cut you off twice in the meeting."
    ack = acknowledgement_for(act, act, "Priya")
    assert ack and "sorry" not in ack.lower()


@pytest.mark.parametrize("person", ["Ola", "the team"])
def test_an_act_no_rule_knows_gets_a_check_in_the_guardrails_pass_whole(person: str) -> None:
    from assistant.core.ack_rules import check_in_for
    from assistant.core.commit_rules import check_in_commitment

    act = "I changed the sprint scope on Friday night."
    incident = act + " Nobody said much in standup."
    ack, commit = check_in_for(act, incident, person), check_in_commitment(person)
    # It asks rather than guesses, with one plain regret, and the change is agreed with them.
    assert "guess" in ack and ack.count("sorry") == 1 and "Ola" not in ack
    assert commit.startswith("This week I will") and "agree" in commit
    assert ("each of you" in ack and "each of you" in commit) == (person == "the team")
    findings = check_draft(
        RepairDraft(own=act, acknowledge=ack, commit=commit), incident=incident, person=person
    )
    assert not [f for f in findings if f.section != "own"], findings


@pytest.mark.parametrize(
    ("note", "person", "said"),
    [
        (
            "She went to HR this afternoon to ask who else knows.",
            "Ines",
            "I noticed you went to HR this afternoon",
        ),
        (
            "She's had her camera off for the last four calls.",
            "Fatima",
            "I noticed you've had your camera off",
        ),
        (
            "She only talks when someone asks her directly.",
            "Fatima",
            "I noticed you only talk when someone asks you",
        ),
        (
            "Ramon replied with a thumbs up and nothing else.",
            "Ramon",
            "I noticed you replied with a thumbs up",
        ),
        ("Two of them went to HR afterwards.", "the team", "I noticed two of you went to HR afterwards"),
        ("Nobody said anything for the rest of the review.", "the team", "I noticed nobody said anything"),
        # About the leader, or with another person in it whose "he" it might be: not said back.
        ("I think he was hurt.", "Jo", ""),
        ("He told Dev he was leaving.", "Sam", ""),
    ],
)
def test_an_impact_the_leader_noted_is_said_back_to_them(note: str, person: str, said: str) -> None:
    from assistant.core.ack_rules import noted_impact

    text = noted_impact(note, person)
    assert text.startswith(said) if said else text == ""
