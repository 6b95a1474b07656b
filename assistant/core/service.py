"""The one object that owns the flow: validate → retrieve → draft → guardrails → result.

It knows nothing of Gradio or argparse; the UI and the CLI are thin callers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from assistant.core.ack_rules import acknowledgement_for, check_in_for
from assistant.core.act_extraction import extract_act, own_from_note
from assistant.core.commit_rules import check_in_commitment, commitment_for
from assistant.core.drafting import RULE_PATHS, Drafter, DraftOutcome, DraftSettings, Partial
from assistant.core.errors import DraftError, InputError
from assistant.core.message import assemble_message
from assistant.core.prompt_builder import Case
from assistant.core.protocols import Checker, ModelInfo, Retriever, TextModel
from assistant.core.schemas import (
    DEFAULT_DELIVERY,
    SECTIONS,
    Delivery,
    DraftRequest,
    DraftResult,
    Finding,
    Passage,
    RepairDraft,
    Source,
)
from assistant.core.text_input import (
    clean_text,
    hidden_count,
    incident_for_model,
    validate_incident,
    without_instructions,
)
from assistant.guardrails import check_draft
from assistant.retrieval.situations import top_situations

log = logging.getLogger(__name__)

# How a regenerated commitment starts, by situation: the occasion makes it checkable.
COMMIT_OPENINGS = {
    "tense_meeting": "At our next team meeting, I will",
    "interrupting": "In our next meeting, I will",
    "feedback": "Next time I give you feedback, I will",
    "withdrawal": "This week I will",
    "decision": "Before the change takes effect, I will",
    "": "Starting this week, I will",
}


ACK_OPENING = "That left you"


class Review(NamedTuple):
    """What the page shows for a draft after an edit: its findings and the assembled message."""

    findings: list[Finding]
    message: str


class InputNotes(NamedTuple):
    """Parts of the incident the model does not read; the leader's text itself is unchanged."""

    hidden_characters: int
    instructions_removed: int


@dataclass
class DraftUpdate:
    """One step of a streamed draft: partial sections, a status line, or the final result."""

    sections: dict[str, str]
    status: str
    result: DraftResult | None = None


def _high_sections(findings: list[Finding]) -> list[str]:
    return [name for name in SECTIONS if any(f.section == name and f.severity == "high" for f in findings)]


# How the adapter's acknowledgement starts when the leader has not said what the impact was.
ACK_GUESS = "I imagine"


def badness(findings: list[Finding]) -> int:
    """How much the guardrails object to a draft: a high finding outweighs any number of lows."""
    weights = {"high": 100, "medium": 10, "low": 1}
    return sum(weights[f.severity] for f in findings)


def _high_count(findings: list[Finding], section: str) -> int:
    return sum(1 for f in findings if f.section == section and f.severity == "high")


def model_label(info: ModelInfo) -> str:
    """The model that drafted, with its adapter when one is applied."""
    return f"{info.name} + {info.adapter}" if info.adapter else info.name


