"""The Gradio page: the only module that imports gradio.

It lays out the components and maps each control onto a `PageHandlers` method; what the
controls do lives in `handlers.py`, so it is tested without a browser. `_layout` places the
components, `_wire` connects them: each event reads its inputs by name (`_Inputs`). Nothing here
points at another host: system fonts, no footer links, no remote images.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr
import pandas as pd

from assistant.core.protocols import ModelInfo
from assistant.core.reflection import QUESTIONS
from assistant.core.schemas import DEFAULT_DELIVERY, SECTIONS
from assistant.core.service import RepairService
from assistant.ui.handlers import Form, ModelChoice, ModelLoader, PageHandlers, View
from assistant.ui.handlers_followthrough import STATUS_LABELS
from assistant.ui.render import findings_html, status_text
from assistant.ui.sessions import SessionKeeper
from assistant.ui.state import Exporter, version_choices

TITLE = "Repair assistant"
SETTINGS = [
    ("Not specified", ""),
    ("Team meeting", "team_meeting"),
    ("One-on-one", "one_on_one"),
    ("Chat or email", "chat_email"),
    ("Public channel", "public_channel"),
]
DELIVERIES = [("Said in person", "in_person"), ("Sent in writing", "writing")]
SECTION_LABELS = {
    "own": "Own: what I did",
    "acknowledge": "Acknowledge: the impact on them",
    "commit": "Commit: what will be different",
}
SYSTEM_FONTS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Helvetica Neue",
    "Arial",
    "sans-serif",
]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]
CSS = """
.findings mark.finding { padding: 0 2px; border-radius: 3px; }
.findings mark.sev-high { background: #fde2e1; border-bottom: 2px solid #c0392b; }
.findings mark.sev-medium { background: #fff1c9; border-bottom: 2px solid #b9770e; }
.findings mark.sev-low { background: #e3f0ff; border-bottom: 2px solid #2e6ca4; }
.findings .finding-label { font-size: 0.72em; font-family: var(--font-mono); margin-left: 4px;
  padding: 0 3px; border-radius: 3px; background: rgba(0, 0, 0, 0.08); }
.findings .finding-section p { margin: 2px 0 10px 0; }
.findings .finding-list { margin-top: 6px; padding-left: 18px; }
.findings .finding-item { margin-bottom: 6px; }
.findings .severity { font-size: 0.85em; text-transform: uppercase; opacity: 0.75; }
.version-diff del { background: #fde2e1; }
.version-diff ins { background: #dff5e3; text-decoration: none; }
.findings { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; }
.findings .findings-title { margin: 0 0 6px 0; }
#status { min-height: 1.6em; }
/* Dark mode: the light tints above would sit under light text, so each highlight gets a dark
   tint and a light text colour of its own. Gradio's dark theme puts a `dark` class on the page;
   the media query follows the system setting. */
.dark .findings mark.finding { color: #f4f4f5; }
.dark .findings mark.sev-high { background: #5a1f1b; border-color: #ff8a80; color: #fde2e1; }
.dark .findings mark.sev-medium { background: #4d3b0c; border-color: #f2c14e; color: #fff1c9; }
.dark .findings mark.sev-low { background: #173554; border-color: #7ab3ef; color: #e3f0ff; }
.dark .findings .finding-label { background: rgba(255, 255, 255, 0.16); color: inherit; }
.dark .version-diff del { background: #5a1f1b; color: #fde2e1; }
.dark .version-diff ins { background: #1b4526; color: #dff5e3; }
@media (prefers-color-scheme: dark) {
  .findings mark.finding { color: #f4f4f5; }
  .findings mark.sev-high { background: #5a1f1b; border-color: #ff8a80; color: #fde2e1; }
  .findings mark.sev-medium { background: #4d3b0c; border-color: #f2c14e; color: #fff1c9; }
  .findings mark.sev-low { background: #173554; border-color: #7ab3ef; color: #e3f0ff; }
  .findings .finding-label { background: rgba(255, 255, 255, 0.16); color: inherit; }
  .version-diff del { background: #5a1f1b; color: #fde2e1; }
  .version-diff ins { background: #1b4526; color: #dff5e3; }
}
"""
MODEL_EVENTS = "model"  # drafts, revisions and reflections share the one local model
# What a View writes to, besides the three sections, the answers and the versions.
VIEW_COMPONENTS = (
    "message",
    "highlights",
    "sources",
    "status",
    "after",
    "compare",
    "export_path",
    "suggestions",
    "incident",
    "person",
    "setting",
    "delivery",
    "past",
    "follow_list",
    "follow_history",
    "follow_status",
    "follow_note",
    "follow_file",
    "patterns_text",
    # Written through a special case in _Page: choices, the two dates, the chart's rows.
    "follow_pick",
    "follow_due",
    "follow_check_in",
    "patterns_plot",
)


def theme() -> gr.themes.Base:
    """The default look with system fonts only, so the page fetches no font files at all."""
    return gr.themes.Default(primary_hue="teal", font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def _session(request: gr.Request | None) -> str:
    return str(getattr(request, "session_hash", None) or "")


class _Page:
    """The components, and how a View's fields map onto them."""

    def __init__(
        self,
        components: dict[str, Any],
        answers: dict[str, gr.Textbox],
        versions: gr.State,
        version_pick: gr.Dropdown,
        version_other: gr.Dropdown,
    ) -> None:
        self.components = components
        self.answers = answers
        self.versions = versions
        self.version_pick = version_pick
        self.version_other = version_other

    def outputs(self, fields: Sequence[str]) -> list[Any]:
        out: list[Any] = []
        for name in fields:
            if name == "versions":
                out += [self.versions, self.version_pick, self.version_other]
            elif name == "answers":
                out += list(self.answers.values())
            elif name == "follow_choices":
                out.append(self.components["follow_pick"])
            elif name == "follow_dates":
                out += [self.components["follow_due"], self.components["follow_check_in"]]
            elif name == "patterns_rows":
                out.append(self.components["patterns_plot"])
            else:
                out.append(self.components[name])
        return out

    def values(self, view: View, fields: Sequence[str]) -> tuple[Any, ...]:
        """Values in the order of `outputs(fields)`; a single output needs `[0]` (Gradio's rule)."""
        out: list[Any] = []
        for name in fields:
            value = getattr(view, name)
            if name == "versions":
                out += self._versions(value)
            elif name == "answers":
                out += [gr.update() if value is None else value.get(key, "") for key in self.answers]
            elif name == "export_path":
                out.append(gr.update() if value is None else gr.update(value=value, visible=True))
            elif name == "past":
                out.append(gr.update() if value is None else gr.update(choices=value, value=None))
            elif name == "follow_file":
                out.append(gr.update() if value is None else gr.update(value=value, visible=True))
            elif name == "follow_choices":
                out.append(gr.update() if value is None else gr.update(choices=value))
            elif name == "follow_dates":
                out += [gr.update(), gr.update()] if value is None else list(value)
            elif name == "patterns_rows":
                out.append(gr.update() if value is None else pd.DataFrame(value, columns=PATTERN_COLUMNS))
            else:
                out.append(gr.update() if value is None else value)
        return tuple(out)

    @staticmethod
    def _versions(versions: list | None) -> list[Any]:
        if versions is None:
            return [gr.update(), gr.update(), gr.update()]
        choices = version_choices(versions)
        latest = choices[0][1] if choices else None
        earlier = choices[1][1] if len(choices) > 1 else latest
        return [
            versions,
            gr.update(choices=choices, value=earlier),
            gr.update(choices=choices, value=latest),
        ]


DRAFT_FIELDS = (
    "own",
    "acknowledge",
    "commit",
    "message",
    "highlights",
    "sources",
    "status",
    "versions",
    "after",
)
CHECK_FIELDS = ("message", "highlights", "status", "versions", "after")
FOLLOW_FIELDS = ("follow_list", "follow_choices", "follow_history", "follow_dates", "follow_status")
PATTERN_COLUMNS = ["group", "label", "count"]
OPEN_FIELDS = (
    "incident",
    "person",
    "setting",
    "delivery",
    "answers",
    "suggestions",
    "own",
    "acknowledge",
    "commit",
    "message",
    "highlights",
    "sources",
    "status",
    "versions",
    "after",
    "follow_history",
)
RESTORE_FIELDS = (
    "own",
    "acknowledge",
    "commit",
    "message",
    "highlights",
    "status",
    "versions",
    "after",
)


def _past_sessions_area(sessions: SessionKeeper) -> dict[str, Any] | None:
    """Reopen or delete what the journal kept: a list, Open, Delete, and Delete everything."""
    if not sessions.enabled:
        return None
    where = (
        "kept in memory for this run only; nothing is written to disk"
        if sessions.journal is not None and sessions.journal.ephemeral
        else "saved on this computer as you work"
    )
    with gr.Accordion(f"Past sessions ({where})", open=False, elem_id="past-sessions") as area:
        with gr.Row():
            pick = gr.Dropdown([], label="Session", elem_id="past-pick", scale=3)
            open_btn = gr.Button("Open", elem_id="past-open", size="sm", scale=1)
            delete_btn = gr.Button("Delete", elem_id="past-delete", size="sm", scale=1)
        with gr.Row():
            confirm = gr.Checkbox(
                label="Yes, delete every saved session", value=False, elem_id="past-confirm"
            )
            delete_all = gr.Button("Delete everything", variant="stop", elem_id="past-delete-all", size="sm")
    return {
        "area": area,
        "pick": pick,
        "open": open_btn,
        "delete": delete_btn,
        "confirm": confirm,
        "delete_all": delete_all,
    }


NOTE_KEYS = tuple(key for key, _, _ in QUESTIONS)
# The values each event reads, by name, in the order Gradio passes them (and the API takes them).
FORM_IN = ("incident", "person", "setting", "delivery", *NOTE_KEYS)
DRAFT_IN = (*FORM_IN, "versions")
REVISE_IN = (*FORM_IN, *SECTIONS, "instruction", "versions")
REFLECT_IN = ("incident", *NOTE_KEYS, "suggestions")
EDIT_IN = (*SECTIONS, "person", "delivery", "versions", "incident", *NOTE_KEYS)
REDELIVER_IN = (*SECTIONS, "person", "delivery")
COMPARE_IN = ("versions", "version_pick", "version_other")
RESTORE_IN = ("versions", "version_pick", "person", "delivery", "incident", *NOTE_KEYS)
OPEN_IN = ("past", *FORM_IN)
EXPORT_IN = ("message", "export_format", "person")


class _Inputs:
    """One event's values by name: the page's wiring reads fields, never long positional lists."""

    def __init__(self, names: Sequence[str], values: Sequence[Any]) -> None:
        self._values = dict(zip(names, values, strict=True))

    def text(self, name: str) -> str:
        return self._values.get(name) or ""

    def value(self, name: str) -> Any:
        return self._values.get(name)

    @property
    def versions(self) -> list:
        return self._values.get("versions") or []

    def notes(self) -> dict[str, str]:
        return {key: self.text(key) for key in NOTE_KEYS}

    def sections(self) -> dict[str, str]:
        return {name: self.text(name) for name in SECTIONS}

    def form(self) -> Form:
        return Form(
            incident=self.text("incident"),
            person=self.text("person"),
            setting=self.text("setting"),
            delivery=self.text("delivery") or DEFAULT_DELIVERY,
            notes=self.notes(),
        )


@dataclass
class _Controls:
    """Every component the wiring needs: named fields, the answer boxes, and the buttons."""

    fields: dict[str, Any]
    answers: dict[str, Any]
    buttons: dict[str, Any]
    model_status: Any
    model_pick: Any | None
    past_area: dict[str, Any] | None
    follow_area: Any | None = None

    def inputs(self, names: Sequence[str]) -> list[Any]:
        return [self.answers[name] if name in self.answers else self.fields[name] for name in names]


def _layout(handlers: PageHandlers) -> _Controls:
    """Lay out the page: the components and their places, nothing they do."""
    gr.Markdown(
        f"# {TITLE}\nReflect on a hard moment at work and draft a repair in three parts: "
        "**own** what you did, **acknowledge** the impact, **commit** to what will be "
        "different. "
        "Private and offline: nothing you write leaves this computer."
    )
    model_status = gr.Markdown(handlers.model_status(), elem_id="model-status")
    model_pick = None
    if handlers.model_choices and handlers.model_loader is not None:
        with gr.Accordion("Use another model on this computer", open=False):
            model_pick = gr.Dropdown(
                [choice.label for choice in handlers.model_choices],
                value=handlers.current_choice(),
                label="Model (GGUF files found in LM Studio, Ollama, GPT4All, Hugging Face "
                "and ~/models folders)",
                elem_id="model-pick",
            )
    if handlers.sessions.note:
        gr.Markdown(status_text(handlers.sessions.note, "warning"), elem_id="journal-note")
    past_area = _past_sessions_area(handlers.sessions)
    fields: dict[str, Any] = {"versions": gr.State([]), "suggestions": gr.State({})}
    buttons: dict[str, Any] = {}
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            gr.Markdown("### 1. Describe what happened")
            fields["incident"] = gr.Textbox(
                label="What happened?",
                lines=6,
                max_lines=16,
                elem_id="incident",
                placeholder="For example: In today's planning meeting I cut Priya off twice "
                "and said "
                "we had no time for her point. She didn't speak again.",
            )
            with gr.Row():
                fields["person"] = gr.Textbox(
                    label="Who was affected? (optional)",
                    placeholder="A name or a role",
                    elem_id="person",
                    scale=2,
                )
                fields["setting"] = gr.Dropdown(
                    SETTINGS, value="", label="Setting (optional)", elem_id="setting", scale=1
                )
            fields["delivery"] = gr.Radio(
                DELIVERIES,
                value=DEFAULT_DELIVERY,
                label="How will you make the repair?",
                elem_id="delivery",
            )
            gr.Markdown("### 2. Reflect")
            gr.Markdown(
                "Answer in your own words, or ask for suggestions and change them. "
                "Your answers are what the draft uses."
            )
            answers = {
                key: gr.Textbox(label=question, lines=2, elem_id=f"reflect-{key}")
                for key, _, question in QUESTIONS
            }
            buttons["reflect"] = gr.Button("Suggest answers", elem_id="reflect-btn", size="sm")
            with gr.Row():
                buttons["draft"] = gr.Button(
                    "Draft the repair", variant="primary", elem_id="draft-btn", scale=3
                )
                buttons["stop"] = gr.Button("Stop", variant="stop", elem_id="stop-btn", scale=1)
            fields["status"] = gr.Markdown("", elem_id="status")
        with gr.Column(scale=1):
            gr.Markdown("### 3. Your draft")
            for name in SECTIONS:
                fields[name] = gr.Textbox(
                    label=SECTION_LABELS[name], lines=2, max_lines=8, elem_id=f"section-{name}"
                )
            fields["message"] = gr.Textbox(
                label="Message",
                lines=8,
                max_lines=20,
                interactive=False,
                buttons=["copy"],
                elem_id="message",
            )
            fields["highlights"] = gr.HTML(findings_html({}, []), elem_id="findings")
            with gr.Accordion("Principles behind this draft", open=False):
                fields["sources"] = gr.Markdown(
                    "Draft first to see the principles it was grounded on.", elem_id="sources"
                )
            gr.Markdown("### 4. Make it yours")
            with gr.Row():
                fields["instruction"] = gr.Textbox(
                    label="Revise with an instruction",
                    scale=3,
                    elem_id="instruction",
                    placeholder="shorter, warmer, for Slack…",
                )
                buttons["revise"] = gr.Button("Revise", elem_id="revise-btn", scale=1)
            with gr.Accordion("Versions", open=False):
                with gr.Row():
                    fields["version_pick"] = gr.Dropdown([], label="Version", elem_id="version-pick")
                    fields["version_other"] = gr.Dropdown([], label="Compare with", elem_id="version-other")
                with gr.Row():
                    buttons["compare"] = gr.Button("Compare", elem_id="compare-btn", size="sm")
                    buttons["restore"] = gr.Button("Restore this version", elem_id="restore-btn", size="sm")
                fields["compare"] = gr.HTML("", elem_id="compare")
            with gr.Row():
                fields["export_format"] = gr.Radio(
                    [("Text (.txt)", "txt"), ("Markdown (.md)", "md")],
                    value="txt",
                    label="Export format",
                    elem_id="export-format",
                    scale=2,
                )
                buttons["export"] = gr.Button("Export the message", elem_id="export-btn", scale=1)
            fields["export_path"] = gr.File(
                label="Exported message",
                interactive=False,
                visible=False,
                elem_id="export-file",
            )
    gr.Markdown("### 5. After the repair")
    fields["after"] = gr.Markdown(handlers.after_repair("", DEFAULT_DELIVERY), elem_id="after")
    follow_area = _follow_through_area(fields, buttons) if handlers.sessions.enabled else None
    if past_area:
        fields["past"] = past_area["pick"]
    return _Controls(fields, answers, buttons, model_status, model_pick, past_area, follow_area)


def _follow_through_area(fields: dict[str, Any], buttons: dict[str, Any]) -> Any:
    """Commitments kept over time, their dates and calendar file, and the leader's patterns."""
    with gr.Accordion(
        "Follow-through: your commitments and your patterns", open=False, elem_id="follow-through"
    ) as area:
        fields["follow_list"] = gr.Markdown("", elem_id="follow-list")
        fields["follow_pick"] = gr.Dropdown([], label="Commitment", elem_id="follow-pick")
        fields["follow_history"] = gr.Markdown("", elem_id="follow-history")
        with gr.Row():
            fields["follow_mark_status"] = gr.Radio(
                [(label, status) for status, label in STATUS_LABELS.items()],
                value="kept",
                label="How did it go?",
                elem_id="follow-mark-status",
                scale=3,
            )
            fields["follow_note"] = gr.Textbox(label="Note (optional)", elem_id="follow-note", scale=2)
            buttons["follow_mark"] = gr.Button("Mark", elem_id="follow-mark", scale=1)
        with gr.Row():
            fields["follow_due"] = gr.Textbox(label="Due (YYYY-MM-DD)", elem_id="follow-due")
            fields["follow_check_in"] = gr.Textbox(label="Check in (YYYY-MM-DD)", elem_id="follow-check-in")
            buttons["follow_dates"] = gr.Button("Save dates", elem_id="follow-save-dates")
        with gr.Row():
            fields["follow_title"] = gr.Textbox(
                label="Calendar title (optional)", placeholder="Check in with …", elem_id="follow-title"
            )
            buttons["follow_ics"] = gr.Button("Calendar file (.ics)", elem_id="follow-ics")
        fields["follow_file"] = gr.File(
            label="Calendar file", interactive=False, visible=False, elem_id="follow-file"
        )
        fields["follow_status"] = gr.Markdown("", elem_id="follow-status")
        gr.Markdown("#### Your patterns (counted on this computer, for you only)")
        fields["patterns_by_person"] = gr.Checkbox(
            label="Also count by person", value=False, elem_id="patterns-by-person"
        )
        fields["patterns_plot"] = gr.BarPlot(
            pd.DataFrame([], columns=PATTERN_COLUMNS),
            x="label",
            y="count",
            color="group",
            label="Sessions and commitments",
            elem_id="patterns-plot",
        )
        fields["patterns_text"] = gr.Markdown("", elem_id="patterns-text")
    return area


def _wire(demo: gr.Blocks, handlers: PageHandlers, controls: _Controls) -> None:
    """Connect each control to its handler: read the inputs by name, write a View back."""
    fields, buttons = controls.fields, controls.buttons
    page = _Page(
        {name: fields.get(name) for name in (*SECTIONS, *VIEW_COMPONENTS)},
        controls.answers,
        fields["versions"],
        fields["version_pick"],
        fields["version_other"],
    )

    def draft(request: gr.Request, *values: Any) -> Iterator[tuple[Any, ...]]:
        got = _Inputs(DRAFT_IN, values)
        for view in handlers.draft(got.form(), got.versions, _session(request)):
            yield page.values(view, DRAFT_FIELDS)

    def revise(request: gr.Request, *values: Any) -> Iterator[tuple[Any, ...]]:
        got = _Inputs(REVISE_IN, values)
        views = handlers.revise(
            got.form(), got.sections(), got.text("instruction"), got.versions, _session(request)
        )
        for view in views:
            yield page.values(view, DRAFT_FIELDS)

    def reflect(request: gr.Request, *values: Any) -> tuple[Any, ...]:
        got = _Inputs(REFLECT_IN, values)
        shown = got.value("suggestions") or {}
        view = handlers.reflect(got.text("incident"), got.notes(), shown, _session(request))
        return page.values(view, ("answers", "suggestions", "status"))

    def edit(request: gr.Request, *values: Any) -> tuple[Any, ...]:
        got = _Inputs(EDIT_IN, values)
        # The incident and the answers let the checks read the edit against what happened.
        view = handlers.edit(
            got.sections(),
            got.text("person"),
            got.text("delivery"),
            got.versions,
            _session(request),
            incident=got.text("incident"),
            notes=got.notes(),
        )
        return page.values(view, CHECK_FIELDS)

    def redeliver(*values: Any) -> tuple[Any, ...]:
        got = _Inputs(REDELIVER_IN, values)
        view = handlers.redeliver(got.sections(), got.text("person"), got.text("delivery"))
        return page.values(view, ("message", "after"))

    def compare_versions(*values: Any) -> Any:
        got = _Inputs(COMPARE_IN, values)
        view = handlers.compare(got.versions, got.text("version_pick"), got.text("version_other"))
        return page.values(view, ("compare",))[0]

    def restore(request: gr.Request, *values: Any) -> tuple[Any, ...]:
        got = _Inputs(RESTORE_IN, values)
        view = handlers.restore(
            got.versions,
            got.text("version_pick"),
            got.text("person"),
            got.text("delivery"),
            _session(request),
            incident=got.text("incident"),
            notes=got.notes(),
        )
        return page.values(view, RESTORE_FIELDS)

    def open_session(request: gr.Request, *values: Any) -> tuple[Any, ...]:
        got = _Inputs(OPEN_IN, values)
        view = handlers.open_session(got.text("past"), got.form(), _session(request))
        return page.values(view, OPEN_FIELDS)

    def delete_session(chosen: str) -> tuple[Any, ...]:
        return page.values(handlers.delete_session(chosen), ("past", "status"))

    def delete_everything(confirmed: bool) -> tuple[Any, ...]:
        view = handlers.delete_everything(bool(confirmed))
        return (*page.values(view, ("past", "status")), False)

    def export(request: gr.Request, *values: Any) -> tuple[Any, ...]:
        got = _Inputs(EXPORT_IN, values)
        fmt = "md" if got.text("export_format") == "md" else "txt"
        view = handlers.export(got.text("message"), fmt, got.text("person"), _session(request))
        return page.values(view, ("export_path", "status"))

    def stop(request: gr.Request) -> Any:
        return page.values(handlers.stop(_session(request)), ("status",))[0]

    model_args = {
        "concurrency_id": MODEL_EVENTS,
        "concurrency_limit": 1,
        "show_progress": "minimal",
    }
    private: dict[str, Any] = {"api_visibility": "private"}
    draft_event = buttons["draft"].click(
        draft, controls.inputs(DRAFT_IN), page.outputs(DRAFT_FIELDS), api_name="draft", **model_args
    )
    revise_events = [
        buttons["revise"].click(
            revise, controls.inputs(REVISE_IN), page.outputs(DRAFT_FIELDS), api_name="revise", **model_args
        ),
        fields["instruction"].submit(
            revise, controls.inputs(REVISE_IN), page.outputs(DRAFT_FIELDS), **private, **model_args
        ),
    ]
    reflect_event = buttons["reflect"].click(
        reflect,
        controls.inputs(REFLECT_IN),
        page.outputs(("answers", "suggestions", "status")),
        api_name="reflect",
        **model_args,
    )
    if controls.model_pick is not None:
        # Queued with the drafts: a switch waits for a draft in flight to finish.
        controls.model_pick.change(
            handlers.switch_model,
            [controls.model_pick],
            [controls.model_status, fields["status"]],
            api_name="switch_model",
            **model_args,
        )
    buttons["stop"].click(
        stop,
        None,
        page.outputs(("status",)),
        api_name="stop",
        concurrency_limit=None,
        cancels=[draft_event, reflect_event, *revise_events],
    )
    # Gradio's textbox fires `input` on keystrokes; `blur` also catches a paste or autofill.
    edit_triggers = [trigger for name in SECTIONS for trigger in (fields[name].input, fields[name].blur)]
    for index, trigger in enumerate(edit_triggers):
        trigger(
            edit,
            controls.inputs(EDIT_IN),
            page.outputs(CHECK_FIELDS),
            show_progress="hidden",
            trigger_mode="always_last",
            **({"api_name": "edit"} if index == 0 else private),
        )
    for control in (fields["person"].input, fields["person"].blur, fields["delivery"].change):
        control(
            redeliver,
            controls.inputs(REDELIVER_IN),
            page.outputs(("message", "after")),
            show_progress="hidden",
            **private,
        )
    past_area = controls.past_area
    if past_area:

        def past_sessions() -> Any:
            return page.values(handlers.past_sessions(), ("past",))[0]

        # Listed when the page loads and again whenever the leader opens the area.
        demo.load(past_sessions, None, page.outputs(("past",)), api_name="past_sessions")
        past_area["area"].expand(past_sessions, None, page.outputs(("past",)), **private)
        past_area["open"].click(
            open_session, controls.inputs(OPEN_IN), page.outputs(OPEN_FIELDS), api_name="open_session"
        )
        past_area["delete"].click(
            delete_session,
            [past_area["pick"]],
            page.outputs(("past", "status")),
            api_name="delete_session",
        )
        past_area["delete_all"].click(
            delete_everything,
            [past_area["confirm"]],
            [*page.outputs(("past", "status")), past_area["confirm"]],
            api_name="delete_everything",
        )
    buttons["compare"].click(
        compare_versions, controls.inputs(COMPARE_IN), page.outputs(("compare",)), api_name="compare"
    )
    buttons["restore"].click(
        restore, controls.inputs(RESTORE_IN), page.outputs(RESTORE_FIELDS), api_name="restore"
    )
    buttons["export"].click(
        export, controls.inputs(EXPORT_IN), page.outputs(("export_path", "status")), api_name="export"
    )
    if controls.follow_area is not None:
        _wire_follow_through(handlers, controls, page)


def _wire_follow_through(handlers: PageHandlers, controls: _Controls, page: _Page) -> None:
    fields, buttons = controls.fields, controls.buttons

    def refresh(selected: str | None, by_person: bool) -> tuple[Any, ...]:
        view = handlers.follow_through(selected)
        found = handlers.patterns(by_person)
        view.patterns_text, view.patterns_rows = found.patterns_text, found.patterns_rows
        return page.values(view, (*FOLLOW_FIELDS, "patterns_text", "patterns_rows"))

    def select(selected: str | None) -> tuple[Any, ...]:
        return page.values(handlers.select_commitment(selected), FOLLOW_FIELDS)

    def mark(selected: str | None, status: str, note: str, by_person: bool) -> tuple[Any, ...]:
        view = handlers.mark_commitment(selected, status, note)
        found = handlers.patterns(by_person)
        view.patterns_text, view.patterns_rows = found.patterns_text, found.patterns_rows
        return page.values(view, (*FOLLOW_FIELDS, "follow_note", "patterns_text", "patterns_rows"))

    def save_dates(selected: str | None, due: str, check_in: str) -> tuple[Any, ...]:
        return page.values(handlers.set_commitment_dates(selected, due, check_in), FOLLOW_FIELDS)

    def calendar(request: gr.Request, selected: str | None, title: str) -> tuple[Any, ...]:
        view = handlers.calendar(selected, title, _session(request))
        return page.values(view, ("follow_file", "follow_status"))

    def patterns(by_person: bool) -> tuple[Any, ...]:
        return page.values(handlers.patterns(by_person), ("patterns_text", "patterns_rows"))

    everything = page.outputs((*FOLLOW_FIELDS, "patterns_text", "patterns_rows"))
    controls.follow_area.expand(
        refresh, [fields["follow_pick"], fields["patterns_by_person"]], everything, api_name="follow_through"
    )
    fields["follow_pick"].input(
        select, [fields["follow_pick"]], page.outputs(FOLLOW_FIELDS), api_visibility="private"
    )
    buttons["follow_mark"].click(
        mark,
        [
            fields["follow_pick"],
            fields["follow_mark_status"],
            fields["follow_note"],
            fields["patterns_by_person"],
        ],
        page.outputs((*FOLLOW_FIELDS, "follow_note", "patterns_text", "patterns_rows")),
        api_name="mark_commitment",
    )
    buttons["follow_dates"].click(
        save_dates,
        [fields["follow_pick"], fields["follow_due"], fields["follow_check_in"]],
        page.outputs(FOLLOW_FIELDS),
        api_name="commitment_dates",
    )
    buttons["follow_ics"].click(
        calendar,
        [fields["follow_pick"], fields["follow_title"]],
        page.outputs(("follow_file", "follow_status")),
        api_name="commitment_calendar",
    )
    fields["patterns_by_person"].change(
        patterns,
        [fields["patterns_by_person"]],
        page.outputs(("patterns_text", "patterns_rows")),
        api_visibility="private",
    )


def build_ui(
    service: RepairService,
    model_info: ModelInfo,
    *,
    exporter: Exporter | None = None,
    model_choices: Sequence[ModelChoice] = (),
    model_loader: ModelLoader | None = None,
    sessions: SessionKeeper | None = None,
) -> gr.Blocks:
    """The page: its layout, then the wiring of every control to its handler."""
    handlers = PageHandlers(
        service,
        model_info,
        exporter=exporter,
        model_choices=model_choices,
        model_loader=model_loader,
        sessions=sessions,
    )
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        _wire(demo, handlers, _layout(handlers))
    return demo


def launch_options() -> dict[str, Any]:
    """Everything `launch()` needs to stay private: no share link, no footer, system fonts."""
    return {
        "share": False,
        "footer_links": [],
        "theme": theme(),
        "css": CSS,
        "run_history": False,
        "enable_monitoring": False,
        "mcp_server": False,
        "pwa": False,
        "ssr_mode": False,
        "show_error": False,
        "inbrowser": False,
    }
