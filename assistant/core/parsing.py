"""Reading the three labelled sections out of model text.

The model writes `OWN: ... ACKNOWLEDGE: ... COMMIT: ...`; small models drift (bold labels,
lower case, extra lines, a fourth label, a cut-off end), so parsing is lenient about
form and strict about content: each section must be present, non-empty and distinct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.core.schemas import SECTIONS, RepairDraft

_LABEL = re.compile(
    r"^[ \t>*_#-]*(OWN|ACKNOWLEDGE|ACKNOWLEDGEMENT|COMMIT|COMMITMENT)[ \t*_]*:[ \t*_]*",
    re.IGNORECASE | re.MULTILINE,
)
# Anything that starts a new block means the draft is over.
_END = re.compile(r"^\s*(END\b|INCIDENT:|GUIDANCE:|PERSON:|#{2,})", re.MULTILINE)
_CANONICAL = {
    "own": "own",
    "acknowledge": "acknowledge",
    "acknowledgement": "acknowledge",
    "commit": "commit",
    "commitment": "commit",
}
MAX_SECTION_CHARS = 700


@dataclass
class ParseResult:
    sections: dict[str, str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def draft(self) -> RepairDraft:
        return RepairDraft(**{name: self.sections[name] for name in SECTIONS})


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip("*_\"' ").strip()
    if len(text) > MAX_SECTION_CHARS:
        cut = text[:MAX_SECTION_CHARS]
        # Keep whole sentences when a runaway section has to be shortened.
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        text = cut[: end + 1] if end > 40 else cut
    return text


def split_sections(text: str) -> dict[str, str]:
    """Return whatever labelled sections are present (first occurrence of each wins)."""
    end = _END.search(text)
    if end:
        text = text[: end.start()]
    found: dict[str, str] = {}
    matches = list(_LABEL.finditer(text))
    for index, match in enumerate(matches):
        name = _CANONICAL[match.group(1).lower()]
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        if name not in found:
            found[name] = _clean(text[match.end() : stop])
    return found


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def parse_draft(text: str) -> ParseResult:
    """Parse and validate; `problems` says in words what is wrong, for retries and logs."""
    sections = split_sections(text)
    problems: list[str] = []
    for name in SECTIONS:
        if not sections.get(name):
            problems.append(f"the {name} section is missing or empty")
    present = [sections[name] for name in SECTIONS if sections.get(name)]
    if len({_key(value) for value in present}) < len(present):
        problems.append("two sections say the same thing")
    return ParseResult(sections=sections, problems=problems)
