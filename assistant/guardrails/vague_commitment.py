"""Vague commitments: is there a checkable behaviour, and an occasion when it will happen?

A commitment is found from its grammar: a first-person future or intention marker ("I'll",
"I will", "I'm going to", "I want to", "I won't") followed by a verb phrase. The verb phrase is
vague when it names a state or an effort rather than a behaviour ("be better", "try harder",
"work on it", "keep it in mind"). It is concrete when it names something someone could see
you do ("ask for your view", "send the agenda", "pause") *and* the sentence says when
("next meeting", "before I give feedback", "from Monday", "each time").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.guardrails.base import CheckExamples, Hit, Rule, denied, rx
from assistant.guardrails.lexicon import (
    DAY_PARTS,
    FROM_NOW_ON,
    I_FORMS,
    MEETINGS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    RECURRING,
    RELATIVE_DAYS,
    THEY_FORMS,
    WE_FORMS,
    WEEKDAYS,
    YOU_FORMS,
    alt,
)
from assistant.guardrails.text import Doc, trimmed_span

_MARKER = rx(
    r"\b(?:i(?:'ll| will| shall|'m going to| am going to|'m gonna| plan to| intend to| commit to|"
    r" promise(?: to| that i'll| i'll| i will| that i will)?| want to| would like to|'d like to|"
    r" aim to| hope to| need to| have to|'m committed to| am committed to| am committing to|"
    r"'m committing to| won't| will not|'m not going to| am not going to|'ll never| will never|"
    r"'ll stop| will stop|'ll start| will start|'m starting| am starting)"
    r"|we(?:'ll| will|'re going to| are going to| can| should| need to)"
    r"|let's|my (?:plan|commitment|promise|goal|aim) is(?: to)?"
    # A promise told from their side: "you'll get the rota from me by Thursday".
    r"|you(?:'ll| will)(?= (?:get|hear|have|receive|see)\b[^.!?;]*\b(?:from me|me|my)\b))\b"
)

_ADVERBS = rx(
    r"\s*(?:(?:really|definitely|truly|genuinely|actively|honestly|personally|always|also|now|just|"
    r"seriously|sincerely|continue to|keep on|make an effort to|do my best to|consciously|"
    r"deliberately|certainly|absolutely|be sure to|make a point of|make a point to|"
    r"start to|begin to|try to|try not to|try and|make (?:a|an|every) (?:[a-z]+ )?efforts? to|"
    r"do (?:my|everything in my) (?:best|power) to|aim to|work (?:hard )?to|strive to|"
    r"endeavou?r to)\s+)*"
)

# Verb phrases that name a state or an effort, not a behaviour someone could observe.
_VAGUE_VP = rx(
    r"(?:(?:do|doing) (?:better|more|less|my best|things differently|it differently|"
    r"something about it|the right thing)"
    r"|(?:be|being|become|becoming) (?:working on|trying|focusing on|making (?:an|a real) effort|"
    r"a better|better|more|less)\b"
    r"|(?:growing|improving|changing|learning|evolving|developing)\b"
    r"|working on (?:it|this|that|myself|my|being|things|how|the way)\b"
    r"|be (?:a\s+)?(?:better|more|less|kinder|nicer|calmer|careful|mindful|aware|patient|"
    r"respectful|thoughtful|considerate|gentle|present|supportive|open|fair|different|good|"
    r"softer|clearer|[a-z]+er)\b"
    r"|work on (?:it|this|that|myself|my|being|things|how|the way)\b"
    r"|improve\b|grow\b|get better\b|change\b(?!\s+the\s+(?:agenda|format|time|order|channel|"
    r"meeting|slot|template))"
    r"|learn (?:from|to be|from this)\b|(?:keep|bear) (?:it|this|that) in mind\b"
    r"|remember (?:this|that|it)\b|reflect\b|think (?:about|more|harder|before)\b|consider\b"
    r"|focus on (?:being|doing|improving)\b|strive\b|watch (?:myself|it|my|that|how)\b"
    r"|handle (?:it|things|this|that|situations|conversations|myself) better\b"
    r"|communicate (?:better|more|clearly)\b|listen (?:better|more)\b"
    r"|make (?:it|this|that) up to you\b"
    r"|make (?:sure|certain) (?:it|this|that) (?:doesn't|does not|won't|never|isn't)\b"
    r"|not let (?:it|this|that) happen\b|let (?:it|this|that) happen\b"
    r"|(?:never )?(?:do|let) (?:that|this|it) (?:happen )?again\b"
    r"|behave better\b|step up\b|figure (?:out|it out)\b"
    r"|slow down\b(?!\s+(?:and|to|before|when|in|at|during|for))"
    r"|try\s+(?:harder|my best|more)\b|try\b(?=\s*[.!,;]|\s*$))"
)

# Verb phrases that are not commitments at all ("we'll see how it goes").
_NOT_COMMITMENT = rx(r"(?:see (?:how|what|if|where)|wait and see|hope\b|have to see)")

_HEDGE = rx(
    r"\b(?:try (?:to|and|not to)|make (?:a|an|every) (?:[a-z]+ )?efforts? to|do my best to|aim to|"
    r"strive to|endeavou?r to)\b"
)

# ----------------------------------------------------------------------------- occasions
# When the new behaviour will happen. A commitment has an occasion when any form below matches
# its sentence. The follow-through plan (assistant/core/followthrough.py) reads the same forms,
# and their named groups, to date the occasion and to tell a habit from a one-off, so what
# counts as an occasion is decided here, once.

OccasionKind = Literal["date", "time", "next", "habit", "condition", "event"]
"""date: a day can be worked out ("on Thursday", "3 March"); time: a time of today ("by 5pm");
next: the next one of something; habit: it recurs ("at every standup", "whenever you ask");
condition: a situation that may come up ("if I disagree", "before I change the rota");
event: a moment with no date ("in the meeting", "this sprint")."""


@dataclass(frozen=True)
class OccasionForm:
    """One way of naming an occasion."""

    name: str
    kind: OccasionKind
    pattern: re.Pattern[str]


_MEETING = alt(MEETINGS)
_WEEKDAY = alt(WEEKDAYS)
_MONTH = alt(MONTHS, MONTH_ABBREVIATIONS)
_COUNT = r"(?:[0-9]+|" + alt(("a", "an"), NUMBER_WORDS) + r")"
_ORDINAL = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s+(?P<year>20[0-9]{2})\b)?"
# A meeting with up to two words before it ("planning meeting", "weekly client call") and a
# second meeting word after it ("planning meeting"). The words before are not a subject or
# another occasion, so "next time I call" is not a meeting called "time I call".
_EVENT = (
    r"(?:(?!(?:i|we|you|they|he|she|it|time|week|day)\b)[a-z0-9-]+\s+){0,2}?"
    + _MEETING
    + r"s?\b(?:\s+"
    + _MEETING
    + r"s?\b)?"
)
_WHO = alt(I_FORMS, YOU_FORMS, WE_FORMS, THEY_FORMS, ("the", "our", "my", "your", "it"))

OCCASIONS: tuple[OccasionForm, ...] = (
    # -- a day that can be worked out
    OccasionForm(
        "weekday",
        "date",
        rx(
            r"\b(?:(?P<mod>next|this|coming|on|by|before|until|till|from|starting|every|each|"
            r"first thing(?: on)?)\s+)?(?P<day>" + _WEEKDAY + r")s?(?:'s)?"
            r"(?:\s+(?P<event>" + _EVENT + r"))?\b"
        ),
    ),
    OccasionForm(
        "day_month",
        "date",
        rx(r"\b(?P<day>[0-9]{1,2})" + _ORDINAL + r"?(?:\s+of)?\s+(?P<month>" + _MONTH + r")\b" + _YEAR),
    ),
    OccasionForm(
        "month_day",
        "date",
        rx(
            r"\b(?P<month>"
            + _MONTH
            + r")\.?\s+(?:the\s+)?(?P<day>[0-9]{1,2})"
            + _ORDINAL
            + r"?\b(?!:)"
            + _YEAR
        ),
    ),
    OccasionForm(
        "day_of_month",
        "date",
        rx(
            r"\b(?:on|by|before|until|till|from|starting)\s+the\s+(?P<day>[0-9]{1,2})"
            + _ORDINAL
            + r"\b(?!\s+(?:of\s+)?"
            + _MONTH
            + r"\b)"
        ),
    ),
    OccasionForm(
        "relative_day",
        "date",
        rx(
            r"\b(?:this\s+(?P<part>" + alt(DAY_PARTS) + r")|(?P<word>" + alt(RELATIVE_DAYS) + r")"
            r"(?:'s(?:\s+(?P<event>" + _EVENT + r"))?)?)\b"
        ),
    ),
    OccasionForm("week", "date", rx(r"\b(?P<which>this|next)\s+week\b")),
    OccasionForm(
        "end_of_week", "date", rx(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?P<which>the|this|next)\s+week\b")
    ),
    OccasionForm(
        "in_days",
        "date",
        rx(
            r"\b(?:in|within)\s+(?:the\s+next\s+)?(?P<n>" + _COUNT + r")\s+"
            r"(?P<working>(?:working|business)\s+)?(?P<unit>hour|day|week|month)s?\b"
        ),
    ),
    # -- a time of day, today unless a day is named too
    OccasionForm(
        "clock",
        "time",
        rx(r"(?:\b(?:by|at|before|until|till)\s+)?\b[0-9]{1,2}(?::[0-9]{2})?\s*(?:am|pm)\b"),
    ),
    OccasionForm(
        "end_of_day",
        "time",
        rx(r"\bby\s+(?:the\s+)?(?:end of (?:the |this )?day|eod|noon|midday|lunchtime|close of business)\b"),
    ),
    # -- the next one
    OccasionForm("next_time", "next", rx(r"\b(?:the\s+)?next\s+time\b")),
    OccasionForm("next_event", "next", rx(r"\b(?:(?:the|our|my|your)\s+)?next\s+(?P<event>" + _EVENT + r")")),
    OccasionForm("next", "next", rx(r"\bnext\s+(?!to\b|other\b|one of\b)[a-z0-9']+")),
    # -- a habit
    OccasionForm("whenever", "habit", rx(r"\b(?:whenever|each time|every time)\s+[a-z0-9']+")),
    OccasionForm(
        "every",
        "habit",
        rx(
            r"\b(?:every|each)\s+(?:[a-z0-9-]+\s+)?(?:time|day|morning|afternoon|evening|week|month|"
            r"quarter|sprint|" + _WEEKDAY + "|" + _MEETING + r")s?\b"
        ),
    ),
    OccasionForm(
        "starting",
        "habit",
        rx(
            r"\b(?:from|starting|beginning|as of)\s+(?:tomorrow|next|this|today|our next|now until|"
            + _WEEKDAY
            + r")\b"
        ),
    ),
    OccasionForm("recurring", "habit", rx(r"\b" + alt(RECURRING) + r"\b")),
    OccasionForm("weekdays", "habit", rx(r"\b" + _WEEKDAY + r"s\b")),
    OccasionForm("meetings", "habit", rx(r"\b(?:at|in|during)\s+(?:[a-z']+\s+){0,2}?" + _MEETING + r"s\b")),
    OccasionForm("on_days", "habit", rx(r"\bon\s+(?:[a-z]+\s+)?days\b")),
    # -- a condition: "if the chart is late", "before I give feedback"
    OccasionForm(
        "condition", "condition", rx(r"\b(?:before|after|until|till|when|the moment|as soon as)\s+[a-z0-9']+")
    ),
    OccasionForm(
        "if",
        "condition",
        rx(r"\bif\s+(?:i|you|we|it|the|there|anything|something|someone|a|an|my|your|our)\b"),
    ),
    OccasionForm("once", "condition", rx(r"\b(?:once|while)\s+" + _WHO + r"\b")),
    # -- a moment with no date
    OccasionForm(
        "at_meeting",
        "event",
        rx(
            r"\b(?:at|in)\s+(?:our|the|each|every|your|my|team|all|group|future|tomorrow's|"
            r"[a-z]+day's)?\s*(?:[a-z']+\s+)?(?:" + _MEETING + r"|channel)s?\b"
        ),
    ),
    OccasionForm("each", "event", rx(r"\b(?:every|each)\s+(?!to\b|other\b|one of\b)[a-z0-9']+")),
    OccasionForm(
        "this",
        "event",
        rx(
            r"\b(?:this|coming)\s+(?:[a-z']+\s+){0,2}?(?:time|week|month|quarter|sprint|day|morning|"
            r"afternoon|evening|" + _MEETING + "|" + _WEEKDAY + r"|conversation|discussion|"
            r"presentation|huddle|round|cycle|release|decision|update|email|agenda|report|feedback)s?\b"
        ),
    ),
    OccasionForm("during", "event", rx(r"\bduring\s+[a-z0-9']+")),
    OccasionForm("start_or_end", "event", rx(r"\bat\s+(?:the\s+)?(?:start|end|beginning|top|close)\s+of\b")),
    OccasionForm("by", "event", rx(r"\bby\s+(?:end of|the end of|eod|noon|tomorrow|[0-9]|next|this)\b")),
    OccasionForm(
        "within",
        "event",
        rx(r"\bwithin\s+(?:" + _COUNT + r"|the)\s+(?:[a-z]+\s+)?(?:hours?|days?|minutes?|week)\b"),
    ),
    OccasionForm("same_day", "event", rx(r"\bthe same day\b")),
)


# "From now on" says the new behaviour lasts, not when it happens: a habit marker for the plan, but
# no occasion on its own ("From here on I'll keep a closer eye on your reports" stays vague).
HABIT_MARKER = rx(r"\b" + alt(FROM_NOW_ON) + r"\b")


def occasion_in(norm: str, start: int = 0, end: int | None = None) -> bool:
    """True when norm[start:end] names an occasion (`norm` is normalised text, see text.py)."""
    stop = len(norm) if end is None else end
    return any(form.pattern.search(norm, start, stop) for form in OCCASIONS)


def occasion_mentions(norm: str) -> list[tuple[OccasionForm, re.Match[str]]]:
    """Every occasion named in normalised text, by form, in the order of `OCCASIONS`."""
    return [(form, m) for form in OCCASIONS for m in form.pattern.finditer(norm)]


_MSG_VAGUE = (
    "This promises to be better without saying what you will do. Name one behaviour they "
    "could notice, and when."
)


@dataclass(frozen=True)
class Commitment:
    """One commitment clause and what it lacks."""

    start: int
    end: int
    vague: bool
    """The verb phrase names a state or an effort, not a behaviour."""
    hedged: bool
    """Wrapped in an escape hatch: "try to", "make an effort to", "do my best to"."""
    has_occasion: bool

    @property
    def concrete(self) -> bool:
        return not self.vague and not self.hedged and self.has_occasion


def commitments(doc: Doc) -> list[Commitment]:
    """Every commitment in `doc`, with its verb phrase judged for behaviour and occasion."""
    cached = doc.cache.get("commitments")
    if cached is not None:
        return cached  # type: ignore[return-value]
    found: list[Commitment] = []
    for m in _MARKER.finditer(doc.norm):
        if denied(doc, m.start()):
            continue
        sentence = doc.sentence_at(m.start())
        clause = doc.clause_at(m.start())
        adv = _ADVERBS.match(doc.norm, m.end())
        vp_start = adv.end() if adv else m.end()
        if _NOT_COMMITMENT.match(doc.norm, vp_start):
            continue
        vague = _VAGUE_VP.match(doc.norm, vp_start) is not None
        hedged = _HEDGE.search(doc.norm, m.end(), vp_start) is not None
        has_occasion = occasion_in(doc.norm, sentence.start, sentence.end)
        found.append(Commitment(m.start(), max(clause.end, vp_start), vague, hedged, has_occasion))
    doc.cache["commitments"] = found
    return found


_MSG_NEVER_AGAIN = "\"It won't happen again\" can't be checked. Say what you will do differently, and when."

VAGUE_COMMITMENT_RULES: tuple[Rule, ...] = (
    Rule(
        id="vague_commitment.never_again",
        category="vague_commitment",
        severity="high",
        pattern=rx(
            r"\b(?:it|this|that)\s+(?:won't|will not|will never|is never going to|isn't going to|"
            r"shall not|can't|cannot)\s+(?:ever\s+)?happen again\b|\bnever (?:ever )?again\b"
            r"|\byou(?:'ll| will)?\s+(?:won't|will not|will never|'ll never|never)\s+(?:see|hear|"
            r"get)\s+(?:that|this)\s+(?:side of me|from me|again|tone)\b"
        ),
        message=_MSG_NEVER_AGAIN,
        catches=(
            "It won't happen again.",
            "That will never happen again.",
            "You'll never see that side of me again.",
            "I'll never again speak to you like that.",
        ),
        passes=(
            "I'll check in again on Friday.",
            "If it happens again, tell me straight away.",
        ),
    ),
    Rule(
        # Promises about a better self or a changed future, with no act in them.
        id="vague_commitment.better_me",
        category="vague_commitment",
        severity="high",
        pattern=rx(
            r"\b(?:things|it|this|everything)\s+(?:will|'ll|are going to|is going to)\s+"
            r"(?:be different|change|improve|get better|be better)\b"
            r"|\b(?:a )?better (?:version of me|me|manager|leader|boss|colleague)\s+(?:from now on|"
            r"going forward|from here on|in future|in the future)\b"
            r"|\b(?:expect|you'll see|you will see)\s+(?:a\s+)?(?:better|new|different|changed)\s+"
            r"(?:version of me|me|side of me)\b"
            r"|\blessons? (?:learned|learnt|taken)\b"
        ),
        message=_MSG_VAGUE,
        catches=(
            "Things will be different from now on.",
            "You'll see a better version of me.",
            "Lessons learned.",
            "I'll be a better manager from now on.",
        ),
        passes=(
            "The agenda will change: I'll send it a day early.",
            "I learned a lot from your feedback.",
        ),
    ),
)


_MSG_HEDGED = '"Try" leaves a way out. Say plainly what you will do.'


def vague_hits(doc: Doc) -> list[Hit]:
    """Phrase-level: commitments whose verb phrase is an effort or a state, or is hedged."""
    hits: list[Hit] = []
    for c in commitments(doc):
        if not (c.vague or c.hedged):
            continue
        start, end = trimmed_span(doc.text, c.start, c.end)
        if c.vague:
            hits.append(Hit("vague_commitment", "high", start, end, _MSG_VAGUE))
        else:
            hits.append(Hit("vague_commitment", "medium", start, end, _MSG_HEDGED))
    return hits


EXAMPLES: tuple[CheckExamples, ...] = (
    CheckExamples(
        id="vague_commitment.effort_or_state",
        category="vague_commitment",
        catches=(
            "I'll try to be more patient.",
            "I will work on my tone.",
            "I'm going to be a better listener.",
        ),
        passes=(
            "Next Monday I'll send the agenda a day before the meeting.",
            "I won't pretend I'll be perfect, but in Thursday's standup I'll let you finish.",
        ),
    ),
)
