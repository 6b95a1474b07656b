"""Making it theirs: direct edits, the message for another delivery, versions, export."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from assistant.core.schemas import (
    SECTIONS,
    Version,
)
from assistant.ui.handler_base import (
    HandlerBase,
    View,
    clean_sections,
    findings_summary,
)
from assistant.ui.render import (
    SECTION_TITLES,
    compare_html,
    status_text,
)
from assistant.ui.state import (
    EDIT,
    ExportFormat,
    add_version,
    find_version,
    version_label,
    version_sections,
)

log = logging.getLogger(__name__)


class EditHandlers(HandlerBase):
    """Steps on the draft as it stands: no model call."""

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
        if not any(clean_sections(sections).values()):
            return View()  # nothing drafted or typed yet: leave the page as it is
        view, findings = self.review(sections, person, delivery, incident, notes)
        clean = clean_sections(sections)
        missing = [SECTION_TITLES[name] for name in SECTIONS if not clean[name]]
        if missing:
            view.status = status_text(
                f"The {missing[0]} section is empty; the message needs all three parts.", "warning"
            )
        else:
            view.status = f"Re-checked your edit (no model call): {findings_summary(findings)}"
        view.versions = add_version(versions, clean, EDIT)
        view.status += self._keep_version(session, view, findings)
        return view

    def redeliver(self, sections: Mapping[str, str | None], person: str, delivery: str) -> View:
        """The person or the delivery changed: reassemble the message and the listening lines."""
        if not any(clean_sections(sections).values()):
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
        view.status = f"Restored v{version['n']}; {findings_summary(findings)}"
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
