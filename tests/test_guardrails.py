"""Specific behaviours of the guardrail linter: spans, structure-aware decisions, sections."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.core.schemas import CATEGORIES, Finding, RepairDraft
from assistant.guardrails import PRINCIPLES, check_draft, check_text, has_high

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "guardrail_lines.jsonl"


def categories(text: str, section: str | None = None) -> list[str]:
    return [f.category for f in check_text(text, section)]  # type: ignore[arg-type]


def only(text: str, category: str, section: str | None = None) -> Finding:
    found = [f for f in check_text(text, section) if f.category == category]  # type: ignore[arg-type]
    assert len(found) == 1, (text, found)
    return found[0]


# ------------------------------------------------------------------ good repair passes clean

GOOD_LINES = [
    "I'm sorry for interrupting you.",
    "I feel uneasy about how I handled that.",
    "I think part of that conversation needs another look.",
    "I'm keeping the decision, but I want to recognise what it cost the team.",
    "My aim was to be clear, but I didn't manage it well.",
    "I interrupted you twice in the planning meeting.",
    "I was blunter than the situation called for.",
    "Thanks for being straight with me about it.",
    "Next week, I will ask for your view before I give mine in the planning meeting.",
    "I'm sorry about the rain on your trip.",
    "If you're open to it, I'd like to hear how it landed.",
    "You raised a fair point and I talked over it.",
]


@pytest.mark.parametrize("text", GOOD_LINES)
def test_good_repair_language_has_no_finding(text: str) -> None:
    assert check_text(text) == []


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("I interrupted you twice in the planning meeting.", "own"),
        ("I'm sorry for interrupting you.", "own"),
        ("My reply to your email was curt and dismissive.", "own"),
        ("You raised a fair point and I talked over it.", "acknowledge"),
        ("You went quiet for the rest of the call after I overruled you.", "acknowledge"),
        ("Priya lost the chance to present the work she'd spent weeks on.", "acknowledge"),
        ("Next week, I will ask for your view before I give mine in the planning meeting.", "commit"),
        ("Each time I disagree in a meeting, I'll ask one question before I respond.", "commit"),
        ("I won't interrupt you in our weekly sync; I'll note my point and wait.", "commit"),
    ],
)
def test_good_section_text_passes_its_section(text: str, section: str) -> None:
    assert check_text(text, section) == []  # type: ignore[arg-type]


# Words that bag-of-words linters flag, used here in their harmless sense.
HARD_NEGATIVES = [
    "I just realized I cut you off before you finished.",  # "just" = only now
    "It was only after the meeting that I saw how short I'd been with you.",  # "only after"
    "If you'd rather talk later, that's completely fine.",  # "if" as an offer
    # "but" after a kept decision
    "I stand by the budget call, but I handled the announcement poorly.",
    # intention, then ownership in the same sentence
    "I was trying to keep us on time, and I steamrolled you in the process.",
    "You should have had the floor, and I took it.",  # what they were owed, not blame
    "You should have been told first, and I didn't do that.",
    "I won't pretend it was no big deal.",  # refuses the minimising move
    "I'm not asking you to forgive me; I wanted you to know I see what I did.",
    "I'm not taking back the feedback, but I delivered it badly.",  # holds the standard
    "I overreacted when you questioned the plan.",  # "overreact" with "I" as subject
    "I spoke to you as if you hadn't done the work.",  # "as if you hadn't" is not blame
    "We can move on to the budget once you've had your say.",  # "move on to" a topic
    "I appreciate you telling me how that came across.",  # "came across" with no verdict
    "I feel bad about how I spoke to you on Tuesday.",
    "I think I rushed the feedback and skipped the parts you'd done well.",
    "I'm sorry I made that joke about your accent.",  # "joke", not "just joking"
    "I don't need you to say anything now.",
    "Take the time you need before we talk again.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_pass(text: str) -> None:
    assert check_text(text) == []


# ------------------------------------------------------------------ spans and shape


def test_conditional_apology_span() -> None:
    text = "I'm sorry if you felt I was harsh."
    finding = only(text, "non_apology")
    assert finding.severity == "high"
    assert finding.text == text[finding.start : finding.end]
    assert "sorry if you felt" in finding.text
    assert finding.start == text.index("sorry")
    assert finding.principle == "research-apology-spoilers"
    assert finding.section is None


def _all_labelled_texts() -> list[tuple[str, str | None]]:
    rows = [json.loads(raw) for raw in DATA.read_text(encoding="utf-8").splitlines() if raw.strip()]
    return [(row["text"], row["section"]) for row in rows]


def test_every_span_is_the_text_it_quotes() -> None:
    checked = 0
    for text, section in _all_labelled_texts():
        for f in check_text(text, section):  # type: ignore[arg-type]
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.text
            assert f.principle == PRINCIPLES[f.category]
            assert f.section == section
            assert f.message and len(f.message) < 200
            if f.text:
                assert f.text == f.text.strip(), f
            checked += 1
    assert checked > 300


def test_curly_quotes_and_case_keep_offsets() -> None:
    text = "Honestly \u2014 I\u2019M SORRY IF YOU FELT attacked."
    finding = only(text, "non_apology")
    assert text[finding.start : finding.end] == finding.text
    assert finding.text.lower().startswith("sorry if you felt")


def test_characters_that_change_length_when_lowered_keep_offsets() -> None:
    text = "\u0130stanbul trip aside, I'm sorry if you felt ignored."
    finding = only(text, "non_apology")
    assert text[finding.start : finding.end] == finding.text


def test_output_is_deterministic_and_sorted() -> None:
    text = "Mistakes were made. You misunderstood me. I'm so so sorry. Please forgive me."
    first = check_text(text)
    assert first == check_text(text)
    assert [f.start for f in first] == sorted(f.start for f in first)
    assert {f.category for f in first} >= {
        "agentless",
        "blame_shift",
        "over_apology",
        "forgiveness_pressure",
    }


# ------------------------------------------------------------------ one behaviour per category


@pytest.mark.parametrize(
    ("text", "category", "quoted"),
    [
        ("I'm sorry you feel that way.", "non_apology", "sorry you feel"),
        ("I apologize if my comments upset you.", "non_apology", "apologize if my comments"),
        ("If I came across as rude, I apologize.", "non_apology", "If I came across as rude, I apologize"),
        ("I'm sorry for any confusion.", "non_apology", "sorry for any confusion"),
        ("Mistakes were made in that meeting.", "agentless", "Mistakes were made"),
        ("It came out wrong.", "agentless", "It came out wrong"),
        ("Things got heated.", "agentless", "Things got heated"),
        ("The deadline change was communicated badly.", "agentless", "was communicated badly"),
        ("I interrupted you, but I was under pressure.", "justification", "I was under pressure"),
        ("I was just trying to keep us on schedule.", "justification", "I was just trying to"),
        ("You have to understand the client was furious.", "justification", "You have to understand"),
        ("You should have told me sooner.", "blame_shift", "You should have told"),
        ("I think you misunderstood what I meant.", "blame_shift", "you misunderstood"),
        ("If you had sent the numbers, this wouldn't have happened.", "blame_shift", "If you had sent"),
        ("You're too sensitive.", "blame_shift", "You're too sensitive"),
        ("It was no big deal.", "minimizing", "no big deal"),
        ("I was just joking.", "minimizing", "just joking"),
        ("Let's move on.", "minimizing", "Let's move on"),
        ("You're overreacting.", "minimizing", "overreacting"),
        ("I'm a terrible manager.", "self_shaming", "I'm a terrible manager"),
        ("I hate myself for it.", "self_shaming", "I hate myself"),
        ("I don't deserve this team.", "self_shaming", "I don't deserve this team"),
        ("I'm so so sorry.", "over_apology", "so so sorry"),
        ("I can't apologize enough.", "over_apology", "can't apologize enough"),
        ("Sorry again.", "over_apology", "Sorry again"),
        ("Please forgive me.", "forgiveness_pressure", "Please forgive me"),
        ("Tell me we're okay.", "forgiveness_pressure", "Tell me we're okay"),
        ("Can we just put this behind us?", "forgiveness_pressure", "Can we just put this behind us"),
        (
            "You don't have to worry about the deadline anymore.",
            "rescuing",
            "You don't have to worry about the deadline anymore",
        ),
        ("Forget the feedback.", "rescuing", "Forget the feedback"),
        ("The standard doesn't matter.", "rescuing", "The standard doesn't matter"),
        ("I'll take that project off your plate.", "rescuing", "I'll take that project off your plate"),
        ("I'll do better.", "vague_commitment", "I'll do better"),
        ("It won't happen again.", "vague_commitment", "It won't happen again"),
        ("I'll work on it.", "vague_commitment", "I'll work on it"),
    ],
)
def test_category_and_span(text: str, category: str, quoted: str) -> None:
    finding = only(text, category)
    assert finding.text == quoted
    assert text[finding.start : finding.end] == quoted


# ------------------------------------------------------------------ structure, not words


@pytest.mark.parametrize(
    ("flagged", "passes", "category"),
    [
        ("You misunderstood me.", "I misunderstood you.", "blame_shift"),
        ("You're overreacting.", "I overreacted.", "minimizing"),
        ("I'm sorry you felt dismissed.", "I'm sorry I dismissed you.", "non_apology"),
        ("I'm sorry if I upset you.", "I'm sorry, and if you want to talk more, I'm here.", "non_apology"),
        ("It was only one comment.", "It was only later that I saw the impact.", "minimizing"),
        ("Forget the feedback.", "I won't forget the feedback you gave me.", "rescuing"),
        ("It came out harsh.", "I came across as harsh, and that's on me.", "agentless"),
        ("Things got heated.", "Things got heated because I raised my voice.", "agentless"),
        ("I was trying to help.", "I was trying to help, and I talked over you instead.", "justification"),
        (
            "I raised my voice because the room was noisy.",
            "You lost an evening because I changed the brief late.",
            "justification",
        ),
    ],
)
def test_the_agent_and_position_decide(flagged: str, passes: str, category: str) -> None:
    assert category in categories(flagged)
    assert category not in categories(passes)


# ------------------------------------------------------------------ severities


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("I interrupted you, but I was under a lot of pressure.", "justification", "high"),
        ("I was tired.", "justification", "medium"),
        ("I'm so so sorry.", "over_apology", "medium"),
        ("I'm sorry. I'm really sorry. I'm so sorry.", "over_apology", "high"),
        ("I'm sorry for the delay. Sorry for the mix-up too.", "over_apology", "medium"),
        ("I'll try to ask for your view first in Monday's planning meeting.", "vague_commitment", "medium"),
        ("I'll take that project off your plate.", "rescuing", "medium"),
        ("Forget the feedback I gave you.", "rescuing", "high"),
        ("Mistakes were made.", "agentless", "high"),
    ],
)
def test_severity(text: str, category: str, severity: str) -> None:
    severities = {f.severity for f in check_text(text) if f.category == category}
    assert severities == {severity}


def test_three_apologies_are_one_high_finding_over_the_stack() -> None:
    text = "I'm sorry. I apologize. I regret all of it."
    finding = only(text, "over_apology")
    assert finding.severity == "high"
    assert finding.text == text[text.index("sorry") : text.index("I regret") + len("I regret")]


# ------------------------------------------------------------------ sections


def test_phrase_level_check_never_reports_missing_sections() -> None:
    for text in ["Things got tense.", "I feel awful.", "Thanks for listening.", ""]:
        assert not any(c.startswith("missing_") for c in categories(text))


@pytest.mark.parametrize("section", ["own", "acknowledge", "commit"])
@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_section_is_missing(section: str, text: str) -> None:
    findings = check_text(text, section)  # type: ignore[arg-type]
    assert [(f.category, f.severity, f.start, f.end) for f in findings] == [
        (f"missing_{section}", "high", 0, 0)
    ]


@pytest.mark.parametrize(
    ("text", "section", "expected"),
    [
        ("Things got tense.", "own", {"missing_own", "agentless"}),
        ("I feel bad about yesterday.", "own", {"missing_own"}),
        ("I'm sorry if I upset you.", "own", {"missing_own", "non_apology"}),
        ("I feel awful about it and I know I was out of line.", "acknowledge", {"missing_acknowledge"}),
        ("You should have spoken up sooner.", "acknowledge", {"missing_acknowledge", "blame_shift"}),
        ("I'll be more careful.", "commit", {"vague_commitment"}),
        ("I'll send the agenda.", "commit", {"vague_commitment"}),  # behaviour, no occasion
        ("Thanks for listening.", "commit", {"missing_commit"}),
    ],
)
def test_section_checks(text: str, section: str, expected: set[str]) -> None:
    assert set(categories(text, section)) == expected


def test_commit_needs_behaviour_and_occasion() -> None:
    assert check_text("Next Monday, I'll send the agenda a day early.", "commit") == []
    no_occasion = check_text("I'll send the agenda a day early.", "commit")
    assert [f.category for f in no_occasion] == ["vague_commitment"]
    assert "when" in no_occasion[0].message
    no_behaviour = check_text("Next Monday, I'll be more considerate.", "commit")
    assert [f.category for f in no_behaviour] == ["vague_commitment"]


def test_one_concrete_commitment_is_enough_but_vague_phrases_still_show() -> None:
    text = "I'll do better. In Thursday's standup, I'll let you finish before I speak."
    assert [(f.category, f.text) for f in check_text(text, "commit")] == [
        ("vague_commitment", "I'll do better")
    ]


def test_unknown_section_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown section"):
        check_text("I interrupted you.", "apology")  # type: ignore[arg-type]


GOOD_DRAFT = RepairDraft(
    own="I cut you off twice while you were presenting the estimates.",
    acknowledge="You didn't get to finish, and the team heard me dismiss your numbers.",
    commit="In Thursday's planning meeting, I'll let you finish before I say anything.",
)


REALISTIC_GOOD_DRAFTS = [
    RepairDraft(
        own="I gave you feedback on the launch plan in front of the whole team, and my tone was "
        "sharper than it needed to be.",
        acknowledge="You were put on the spot in front of people you lead, and you didn't get the "
        "chance to respond properly.",
        commit="From now on I'll give critical feedback in our weekly one-on-one, and before I do "
        "I'll ask whether it's a good time.",
    ),
    RepairDraft(
        own="I announced the reorg without telling you first. I still think the decision is right, "
        "but I handled the rollout badly.",
        acknowledge="You had to explain a change to your team that you'd only just heard about, "
        "and that put you in an awkward position.",
        commit="For the next change that affects your team, I'll brief you at least two days "
        "before anything goes out.",
    ),
    RepairDraft(
        own="I noticed you went quiet after my comment about the deadline, and I think I came "
        "across as dismissive.",
        acknowledge="If that moment landed badly for you, I'd like to hear about it. It might have "
        "felt like your concern didn't matter.",
        commit="In our one-on-one on Friday, I'll ask how the deadline is sitting with you and "
        "listen before I answer.",
    ),
    RepairDraft(
        own="I raised my voice at you on the call yesterday when you asked about the budget.",
        acknowledge="Your question was fair, and you were the one who ended up shaken by my reaction.",
        commit="Next time I feel myself getting heated on a call, I'll pause and suggest we pick "
        "it up after a short break.",
    ),
]


@pytest.mark.parametrize("draft", [GOOD_DRAFT, *REALISTIC_GOOD_DRAFTS])
def test_good_draft_passes(draft: RepairDraft) -> None:
    assert check_draft(draft) == []


def test_check_draft_is_section_aware_with_section_relative_spans() -> None:
    draft = RepairDraft(
        own="Things got tense in the meeting.",
        acknowledge="I have been stressed and I feel awful.",
        commit="I'll do better.",
    )
    findings = check_draft(draft)
    by_section = {(f.section, f.category) for f in findings}
    assert ("own", "missing_own") in by_section
    assert ("own", "agentless") in by_section
    assert ("acknowledge", "missing_acknowledge") in by_section
    assert ("commit", "vague_commitment") in by_section
    for f in findings:
        assert f.section is not None
        assert draft.section(f.section)[f.start : f.end] == f.text
    assert has_high(findings)


def test_check_draft_counts_apologies_across_sections() -> None:
    draft = RepairDraft(
        own="I'm sorry I cut you off in the review.",
        acknowledge="I'm sorry you didn't get to finish, and I'm sorry the team saw it.",
        commit="Next week I'll hold my questions until you finish.",
    )
    stacked = [f for f in check_draft(draft) if f.category == "over_apology"]
    assert any(f.severity == "high" for f in stacked)
    single = GOOD_DRAFT.model_copy(update={"own": "I'm sorry I cut you off twice in the review."})
    assert check_draft(single) == []


# ------------------------------------------------------------------ has_high and principles


def _finding(severity: str) -> Finding:
    return Finding(
        category="minimizing",
        severity=severity,
        start=0,
        end=1,
        text="x",  # type: ignore[arg-type]
        message="m",
        principle="what-repair-is-not",
    )


def test_has_high() -> None:
    assert has_high([]) is False
    assert has_high([_finding("low"), _finding("medium")]) is False
    assert has_high([_finding("medium"), _finding("high")]) is True


def test_every_category_has_a_principle() -> None:
    assert set(PRINCIPLES) == set(CATEGORIES)
    assert all(re.fullmatch(r"[a-z0-9-]+", value) for value in PRINCIPLES.values())


def test_principles_exist_in_the_knowledge_base() -> None:
    knowledge = ROOT / "knowledge"
    if not knowledge.is_dir():
        pytest.skip("knowledge/ is not in this tree")
    ids = set()
    for path in knowledge.glob("*.md"):
        match = re.search(r"^id:\s*(\S+)\s*$", path.read_text(encoding="utf-8"), re.MULTILINE)
        if match:
            ids.add(match.group(1).strip("\"'"))
    missing = sorted(set(PRINCIPLES.values()) - ids)
    assert not missing, f"principles without a knowledge passage: {missing}"
