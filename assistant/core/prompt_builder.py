"""Turning a case (incident + context + grounding) into a prompt for either kind of model.

Base models get the few-shot completion layout; chat models get the same examples as
earlier turns, rendered through the GGUF's own chat template. Either way the fixed part
comes first so llama.cpp can reuse its cache of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.core.prompts import render
from assistant.core.protocols import TextModel
from assistant.core.text_input import for_prompt

REFLECTION_KEYS = ("what_i_did", "impact", "my_part", "want_different")
COMPLETION_STOP = ["END", "\nINCIDENT", "\nGUIDANCE", "\nPERSON:", "\nREVISE"]
# With the adapter the prompt carries the two best principle titles and no example lines:
# the adapter learned the layout, and a short prompt trains and answers faster.
ADAPTER_GUIDANCE = 2
DEFAULT_GUIDANCE = "Name the moment. Own your part plainly. Say what you will do differently, and when."


@dataclass
class Case:
    """Everything incident-specific that goes into a prompt."""

    incident: str
    person: str = ""
    guidance_lines: list[str] = field(default_factory=list)
    example_lines: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    # The own section's start, in the leader's words: a whole sentence (own_seed) or an
    # opening the model completes (own_opening, e.g. "I noticed" for a check-in).
    own_seed: str = ""
    own_opening: str = ""
    # How a rewritten section starts when the first one was flagged: a commitment names the
    # occasion, an acknowledgement turns to their experience.
    commit_opening: str = ""
    ack_opening: str = ""
    # Where the first draft's acknowledgement starts, after a seeded own ("I imagine"): "" lets
    # the model start it.
    ack_start: str = ""
    # A whole commitment that answers the act (commit_rules): the model stops before the
    # commit section and this is the section. "" lets the model write it.
    commit_text: str = ""
    # A whole acknowledgement for the act (ack_rules), given with commit_text: with both, the
    # first draft needs no generation at all.
    ack_text: str = ""
    # The two above are a check-in (no rule knows the act): the draft asks rather than guesses.
    check_in: bool = False

    def template_vars(self, n_guidance: int | None = None, n_examples: int | None = None) -> dict:
        guidance = self.guidance_lines[:n_guidance] if n_guidance is not None else self.guidance_lines
        examples = self.example_lines[:n_examples] if n_examples is not None else self.example_lines
        parts = [line.rstrip(".") + "." for line in guidance] or [DEFAULT_GUIDANCE]
        if examples:
            parts.append("For example: " + " ".join(f'"{line}"' for line in examples))
        notes = {
            key: for_prompt(value)
            for key, value in self.notes.items()
            if key in REFLECTION_KEYS and value.strip()
        }
        return {
            "guidance": for_prompt(" ".join(parts)),
            "incident": for_prompt(self.incident),
            "person": for_prompt(self.person) or "the person affected",
            "notes": notes,
        }


def _chat_messages(case_vars: dict) -> list[dict[str, str]]:
    from assistant.core.prompts import _environment  # local: shares the cached environment
    from assistant.core.resources import prompts_dir

    examples = _environment(str(prompts_dir())).get_template("_examples.j2").module.EXAMPLES
    messages = [{"role": "system", "content": render("draft_system.j2").strip()}]
    for ex in examples:
        messages.append({"role": "user", "content": render("draft_user.j2", case=ex).strip()})
        messages.append({"role": "assistant", "content": render("draft_assistant.j2", **ex).strip()})
    messages.append({"role": "user", "content": render("draft_user.j2", case=case_vars).strip()})
    return messages


def adapter_draft_prompt(case_vars: dict) -> str:
    """The short draft prompt the repair adapter was trained on (no few-shot block)."""
    return render("adapter_draft.j2", case=case_vars).rstrip()


def revision_tail(draft: dict[str, str], instruction: str) -> str:
    """What follows a completion-layout draft prompt to ask for a revised draft."""
    return (
        f" {draft['own']}\nACKNOWLEDGE: {draft['acknowledge']}\nCOMMIT: {draft['commit']}\n"
        f"REVISE: {for_prompt(instruction)}\nOWN:"
    )


def answer_text(draft: dict[str, str]) -> str:
    """A three-part answer as the model writes it after "OWN:" (training targets use this)."""
    return f" {draft['own']}\nACKNOWLEDGE: {draft['acknowledge']}\nCOMMIT: {draft['commit']}\nEND"


def _render(model: TextModel, case_vars: dict) -> tuple[str, list[str]]:
    if model.info.adapter:
        return adapter_draft_prompt(case_vars), list(COMPLETION_STOP)
    if not model.info.chat:
        # The prompt must end exactly at "OWN:" so the model writes the first section next.
        return render("draft_completion.j2", case=case_vars).rstrip(), list(COMPLETION_STOP)
    prompt, stop = _format(model, _chat_messages(case_vars))
    # Start the answer ourselves: it fixes the layout for the first line.
    return prompt + "OWN:", list(stop) + list(COMPLETION_STOP)


def _format(model: TextModel, messages: list[dict[str, str]]) -> tuple[str, list[str]]:
    try:
        return model.format_chat(messages)
    except Exception:  # some templates refuse a system role; fold it into the first turn
        system = messages.pop(0)["content"]
        messages[0] = {"role": "user", "content": system + "\n\n" + messages[0]["content"]}
        return model.format_chat(messages)


def build_prompt(model: TextModel, case: Case, reserve_tokens: int) -> tuple[str, list[str]]:
    """Render the prompt, trimming grounding (never the incident) until it fits the context."""
    budget = model.info.n_ctx - reserve_tokens
    n_guidance, n_examples = len(case.guidance_lines), len(case.example_lines)
    if model.info.adapter:
        n_guidance, n_examples = min(n_guidance, ADAPTER_GUIDANCE), 0
    while True:
        prompt, stop = _render(model, case.template_vars(n_guidance, n_examples))
        if model.count_tokens(prompt) <= budget or (n_guidance == 0 and n_examples == 0):
            return prompt, stop
        if n_examples > 0:
            n_examples -= 1
        else:
            n_guidance -= 1


def build_revision_prompt(
    model: TextModel, case: Case, draft: dict[str, str], instruction: str, reserve_tokens: int
) -> tuple[str, list[str]]:
    """The draft prompt, then the current draft and a revision request.

    The draft prompt stays the prefix, so llama.cpp reuses its cache and the revision
    starts fast.
    """
    prompt, stop = build_prompt(model, case, reserve_tokens)
    if model.info.adapter or not model.info.chat:
        return prompt + revision_tail(draft, instruction), stop
    instruction = for_prompt(instruction)
    messages = _chat_messages(case.template_vars())
    messages.append({"role": "assistant", "content": render("draft_assistant.j2", **draft).strip()})
    messages.append(
        {"role": "user", "content": f"REVISE: {instruction}. Reply with the three lines, revised."}
    )
    revised, chat_stop = _format(model, messages)
    return revised + "OWN:", list(chat_stop) + list(COMPLETION_STOP)


def section_prompt(prompt: str, kept: dict[str, str], section: str, feedback: Sequence[str] = ()) -> str:
    """Extend a draft prompt (ending in "OWN:") with the sections before `section`.

    The model then writes only that one section. Guardrail feedback goes on a line just
    before the section's label, after everything the draft already had, so the whole
    draft prompt stays a cached prefix.
    """
    order = ["own", "acknowledge", "commit"]
    text = prompt
    for name in order[: order.index(section)]:
        text += f" {kept[name]}\n{order[order.index(name) + 1].upper()}:"
    if feedback:
        head, label = text.rsplit("\n", 1)
        text = f"{head}\nAVOID: {for_prompt(' '.join(feedback))}\n{label}"
    return text
