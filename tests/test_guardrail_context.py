"""The checks that read a draft against the incident and the person it is addressed to.

Each harmful line below is one the embedded model really wrote; each must be flagged with its
category when checked with its incident and person, and the clean version of the same line,
with the same context, must pass that check.
"""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli.check import run_check
from assistant.core.schemas import CATEGORIES, RepairDraft
from assistant.guardrails import (
    check_draft,
    check_text,
    checks_ran,
    has_high,
    judging_them,
    punitive_commit,
    repeats_harm,
    role_reversal,
    third_person_address,
    unsupported_claim,
)
from assistant.guardrails.principles import PRINCIPLES

PRIYA = "In the planning meeting I cut Priya off twice while she was explaining the vendor risk."
SCOPE = "I changed the sprint scope on Friday night without telling anyone on the team."
FATIMA = "In the budget review I talked over Fatima every time she tried to explain the overrun."
JONAS = "I snapped at Jonas in our one-on-one when he asked about his promotion."
ACHIENG = (
    "Achieng questioned my choice of anaesthetic protocol and I told her, louder than I should "
    "have, that I'd been doing this since before she qualified."
)

# (category, section, harmful line, clean line, incident, person)
CASES = [
    (
        "repeats_harm",
        "commit",
        "I will be cutting you off three times in the next meeting.",
        "In the next meeting I will let you finish before I say anything.",
        PRIYA,
        "Priya",
    ),
    (
        "repeats_harm",
        "commit",
        "I will keep my promise to you that we'll make a change on Friday night without your permission.",
        "Before the scope changes again, I'll tell you by Wednesday and ask what it means for your week.",
        SCOPE,
        "the team",
    ),
    (
        "punitive_commit",
        "commit",
        "In the next meeting I will hold her accountable to explain why she was making it seem like that.",
        "In the next review I will let you finish your explanation before I ask anything.",
        FATIMA,
        "Fatima",
    ),
    (
        "punitive_commit",
        "commit",
        "I will take action after the next meeting to improve your performance.",
        "In our next one-on-one I will answer your question about the promotion calmly and fully.",
        JONAS,
        "Jonas",
    ),
    (
        "punitive_commit",
        "commit",
        "Next time I will get a second opinion from someone who is more qualified than you are.",
        "At Friday's case review I will ask for your reasoning before I give mine.",
        ACHIENG,
        "Achieng",
    ),
    (
        "role_reversal",
        "own",
        "You have cut me off twice in the meeting.",
        "I cut you off twice in the meeting.",
        PRIYA,
        "Priya",
    ),
    (
        "judging_them",
        "acknowledge",
        "You are the best person to tell her not to do it again.",
        "You lost the floor twice and the room moved on without your point.",
        PRIYA,
        "Priya",
    ),
    (
        "judging_them",
        "acknowledge",
        "You were a great sport about it.",
        "You were left holding a question about your promotion with no answer.",
        JONAS,
        "Jonas",
    ),
    (
        "third_person_address",
        "own",
        "I cut off Priya twice in the meeting.",
        "Priya, I cut you off twice in the meeting.",
        PRIYA,
        "Priya",
    ),
    (
        "unsupported_claim",
        "acknowledge",
        "She was very upset with me for cutting her out of a meeting that she had planned to attend.",
        "I imagine it was frustrating to be cut off twice while you were explaining the risk.",
        PRIYA,
        "Priya",
    ),
]


def _categories(text: str, section: str, incident: str, person: str) -> set[str]:
    return {f.category for f in check_text(text, section, incident=incident, person=person)}  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_harm_the_model_wrote_is_flagged_and_the_clean_line_passes(case) -> None:
    category, section, harmful, clean, incident, person = case
    assert category in _categories(harmful, section, incident, person), harmful
    assert category not in _categories(clean, section, incident, person), clean


