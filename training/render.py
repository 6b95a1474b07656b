"""Turning corpus records into (prompt, answer) text, through the runtime's own prompt code.

Nothing here writes a prompt by hand: the draft, revision, section-rewrite and reflection
prompts come from `assistant.core.prompt_builder` and `assistant.core.reflection` exactly as the app
builds them for a model with the adapter, so training and running cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.prompt_builder import (
    ADAPTER_GUIDANCE,
    Case,
    adapter_draft_prompt,
    answer_text,
    revision_tail,
    section_prompt,
)
from assistant.core.reflection import reflection_answer, reflection_prompt
from assistant.core.text_input import clean_text, incident_for_model
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.retriever import BlendedRetriever
from training.corpus import SECTIONS, section_feedback

Guidance = Callable[[str], list[str]]


@dataclass(frozen=True)
class Example:
    id: str
    kind: str
    prompt: str
    answer: str


def situation_guidance(top_k: int = 4) -> Guidance:
    """Guidance titles as the app retrieves them, from the situation detector alone.

    The app blends in embedding similarity only when the situation signal is weak, so this
    matches what most prompts carry without loading an embedding model to train.
    """
    retriever = BlendedRetriever(load_knowledge(), lambda _text: {})
    return lambda incident: [p.title for p in retriever.retrieve(incident, top_k)]


def _case(record: dict, guidance: Guidance) -> tuple[Case, str]:
    incident = incident_for_model(clean_text(record["incident"]))
    notes = {k: clean_text(v) for k, v in record.get("notes", {}).items() if v.strip()}
    case = Case(
        incident=incident, person=clean_text(record["person"]), guidance_lines=guidance(incident), notes=notes
    )
    return case, adapter_draft_prompt(case.template_vars(n_guidance=ADAPTER_GUIDANCE, n_examples=0))


def render_record(record: dict, guidance: Guidance) -> Example:
    kind = record["kind"]
    if kind == "reflection":
        incident = incident_for_model(clean_text(record["incident"]))
        return Example(
            record["id"], kind, reflection_prompt(incident, adapter=True), reflection_answer(record)
        )
    case, prompt = _case(record, guidance)
    if kind == "draft":
        return Example(record["id"], kind, prompt, answer_text({s: record[s] for s in SECTIONS}))
    if kind == "revision":
        prompt += revision_tail(record["draft"], record["instruction"])
        return Example(record["id"], kind, prompt, answer_text({s: record[s] for s in SECTIONS}))
    # A section rewrite: the guardrails' own messages are the feedback, as at run time.
    prompt = section_prompt(prompt, record["draft"], record["section"], section_feedback(record))
    return Example(record["id"], kind, prompt, f" {record['value']}\n")


def render_corpus(records: list[dict], guidance: Guidance | None = None) -> list[Example]:
    guidance = guidance or situation_guidance()
    return [render_record(record, guidance) for record in records]