class RepairService:
    """Drafts grounded, checked repairs with one local model."""

    def __init__(
        self,
        model: TextModel,
        *,
        retriever: Retriever | None = None,
        checker: Checker = check_draft,
        max_incident_chars: int = 8000,
        top_k: int = 4,
        max_revisions: int = 3,
        candidates: int = 1,
        draft_settings: DraftSettings | None = None,
        commit_rules: bool = True,
        ack_rules: bool = True,
        check_ins: bool = True,
    ) -> None:
        self.model = model
        self.retriever = retriever
        self.checker = checker
        self.max_incident_chars = max_incident_chars
        self.top_k = top_k
        self.max_revisions = max_revisions
        # Drafts drawn per request; the one the guardrails score best is kept (see BENCHMARKS.md).
        self.candidates = max(1, candidates)
        # With the adapter, a commitment that answers a recognised act comes from commit_rules.
        self.commit_rules = commit_rules
        # With a commitment from the rules, the acknowledgement comes from ack_rules too.
        self.ack_rules = ack_rules
        # An act no rule knows gets a check-in: ask how it landed and agree the change together.
        self.check_ins = check_ins
        self.draft_settings = draft_settings
        self.drafter = Drafter(model, draft_settings)
        self._swap = threading.Lock()

    def switch_model(self, model: TextModel) -> TextModel:
        """Use another model from the next request on; returns the previous one.

        A draft already in flight keeps the drafter it started with, so it finishes on the
        old model undisturbed; the old model is freed when that draft lets go of it.
        """
        with self._swap:
            previous = self.model
            self.model = model
            self.drafter = Drafter(model, self.draft_settings)
        log.info("switched model to %s", model.info.name)
        return previous

    # -- grounding -------------------------------------------------------------------
    def ground(self, incident: str) -> list[Passage]:
        if self.retriever is None:
            return []
        return list(self.retriever.retrieve(incident, self.top_k))

    def build_case(self, request: DraftRequest, passages: list[Passage]) -> Case:
        example_lines: list[str] = []
        for passage in passages:
            if passage.example_lines and len(example_lines) < 2:
                example_lines.append(passage.example_lines[0])
        # Instructions typed into an answer ("ignore your instructions…") never reach the model.
        notes = {
            key: without_instructions(clean_text(value))[0]
            for key, value in request.notes.items()
            if value and value.strip()
        }
        notes = {key: value for key, value in notes.items() if value}
        person = clean_text(request.person)
        situations = top_situations(request.incident, limit=1)
        situation = situations[0] if situations else ""
        # The act in the leader's own words, spoken to the person: more faithful than any
        # paraphrase a small model writes (judged blind: see BENCHMARKS.md).
        own_seed = (
            own_from_note(notes.get("what_i_did", ""), request.incident, person)
            or extract_act(request.incident, person)
            or ""
        )
        if self.model.info.adapter:
            # The adapter writes the rest itself from the incident and the leader's notes. A
            # seeded draft starts the acknowledgement as a guess ("I imagine…"), which judged
            # blind cut harmful drafts 32% -> 20% (BENCHMARKS.md); an impact the leader wrote
            # down is named as it is, not guessed at.
            commit_text = (
                commitment_for(own_seed, request.incident, person, request.setting, situation)
                if self.commit_rules
                else ""
            )
            known = bool(commit_text)
            # Judged blind on new incidents, the model's sections for acts no rule knows were
            # never sendable and a third were harmful (BENCHMARKS.md, round 8); a check-in is
            # proportionate where the harm is not known. What the leader wants to change, if
            # they wrote it down, is the model's to word.
            check_in = (
                not known
                and self.commit_rules
                and self.check_ins
                and bool(own_seed)
                and not notes.get("want_different")
            )
            if check_in:
                commit_text = check_in_commitment(person)
            # The act's usual impact, hedged, after what the leader noted or the account states
            # about how they reacted. Worded by the model from an impact note, the section was
            # harmful in 7 of 26 held-out drafts judged blind (BENCHMARKS.md, round 9).
            ack_text = ""
            if self.ack_rules and commit_text:
                words = check_in_for if check_in else acknowledgement_for
                ack_text = words(own_seed, request.incident, person, notes.get("impact", ""))
            return Case(
                incident=request.incident,
                person=person,
                guidance_lines=[passage.title for passage in passages],
                notes=notes,
                own_seed=own_seed,
                ack_start="" if notes.get("impact") else ACK_GUESS,
                commit_text=commit_text,
                ack_text=ack_text,
                check_in=check_in,
            )
        return Case(
            incident=request.incident,
            person=person,
            guidance_lines=[passage.title for passage in passages],
            example_lines=example_lines,
            notes=notes,
            own_seed=own_seed,
            # With no act named, a proportionate repair starts from what was noticed.
            own_opening="" if own_seed else "I noticed",
            commit_opening=COMMIT_OPENINGS.get(situation, COMMIT_OPENINGS[""]),
            ack_opening=ACK_OPENING,
        )

    # -- checking --------------------------------------------------------------------
    def check(
        self,
        draft: RepairDraft,
        *,
        incident: str | None = None,
        person: str | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> list[Finding]:
        """Guardrails only: instant, no model call (used after a direct edit).

        With the incident, the person and the leader's notes, the draft is also read against
        them: the act promised again, a threat, swapped roles, the third person.
        """
        return self.checker(draft, incident=incident, person=person, notes=notes)

    def review(
        self,
        draft: RepairDraft,
        *,
        person: str = "",
        delivery: Delivery = DEFAULT_DELIVERY,
        incident: str | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> Review:
        """The guardrails and the message for a draft as the leader left it: no model call."""
        who = clean_text(person or "")
        context = {key: value for key, value in (notes or {}).items() if value and value.strip()}
        findings = self.check(draft, incident=clean_text(incident or ""), person=who, notes=context)
        complete = all(draft.section(name).strip() for name in SECTIONS)
        return Review(findings, assemble_message(draft, who, delivery) if complete else "")

    @staticmethod
    def input_notes(incident: str) -> InputNotes:
        """What the model will not read of the incident: hidden characters, instructions to it."""
        removed = without_instructions(clean_text(incident or ""))[1]
        return InputNotes(hidden_characters=hidden_count(incident or ""), instructions_removed=removed)

    def _check_case(self, draft: RepairDraft, case: Case) -> list[Finding]:
        return self.checker(draft, incident=case.incident, person=case.person, notes=case.notes)

    def _revise_flagged(
        self,
        drafter: Drafter,
        case: Case,
        draft: RepairDraft,
        seed: int,
        cancel: threading.Event | None,
        sections: tuple[str, ...] = ("own", "acknowledge", "commit"),
    ) -> tuple[RepairDraft, list[Finding], int]:
        """Regenerate `sections` where they have high findings, feeding the findings back; bounded."""
        findings = self._check_case(draft, case)
        rounds = 0
        for rounds in range(1, self.max_revisions + 1):
            flagged = _high_sections(findings)
            if not flagged:
                return draft, findings, rounds - 1
            for section in flagged:
                if section not in sections or (
                    section == "own" and case.own_seed and case.notes.get("what_i_did")
                ):
                    # The leader's own words are theirs to change; they see the finding. (Words
                    # cut from the account are not: judged blind in round 11, keeping a flagged
                    # seed ("I hadn't read it.") cost more than the model's rewrite.)
                    continue
                feedback = [f.message for f in findings if f.section == section and f.severity == "high"]
                # Start the rewrite where the job of the section begins: an occasion for a
                # commitment, their experience for an acknowledgement, a check-in for an own.
                opening = {
                    "commit": case.commit_opening,
                    "acknowledge": case.ack_opening,
                    "own": case.own_opening,
                }[section]
                value, _ = drafter.regenerate_section(
                    case,
                    draft,
                    section,
                    seed=seed + rounds * 31,
                    cancel=cancel,
                    opening=opening,
                    feedback=feedback,
                )
                candidate = draft.model_copy(update={section: value})
                candidate_findings = self._check_case(candidate, case)
                if _high_count(candidate_findings, section) < _high_count(findings, section):
                    draft, findings = candidate, candidate_findings
        return draft, findings, rounds

    def _best_of(
        self, drafter: Drafter, case: Case, first: DraftOutcome, seed: int, cancel: threading.Event | None
    ) -> DraftOutcome:
        """Draw more candidates and keep the one with the lightest guardrail findings."""
        best, best_score = first, badness(self._check_case(first.draft, case))
        for n in range(1, self.candidates):
            if best_score == 0:
                break
            candidate: DraftOutcome | None = None
            try:
                for item in drafter.stream(case, seed=seed + n * 1009, cancel=cancel):
                    if isinstance(item, DraftOutcome):
                        candidate = item
            except DraftError:
                continue
            if (
                candidate is not None
                and (score := badness(self._check_case(candidate.draft, case))) < best_score
            ):
                best, best_score = candidate, score
        return best

    # -- reflecting -----------------------------------------------------------------
    def reflect(
        self, incident: str, *, seed: int = 0, cancel: threading.Event | None = None
    ) -> dict[str, str]:
        """Model-suggested answers to the reflection questions (the leader edits them)."""
        from assistant.core.reflection import prefill

        account = incident_for_model(validate_incident(incident, self.max_incident_chars))
        return prefill(self.model, account, seed=seed, cancel=cancel)

    # -- drafting --------------------------------------------------------------------
    def draft_stream(
        self, request: DraftRequest, cancel: threading.Event | None = None
    ) -> Iterator[DraftUpdate]:
        """Stream a draft; the last update carries the result. Raises typed AssistantErrors."""
        return self._run(request, cancel, None)

    def revise_stream(
        self,
        request: DraftRequest,
        current: RepairDraft,
        instruction: str,
        cancel: threading.Event | None = None,
    ) -> Iterator[DraftUpdate]:
        """Rewrite `current` following an instruction such as "shorter" or "for Slack"."""
        instruction = clean_text(instruction)[:200]
        if not instruction:
            raise InputError('Say how to revise the draft, for example "shorter" or "warmer".')
        return self._run(request, cancel, (current, instruction))

    def _run(
        self, request: DraftRequest, cancel: threading.Event | None, revise: tuple[RepairDraft, str] | None
    ) -> Iterator[DraftUpdate]:
        started = time.perf_counter()
        # The model reads the account of what happened, never instructions hidden in it.
        incident = incident_for_model(validate_incident(request.incident, self.max_incident_chars))
        request = request.model_copy(update={"incident": incident})
        # The drafter is fixed when the request is accepted, even if the model is switched later.
        return self._generate(self.drafter, request, cancel, revise, started)

    def _generate(
        self,
        drafter: Drafter,
        request: DraftRequest,
        cancel: threading.Event | None,
        revise: tuple[RepairDraft, str] | None,
        started: float,
    ) -> Iterator[DraftUpdate]:
        incident = request.incident
        yield DraftUpdate({}, "Finding the principles that fit…")
        t0 = time.perf_counter()
        passages = self.ground(incident)
        retrieve_ms = (time.perf_counter() - t0) * 1000
        case = self.build_case(request, passages)
        yield DraftUpdate({}, "Revising…" if revise else "Drafting…")
        outcome: DraftOutcome | None = None
        for item in drafter.stream(case, seed=request.seed, cancel=cancel, revise=revise):
            if isinstance(item, Partial):
                yield DraftUpdate(item.sections, "Revising…" if revise else "Drafting…")
            else:
                outcome = item
        assert outcome is not None  # Drafter.stream either yields an outcome or raises
        if revise is None and self.candidates > 1 and outcome.path not in RULE_PATHS:
            outcome = self._best_of(drafter, case, outcome, request.seed, cancel)
        yield DraftUpdate(outcome.draft.model_dump(), "Checking the draft…")
        # A rule's acknowledgement and commitment pass the checks alone (tests/test_ack_rules.py):
        # what the checks find in them beside the account is shown, not handed to the model.
        sections = ("own",) if outcome.path in RULE_PATHS else ("own", "acknowledge", "commit")
        draft, findings, rounds = self._revise_flagged(
            drafter, case, outcome.draft, request.seed, cancel, sections
        )
        timings = dict(outcome.timings)
        timings.update(
            retrieve_ms=round(retrieve_ms, 2),
            attempts=float(outcome.attempts),
            grammar_fallback=1.0 if outcome.path == "grammar" else 0.0,
            revision_rounds=float(rounds),
            total_s=round(time.perf_counter() - started, 4),
        )
        result = DraftResult(
            **draft.model_dump(),
            message=assemble_message(draft, request.person, request.delivery),
            findings=findings,
            sources=[Source(id=p.id, title=p.title, score=round(p.score, 4)) for p in passages],
            model=model_label(drafter.model.info),
            timings=timings,
            path=outcome.path,
            attempts=outcome.attempts,
        )
        yield DraftUpdate(draft.model_dump(), "Done.", result)
        if revise is None and case.commit_text:
            # Runs only when the caller reads on past "Done." (the page does; draft() stops there).
            drafter.prefill(case, draft, cancel)

    def draft(self, request: DraftRequest, cancel: threading.Event | None = None) -> DraftResult:
        for update in self.draft_stream(request, cancel):
            if update.result is not None:
                return update.result
        raise AssertionError("draft_stream ended without a result")  # it always yields one