def test_the_high_context_findings_block_the_draft_and_drive_the_revise_loop() -> None:
    draft = RepairDraft(
        own="I cut you off twice in the meeting.",
        acknowledge="You didn't get to finish explaining the vendor risk.",
        commit="I will be cutting you off three times in the next meeting.",
    )
    findings = check_draft(draft, incident=PRIYA, person="Priya")
    assert [f.category for f in findings if f.severity == "high"] == ["repeats_harm"]
    assert has_high(findings)
    finding = next(f for f in findings if f.category == "repeats_harm")
    assert finding.section == "commit" and finding.text in draft.commit
    assert finding.principle == PRINCIPLES["repeats_harm"]


def test_each_new_category_has_a_fixed_id_a_principle_and_a_severity() -> None:
    severities = {
        "repeats_harm": "high",
        "punitive_commit": "high",
        "role_reversal": "high",
        "judging_them": "medium",
        "third_person_address": "medium",
        "unsupported_claim": "low",
    }
    for category, severity in severities.items():
        assert category in CATEGORIES and category in PRINCIPLES
        hit = next(c for c in CASES if c[0] == category)
        found = [
            f for f in check_text(hit[2], hit[1], incident=hit[4], person=hit[5]) if f.category == category
        ]
        assert found and {f.severity for f in found} == {severity}


def test_without_context_the_third_person_and_claim_checks_do_not_guess() -> None:
    # Who "Priya" is, and what the account said, are unknown: these checks stay silent.
    assert "third_person_address" not in {f.category for f in check_text("I cut off Priya twice.", "own")}
    assert "unsupported_claim" not in {f.category for f in check_text("You were humiliated.", "acknowledge")}
    # A threat is a threat whatever the incident was.
    assert "punitive_commit" in {
        f.category for f in check_text("I will take action to improve your performance.", "commit")
    }


def test_a_feeling_the_notes_report_is_not_a_claim() -> None:
    line = "You were embarrassed in front of the whole team."
    assert "unsupported_claim" in _categories(line, "acknowledge", JONAS, "Jonas")
    found = check_text(
        line,
        "acknowledge",
        incident=JONAS,
        person="Jonas",
        notes={"impact": "He looked embarrassed and left."},
    )
    assert "unsupported_claim" not in {f.category for f in found}


RULE_EXAMPLES = [
    *[(repeats_harm.CATEGORY, s, t, i, "Priya", True) for s, t, i in repeats_harm.CATCHES],
    *[(repeats_harm.CATEGORY, s, t, i, "Priya", False) for s, t, i in repeats_harm.PASSES],
    *[(punitive_commit.CATEGORY, s, t, "", "", True) for s, t in punitive_commit.CATCHES],
    *[(punitive_commit.CATEGORY, s, t, "", "", False) for s, t in punitive_commit.PASSES],
    *[(role_reversal.CATEGORY, s, t, i, p, True) for s, t, i, p in role_reversal.CATCHES],
    *[(role_reversal.CATEGORY, s, t, i, p, False) for s, t, i, p in role_reversal.PASSES],
    *[(judging_them.CATEGORY, s, t, "", "", True) for s, t in judging_them.CATCHES],
    *[(judging_them.CATEGORY, s, t, "", "", False) for s, t in judging_them.PASSES],
    *[(third_person_address.CATEGORY, s, t, "", p, True) for s, t, p in third_person_address.CATCHES],
    *[(third_person_address.CATEGORY, s, t, "", p, False) for s, t, p in third_person_address.PASSES],
    *[(unsupported_claim.CATEGORY, s, t, i, "Priya", True) for s, t, i, _ in unsupported_claim.CATCHES],
]


@pytest.mark.parametrize(
    "example",
    RULE_EXAMPLES,
    ids=[f"{e[0]}-{'catch' if e[5] else 'pass'}-{i}" for i, e in enumerate(RULE_EXAMPLES)],
)
def test_every_context_check_meets_its_own_examples(example) -> None:
    category, section, text, incident, person, flagged = example
    assert (category in _categories(text, section, incident, person)) is flagged, text


@pytest.mark.parametrize("example", unsupported_claim.PASSES)
def test_the_claim_check_passes_what_the_account_supports_or_hedges(example) -> None:
    section, text, incident, notes = example
    found = check_text(text, section, incident=incident, person="Priya", notes=notes)
    assert "unsupported_claim" not in {f.category for f in found}, text


