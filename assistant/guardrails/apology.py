"""Apologies that undo themselves (conditional or feeling-shifting) and apologies stacked up.

A plain "I'm sorry for X" is good repair language and is never flagged on its own. What is
flagged is the shape around it: an "if" that makes the harm hypothetical, a clause that makes
the other person's feeling the subject instead of the leader's act, a hedge like "any
inconvenience", or so many apologies that the repair becomes about the leader's remorse.
"""

from __future__ import annotations

import re

from assistant.guardrails.base import Hit, Rule, rx
from assistant.guardrails.text import Doc, trimmed_span
from assistant.schemas import Severity

_HEAD = r"(?:sorry|apologi[sz]e|apologies|regret)"

# "if you're open to it" after an apology is an invitation, not a condition on the harm.
_INVITATION = (
    r"(?:you're|you are|you'd|you would|you want|you wish|you have time|you've got|you get|"
    r"it helps|that works|you need|you prefer|you're willing|you're up for)\b"
)

_FEELINGS = frozenset({
    "offended", "upset", "hurt", "bothered", "annoyed", "uncomfortable", "angry", "frustrated",
    "disappointed", "sad", "triggered", "insulted", "unhappy", "dismissed", "embarrassed",
    "confused", "miffed", "irritated", "put", "so", "that", "this", "slighted", "attacked",
    "singled", "hurtful", "offensive", "upsetting", "harsh", "rude", "disrespected", "unheard",
    "unseen", "undermined", "belittled", "excluded", "left", "mad", "cross", "stung", "wounded",
    "sensitive", "defensive",
})

_FEELING_VERBS_ALWAYS = (
    "feel", "felt", "feels", "took", "take", "see", "saw", "perceive", "perceived", "interpreted",
    "interpret", "heard", "didn't like", "did not like", "disliked", "didn't appreciate",
    "didn't enjoy", "weren't happy", "were not happy", "weren't comfortable", "weren't pleased",
    "didn't care for", "took issue",
)

_BY_ME = rx(r"\s*by\s+(?:what i|my|me|how i|the way i|i)\b")

_MSG_CONDITIONAL = (
    "\"Sorry if...\" makes the harm sound hypothetical. Say what you did and that you regret it."
)
_MSG_SHIFT = (
    "This makes their feeling the subject instead of your act. Name what you did."
)
_MSG_HEDGE = (
    "\"Any\" or \"anyone who\" keeps the harm vague and unowned. Say what you did and to whom."
)


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
    if nxt in _FEELINGS and nxt not in ("that", "this", "so", "put", "left", "singled"):
        return m.start(), m.end("next")
    return m.start(), m.end("verb")


