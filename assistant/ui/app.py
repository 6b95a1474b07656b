"""The Gradio page: the only module that imports gradio.

It lays out the components and maps each control onto a `PageHandlers` method; what the
controls do lives in `ui_handlers.py`, so it is tested without a browser. Nothing here
points at another host: system fonts, no footer links, no remote images.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import gradio as gr

from assistant.core.protocols import ModelInfo
from assistant.core.reflection import QUESTIONS
from assistant.core.schemas import DEFAULT_DELIVERY, SECTIONS
from assistant.core.service import RepairService
from assistant.ui.handlers import Form, ModelChoice, ModelLoader, PageHandlers, View
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


def build_ui(
    service: RepairService,
    model_info: ModelInfo,
    *,
    exporter: Exporter | None = None,
    model_choices: Sequence[ModelChoice] = (),
    model_loader: ModelLoader | None = None,
    sessions: SessionKeeper | None = None,
) -> gr.Blocks:
    """Lay out the page and wire every control to its handler."""
    handlers = PageHandlers(
        service,
        model_info,
        exporter=exporter,
        model_choices=model_choices,
        model_loader=model_loader,
        sessions=sessions,
    )
    keys = [key for key, _, _ in QUESTIONS]

    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(600, 3600)) as demo:
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
        versions = gr.State([])
        suggestions = gr.State({})
        with gr.Row(equal_height=False):
            with gr.Column(scale=1):
                gr.Markdown("### 1. Describe what happened")
                incident = gr.Textbox(
                    label="What happened?",
                    lines=6,
                    max_lines=16,
                    elem_id="incident",
                    placeholder="For example: In today's planning meeting I cut Priya off twice "
                    "and said "
                    "we had no time for her point. She didn't speak again.",
                )
                with gr.Row():
                    person = gr.Textbox(
                        label="Who was affected? (optional)",
                        placeholder="A name or a role",
                        elem_id="person",
                        scale=2,
                    )
                    setting = gr.Dropdown(
                        SETTINGS, value="", label="Setting (optional)", elem_id="setting", scale=1
                    )
                delivery = gr.Radio(
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
                reflect_btn = gr.Button("Suggest answers", elem_id="reflect-btn", size="sm")
                with gr.Row():
                    draft_btn = gr.Button("Draft the repair", variant="primary", elem_id="draft-btn", scale=3)
                    stop_btn = gr.Button("Stop", variant="stop", elem_id="stop-btn", scale=1)
                status = gr.Markdown("", elem_id="status")
            with gr.Column(scale=1):
                gr.Markdown("### 3. Your draft")
                sections = {
                    name: gr.Textbox(
                        label=SECTION_LABELS[name], lines=2, max_lines=8, elem_id=f"section-{name}"
                    )
                    for name in SECTIONS
                }
                message = gr.Textbox(
                    label="Message",
                    lines=8,
                    max_lines=20,
                    interactive=False,
                    buttons=["copy"],
                    elem_id="message",
                )
                highlights = gr.HTML(findings_html({}, []), elem_id="findings")
                with gr.Accordion("Principles behind this draft", open=False):
                    sources = gr.Markdown(
                        "Draft first to see the principles it was grounded on.", elem_id="sources"
                    )
                gr.Markdown("### 4. Make it yours")
                with gr.Row():
                    instruction = gr.Textbox(
                        label="Revise with an instruction",
                        scale=3,
                        elem_id="instruction",
                        placeholder="shorter, warmer, for Slack…",
                    )
                    revise_btn = gr.Button("Revise", elem_id="revise-btn", scale=1)
                with gr.Accordion("Versions", open=False):
                    with gr.Row():
                        version_pick = gr.Dropdown([], label="Version", elem_id="version-pick")
                        version_other = gr.Dropdown([], label="Compare with", elem_id="version-other")
                    with gr.Row():
                        compare_btn = gr.Button("Compare", elem_id="compare-btn", size="sm")
                        restore_btn = gr.Button("Restore this version", elem_id="restore-btn", size="sm")
                    compare = gr.HTML("", elem_id="compare")
                with gr.Row():
                    export_format = gr.Radio(
                        [("Text (.txt)", "txt"), ("Markdown (.md)", "md")],
                        value="txt",
                        label="Export format",
                        elem_id="export-format",
                        scale=2,
                    )
                    export_btn = gr.Button("Export the message", elem_id="export-btn", scale=1)
                export_file = gr.File(
                    label="Exported message",
                    interactive=False,
                    visible=False,
                    elem_id="export-file",
                )
        gr.Markdown("### 5. After the repair")
        after = gr.Markdown(handlers.after_repair("", DEFAULT_DELIVERY), elem_id="after")

        page = _Page(
            {
                **sections,
                "message": message,
                "highlights": highlights,
                "sources": sources,
                "status": status,
                "after": after,
                "compare": compare,
                "export_path": export_file,
                "suggestions": suggestions,
                "incident": incident,
                "person": person,
                "setting": setting,
                "delivery": delivery,
                "past": past_area["pick"] if past_area else None,
            },
            answers,
            versions,
            version_pick,
            version_other,
        )
        form_inputs = [incident, person, setting, delivery, *answers.values()]
        section_inputs = [sections[name] for name in SECTIONS]

        def form_of(text: str, who: str, where: str, how: str, notes: Sequence[str]) -> Form:
            return Form(
                incident=text or "",
                person=who or "",
                setting=where or "",
                delivery=how or "in_person",
                notes=dict(zip(keys, (n or "" for n in notes), strict=True)),
            )

        def draft(
            text: str,
            who: str,
            where: str,
            how: str,
            did: str,
            impact: str,
            part: str,
            want: str,
            history: list,
            request: gr.Request,
        ) -> Iterator[tuple[Any, ...]]:
            form = form_of(text, who, where, how, (did, impact, part, want))
            for view in handlers.draft(form, history or [], _session(request)):
                yield page.values(view, DRAFT_FIELDS)

        def revise(
            text: str,
            who: str,
            where: str,
            how: str,
            did: str,
            impact: str,
            part: str,
            want: str,
            own: str,
            ack: str,
            commit: str,
            instruction_text: str,
            history: list,
            request: gr.Request,
        ) -> Iterator[tuple[Any, ...]]:
            form = form_of(text, who, where, how, (did, impact, part, want))
            current = {"own": own, "acknowledge": ack, "commit": commit}
            for view in handlers.revise(form, current, instruction_text, history or [], _session(request)):
                yield page.values(view, DRAFT_FIELDS)

        def reflect(
            text: str, did: str, impact: str, part: str, want: str, shown: dict, request: gr.Request
        ) -> tuple[Any, ...]:
            notes = dict(zip(keys, (did, impact, part, want), strict=True))
            view = handlers.reflect(text, notes, shown or {}, _session(request))
            return page.values(view, ("answers", "suggestions", "status"))

        def answers_of(*values: str | None) -> dict[str, str]:
            """The four reflection answers as notes, for the checks that read the incident."""
            return dict(zip(keys, (v or "" for v in values), strict=True))

        def edit(
            own: str,
            ack: str,
            commit: str,
            who: str,
            how: str,
            history: list,
            text: str,
            did: str,
            impact: str,
            part: str,
            want: str,
            request: gr.Request,
        ) -> tuple[Any, ...]:
            # The incident and the answers let the checks read the edit against what happened.
            view = handlers.edit(
                {"own": own, "acknowledge": ack, "commit": commit},
                who,
                how,
                history or [],
                _session(request),
                incident=text or "",
                notes=answers_of(did, impact, part, want),
            )
            return page.values(view, CHECK_FIELDS)

        def redeliver(own: str, ack: str, commit: str, who: str, how: str) -> tuple[Any, ...]:
            view = handlers.redeliver({"own": own, "acknowledge": ack, "commit": commit}, who, how)
            return page.values(view, ("message", "after"))

        def compare_versions(history: list, first: str, second: str) -> Any:
            return page.values(handlers.compare(history or [], first, second), ("compare",))[0]

        def restore(
            history: list,
            number: str,
            who: str,
            how: str,
            text: str,
            did: str,
            impact: str,
            part: str,
            want: str,
            request: gr.Request,
        ) -> tuple[Any, ...]:
            view = handlers.restore(
                history or [],
                number,
                who,
                how,
                _session(request),
                incident=text or "",
                notes=answers_of(did, impact, part, want),
            )
            return page.values(view, RESTORE_FIELDS)

        def open_session(
            chosen: str,
            text: str,
            who: str,
            where: str,
            how: str,
            did: str,
            impact: str,
            part: str,
            want: str,
            request: gr.Request,
        ) -> tuple[Any, ...]:
            form = form_of(text, who, where, how, (did, impact, part, want))
            return page.values(handlers.open_session(chosen, form, _session(request)), OPEN_FIELDS)

        def delete_session(chosen: str) -> tuple[Any, ...]:
            return page.values(handlers.delete_session(chosen), ("past", "status"))

        def delete_everything(confirmed: bool) -> tuple[Any, ...]:
            view = handlers.delete_everything(bool(confirmed))
            return (*page.values(view, ("past", "status")), False)

        def export(text: str, fmt: str, who: str, request: gr.Request) -> tuple[Any, ...]:
            view = handlers.export(text, "md" if fmt == "md" else "txt", who, _session(request))
            return page.values(view, ("export_path", "status"))

        def stop(request: gr.Request) -> Any:
            return page.values(handlers.stop(_session(request)), ("status",))[0]

        model_args = {
            "concurrency_id": MODEL_EVENTS,
            "concurrency_limit": 1,
            "show_progress": "minimal",
        }
        draft_event = draft_btn.click(
            draft,
            [*form_inputs, versions],
            page.outputs(DRAFT_FIELDS),
            api_name="draft",
            **model_args,
        )
        revise_inputs = [*form_inputs, *section_inputs, instruction, versions]
        revise_events = [
            revise_btn.click(
                revise, revise_inputs, page.outputs(DRAFT_FIELDS), api_name="revise", **model_args
            ),
            instruction.submit(
                revise,
                revise_inputs,
                page.outputs(DRAFT_FIELDS),
                api_visibility="private",
                **model_args,
            ),
        ]
        reflect_event = reflect_btn.click(
            reflect,
            [incident, *answers.values(), suggestions],
            page.outputs(("answers", "suggestions", "status")),
            api_name="reflect",
            **model_args,
        )
        if model_pick is not None:
            # Queued with the drafts: a switch waits for a draft in flight to finish.
            model_pick.change(
                handlers.switch_model,
                [model_pick],
                [model_status, status],
                api_name="switch_model",
                **model_args,
            )
        stop_btn.click(
            stop,
            None,
            page.outputs(("status",)),
            api_name="stop",
            concurrency_limit=None,
            cancels=[draft_event, reflect_event, *revise_events],
        )
        private: dict[str, Any] = {"api_visibility": "private"}
        check_inputs = [*section_inputs, person, delivery, versions, incident, *answers.values()]
        # Gradio's textbox fires `input` on keystrokes; `blur` also catches a paste or autofill.
        edit_triggers = [trigger for box in section_inputs for trigger in (box.input, box.blur)]
        for index, trigger in enumerate(edit_triggers):
            trigger(
                edit,
                check_inputs,
                page.outputs(CHECK_FIELDS),
                show_progress="hidden",
                trigger_mode="always_last",
                **({"api_name": "edit"} if index == 0 else private),
            )
        for control in (person.input, person.blur, delivery.change):
            control(
                redeliver,
                [*section_inputs, person, delivery],
                page.outputs(("message", "after")),
                show_progress="hidden",
                **private,
            )
        if past_area:

            def past_sessions() -> Any:
                return page.values(handlers.past_sessions(), ("past",))[0]

            # Listed when the page loads and again whenever the leader opens the area.
            demo.load(past_sessions, None, page.outputs(("past",)), api_name="past_sessions")
            past_area["area"].expand(past_sessions, None, page.outputs(("past",)), **private)
            past_area["open"].click(
                open_session,
                [past_area["pick"], *form_inputs],
                page.outputs(OPEN_FIELDS),
                api_name="open_session",
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
        compare_btn.click(
            compare_versions,
            [versions, version_pick, version_other],
            page.outputs(("compare",)),
            api_name="compare",
        )
        restore_btn.click(
            restore,
            [versions, version_pick, person, delivery, incident, *answers.values()],
            page.outputs(RESTORE_FIELDS),
            api_name="restore",
        )
        export_btn.click(
            export,
            [message, export_format, person],
            page.outputs(("export_path", "status")),
            api_name="export",
        )
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
