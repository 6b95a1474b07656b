"""third_person_address: the message speaks of them instead of to them.

A repair goes to the person it is about. "I cut off Priya twice" in a message to Priya, or
"I told her…", reads as a note about them forwarded by mistake. The leader's account is in the
third person; the draft must not be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context
from assistant.guardrails.text import Doc, trimmed_span

CATEGORY = "third_person_address"
MESSAGE = 'This speaks about them in the third person, but the message is to them. Say "you".'
_PRONOUNS = re.compile(r"\b(?:she|he|her|him|his|hers|herself|himself)\b")
_SUBJECT_PRONOUN = re.compile(r"(?:she|he)\b")
_SOMEONE_ELSE = re.compile(
    r"\b(?:the|a|an|my|our|his|her|their)\s+(?:\w+\s+)?(?:client|customer|patient|manager|nurse|doctor|boss|director|colleague|student|parent|candidate|guest|agency \w+)\b|(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b"
)
# "several of them went to HR": the group spoken of, in a message to the group.
_OF_THEM = re.compile(
    r"\b(?:some|several|many|most|all|none|two|three|four|five|each|one|a few|half|both) of them\b"
)
_ALWAYS = re.compile(r"\b(?:this|that) person\b")
# A name used to call them, not to speak of them: "Priya, I…", "Hi Priya", "…, Priya."
_VOCATIVE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\b(?:hi|hey|hello|dear|thanks|thank you|sorry)\s*,?\s*)$")
# "the team" as part of a noun: "the team meeting", "the team's plan".
_TEAM_NOUN = re.compile(
    r"\s*(?:'s|meeting|chat|channel|call|lead|leads|offsite|room|thread|standup|stand-up|retro|review|"
    r"goals?|plan|calendar|rota|space|huddle|board|sync|norms|agreement)\b"
)
CATCHES: tuple[tuple[Section, str, str], ...] = (
    ("own", "I cut off Priya twice in the meeting.", "Priya"),
    (
        "own",
        "I told her, louder than I should have, that I'd been doing this since before she qualified.",
        "Achieng",
    ),
    ("acknowledge", "Jonas was left without an answer about his promotion.", "Jonas"),
    ("own", "I shouted at the team in the yard.", "the team"),
)
PASSES: tuple[tuple[Section, str, str], ...] = (
    ("own", "Priya, I cut you off twice in the meeting.", "Priya"),
    ("own", "I cut you off twice in the meeting.", "Priya"),
    ("commit", "At the next team meeting I'll hand the floor to you first.", "the team"),
    ("acknowledge", "You had to answer the client's questions on your own.", "Priya"),
)


def _QUOTED_AT(norm: str, pos: int) -> bool:
    """True when `pos` sits inside a quotation in its sentence."""
    before = norm[:pos].rsplit(".", 1)[-1]
    return before.count('"') % 2 == 1 or len(re.findall(r"(?<![a-z])'|'(?![a-z])", before)) % 2 == 1


def _is_vocative(doc: Doc, start: int, end: int) -> bool:
    before = doc.norm[doc.sentence_at(start).start : start]
    after = doc.norm[end : end + 2]
    if _VOCATIVE_BEFORE.search(before) and after.startswith(","):
        return True
    if re.search(r"\b(?:hi|hey|hello|dear|thanks|thank you)\s*,?\s*$", before):
        return True
    return before.rstrip().endswith(",") and (after[:1] in (".", "!", "?", "") or end >= len(doc.norm))


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    spans: list[tuple[int, int]] = []
    for form in ctx.name_forms + ctx.group_forms:
        for m in re.finditer(rf"\b{re.escape(form)}\b", doc.norm):
            if ctx.is_group and (
                _TEAM_NOUN.match(doc.norm, m.end()) or doc.norm[m.end() : m.end() + 1] == "-"
            ):
                continue
            if _QUOTED_AT(doc.norm, m.start()):
                continue  # inside the words being owned: "I said 'this team can't…'"
            if not _is_vocative(doc, m.start(), m.end()) and not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    if ctx.is_individual and not ctx.others_in_story:
        spans += [(m.start(), m.end()) for m in _PRONOUNS.finditer(doc.norm)]
    elif ctx.is_individual and section in ("own", "acknowledge"):
        # Others are in the story, so "her" may be someone else; but a sentence that opens with
        # "She…" when this section has named nobody else can only mean them.
        for sentence in doc.sentences:
            m = _SUBJECT_PRONOUN.match(doc.norm, sentence.start)
            if m is not None and not _SOMEONE_ELSE.search(doc.norm, 0, sentence.start):
                spans.append((m.start(), m.end()))
    if ctx.is_group:
        spans += [(m.start(), m.end()) for m in _OF_THEM.finditer(doc.norm)]
        for noun in ctx.group_nouns:
            # "the tutors", "all the installers": the group named as if elsewhere. "You tutors"
            # and "each of you" speak to them.
            for m in re.finditer(
                rf"\b(?:(?:all|each|both) (?:of )?)?the (?:\w+ )?{re.escape(noun)}\b", doc.norm
            ):
                if not _QUOTED_AT(doc.norm, m.start()) and not _TEAM_NOUN.match(doc.norm, m.end()):
                    spans.append((m.start(), m.end()))
    if ctx.person:
        spans += [(m.start(), m.end()) for m in _ALWAYS.finditer(doc.norm)]
    for s, e in sorted(set(spans)):
        start, end = trimmed_span(doc.text, s, e)
        yield Hit(CATEGORY, "medium", start, end, MESSAGE)