def _run(args: dict, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(
        args.get("file"),
        args.get("section"),
        args.get("json", False),
        args.get("jsonl", False),
        io.StringIO(stdin),
        out,
        err,
        incident=args.get("incident"),
        person=args.get("person"),
    )
    return code, out.getvalue(), err.getvalue()


WEI = "I told Wei in front of the whole team that his test plan was lazy."


def test_check_reads_the_text_against_incident_and_person() -> None:
    # Only the incident says that "lazy" was the harm.
    line = "In Thursday's review I will tell you your plan is lazy.\n"
    code, out, _ = _run({"section": "commit", "json": True}, line)
    assert code == 0 and "repeats_harm" not in {f["category"] for f in json.loads(out)["findings"]}
    code, out, _ = _run({"section": "commit", "json": True, "incident": WEI, "person": "Wei"}, line)
    assert code == 1
    assert "repeats_harm" in {f["category"] for f in json.loads(out)["findings"]}


def test_jsonl_objects_carry_their_own_context_and_plain_lines_stay_plain() -> None:
    lines = [
        json.dumps({"text": "I cut off Priya twice in the meeting.", "section": "own", "person": "Priya"}),
        json.dumps({"text": "You have cut me off twice.", "incident": PRIYA, "person": "Priya"}),
        "I cut off Priya twice in the meeting.",
        '{"not": "a check"}',
    ]
    code, out, err = _run({"jsonl": True}, "\n".join(lines) + "\n")
    rows = [json.loads(r) for r in out.splitlines()]
    assert len(rows) == 4 and err == ""
    assert [f["category"] for f in rows[0]["findings"]] == ["third_person_address"]
    assert [f["category"] for f in rows[1]["findings"]] == ["role_reversal"]
    assert rows[2]["findings"] == []  # plain text: no person, no third-person check
    assert code == 1  # the role reversal is high


def test_nothing_flagged_says_which_checks_ran_not_that_the_draft_is_fine() -> None:
    code, out, _ = _run(
        {"person": "Priya", "incident": PRIYA}, "Priya, I cut you off twice in the meeting.\n"
    )
    assert code == 0
    assert out.startswith("No findings.\n")
    assert "the act promised again" in out and "the third person" in out
    bare = checks_ran(context=False)
    assert "not checked" in bare and "the act promised again" in bare


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        # "carried on" + -ing: the act is the -ing verb.
        ("Grigor wanted to talk about his pay and I carried on truing a wheel the whole time.", ["tru"]),
        # "I'd" + participle is an act; the second "I" of a sentence starts a second act.
        ("I said the set change ran long. I'd cancelled their tech rehearsal.", ["say", "cancel"]),
        # An irregular participle after "I'd" is an act too.
        ("I'd sat on his request for four months.", ["sit"]),
        ("I sent back a voice memo where I laugh through a couple of her lines.", ["send", "laugh"]),
        # A jotted note with no "I" still names the act.
        ("Kept emailing Solveig through the night before the tour about missing parts.", ["email"]),
        # "I had a meeting" is no act; what follows is.
        ("I had a meeting with Jo and I cut her off twice.", ["cut"]),
    ],
)
def test_the_acts_are_read_from_the_account(account: str, expected: list[str]) -> None:
    from assistant.guardrails.context import acts_in

    assert [a.verb for a in acts_in(account.lower())] == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("At Thursday's session I will show the notes to the tutors before I say anything.", True),
        ("I told all the volunteer tutors that your session notes were useless.", True),
        ("At Thursday's session I will ask each of you what would make the notes useful.", False),
        ("I told all of you that your session notes were 'useless to parents'.", False),
    ],
)
def test_a_team_named_by_what_the_account_calls_them_is_the_third_person(text: str, flagged: bool) -> None:
    incident = "At the training evening I told all the volunteer tutors that their session notes were 'useless to parents'."
    section = "commit" if text.startswith("At") else "own"
    found = _categories(text, section, incident, "the team")
    assert ("third_person_address" in found) is flagged, found
