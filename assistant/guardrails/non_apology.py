"""Non-apologies: apologies that undo themselves with a condition, a feeling or a hedge.

A plain "I'm sorry for X" is good repair language and is never flagged on its own. What is
flagged is the shape around it: an "if" that makes the harm hypothetical, a clause that makes
the other person's feeling the subject instead of the leader's act, or a hedge like "any
inconvenience".
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import (
    APOLOGY_WORDS,
    HURT_FEELINGS,
    SOMEONE,
    SORRY_WORDS,
    alt,
    without,
)
from assistant.guardrails.text import Doc

# "An apology if..." is rarely a conditional one, so the noun "apology" does not open these.
_HEAD = alt(without(APOLOGY_WORDS, "apology"))

# "if you're open to it" after an apology is an invitation, not a condition on the harm.
_INVITATION = (
    r"(?:you're|you are|you'd|you would|you want|you wish|you have time|you've got|you get|"
    r"it helps|that works|you need|you prefer|you're willing|you're up for)\b"
)

# Words after "sorry you were/are ..." that make their reaction the subject. Besides feelings:
# verdicts on how it came across, and the openers of "put on the spot", "left out", "so upset".
_FEELINGS = frozenset(HURT_FEELINGS) | {
    "put",
    "so",
    "that",
    "this",
    "singled",
    "left",
    "hurtful",
    "offensive",
    "upsetting",
    "harsh",
    "rude",
    "sensitive",
    "defensive",
}
# Of those, the ones that only open a phrase: quoting stops at the verb before them.
_OPENERS = frozenset({"that", "this", "so", "put", "left", "singled"})

# Verbs that make the feeling the subject whatever follows ("sorry you feel...").
_FEELING_VERBS_ALWAYS = (
    "feel",
    "felt",
    "feels",
    "took",
    "take",
    "see",
    "saw",
    "perceive",
    "perceived",
    "interpreted",
    "interpret",
    "heard",
    "didn't like",
    "did not like",
    "disliked",
    "didn't appreciate",
    "didn't enjoy",
    "weren't happy",
    "were not happy",
    "weren't comfortable",
    "weren't pleased",
    "didn't care for",
    "took issue",
)

_BY_ME = rx(r"\s*by\s+(?:what i|my|me|how i|the way i|i)\b")

_MSG_CONDITIONAL = '"Sorry if..." makes the harm sound hypothetical. Say what you did and that you regret it.'
_MSG_SHIFT = "This makes their feeling the subject instead of your act. Name what you did."
_MSG_HEDGE = '"Any" or "anyone who" keeps the harm vague and unowned. Say what you did and to whom.'


def _feeling_shift_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    verb = m.group("verb")
    nxt = (m.group("next") or "").strip()
    if verb not in _FEELING_VERBS_ALWAYS and nxt not in _FEELINGS:
        # "sorry you had to sit through that" or "sorry you were put on the spot":
        # not a feeling made into the subject.
        return None
    # "sorry you were hurt by what I said" names the leader's act as the cause.
    if _BY_ME.match(doc.norm, m.end()):
        return None
    return severity


def _feeling_shift_span(m: re.Match[str]) -> tuple[int, int]:
    """Quote up to the feeling word ("sorry you were offended") or the verb ("sorry you feel")."""
    nxt = (m.group("next") or "").strip()
    if nxt in _FEELINGS and nxt not in _OPENERS:
        return m.start(), m.end("next")
    return m.start(), m.end("verb")


NON_APOLOGY_RULES: tuple[Rule, ...] = (
    Rule(
        id="non_apology.sorry_if",
        category="non_apology",
        severity="high",
        pattern=rx(
            r"\b" + _HEAD + r"\b[^,.;:!?\n]{0,40}?"
            r"\b(?:if|in case|to the extent(?: that)?|to whatever extent|insofar as)\s+"
            r"(?!"
            + _INVITATION
            + r")"
            # "sorry if putting your name up…": a gerund opens the condition too.
            + r"(?:[a-z]+ing\b|"
            + alt(
                ("you",),
                SOMEONE,
                (
                    "i",
                    "that",
                    "it",
                    "this",
                    "my",
                    "what",
                    "any",
                    "some",
                    "they",
                    "he",
                    "she",
                    "your",
                    "we",
                    "the",
                ),
            )
            + r"\b)(?:\s+[a-z']+)?"
        ),
        message=_MSG_CONDITIONAL,
        catches=(
            "I'm sorry if you felt left out of the decision.",
            "I apologise if moving your shift felt abrupt.",
            "I'm sorry to whatever extent the schedule upset you.",
            "I apologise if anyone was caught off guard by the change.",
            "I regret it if my comments came across badly.",
            "Sorry to the extent that it seemed unfair.",
        ),
        passes=(
            "I'm sorry I snapped at you in front of the team.",
            "I'm sorry I rushed you and I can walk through it if you want.",
        ),
    ),
    Rule(
        # The condition comes first: "If I came across as rude, I apologize".
        id="non_apology.if_then_sorry",
        category="non_apology",
        severity="high",
        pattern=rx(
            r"\bif\s+(?:i|you|" + alt(SOMEONE) + r"|that|it|this|my [a-z]+|the [a-z]+(?: [a-z]+)?|"
            r"what i said|any of (?:you|that|this)|they|he|she)\b[^.;!?\n]{0,60}?"
            r"\b(?:offend[a-z]*|upset[a-z]*|hurt[a-z]*|bother[a-z]*|felt|feel[a-z]*|"
            r"came (?:across|out|off)|come (?:across|out|off)|landed|sounded|seemed|took it|"
            r"was (?:too|a bit|rude|harsh|unfair|out of line)|crossed a line|stepped on)"
            r"[^.;!?\n]{0,40}?,\s*(?:then\s+)?(?:i(?:'m| am)?\s+(?:[a-z]+\s+)?" + _HEAD + r"|"
            r"(?:my\s+)?apologies|sorry)\b"
        ),
        message=_MSG_CONDITIONAL,
        catches=(
            "If I came across as dismissive, I apologise.",
            "If anyone felt singled out, I'm sorry.",
            "If my joke landed badly, then I'm truly sorry.",
            "If the rota change hurt, then I'm sorry for that.",
        ),
        passes=(
            "If it helps, I'm sorry I rushed you.",
            "When I came across as dismissive, I was wrong.",
        ),
    ),
    Rule(
        # "I'm sorry you feel that way", "sorry that you were offended".
        id="non_apology.sorry_you_feel",
        category="non_apology",
        severity="high",
        pattern=rx(
            r"\b" + _HEAD + r"\s+(?:that\s+|about\s+|for\s+)?"
            r"(?:you|you all|anyone|people|everyone|they|he|she|some of you|the team|some people)"
            r"(?:\s+|(?='))"
            r"(?:(?:may|might|must)\s+(?:have\s+)?)?"
            r"(?P<verb>feel|felt|feels|are|were|got|get|was|took|take|see|saw|perceive|perceived|"
            r"interpreted|interpret|heard|found|(?<=[a-z])'re|(?<=[a-z])'ve been|have been|"
            r"ended up|came away|didn't like|did not like|disliked|didn't appreciate|"
            r"didn't enjoy|weren't happy|were not happy|weren't comfortable|weren't pleased|"
            r"didn't care for|took issue)\b(?P<next>\s+[a-z]+)?"
        ),
        message=_MSG_SHIFT,
        guard=_feeling_shift_guard,
        span=_feeling_shift_span,
        catches=(
            "I'm sorry you feel that way.",
            "Sorry that you were offended by the joke.",
            "I'm sorry the team felt blindsided.",
            "I apologise that you took it so personally.",
        ),
        passes=(
            "I'm sorry you were hurt by what I said.",
            "I'm sorry you had to sit through that.",
            "I'm sorry you got the short end of the rota this month.",
        ),
    ),
    Rule(
        id="non_apology.sorry_for_their_feelings",
        category="non_apology",
        severity="high",
        pattern=rx(
            r"\b" + _HEAD + r"\s+(?:for|about)\s+(?:how you feel|how you felt|your feelings|"
            r"the way you feel|the way you felt|how (?:it|that|this) (?:made you feel|"
            r"felt to you))\b"
            r"|\b" + _HEAD + r"\s+(?:that\s+)?(?:it|this|that)\s+(?:upset|offended|hurt|bothered|"
            r"affected|annoyed|stung)\s+(?:you|anyone|people|some|the team|them|him|her)\b"
            r"|\b" + _HEAD + r"\s+(?:that\s+)?(?:it|this|that|my words|what i said)\s+(?:just\s+)?"
            r"(?:came|come|sounded|landed)\s+(?:across|off|out)?\s*(?:that way|wrong|badly|bad|"
            r"harsh[a-z]*|like)\b"
            r"|\bsorry\s+(?:that|if)\s+(?:that's|that is|this is|it's|it is)\s+how\s+"
            r"(?:it|that|you|this)\b"
        ),
        message=_MSG_SHIFT,
        catches=(
            "I'm sorry for how you feel.",
            "I'm sorry it upset you.",
            "Sorry that my words came across badly.",
            "I'm sorry if that's how it came across.",
        ),
        passes=(
            "I'm sorry for how I spoke to you.",
            "I'm sorry I upset you by changing the plan without asking.",
        ),
    ),
    Rule(
        id="non_apology.sorry_for_any",
        category="non_apology",
        severity="high",
        pattern=rx(
            r"\b" + _HEAD + r"\s+(?:to\s+[a-z]+\s+)?(?:for|about)\s+(?:any|whatever|anything)\b"
            r"(?:\s+[a-z]+){0,3}"
            r"|\b" + alt(SORRY_WORDS, ("apologies",)) + r"\s+to\s+"
            r"(?:anyone|anybody|whoever|those|everyone)\s+(?:who|that|whom|i)\b(?:\s+[a-z]+){0,2}"
        ),
        message=_MSG_HEDGE,
        catches=(
            "I'm sorry for any confusion this caused.",
            "I apologise to anyone who felt left out.",
            "Apologies for whatever part I played in it.",
        ),
        passes=(
            "I'm sorry for the confusion my email caused you.",
            "I'm sorry to you and to Sam for taking over the demo.",
        ),
    ),
)