NON_APOLOGY_RULES: tuple[Rule, ...] = (
    Rule(
        # "I'm sorry if you felt...", "I apologize if my comments upset you".
        "non_apology", "high",
        rx(
            r"\b" + _HEAD + r"\b[^,.;:!?\n]{0,40}?"
            r"\b(?:if|in case|to the extent(?: that)?|insofar as)\s+"
            r"(?!" + _INVITATION + r")"
            r"(?:you|anyone|anybody|someone|somebody|people|i|that|it|this|my|what|any|some|they|"
            r"he|she|your|we|the)\b(?:\s+[a-z']+)?"
        ),
        _MSG_CONDITIONAL,
    ),
    Rule(
        # "If I came across as rude, I apologize": the condition comes first.
        "non_apology", "high",
        rx(
            r"\bif\s+(?:i|you|anyone|anybody|someone|somebody|people|that|it|this|my [a-z]+|"
            r"what i said|any of (?:you|that|this)|they|he|she)\b[^.;!?\n]{0,60}?"
            r"\b(?:offend[a-z]*|upset[a-z]*|hurt[a-z]*|bother[a-z]*|felt|feel[a-z]*|"
            r"came (?:across|out|off)|come (?:across|out|off)|landed|sounded|seemed|took it|"
            r"was (?:too|a bit|rude|harsh|unfair|out of line)|crossed a line|stepped on)"
            r"[^.;!?\n]{0,40}?,\s*(?:then\s+)?(?:i(?:'m| am)?\s+(?:[a-z]+\s+)?" + _HEAD + r"|"
            r"(?:my\s+)?apologies|sorry)\b"
        ),
        _MSG_CONDITIONAL,
    ),
    Rule(
        # "I'm sorry you feel that way", "sorry that you were offended".
        "non_apology", "high",
        rx(
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
        _MSG_SHIFT, _feeling_shift_guard, span=_feeling_shift_span,
    ),
    Rule(
        "non_apology", "high",
        rx(
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
        _MSG_SHIFT,
    ),
    Rule(
        "non_apology", "high",
        rx(
            r"\b" + _HEAD + r"\s+(?:to\s+[a-z]+\s+)?(?:for|about)\s+(?:any|whatever|anything)\b"
            r"(?:\s+[a-z]+){0,3}"
            r"|\b(?:sorry|apologi[sz]e|apologies)\s+to\s+(?:anyone|anybody|whoever|those|everyone)"
            r"\s+(?:who|that|whom|i)\b(?:\s+[a-z]+){0,2}"
        ),
        _MSG_HEDGE,
    ),
)


# ----------------------------------------------------------------------------- over-apology

_UNIT = rx(
    r"\b(?:sorry|apologi[sz](?:e|ed|es|ing)|apolog(?:y|ies)|i regret|regrets)\b"
)

_MSG_INFLATED = (
    "An inflated apology shifts attention to your distress. "
    "One plain \"I'm sorry for...\" is enough."
)

OVER_APOLOGY_RULES: tuple[Rule, ...] = (
    Rule(
        "over_apology", "medium",
        rx(
            r"\b(?:so|really|very|terribly|truly|deeply|incredibly|awfully|extremely|so+)[,!]?\s+"
            r"(?:(?:so|really|very|terribly|truly|deeply|incredibly|awfully|extremely)[,!]?\s+)+"
            r"sorry\b|\bso{3,}\s+sorry\b"
        ),
        _MSG_INFLATED,
    ),
    Rule(
        "over_apology", "medium",
        rx(
            r"\bcan(?:'t|not|\s+never|\s+not)\s+(?:ever\s+)?(?:apologi[sz]e|say (?:sorry|"
            r"i'm sorry))"
            r"\s+enough\b|\bcan(?:'t|not)\s+(?:even\s+)?tell you how sorry\b"
        ),
        _MSG_INFLATED,
    ),
    Rule(
        "over_apology", "medium",
        rx(
            r"\b(?:sorry|apologies|apologi[sz]e)\s+again\b"
            r"|\b(?:again|once again|once more),?\s+(?:i'm\s+|i am\s+|i\s+)?(?:[a-z]+\s+)?"
            r"(?:sorry|apologi[sz]e)\b"
        ),
        "Apologising again keeps the focus on your remorse. "
        "Say it once, then move to what changes.",
    ),
    Rule(
        "over_apology", "medium",
        rx(
            r"\b(?:a (?:thousand|million|hundred)|endless|countless|so many) (?:apologies|"
            r"sorries)\b"
            r"|\bapologi[sz]e\s+(?:profusely|endlessly|from the bottom of my heart|a (?:hundred|"
            r"thousand|million) times(?: over)?)\b|\b(?:a (?:hundred|thousand|million)|"
            r"countless) times over\b"
            r"|\b(?:sorry|apologi[sz]e) for (?:everything|all of it)\b"
            r"|\bsorry\s*!{2,}"
        ),
        _MSG_INFLATED,
    ),
)


def apology_units(doc: Doc) -> list[tuple[int, int]]:
    """Spans of each apology or regret word (used to count stacking, also across sections)."""
    cached = doc.cache.get("apology_units")
    if cached is None:
        cached = [(m.start(), m.end()) for m in _UNIT.finditer(doc.norm)]
        doc.cache["apology_units"] = cached
    return cached  # type: ignore[return-value]


def stacked_apologies(doc: Doc) -> list[Hit]:
    """Two apologies in one text are a hint; three or more are a stack."""
    units = apology_units(doc)
    if len(units) < 2:
        return []
    if len(units) >= 3:
        start, end = trimmed_span(doc.text, units[0][0], units[-1][1])
        return [Hit("over_apology", "high", start, end,
                    f"{len(units)} apologies in a row make the repair about your remorse. "
                    "Keep one plain apology and name the act.")]
    # Two: point at the second, the one to cut.
    start, end = trimmed_span(doc.text, *units[1])
    return [Hit("over_apology", "medium", start, end,
                "A second apology where one will do. Keep one plain \"I'm sorry for...\".")]
