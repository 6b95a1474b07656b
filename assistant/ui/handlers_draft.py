"""Describe, reflect, draft and revise: the steps that run the model, and stopping them."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence

from assistant.core.errors import AssistantError, CancelledError, InputError
from assistant.core.reflection import QUESTIONS
from assistant.core.schemas import (
    SECTIONS,
    DraftResult,
    RepairDraft,
    Version,
)
from assistant.core.service import DraftUpdate
from assistant.core.text_input import clean_text
from assistant.ui.handler_base import (
    STOPPED,
    UNEXPECTED,
    Form,
    HandlerBase,
    View,
    clean_sections,
    explain,
    findings_summary,
    log_unexpected,
)
from assistant.ui.render import (
    SECTION_TITLES,
    findings_html,
    sources_markdown,
    status_text,
)
from assistant.ui.state import (
    add_version,
    count_source,
    merge_answers,
)

log = logging.getLogger(__name__)


# Said when the draft's acknowledgement and commitment came from the repair rules, not the model.
RULES_NOTE = (
    "The acknowledgement and commitment are the usual ones for this kind of moment: "
    "change any word that is not true to what happened."
)


# Said when the act is not one the rules know: the draft asks instead of guessing.
CHECK_IN_NOTE = (
    "This is not a moment the app knows well, so the draft asks how it landed instead of guessing, "
    "and offers a conversation: once you know what will be different, write it in."
)


class DraftHandlers(HandlerBase):
    """Steps that run the model."""

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
        clean = clean_sections(sections)
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
            log_unexpected("drafting", exc)
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
        status = f"{kind} ready in {elapsed:.1f} s; {findings_summary(result.findings)}"
        if result.path == "rules":
            status += " " + RULES_NOTE
        elif result.path == "check_in":
            status += " " + CHECK_IN_NOTE
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
            log_unexpected("reflecting", exc)
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

    def stop(self, session: str = "") -> View:
        stopped = self.cancels.stop(session)
        return View(status=status_text(STOPPED, "warning") if stopped else "Nothing is running.")
