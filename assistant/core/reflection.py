"""The reflection step: four guided questions from the five steps, pre-filled by the model.

The model's answers are only suggestions; whatever the leader writes replaces them.
"""

from __future__ import annotations

import logging
import re
import threading

from assistant.core.prompts import render
from assistant.core.protocols import Sampling, TextModel
from assistant.core.text_input import for_prompt

log = logging.getLogger(__name__)

# (key, label in prompts, question shown to the leader)
QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("what_i_did", "WHAT I DID", "What exactly did I do or say?"),
    ("impact", "IMPACT I NOTICED", "What impact did I notice on them?"),
    ("my_part", "MY PART", "What was my part in it?"),
    ("want_different", "WHAT I WANT TO BE DIFFERENT", "What do I want to be different next time?"),
)
_LABELS = {label: key for key, label, _ in QUESTIONS}
_LINE = re.compile(
    r"^[ \t]*(" + "|".join(re.escape(label) for label in _LABELS) + r")[ \t]*:[ \t]*(.*)$", re.MULTILINE
)


def parse_reflection(text: str) -> dict[str, str]:
    text = text.split("END", 1)[0].split("INCIDENT:", 1)[0]
    answers: dict[str, str] = {}
    for match in _LINE.finditer(text):
        key = _LABELS[match.group(1)]
        value = match.group(2).strip()
        if value and key not in answers:
            answers[key] = value[:400]
    return answers


def reflection_prompt(incident: str, *, adapter: bool) -> str:
    """The prompt ending at "WHAT I DID:"; the adapter's is short, the base model's few-shot."""
    template = "adapter_reflect.j2" if adapter else "reflect_completion.j2"
    return render(template, incident=for_prompt(incident)).rstrip()


def reflection_answer(answers: dict[str, str]) -> str:
    """Answers as the model writes them after "WHAT I DID:"; an unknown answer stays empty."""
    lines = [f"{label}: {answers.get(key, '').strip()}".rstrip() for key, label, _ in QUESTIONS]
    return lines[0][len("WHAT I DID:") :] + "\n" + "\n".join(lines[1:]) + "\nEND"


def prefill(
    model: TextModel, incident: str, *, seed: int = 0, cancel: threading.Event | None = None
) -> dict[str, str]:
    """Suggested answers for the reflection questions; missing ones are simply absent."""
    prompt = reflection_prompt(incident, adapter=bool(model.info.adapter))
    stop = ["END", "\nINCIDENT", "\n\n"]
    if model.info.chat:
        chat_prompt, chat_stop = model.format_chat([{"role": "user", "content": prompt}])
        prompt, stop = chat_prompt + "WHAT I DID:", list(chat_stop) + stop
    text = "WHAT I DID:" + "".join(
        model.stream(prompt, Sampling(max_tokens=160, seed=seed, temperature=0.3), stop=stop, cancel=cancel)
    )
    return parse_reflection(text)
