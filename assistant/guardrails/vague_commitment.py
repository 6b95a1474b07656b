"""Vague commitments: is there a checkable behaviour, and an occasion when it will happen?

A commitment is found from its grammar: a first-person future or intention marker ("I'll",
"I will", "I'm going to", "I want to", "I won't") followed by a verb phrase. The verb phrase is
vague when it names a state or an effort rather than a behaviour ("be better", "try harder",
"work on it", "keep it in mind"). It is concrete when it names something someone could see
you do ("ask for your view", "send the agenda", "pause") *and* the sentence says when
("next meeting", "before I give feedback", "from Monday", "each time").
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.guardrails.base import CheckExamples, Hit, Rule, denied, rx
from assistant.guardrails.lexicon import I_FORMS, THEY_FORMS, WE_FORMS, WEEKDAYS, YOU_FORMS, alt
from assistant.guardrails.text import Doc, trimmed_span

_MARKER = rx(
    r"\b(?:i(?:'ll| will| shall|'m going to| am going to|'m gonna| plan to| intend to| commit to|"
    r" promise(?: to| that i'll| i'll| i will| that i will)?| want to| would like to|'d like to|"
    r" aim to| hope to| need to| have to|'m committed to| am committed to| am committing to|"
    r"'m committing to| won't| will not|'m not going to| am not going to|'ll never| will never|"
    r"'ll stop| will stop|'ll start| will start|'m starting| am starting)"
    r"|we(?:'ll| will|'re going to| are going to| can| should| need to)"
    r"|let's|my (?:plan|commitment|promise|goal|aim) is(?: to)?)\b"
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

_OCCASION = rx(
    r"\b(?:next|every|each)\s+(?!to\b|other\b|one of\b)[a-z0-9']+"
    r"|\b(?:this|coming)\s+(?:[a-z']+\s+){0,2}?(?:time|week|month|quarter|sprint|"
    r"day|morning|afternoon|evening|meeting|standup|stand-up|one-on-one|1:1|1-on-1|review|retro|"
    r"sync|call|session|check-in|planning|" + alt(WEEKDAYS) + r"|"
    r"conversation|discussion|presentation|demo|workshop|offsite|huddle|round|cycle|"
    r"release|decision|update|email|agenda|report|feedback)s?\b"
    r"|\b(?:tomorrow|tonight|today|" + alt(WEEKDAYS) + r"|"
    r"weekly|daily|fortnightly|monthly|biweekly)(?:'s)?\b"
    r"|\b(?:before|after|until|till|when|whenever|during|each time|every time|the moment|"
    r"as soon as)\s+[a-z0-9']+"
    r"|\b(?:once|while)\s+"
    + alt(I_FORMS, YOU_FORMS, WE_FORMS, THEY_FORMS, ("the", "our", "my", "your", "it"))
    + r"\b"
    r"|\bat\s+(?:the\s+)?(?:start|end|beginning|top|close)\s+of\b"
    r"|\b(?:at|in)\s+(?:our|the|each|every|your|my|team|all|group|future|tomorrow's|"
    r"[a-z]+day's)?\s*(?:[a-z']+\s+)?(?:meeting|standup|stand-up|one-on-one|1:1|1-on-1|review|"
    r"retro|retrospective|sync|check-in|call|huddle|planning|session|channel)s?\b"
    r"|\bby\s+(?:end of|the end of|eod|noon|tomorrow|[0-9]|next|this)\b"
    r"|\bwithin\s+(?:a|an|one|two|three|[0-9]+|the)\s+(?:[a-z]+\s+)?(?:hours?|days?|minutes?|"
    r"week)\b"
    r"|\b(?:from|starting|beginning|as of)\s+(?:tomorrow|next|this|today|our next|now until)\b"
    r"|\b[0-9]{1,2}(?::[0-9]{2})?\s*(?:am|pm)\b"
    # A condition names the occasion too: "if I disagree", "if the chart is late", "on windy days".
    r"|\bif\s+(?:i|you|we|it|the|there|anything|something|someone|a|an|my|your|our)\b"
    r"|\bon\s+(?:[a-z]+\s+)?days\b|\bon the [0-9]{1,2}(?:st|nd|rd|th)\b|\bthe same day\b"
)


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
        has_occasion = _OCCASION.search(doc.norm, sentence.start, sentence.end) is not None
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
