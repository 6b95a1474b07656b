"""Turning results into the page's HTML and Markdown: highlights, sources, diffs, model status.

Pure functions, so what the leader sees is tested without a browser. Every piece of user or
model text is escaped before it goes into HTML.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Mapping, Sequence

from assistant.core.protocols import ModelInfo
from assistant.core.schemas import SECTIONS, Finding, Source
from assistant.guardrails.summary import checks_ran

SECTION_TITLES = {"own": "Own", "acknowledge": "Acknowledge", "commit": "Commit"}
MODELS_DOC = "models.md"


def _spans(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Findings that can be marked inline: in range, matching the text, not overlapping."""
    usable = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if finding.end <= finding.start or finding.end > len(text):
            continue
        if usable and finding.start < usable[-1].end:
            continue  # overlapping spans are still listed below the text
        usable.append(finding)
    return usable


def _locate(text: str, finding: Finding) -> Finding:
    """Trust the offsets when they match the text; otherwise look for the quoted words."""
    if finding.text and text[finding.start : finding.end] != finding.text:
        at = text.find(finding.text)
        if at >= 0:
            return finding.model_copy(update={"start": at, "end": at + len(finding.text)})
        return finding.model_copy(update={"start": 0, "end": 0})
    return finding


def mark_text(text: str, findings: Sequence[Finding]) -> str:
    """One section's text as HTML with each finding wrapped in a labelled <mark>."""
    located = [_locate(text, f) for f in findings]
    out: list[str] = []
    pos = 0
    for f in _spans(text, located):
        out.append(html.escape(text[pos : f.start]))
        tip = html.escape(f"{f.message} (principle: {f.principle})", quote=True)
        out.append(
            f'<mark class="finding sev-{f.severity}" data-category="{f.category}" title="{tip}">'
            f"{html.escape(text[f.start : f.end])}"
            f'<span class="finding-label">{f.category}</span></mark>'
        )
        pos = f.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def findings_html(
    sections: Mapping[str, str], findings: Sequence[Finding], *, person: str = "", context: bool = False
) -> str:
    """The draft with findings marked inline, then each finding with its reason and principle.

    With nothing flagged, it says which checks ran rather than that the draft is fine, and
    asks the leader to read it as the other person would hear it.
    """
    if not any(sections.get(name, "").strip() for name in SECTIONS):
        return '<div class="findings empty">The guardrail check appears here once there is a draft.</div>'
    parts = [
        '<div class="findings"><p class="findings-title"><strong>Guardrail check</strong> '
        "(hover a highlight for the reason)</p>"
    ]
    for name in SECTIONS:
        text = sections.get(name, "").strip()
        own = [f for f in findings if f.section == name]
        body = mark_text(text, own) if text else '<em class="missing">(empty)</em>'
        parts.append(
            f'<div class="finding-section" data-section="{name}">'
            f"<strong>{SECTION_TITLES[name]}</strong><p>{body}</p></div>"
        )
    if findings:
        parts.append('<ul class="finding-list">')
        for f in findings:
            where = SECTION_TITLES.get(f.section or "", "Draft")
            quoted = f" \u201c{html.escape(f.text)}\u201d" if f.text else ""
            parts.append(
                f'<li class="finding-item sev-{f.severity}" data-category="{f.category}">'
                f'<code class="finding-category">{f.category}</code> '
                f'<span class="severity">{f.severity}</span> in {where}:{quoted} '
                f"\u2014 {html.escape(f.message)} "
                f'<span class="principle">Principle: '
                f"<code>{html.escape(f.principle)}</code></span></li>"
            )
        parts.append("</ul>")
    else:
        listener = html.escape(person.strip()) if person.strip() else "the other person"
        parts.append(
            f'<p class="no-findings">{html.escape(checks_ran(context=context))} '
            f"These checks read words, not meaning: read the draft aloud as {listener} would "
            "hear it before you send it.</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def sources_markdown(sources: Sequence[Source]) -> str:
    """The principles the draft was grounded on, best first, with their retrieval scores."""
    if not sources:
        return "No principles were retrieved for this draft."
    rows = ["| Principle | id | score |", "|---|---|---|"]
    for source in sources:
        title = source.title.replace("|", "\\|")
        rows.append(f"| {title} | `{source.id}` | {source.score:.3f} |")
    return "\n".join(rows)


def model_status_markdown(info: ModelInfo) -> str:
    """Which model and adapter are drafting, said plainly; the small default is called small."""
    mode = "repair adapter" if info.adapter else ("chat mode" if info.chat else "few-shot completion mode")
    details = ", ".join(
        part for part in (info.architecture, info.size_label, mode, f"context {info.n_ctx:,} tokens") if part
    )
    lines = [f"**Model:** {html.escape(info.name)} ({details})"]
    if info.adapter:
        lines.append(
            f"**Adapter:** {html.escape(info.adapter)}, trained for this app on its own repair corpus "
            "(see `training/README.md`). Turn it off with `REPAIR_ADAPTER=none`."
        )
    if info.note:
        lines.append(html.escape(info.note))
    if info.embedded_default:
        quality = (
            "The adapter makes it write to the person and about what you did, but it is still a small "
            "model and most drafts need rewriting: read every line as the other person would hear it, "
            "and make it your own."
            if info.adapter
            else "It runs anywhere, but without its adapter its drafts are rough: treat them as a starting "
            "point and make every line your own."
        )
        lines.append(
            f"This is the small built-in model. {quality} For stronger drafts, start the app with a larger "
            f"GGUF (`repair-assistant serve --model PATH`); `{MODELS_DOC}` in the project folder lists "
            "models that work."
        )
    return "\n\n".join(lines)


def word_diff_html(old: str, new: str) -> str:
    """A word-level diff: removed words struck through, added words underlined."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def compare_html(old: Mapping[str, str], new: Mapping[str, str], old_label: str, new_label: str) -> str:
    """Two versions side by side as one diff per section."""
    parts = [
        '<div class="version-diff">',
        f"<p>From <strong>{html.escape(old_label)}</strong> "
        f"to <strong>{html.escape(new_label)}</strong>:</p>",
    ]
    for name in SECTIONS:
        a, b = old.get(name, ""), new.get(name, "")
        body = word_diff_html(a, b) if a != b else f'{html.escape(b)} <em class="unchanged">(unchanged)</em>'
        parts.append(f'<div data-section="{name}"><strong>{SECTION_TITLES[name]}</strong><p>{body}</p></div>')
    parts.append("</div>")
    return "".join(parts)


def status_text(message: str, kind: str = "info") -> str:
    """A one-line status for the page; problems get a marker a screen reader also announces."""
    prefix = {"error": "**Problem:** ", "warning": "**Note:** "}.get(kind, "")
    return prefix + message
