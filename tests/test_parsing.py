from __future__ import annotations

import pytest

from assistant.core.parsing import parse_draft, split_sections

GOOD = "OWN: I cut you off.\nACKNOWLEDGE: You lost the floor.\nCOMMIT: Next standup I will let you finish."


def test_good_output_parses() -> None:
    result = parse_draft(GOOD)
    assert result.ok
    assert result.draft().commit == "Next standup I will let you finish."


@pytest.mark.parametrize(
    "text",
    [
        "**Own:** I cut you off.\n**Acknowledge:** You lost the floor.\n**Commit:** Next standup I will let you finish.",
        "own: I cut you off.\nacknowledgement: You lost the floor.\ncommitment: Next standup I will let you finish.",
        "OWN: I cut you off.\n  and talked over you.\nACKNOWLEDGE: You lost the floor.\nCOMMIT: Next standup I will let you finish.\nEND\nINCIDENT: more",
        "OWN:I cut you off.\nACKNOWLEDGE:You lost the floor.\nCOMMIT:Next standup I will let you finish.\n### next",
    ],
)
def test_lenient_about_form(text: str) -> None:
    result = parse_draft(text)
    assert result.ok, result.problems
    assert result.draft().own.startswith("I cut you off")
    assert "INCIDENT" not in result.draft().commit and "###" not in result.draft().commit


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("OWN: I cut you off.\nACKNOWLEDGE: You lost the floor.", "commit section is missing"),
        ("OWN:\nACKNOWLEDGE: You lost the floor.\nCOMMIT: Next time I wait.", "own section is missing"),
        ("random text with no labels", "own section is missing"),
        ("OWN: Same.\nACKNOWLEDGE: same\nCOMMIT: Next time I wait.", "same thing"),
        ("", "acknowledge section is missing"),
    ],
)
def test_strict_about_content(text: str, problem: str) -> None:
    result = parse_draft(text)
    assert not result.ok
    assert any(problem in p for p in result.problems)


def test_partial_stream_shows_what_is_there() -> None:
    assert split_sections("OWN: I cut you") == {"own": "I cut you"}
    assert split_sections("OWN: I cut you off.\nACKNOW") == {"own": "I cut you off. ACKNOW"}


def test_runaway_section_is_cut_at_a_sentence() -> None:
    long = "I talked too much. " * 80
    result = parse_draft(f"OWN: {long}\nACKNOWLEDGE: You lost the floor.\nCOMMIT: Next standup I will wait.")
    assert result.ok
    assert len(result.draft().own) <= 700 and result.draft().own.endswith(".")
