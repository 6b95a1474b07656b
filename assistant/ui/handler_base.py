"""What every area of the page shares: the View a step returns, the Form it reads, and the
state and steps all handlers use (the service, the journal, checking a draft as it stands).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from assistant.core.errors import AssistantError, InputError
from assistant.core.followthrough import follow_through_plan, listening_markdown, plan_markdown
from assistant.core.protocols import ModelInfo, ModelLoader
from assistant.core.schemas import (
    DEFAULT_DELIVERY,
    SECTIONS,
    Delivery,
    DraftRequest,
    Finding,
    RepairDraft,
    Version,
)
from assistant.core.service import RepairService
from assistant.core.text_input import clean_text, hidden_count
from assistant.ui.render import (
    findings_html,
    model_status_markdown,
)
from assistant.ui.sessions import SessionKeeper
from assistant.ui.state import (
    Exporter,
)

log = logging.getLogger(__name__)


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
    # The Follow-through area.
    follow_list: str | None = None
    follow_choices: list[tuple[str, str]] | None = None
    follow_history: str | None = None
    follow_dates: tuple[str, str] | None = None
    follow_status: str | None = None
    follow_note: str | None = None
    follow_file: str | None = None
    patterns_text: str | None = None
    patterns_rows: list[list[object]] | None = None

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


def as_delivery(value: str | None) -> Delivery:
    return "writing" if value == "writing" else DEFAULT_DELIVERY


def hidden_characters(text: str) -> int:
    """How many control or invisible formatting characters cleaning leaves out of the incident."""
    return hidden_count(text or "")


UNEXPECTED = "Something went wrong; everything you wrote is still on the page, so please try again."


def log_unexpected(step: str, exc: Exception) -> None:
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


def clean_sections(sections: Mapping[str, str | None]) -> dict[str, str]:
    return {name: (sections.get(name) or "").strip() for name in SECTIONS}


def findings_summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "nothing flagged by the checks (see the panel below for what they read)."
    high = sum(1 for f in findings if f.severity == "high")
    noun = "finding" if len(findings) == 1 else "findings"
    return f"the guardrails show {len(findings)} {noun} ({high} high) in the panel below."


class HandlerBase:
    """The state every area's handlers share, and the steps more than one of them takes."""

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
        clean = clean_sections(sections)
        missing = [name for name in SECTIONS if not clean[name]]
        draft = RepairDraft.model_construct(**clean) if missing else RepairDraft(**clean)
        who = (person or "").strip()
        review = self.service.review(
            draft, person=who, delivery=as_delivery(delivery), incident=incident, notes=notes
        )
        view = View(
            message=review.message,
            highlights=findings_html(
                clean, review.findings, person=who, context=bool((incident or "").strip())
            ),
            after=self.after_repair(clean["commit"], delivery),
        )
        return view, review.findings

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
