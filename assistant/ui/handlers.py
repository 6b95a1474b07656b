"""What each control of the page does, as plain functions over plain values.

`ui.py` only maps these onto Gradio components, so every step (describe, reflect, draft,
edit, revise, compare, restore, export, stop) is tested with a fake model and no browser.
Errors become one sentence in the status line; the leader's text is never an output of a
failing step, so nothing they typed is lost.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from assistant.core.errors import AssistantError, CancelledError, InputError
from assistant.core.followthrough import follow_through_plan, listening_markdown, plan_markdown
from assistant.core.protocols import ModelInfo, TextModel
from assistant.core.reflection import QUESTIONS
from assistant.core.schemas import (
    DEFAULT_DELIVERY,
    SECTIONS,
    Delivery,
    DraftRequest,
    DraftResult,
    Finding,
    RepairDraft,
    Version,
)
from assistant.core.service import DraftUpdate, RepairService
from assistant.core.text_input import clean_text, hidden_count
from assistant.ui.render import (
    SECTION_TITLES,
    compare_html,
    findings_html,
    model_status_markdown,
    sources_markdown,
    status_text,
)
from assistant.ui.sessions import SessionKeeper
from assistant.ui.state import (
    EDIT,
    Exporter,
    ExportFormat,
    add_version,
    count_source,
    find_version,
    merge_answers,
    version_label,
    version_sections,
)

log = logging.getLogger(__name__)

# Loads a model from a path (the picker's choice). Injected so tests use fakes.
ModelLoader = Callable[[str], TextModel]


@dataclass(frozen=True)
class ModelChoice:
    """One entry of the model picker: what the leader reads, and the file it loads."""

    label: str
    path: str


STOPPED = "Stopped. Whatever was already written stays on the page; edit it, or run it again."


@dataclass
class View:
    """What a step changes on the page; None means "leave that part as it is"."""

    own: str | None = None
    acknowledge: str | None = None
    commit: str | None = None
    message: str | None = None
    highlights: str | None = None
    sources: str | None = None
    status: str | None = None
    versions: list[Version] | None = None
    after: str | None = None
    answers: dict[str, str] | None = None
    suggestions: dict[str, str] | None = None
    compare: str | None = None
    export_path: str | None = None
    incident: str | None = None
    person: str | None = None
    setting: str | None = None
    delivery: str | None = None
    past: list[tuple[str, str]] | None = None

    @property
    def sections(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in SECTIONS}


@dataclass
class Form:
    """The describe step: the incident, optional context and the reflection answers."""

    incident: str = ""
    person: str = ""
    setting: str = ""
    delivery: str = DEFAULT_DELIVERY
    notes: dict[str, str] = field(default_factory=dict)

    def request(self, seed: int = 0) -> DraftRequest:
        """Build the service request; the leader's reflection answers go in as notes."""
        notes = {key: value.strip() for key, value in self.notes.items() if value and value.strip()}
        try:
            return DraftRequest(
                incident=self.incident,
                person=(self.person or "").strip(),
                setting=self.setting or "",
                delivery=self.delivery or "in_person",
                notes=notes,
                seed=seed,
            )
        except ValidationError as exc:
            field_name = ".".join(str(p) for p in exc.errors()[0].get("loc", ())) or "a field"
            raise InputError(
                f"The {field_name} value is not one the app knows; choose it from the list."
            ) from exc


def _delivery(value: str | None) -> Delivery:
    return "writing" if value == "writing" else DEFAULT_DELIVERY


def hidden_characters(text: str) -> int:
    """How many control or invisible formatting characters cleaning leaves out of the incident."""
    return hidden_count(text or "")


UNEXPECTED = "Something went wrong; everything you wrote is still on the page, so please try again."


def _log_unexpected(step: str, exc: Exception) -> None:
    # Only the error type at the default level: exception messages (pydantic's, for one)
    # can quote the leader's text, which must not reach the log.
    log.error("%s failed unexpectedly (%s)", step, type(exc).__name__)
    log.debug("%s failure", step, exc_info=True)


def explain(exc: AssistantError, incident: str = "") -> str:
    """The error's own sentence, or a plainer one when the incident was only hidden characters."""
    if isinstance(exc, InputError) and hidden_characters(incident) and not clean_text(incident or ""):
        return "The incident holds only invisible control characters; please describe what happened in words."
    return str(exc)


