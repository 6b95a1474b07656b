"""Every step of the page, through its handlers, with a fake model: no browser, no Gradio."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest

from assistant.core.followthrough import (
    find_occasion,
    follow_through_plan,
    listening_markdown,
    plan_markdown,
)
from assistant.core.protocols import ModelInfo
from assistant.core.schemas import SECTIONS, RepairDraft
from assistant.ui.handlers import UNEXPECTED, Form, PageHandlers, View, hidden_characters
from assistant.ui.render import (
    findings_html,
    mark_text,
    model_status_markdown,
    status_text,
    word_diff_html,
)
from assistant.ui.state import Exporter, add_version, export_text, merge_answers
from tests.fakes import GOOD_REPLY, FakeModel
from tests.ui_fakes import INCIDENT, REFLECTION_REPLY, make_service, phrase_checker

MONDAY = date(2025, 6, 9)
DEFAULT_INFO = ModelInfo(
    name="gemma-3-270m",
    path="/m.gguf",
    chat=False,
    n_ctx=4096,
    embedded_default=True,
    architecture="gemma3",
    size_label="270M",
)


@pytest.fixture
def model() -> FakeModel:
    return FakeModel()


@pytest.fixture
def handlers(model: FakeModel, tmp_path: Path) -> PageHandlers:
    return PageHandlers(make_service(model), model.info, exporter=Exporter(tmp_path), today=lambda: MONDAY)


def run(views) -> list[View]:
    return list(views)


def drafted(handlers: PageHandlers, **form) -> tuple[list[View], View]:
    views = run(handlers.draft(Form(incident=INCIDENT, **form), [], "s1"))
    return views, views[-1]


# -- describe + draft ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("incident", "said"),
    [
        (INCIDENT, "the usual ones for this kind of moment"),
        (
            "I changed the sprint scope on Friday. Priya has been quiet since.",
            "asks how it landed instead of guessing",
        ),
    ],
)
def test_the_status_says_when_the_rules_wrote_the_draft(tmp_path: Path, incident: str, said: str) -> None:
    model = FakeModel(adapter="repair-lora")
    page = PageHandlers(make_service(model), model.info, exporter=Exporter(tmp_path), today=lambda: MONDAY)
    final = run(page.draft(Form(incident=incident, person="Priya"), [], "s1"))[-1]
    assert final.status.startswith("Draft ready") and said in final.status
    assert all(final.sections[name] for name in SECTIONS)


def test_draft_streams_into_three_sections_then_checks_and_grounds(handlers: PageHandlers) -> None:
    views, final = drafted(handlers, person="Priya", delivery="in_person")
    partial = [v for v in views[:-1] if any(v.sections.values())]
    assert len(partial) > 3, "sections should fill in while the model writes"
    assert all(v.status for v in views)
    assert all(final.sections[name] for name in SECTIONS)
    assert final.commit.startswith("At Thursday's planning meeting")
    assert final.message.startswith("Talking points for your conversation with Priya")
    assert "Own the act plainly" in final.sources and "0.812" in final.sources
    # Nothing flagged: the page names the checks and asks for a read-aloud, not "all clear".
    assert "Nothing flagged. Checked for" in final.highlights
    assert "read the draft aloud as Priya would hear it" in final.highlights
    assert [v["source"] for v in final.versions] == ["draft"]
    assert "Thursday 12 June" in final.after and "Check in" in final.after
    assert final.status.startswith("Draft ready")


def test_written_delivery_gives_a_message_not_talking_points(handlers: PageHandlers) -> None:
    _, final = drafted(handlers, person="Priya", delivery="writing", setting="chat_email")
    assert final.message.startswith("Hi Priya,")
    assert "Talking points" not in final.message
    assert "When they reply" in final.after


def test_second_draft_uses_a_new_seed_and_keeps_both_versions(
    handlers: PageHandlers, model: FakeModel
) -> None:
    _, first = drafted(handlers)
    model.replies.append(GOOD_REPLY.replace("Thursday's planning meeting", "Friday's standup"))
    second = run(handlers.draft(Form(incident=INCIDENT), first.versions, "s1"))[-1]
    assert model.calls[0]["seed"] != model.calls[-1]["seed"]
    assert [v["source"] for v in second.versions] == ["draft", "draft"]
    assert "Friday's standup" in second.commit
    assert "Friday" not in second.versions[0]["commit"]


# -- reflect -----------------------------------------------------------------------------------
def test_reflect_prefills_all_four_questions() -> None:
    model = FakeModel([REFLECTION_REPLY])
    handlers = PageHandlers(make_service(model), model.info)
    empty = {"what_i_did": "", "impact": "", "my_part": "", "want_different": ""}
    view = handlers.reflect(INCIDENT, empty, {}, "s1")
    assert view.answers["impact"] == "She stopped talking for the rest of the meeting."
    assert view.answers["want_different"] == "Let people finish before I speak."
    assert view.suggestions == view.answers
    assert "4 questions" in view.status


def test_reflect_never_overwrites_the_leaders_own_answer() -> None:
    model = FakeModel([REFLECTION_REPLY, REFLECTION_REPLY])
    handlers = PageHandlers(make_service(model), model.info)
    answers = {
        "what_i_did": "I talked over her, twice.",
        "impact": "",
        "my_part": "",
        "want_different": "",
    }
    first = handlers.reflect(INCIDENT, answers, {}, "s1")
    assert first.answers["what_i_did"] == "I talked over her, twice."
    assert first.answers["my_part"] == "I was rushing to finish the agenda."
    # The leader now edits one suggestion; asking again replaces only untouched suggestions.
    edited = {**first.answers, "my_part": "I was anxious about the deadline."}
    second = handlers.reflect(INCIDENT, edited, first.suggestions, "s1")
    assert second.answers["my_part"] == "I was anxious about the deadline."
    assert second.answers["what_i_did"] == "I talked over her, twice."
    assert second.answers["impact"] == "She stopped talking for the rest of the meeting."


def test_merge_answers_is_pure_and_counts_what_it_filled() -> None:
    merged, shown, filled = merge_answers(
        {"impact": "", "my_part": "mine"}, {}, {"impact": "quiet", "my_part": "x"}
    )
    assert merged == {"impact": "quiet", "my_part": "mine"} and shown == {"impact": "quiet"} and filled == 1


def test_leaders_answers_go_into_the_draft_prompt(handlers: PageHandlers, model: FakeModel) -> None:
    suggested = {"what_i_did": "Model guess about the meeting."}
    notes = {
        "what_i_did": "I talked over Priya three times.",
        "impact": "",
        "my_part": "",
        "want_different": "Hear people out in planning.",
    }
    merged, _, _ = merge_answers(notes, suggested, {"what_i_did": "Model guess about the meeting."})
    run(handlers.draft(Form(incident=INCIDENT, notes=merged), [], "s1"))
    prompt = model.prompts[-1]
    assert "I talked over Priya three times." in prompt
    assert "Hear people out in planning." in prompt
    assert "Model guess" not in prompt


# -- iterate: direct edits ---------------------------------------------------------------------
def test_edit_rechecks_instantly_without_a_model_call(handlers: PageHandlers, model: FakeModel) -> None:
    _, final = drafted(handlers, delivery="writing")
    calls = len(model.calls)
    edited = {**final.sections, "commit": "I'll do better."}
    view = handlers.edit(edited, "", "writing", final.versions)
    assert len(model.calls) == calls
    assert 'data-category="vague_commitment"' in view.highlights
    assert '>do better<span class="finding-label">vague_commitment</span></mark>' in view.highlights
    assert "commit-concrete-behaviour" in view.highlights
    assert "I'll do better." in view.message
    assert "Re-checked your edit (no model call)" in view.status
    assert [v["source"] for v in view.versions] == ["draft", "edit"]
    again = handlers.edit({**edited, "commit": "I'll do better, I promise."}, "", "writing", view.versions)
    assert [v["source"] for v in again.versions] == ["draft", "edit"], "keystrokes fold into one edit"
    assert again.versions[-1]["commit"] == "I'll do better, I promise."
    assert "No occasion" in again.after or "names no occasion" in again.after


def test_editing_a_section_to_empty_says_so_and_keeps_checking(handlers: PageHandlers) -> None:
    _, final = drafted(handlers)
    view = handlers.edit({**final.sections, "acknowledge": "   "}, "", "in_person", final.versions)
    assert "The Acknowledge section is empty" in view.status
    assert "(empty)" in view.highlights


def test_leaving_empty_sections_before_any_draft_changes_nothing(handlers: PageHandlers) -> None:
    assert handlers.edit({"own": "", "acknowledge": " ", "commit": ""}, "", "in_person", []) == View()


def test_changing_the_delivery_reassembles_the_message(handlers: PageHandlers) -> None:
    _, final = drafted(handlers, delivery="in_person")
    view = handlers.redeliver(final.sections, "Priya", "writing")
    assert view.message.startswith("Hi Priya,")
    assert view.own is None and view.versions is None


# -- iterate: revise ---------------------------------------------------------------------------
def test_revise_follows_an_instruction_and_records_a_version(
    handlers: PageHandlers, model: FakeModel
) -> None:
    _, final = drafted(handlers)
    shorter = (
        " I cut you off twice.\nACKNOWLEDGE: You could not finish your point.\n"
        "COMMIT: At Thursday's meeting I will let you finish.\n"
    )
    model.replies.append(shorter)
    views = run(handlers.revise(Form(incident=INCIDENT), final.sections, "shorter", final.versions, "s1"))
    last = views[-1]
    assert "shorter" in model.prompts[-1]
    assert last.own == "I cut you off twice."
    assert [v["source"] for v in last.versions] == ["draft", "revise: shorter"]
    assert last.status.startswith("Revision ready")


@pytest.mark.parametrize(
    ("sections", "instruction", "expected"),
    [
        ({"own": "x", "acknowledge": "y", "commit": "z"}, "   ", "Say how to revise"),
        ({"own": "", "acknowledge": "", "commit": ""}, "shorter", "Draft first"),
    ],
)
def test_revise_without_instruction_or_draft_explains(
    handlers: PageHandlers, model: FakeModel, sections, instruction, expected
) -> None:
    views = run(handlers.revise(Form(incident=INCIDENT), sections, instruction, [], "s1"))
    assert len(views) == 1 and expected in views[0].status and views[0].own is None
    assert model.calls == []


# -- versions -----------------------------------------------------------------------------------
def test_versions_compare_and_restore(handlers: PageHandlers) -> None:
    _, final = drafted(handlers)
    edited = handlers.edit({**final.sections, "commit": "I'll do better."}, "", "in_person", final.versions)
    history = edited.versions
    diff = handlers.compare(history, "1", "2").compare
    assert "<del>" in diff and "<ins>do better.</ins>" in diff.replace("I&#x27;ll ", "")
    assert "(unchanged)" in diff
    restored = handlers.restore(history, "1", "", "in_person")
    assert restored.commit == final.commit
    assert [v["source"] for v in restored.versions] == ["draft", "edit", "restore v1"]
    assert "vague_commitment" not in restored.highlights
    assert "Choose two versions" in handlers.compare(history, "1", None).compare
    assert "Choose a version" in handlers.restore(history, "", "", "in_person").status


def test_add_version_skips_unchanged_and_empty() -> None:
    one = add_version([], {"own": "a", "acknowledge": "b", "commit": "c"}, "draft")
    assert add_version(one, {"own": "a", "acknowledge": "b", "commit": "c"}, "edit") == one
    assert add_version([], {"own": "", "acknowledge": "", "commit": ""}, "draft") == []
    assert word_diff_html("a b c", "a x c") == "a <del>b</del> <ins>x</ins> c"


# -- export -------------------------------------------------------------------------------------
def test_export_writes_txt_and_md_only_on_request_and_cleans_up(
    handlers: PageHandlers, tmp_path: Path
) -> None:
    assert list(tmp_path.iterdir()) == []
    _, final = drafted(handlers, person="Priya", delivery="writing")
    txt = Path(handlers.export(final.message, "txt", "Priya", "s1").export_path)
    assert txt.read_text(encoding="utf-8") == final.message.strip() + "\n"
    assert txt.suffix == ".txt" and oct(txt.stat().st_mode)[-3:] == "600"
    md = Path(handlers.export(final.message, "md", "Priya", "s1").export_path)
    assert md.read_text(encoding="utf-8").startswith("# Repair: Priya\n\nHi Priya,")
    assert not txt.exists(), "the previous export is deleted when the next one is written"
    handlers.exporter.close()
    assert not md.exists()
    assert "no message to export" in handlers.export("  ", "txt", "", "s1").status
    assert export_text("Hello", "txt") == "Hello\n"


# -- after the repair ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("commit", "text", "when"),
    [
        (
            "At Thursday's planning meeting I will let you finish.",
            "Thursday's planning meeting",
            date(2025, 6, 12),
        ),
        ("On Monday I will ask for your view first.", "Monday", date(2025, 6, 16)),
        ("Tomorrow I will book time with you.", "tomorrow", date(2025, 6, 10)),
        ("I will book twenty minutes with you this week.", "this week", date(2025, 6, 13)),
        ("In two weeks I will ask how the new process feels.", "in two weeks", date(2025, 6, 23)),
        (
            "At the next team meeting I will ask you to present first.",
            "the next team meeting",
            None,
        ),
        ("At our next one-on-one I will bring specific feedback.", "the next one-on-one", None),
    ],
)
def test_occasions_are_found_in_the_commitment(commit: str, text: str, when: date | None) -> None:
    occasion = find_occasion(commit, MONDAY)
    assert occasion is not None and occasion.text == text and occasion.when == when


def test_follow_through_plan_with_and_without_an_occasion() -> None:
    dated = follow_through_plan("At Thursday's planning meeting I will let you finish.", MONDAY)
    assert dated.check_in_date == date(2025, 6, 13) and "day after" in dated.check_in
    undated = follow_through_plan("At the next team meeting I will ask you to present first.", MONDAY)
    assert undated.check_in.startswith("Right after the next team meeting")
    vague = follow_through_plan("I'll do better.", MONDAY)
    assert vague.occasion is None and vague.check_in_date == date(2025, 6, 16)
    assert "names no occasion" in plan_markdown(vague) and "Within a week" in plan_markdown(vague)
    assert "Write the **commit** section first" in plan_markdown(follow_through_plan("", MONDAY))


def test_listening_lines_are_short_and_stay_off_defence() -> None:
    text = listening_markdown("in_person")
    lines = [line for line in text.splitlines() if line.startswith("- \u201c")]
    assert len(lines) >= 4 and all(len(line) < 90 for line in lines)
    assert "forgive" in text.lower()  # says what to hold back: no asking for forgiveness


# -- honest model status ---------------------------------------------------------------------------
def test_status_note_for_the_embedded_default_model() -> None:
    text = model_status_markdown(DEFAULT_INFO)
    assert "gemma-3-270m" in text and "rough" in text and "models.md" in text and "--model" in text
    other = model_status_markdown(ModelInfo(name="qwen", path="/q.gguf", chat=True, n_ctx=8192))
    assert "rough" not in other and "chat mode" in other


def test_status_names_the_adapter_and_says_when_it_is_off() -> None:
    with_adapter = ModelInfo(
        name="gemma-3-270m",
        path="/m.gguf",
        chat=False,
        n_ctx=4096,
        embedded_default=True,
        adapter="repair-gemma3-270m-lora",
    )
    text = model_status_markdown(with_adapter)
    assert "repair-gemma3-270m-lora" in text and "repair adapter" in text and "REPAIR_ADAPTER=none" in text
    assert "rough" not in text and "small" in text
    note = "The repair adapter is not in use: it does not match its manifest. Drafting with the base model instead."
    fallback = model_status_markdown(
        ModelInfo(
            name="gemma-3-270m", path="/m.gguf", chat=False, n_ctx=4096, embedded_default=True, note=note
        )
    )
    assert note in fallback and "rough" in fallback and "Adapter:" not in fallback


# -- stop ------------------------------------------------------------------------------------------
def test_stop_cancels_generation_and_keeps_the_partial_draft(tmp_path: Path) -> None:
    model = FakeModel(default=GOOD_REPLY * 3)
    handlers = PageHandlers(make_service(model), model.info, exporter=Exporter(tmp_path))
    views = []
    for view in handlers.draft(Form(incident=INCIDENT), [], "s1"):
        views.append(view)
        if view.own and len(view.own.split()) >= 4:
            assert handlers.stop("s1").status.startswith("**Note:** Stopped")
    final = views[-1]
    assert "Stopped" in final.status
    assert final.own is None, "the partial text already on the page is left as it is"
    assert any(v.own for v in views[:-1])
    assert final.versions and final.versions[-1]["source"] == "draft (stopped)"
    assert handlers.stop("s1").status == "Nothing is running."
    # The next draft runs normally: the stop switch belonged to the stopped run only.
    model.default = GOOD_REPLY
    assert run(handlers.draft(Form(incident=INCIDENT), final.versions, "s1"))[-1].status.startswith(
        "Draft ready"
    )


def test_stop_during_reflection() -> None:
    model = FakeModel([REFLECTION_REPLY], delay=0.05)
    handlers = PageHandlers(make_service(model), model.info)
    result: list[View] = []
    worker = threading.Thread(target=lambda: result.append(handlers.reflect(INCIDENT, {}, {}, "s1")))
    worker.start()
    deadline = time.monotonic() + 5
    while not model.calls and time.monotonic() < deadline:
        time.sleep(0.01)
    assert handlers.stop("s1").status.startswith("**Note:** Stopped")
    worker.join(timeout=5)
    assert "Stopped" in result[0].status and result[0].answers is None


# -- bad input -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        ("", "Please describe what happened first: the incident is empty."),
        ("   \n\t ", "the incident is empty"),
        ("x" * 20_000, "20,000 characters long and the limit is 8,000"),
        ("\x00\x07\u200b\x1b", "only invisible control characters"),
    ],
)
def test_bad_input_gives_one_clear_sentence_and_no_model_call(
    handlers: PageHandlers, model: FakeModel, incident: str, expected: str
) -> None:
    views = run(handlers.draft(Form(incident=incident), [], "s1"))
    assert len(views) == 1
    status = views[0].status
    assert expected in status and status.startswith("**Problem:**")
    assert "Traceback" not in status and status.rstrip().endswith(".")
    assert all(value is None for value in views[0].sections.values()), "nothing on the page is replaced"
    assert model.calls == []
    reflect = handlers.reflect(incident, {}, {}, "s1")
    assert expected in reflect.status and reflect.answers is None


def test_control_characters_inside_text_are_dropped_with_a_note(
    handlers: PageHandlers, model: FakeModel
) -> None:
    incident = "I cut\x00 Priya off\u202e twice in planning."
    assert hidden_characters(incident) == 2
    # Joiners a script or an emoji needs are kept, so they are not counted as left out.
    assert hidden_characters("\u0645\u06cc\u200c\u062e\u0648\u0627\u0645 👩\u200d💻") == 0
    views = run(handlers.draft(Form(incident=incident), [], "s1"))
    assert "Left out 2 invisible control characters" in views[-1].status
    assert "\x00" not in model.prompts[-1] and "\u202e" not in model.prompts[-1]
    assert all(views[-1].sections.values())


def test_an_unknown_setting_from_the_raw_api_is_a_clear_message(handlers: PageHandlers) -> None:
    views = run(handlers.draft(Form(incident=INCIDENT, setting="boardroom"), [], "s1"))
    assert "setting value is not one the app knows" in views[0].status


# -- rendering -------------------------------------------------------------------------------------
def test_highlights_escape_text_and_fall_back_when_offsets_drift() -> None:
    findings = phrase_checker(
        RepairDraft(own="I <b>shouted</b>.", acknowledge="It hurt.", commit="I'll do better.")
    )
    html = findings_html(
        {"own": "I <b>shouted</b>.", "acknowledge": "It hurt.", "commit": "I'll do better."},
        findings,
    )
    assert "&lt;b&gt;shouted&lt;/b&gt;" in html and "<b>" not in html
    assert "&lt;needs work&gt;" in html
    shifted = findings[0].model_copy(update={"start": 0, "end": 9})
    assert "<mark" in mark_text("I'll do better.", [shifted])
    assert findings_html({}, []).startswith('<div class="findings empty">')


def test_edit_with_the_real_guardrails_flags_a_vague_commitment() -> None:
    from assistant.core.service import RepairService

    model = FakeModel()
    handlers = PageHandlers(RepairService(model), model.info, today=lambda: MONDAY)
    sections = {
        "own": "I cut you off twice in the planning meeting.",
        "acknowledge": "You could not finish your point in front of the team.",
        "commit": "I'll do better.",
    }
    view = handlers.edit(sections, "Priya", "writing", [])
    assert 'data-category="vague_commitment"' in view.highlights
    assert model.calls == []


def test_an_unexpected_failure_is_one_sentence_and_keeps_the_text_out_of_the_log(
    handlers: PageHandlers, model: FakeModel, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError(f"internal detail quoting {INCIDENT}")

    handlers.service.draft_stream = broken  # type: ignore[method-assign]
    handlers.service.reflect = broken  # type: ignore[method-assign]
    views = run(handlers.draft(Form(incident=INCIDENT), [], "s1"))
    reflected = handlers.reflect(INCIDENT, {}, {}, "s1")
    for status in (views[-1].status, reflected.status):
        assert status == status_text(UNEXPECTED, "error") and status.startswith("**Problem:**")
    assert "RuntimeError" in caplog.text and INCIDENT not in caplog.text
