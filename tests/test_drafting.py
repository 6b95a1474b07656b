from __future__ import annotations

import threading

import pytest

from assistant.core.drafting import DRAFT_GRAMMAR, Drafter, DraftOutcome, Partial
from assistant.core.errors import CancelledError, DraftError
from assistant.core.prompt_builder import Case
from assistant.core.schemas import RepairDraft
from tests.fakes import GOOD_REPLY, FakeModel

CASE = Case(incident="I cut Priya off twice in the planning meeting.", person="Priya")


def _run(drafter: Drafter, case: Case = CASE, **kwargs) -> tuple[list[Partial], DraftOutcome]:
    partials, outcome = [], None
    for item in drafter.stream(case, seed=7, **kwargs):
        if isinstance(item, Partial):
            partials.append(item)
        else:
            outcome = item
    assert outcome is not None
    return partials, outcome


def test_first_good_reply_is_parsed_without_grammar() -> None:
    model = FakeModel([GOOD_REPLY])
    partials, outcome = _run(Drafter(model))
    assert outcome.path == "parsed" and outcome.attempts == 1
    assert outcome.draft.own.startswith("I cut you off twice")
    assert model.calls[0]["grammar"] is None and model.calls[0]["seed"] == 7
    # Streaming shows the sections filling in, own first.
    assert partials[2].sections.get("own") and "acknowledge" not in partials[2].sections
    assert set(partials[-1].sections) == {"own", "acknowledge", "commit"}


def test_malformed_replies_are_retried_with_new_seeds() -> None:
    model = FakeModel([" I cut you off.\nACKNOWLEDGE: ", "garbage", GOOD_REPLY])
    _, outcome = _run(Drafter(model))
    assert outcome.attempts == 3 and outcome.path == "parsed"
    assert len({call["seed"] for call in model.calls}) == 3


def test_grammar_is_the_last_resort_and_recorded() -> None:
    model = FakeModel(["bad", "bad", "bad", GOOD_REPLY])
    _, outcome = _run(Drafter(model))
    assert outcome.path == "grammar" and outcome.attempts == 4
    assert [call["grammar"] for call in model.calls] == [None, None, None, DRAFT_GRAMMAR]


def test_bounded_failure_raises_a_clear_error() -> None:
    model = FakeModel(["bad"] * 4)
    with pytest.raises(DraftError, match="after 4 tries"):
        _run(Drafter(model))
    assert len(model.calls) == 4


def test_cancel_stops_generation() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        _run(Drafter(FakeModel([GOOD_REPLY])), cancel=cancel)


def test_revision_continues_from_the_current_draft() -> None:
    model = FakeModel([GOOD_REPLY])
    current = RepairDraft(own="I cut you off.", acknowledge="You lost the floor.", commit="Next time I wait.")
    outcome = [
        i
        for i in Drafter(model).stream(CASE, seed=1, revise=(current, "shorter"))
        if isinstance(i, DraftOutcome)
    ][0]
    assert model.prompts[0].endswith("COMMIT: Next time I wait.\nREVISE: shorter\nOWN:")
    assert outcome.path == "parsed"


def test_regenerate_one_section_keeps_the_others() -> None:
    model = FakeModel([" At Thursday's planning meeting I will let you finish first.\n"])
    kept = RepairDraft(own="I cut you off.", acknowledge="You lost the floor.", commit="I'll do better.")
    value, _ = Drafter(model).regenerate_section(CASE, kept, "commit", seed=3)
    assert value == "At Thursday's planning meeting I will let you finish first."
    assert model.prompts[0].endswith("OWN: I cut you off.\nACKNOWLEDGE: You lost the floor.\nCOMMIT:")


def test_the_adapter_drafts_cooler_and_without_a_repeat_penalty() -> None:
    from dataclasses import replace

    from assistant.core.drafting import ADAPTER_DRAFTING, DraftSettings

    base = FakeModel([GOOD_REPLY])
    adapted = FakeModel([GOOD_REPLY])
    adapted._info = replace(adapted.info, adapter="repair-lora")
    assert Drafter(base).settings == DraftSettings()
    assert Drafter(adapted).settings == ADAPTER_DRAFTING
    _run(Drafter(adapted))
    sampling = adapted.calls[0]["sampling"]
    assert sampling.temperature == 0.2 and sampling.repeat_penalty == 1.0


def test_a_seeded_draft_can_start_the_acknowledgement_too() -> None:
    from dataclasses import replace

    model = FakeModel(
        [" that it was hard to finish your point.\nCOMMIT: On Friday I will let you finish.\nEND"]
    )
    case = replace(CASE, own_seed="I cut you off twice.", ack_start="I imagine")
    _, outcome = _run(Drafter(model), case=case)
    assert model.prompts[0].endswith("OWN: I cut you off twice.\nACKNOWLEDGE: I imagine")
    assert outcome.draft.acknowledge == "I imagine that it was hard to finish your point."