class Cancels:
    """One stop switch per browser session, handed to the service as `cancel`."""

    def __init__(self) -> None:
        self._events: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def begin(self, session: str) -> threading.Event:
        event = threading.Event()
        with self._lock:
            self._events[session] = event
        return event

    def end(self, session: str, event: threading.Event) -> None:
        with self._lock:
            if self._events.get(session) is event:
                del self._events[session]

    def stop(self, session: str) -> bool:
        with self._lock:
            event = self._events.get(session)
        if event is None:
            return False
        event.set()
        return True


def _clean_sections(sections: Mapping[str, str | None]) -> dict[str, str]:
    return {name: (sections.get(name) or "").strip() for name in SECTIONS}


def _findings_summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "nothing flagged by the checks (see the panel below for what they read)."
    high = sum(1 for f in findings if f.severity == "high")
    noun = "finding" if len(findings) == 1 else "findings"
    return f"the guardrails show {len(findings)} {noun} ({high} high) in the panel below."


class PageHandlers:
    """The page's behaviour, one method per control, over a RepairService."""

    def __init__(
        self,
        service: RepairService,
        model_info: ModelInfo,
        *,
        exporter: Exporter | None = None,
        today: Callable[[], date] = date.today,
        model_choices: Sequence[ModelChoice] = (),
        model_loader: ModelLoader | None = None,
        sessions: SessionKeeper | None = None,
    ) -> None:
        self.service = service
        self.sessions = sessions or SessionKeeper(None)
        self.model_info = model_info
        self.exporter = exporter or Exporter()
        self.cancels = Cancels()
        self.today = today
        self.model_choices = list(model_choices)
        self.model_loader = model_loader
        self._switching = threading.Lock()

    # -- the model picker ----------------------------------------------------------------
    def current_choice(self) -> str | None:
        for choice in self.model_choices:
            if choice.path == self.model_info.path:
                return choice.label
        return None

    def switch_model(self, label: str) -> tuple[str, str]:
        """Load the chosen model and hand it to the service; returns (model status, status line).

        Loading happens before the swap, so a failure leaves the running model in place, and
        a draft already in flight finishes on the model it started with.
        """
        choice = next((c for c in self.model_choices if c.label == label), None)
        if choice is None or self.model_loader is None:
            return self.model_status(), status_text("That model is not available here.", "error")
        if choice.path == self.model_info.path:
            return self.model_status(), ""
        if not self._switching.acquire(blocking=False):
            return self.model_status(), status_text(
                "Another model is still loading; try again in a moment.", "warning"
            )
        try:
            model = self.model_loader(choice.path)
        except AssistantError as exc:
            return self.model_status(), status_text(str(exc), "error")
        finally:
            self._switching.release()
        self.service.switch_model(model)
        self.model_info = model.info
        return self.model_status(), status_text(f"Now using {model.info.name}.", "ok")

    # -- what the page shows besides the sections ----------------------------------------
    def model_status(self) -> str:
        return model_status_markdown(self.model_info)

    def after_repair(self, commit: str, delivery: str) -> str:
        """Lines for listening, then the follow-through plan built from the commitment."""
        plan = plan_markdown(follow_through_plan(commit, self.today()))
        listening = listening_markdown(delivery)
        return f"#### While they answer\n\n{listening}\n\n#### Follow-through plan\n\n{plan}"

    def review(
        self,
        sections: Mapping[str, str | None],
        person: str,
        delivery: str,
        incident: str = "",
        notes: Mapping[str, str] | None = None,
    ) -> tuple[View, list[Finding]]:
        """Guardrails, message and plan for the sections as they stand: no model call.

        The incident, the person and the reflection answers let the guardrails read the draft
        against what happened and who it is to.
        """
        clean = _clean_sections(sections)
        missing = [name for name in SECTIONS if not clean[name]]
        draft = RepairDraft.model_construct(**clean) if missing else RepairDraft(**clean)
        who = (person or "").strip()
        review = self.service.review(
            draft, person=who, delivery=_delivery(delivery), incident=incident, notes=notes
        )
        view = View(
            message=review.message,
            highlights=findings_html(
                clean, review.findings, person=who, context=bool((incident or "").strip())
            ),
            after=self.after_repair(clean["commit"], delivery),
        )
        return view, review.findings

    # -- describe + draft, revise ------------------------------------------------------------
    def draft(self, form: Form, versions: Sequence[Version], session: str = "") -> Iterator[View]:
        """Stream a new draft into the sections; the last view carries checks and sources."""
        seed = count_source(versions, "draft")

        def start(cancel: threading.Event) -> Iterator[DraftUpdate]:
            return self.service.draft_stream(form.request(seed), cancel)

        return self._stream(start, form, versions, "draft", session)

    def revise(
        self,
        form: Form,
        sections: Mapping[str, str | None],
        instruction: str,
        versions: Sequence[Version],
        session: str = "",
    ) -> Iterator[View]:
        """Rewrite the current sections following an instruction such as "shorter"."""
        clean = _clean_sections(sections)
        label = "revise: " + " ".join((clean_text(instruction or "")).split())[:40]

        def start(cancel: threading.Event) -> Iterator[DraftUpdate]:
            missing = [SECTION_TITLES[name] for name in SECTIONS if not clean[name]]
            if missing:
                raise InputError(
                    f"Draft first, or fill in the {missing[0]} section, before asking for a revision."
                )
            current = RepairDraft(**clean)
            seed = count_source(versions, "revise")
            return self.service.revise_stream(form.request(seed), current, instruction or "", cancel)

        return self._stream(start, form, versions, label, session)

    def _stream(
        self,
        start: Callable[[threading.Event], Iterator[DraftUpdate]],
        form: Form,
        versions: Sequence[Version],
        source: str,
        session: str,
    ) -> Iterator[View]:
        notes = self.service.input_notes(form.incident)
        hidden = notes.hidden_characters
        plural = "s" if hidden != 1 else ""
        note = (
            f" (Left out {hidden} invisible control character{plural} from what the model "
            "reads; your text in the box is unchanged.)"
            if hidden
            else ""
        )
        ignored = notes.instructions_removed
        if ignored:
            note += (
                f" (Left out {ignored} sentence{'s' if ignored != 1 else ''} addressed to the "
                "assistant rather than about what happened; your text in the box is unchanged.)"
            )
        cancel = self.cancels.begin(session)
        partial: dict[str, str] = {}
        started = time.perf_counter()
        # The leader's words are in the journal before the model starts, even if it never ends.
        unsaved = self.keep_form(form, session)
        note += unsaved
        settled = False
        try:
            try:
                updates = start(cancel)
            except AssistantError as exc:
                settled = True
                yield View(status=status_text(explain(exc, form.incident), "error") + unsaved)
                return
            for update in updates:
                if update.result is not None:
                    settled = True
                    yield self._final(update.result, form, versions, source, started, note, session)
                    return
                if update.sections:
                    partial = {name: update.sections.get(name, "") for name in SECTIONS}
                    yield View(**partial, status=update.status + note)
                else:
                    yield View(status=update.status + note)
        except CancelledError:
            settled = True
            yield self._stopped(partial, form, versions, source, session)
        except GeneratorExit:
            # The tab was closed or the run cancelled mid-stream: keep what was written so far.
            if not settled:
                self._stopped(partial, form, versions, source, session)
            raise
        except AssistantError as exc:
            yield View(status=status_text(f"{exc} What was already written stays on the page.", "error"))
        except Exception as exc:  # the page's edge: one sentence, never a traceback
            _log_unexpected("drafting", exc)
            yield View(status=status_text(UNEXPECTED, "error"))
        finally:
            self.cancels.end(session, cancel)

    def _final(
        self,
        result: DraftResult,
        form: Form,
        versions: Sequence[Version],
        source: str,
        started: float,
        note: str,
        session: str = "",
    ) -> View:
        sections = {name: getattr(result, name) for name in SECTIONS}
        elapsed = time.perf_counter() - started
        kept = add_version(versions, sections, source)
        kind = "Draft" if source == "draft" else "Revision"
        status = f"{kind} ready in {elapsed:.1f} s; {_findings_summary(result.findings)}"
        findings = [f.model_dump() for f in result.findings]
        note += self.sessions.save_version(session, kept, message=result.message, findings=findings)
        return View(
            **sections,
            message=result.message,
            highlights=findings_html(
                sections, result.findings, person=form.person, context=bool(form.incident.strip())
            ),
            sources=sources_markdown(result.sources),
            status=status + note,
            versions=kept,
            after=self.after_repair(result.commit, form.delivery),
        )

    def _stopped(
        self,
        partial: dict[str, str],
        form: Form,
        versions: Sequence[Version],
        source: str,
        session: str = "",
    ) -> View:
        """The partial draft, kept on the page and in the journal as a "(stopped)" version."""
        view = View(status=status_text(STOPPED, "warning"))
        if any(partial.values()):
            reviewed, _ = self.review(partial, form.person, form.delivery, form.incident, form.notes)
            kept = add_version(versions, partial, f"{source} (stopped)")
            note = self.sessions.save_version(session, kept, message=reviewed.message or "")
            view = View(
                message=reviewed.message,
                highlights=reviewed.highlights,
                after=reviewed.after,
                status=view.status + note,
                versions=kept,
            )
        return view

    def _keep_version(self, session: str, view: View, findings: Sequence[Finding]) -> str:
        return self.sessions.save_version(
            session,
            view.versions or [],
            message=view.message or "",
            findings=[f.model_dump() for f in findings],
        )

    def keep_form(self, form: Form, session: str = "") -> str:
        """Save the describe and reflect steps; returns a status note if saving failed."""
        return self.sessions.save_form(
            session,
            incident=form.incident,
            person=form.person,
            setting=form.setting,
            delivery=form.delivery,
            notes=form.notes,
        )

    # -- reflect ----------------------------------------------------------------------------
    def reflect(
        self,
        incident: str,
        answers: Mapping[str, str],
        suggestions: Mapping[str, str],
        session: str = "",
    ) -> View:
        """Pre-fill the reflection questions; answers the leader wrote are never replaced."""
        known = {key: str(answers.get(key) or "") for key, _, _ in QUESTIONS}
        note = self.sessions.save_form(session, incident=incident, notes=known)
        cancel = self.cancels.begin(session)
        try:
            suggested = self.service.reflect(incident, cancel=cancel)
        except CancelledError:
            return View(status=status_text(STOPPED, "warning") + note)
        except AssistantError as exc:
            return View(status=status_text(explain(exc, incident), "error") + note)
        except Exception as exc:  # the page's edge: one sentence, never a traceback
            _log_unexpected("reflecting", exc)
            return View(status=status_text(UNEXPECTED, "error"))
        finally:
            self.cancels.end(session, cancel)
        merged, shown, filled = merge_answers(known, suggestions, suggested)
        note = self.sessions.save_form(session, incident=incident, notes=merged)
        if filled:
            status = (
                f"Suggested answers for {filled} question{'s' if filled != 1 else ''}. "
                "They are only a start: change anything, your words are what the draft uses."
            )
        elif suggested:
            status = "Your own answers were kept; the model's suggestions were not used."
        else:
            status = "The model had no suggestions for this incident; answer the questions in your own words."
        return View(answers=merged, suggestions=shown, status=status + note)

    # -- iterate ----------------------------------------------------------------------------
    def edit(
        self,
        sections: Mapping[str, str | None],
        person: str,
        delivery: str,
        versions: Sequence[Version],
        session: str = "",
        incident: str = "",
        notes: Mapping[str, str] | None = None,
    ) -> View:
        """A direct edit: re-check instantly with the guardrails, and save it to the journal."""
        if not any(_clean_sections(sections).values()):
            return View()  # nothing drafted or typed yet: leave the page as it is
        view, findings = self.review(sections, person, delivery, incident, notes)
        clean = _clean_sections(sections)
        missing = [SECTION_TITLES[name] for name in SECTIONS if not clean[name]]
        if missing:
            view.status = status_text(
                f"The {missing[0]} section is empty; the message needs all three parts.", "warning"
            )
        else:
            view.status = f"Re-checked your edit (no model call): {_findings_summary(findings)}"
        view.versions = add_version(versions, clean, EDIT)
        view.status += self._keep_version(session, view, findings)
        return view

    def redeliver(self, sections: Mapping[str, str | None], person: str, delivery: str) -> View:
        """The person or the delivery changed: reassemble the message and the listening lines."""
        if not any(_clean_sections(sections).values()):
            return View()
        view, _ = self.review(sections, person, delivery)
        return View(message=view.message, after=view.after)

    def compare(self, versions: Sequence[Version], first: str | None, second: str | None) -> View:
        old, new = find_version(versions, first), find_version(versions, second)
        if old is None or new is None:
            return View(compare="<p>Choose two versions to compare.</p>")
        return View(
            compare=compare_html(
                version_sections(old), version_sections(new), version_label(old), version_label(new)
            )
        )

    def restore(
        self,
        versions: Sequence[Version],
        number: str | None,
        person: str,
        delivery: str,
        session: str = "",
        incident: str = "",
        notes: Mapping[str, str] | None = None,
    ) -> View:
        """Bring back an earlier version; it becomes the newest entry, so nothing is lost."""
        version = find_version(versions, number)
        if version is None:
            return View(status=status_text("Choose a version to restore first.", "warning"))
        sections = version_sections(version)
        view, findings = self.review(sections, person, delivery, incident, notes)
        view.own, view.acknowledge, view.commit = (
            sections["own"],
            sections["acknowledge"],
            sections["commit"],
        )
        view.versions = add_version(versions, sections, f"restore v{version['n']}")
        view.status = f"Restored v{version['n']}; {_findings_summary(findings)}"
        view.status += self._keep_version(session, view, findings)
        return view

    def export(self, message: str, fmt: ExportFormat, person: str = "", session: str = "") -> View:
        """Write the message to a file for download, only now that the leader asked."""
        if not (message or "").strip():
            return View(status=status_text("There is no message to export yet; draft one first.", "warning"))
        path = self.exporter.export(message, fmt, person, session)
        return View(
            export_path=str(path),
            status=f"Exported {path.name}; download it from the Exported message box.",
        )

    def stop(self, session: str = "") -> View:
        stopped = self.cancels.stop(session)
        return View(status=status_text(STOPPED, "warning") if stopped else "Nothing is running.")

    # -- past sessions (the journal) ---------------------------------------------------------
    def past_sessions(self) -> View:
        """The "Past sessions" list, refreshed when the page loads."""
        return View(past=self.sessions.choices())

    def open_session(self, session_id: str | None, form: Form, session: str = "") -> View:
        """Put a saved session back on the page; the one on the page now is saved first."""
        if not session_id:
            return View(status=status_text("Choose a past session to open first.", "warning"))
        note = self.keep_form(form, session)
        try:
            record = self.sessions.open(session, session_id)
        except sqlite3.Error as exc:
            log.warning("could not read the journal (%s)", type(exc).__name__)
            record = None
        if record is None:
            problem = "That session could not be opened; it may have been deleted."
            return View(status=status_text(problem, "error") + note, past=self.sessions.choices())
        latest = record.versions[-1] if record.versions else {}
        sections = {name: str(latest.get(name) or "") for name in SECTIONS}
        view, _ = self.review(sections, record.person, record.delivery, record.incident, record.notes)
        if not any(sections.values()):
            view.message = ""
        known = {key: str(record.notes.get(key) or "") for key, _, _ in QUESTIONS}
        count = len(record.versions)
        return View(
            incident=record.incident,
            person=record.person,
            setting=record.setting,
            delivery=record.delivery or "in_person",
            answers=known,
            suggestions={},
            **sections,
            message=view.message,
            highlights=view.highlights,
            after=view.after,
            versions=list(record.versions),
            sources="Draft again to see the principles behind a new draft.",
            status=f"Opened the session of {record.updated.replace('T', ' ')} with {count} "
            f"version{'s' if count != 1 else ''}; new work is saved into it." + note,
        )

    def delete_session(self, session_id: str | None) -> View:
        """Delete one session from the journal; the page itself is left as it is."""
        if not session_id:
            return View(status=status_text("Choose a past session to delete first.", "warning"))
        try:
            deleted = self.sessions.delete(session_id)
        except sqlite3.Error as exc:
            log.warning("could not delete from the journal (%s)", type(exc).__name__)
            problem = "The session could not be deleted; please try again."
            return View(status=status_text(problem, "error"))
        status = (
            "Deleted that session from this computer; text still on this page is saved again, "
            "as a new session, only if you draft, edit or revise."
            if deleted
            else "That session was already deleted."
        )
        return View(status=status, past=self.sessions.choices())

    def delete_everything(self, confirmed: bool) -> View:
        """Delete every saved session, only once the leader ticked the confirmation."""
        if not confirmed:
            ask = "Tick \u201cYes, delete every saved session\u201d first; nothing was deleted."
            return View(status=status_text(ask, "warning"))
        try:
            count = self.sessions.delete_all()
        except sqlite3.Error as exc:
            log.warning("could not delete the journal (%s)", type(exc).__name__)
            problem = "The journal could not be emptied; please try again."
            return View(status=status_text(problem, "error"))
        plural = "s" if count != 1 else ""
        status = f"Deleted all {count} saved session{plural} from this computer."
        return View(status=status, past=[])
