"""Over-apology: apologies inflated or stacked until the repair is about the leader's remorse.

One plain "I'm sorry for X" is the goal. Inflation ("so so sorry", "I can't apologise enough")
is flagged by pattern; stacking is counted: two apologies in one text are a hint, three a stack.
"""

from __future__ import annotations

from assistant.guardrails.base import CheckExamples, Hit, Rule, rx
from assistant.guardrails.lexicon import APOLOGISE, INTENSIFIERS, SORRY_WORDS, alt
from assistant.guardrails.text import Doc, trimmed_span

# Every word that counts as one apology, in any inflection.
_UNIT = rx(
    r"\b"
    + alt(("sorry",), *(v.all_forms for v in APOLOGISE), ("apology", "apologies", "i regret", "regrets"))
    + r"\b"
)

_MSG_INFLATED = (
    'An inflated apology shifts attention to your distress. One plain "I\'m sorry for..." is enough.'
)

OVER_APOLOGY_RULES: tuple[Rule, ...] = (
    Rule(
        id="over_apology.intensified",
        category="over_apology",
        severity="medium",
        pattern=rx(
            r"\b(?:" + alt(INTENSIFIERS) + r"|so+)[,!]?\s+"
            r"(?:" + alt(INTENSIFIERS) + r"[,!]?\s+)+"
            r"sorry\b|\bso{3,}\s+sorry\b"
        ),
        message=_MSG_INFLATED,
        catches=(
            "I'm so, so sorry about Friday.",
            "I am truly deeply sorry.",
            "I'm soooo sorry.",
        ),
        passes=(
            "I'm really sorry I cut you off.",
            "I'm sorry, and I can see why you were so upset.",
        ),
    ),
    Rule(
        id="over_apology.cannot_apologise_enough",
        category="over_apology",
        severity="medium",
        pattern=rx(
            r"\bcan(?:'t|not|\s+never|\s+not)\s+(?:ever\s+)?(?:apologi[sz]e|say (?:sorry|"
            r"i'm sorry))"
            r"\s+enough\b|\bcan(?:'t|not)\s+(?:even\s+)?tell you how sorry\b"
        ),
        message=_MSG_INFLATED,
        catches=(
            "I can never apologise enough for that.",
            "I can't tell you how sorry I am.",
            "I cannot say sorry enough.",
        ),
        passes=(
            "I can't promise it will be easy, but I'm sorry.",
            "I can say sorry now and show you the change on Monday.",
        ),
    ),
    Rule(
        id="over_apology.sorry_again",
        category="over_apology",
        severity="medium",
        pattern=rx(
            r"\b" + alt(SORRY_WORDS, ("apologies",)) + r"\s+again\b"
            r"|\b(?:again|once again|once more),?\s+(?:i'm\s+|i am\s+|i\s+)?(?:[a-z]+\s+)?"
            + alt(SORRY_WORDS)
            + r"\b"
        ),
        message="Apologising again keeps the focus on your remorse. Say it once, then move to what changes.",
        catches=(
            "Sorry again for the mess.",
            "Once again, I'm really sorry.",
            "Again I apologise.",
        ),
        passes=(
            "It won't be the last time I'm wrong, and I'm sorry for this one.",
            "I'd like to try the handover again on Thursday.",
        ),
    ),
    Rule(
        id="over_apology.profuse",
        category="over_apology",
        severity="medium",
        pattern=rx(
            r"\b(?:a (?:thousand|million|hundred)|endless|countless|so many) (?:apologies|"
            r"sorries)\b"
            r"|\bapologi[sz]e\s+(?:profusely|endlessly|from the bottom of my heart|a (?:hundred|"
            r"thousand|million) times(?: over)?)\b|\b(?:a (?:hundred|thousand|million)|"
            r"countless) times over\b"
            r"|\b" + alt(SORRY_WORDS) + r" for (?:everything|all of it)\b"
            r"|\bsorry\s*!{2,}"
        ),
        message=_MSG_INFLATED,
        catches=(
            "A thousand apologies for the delay.",
            "I apologise from the bottom of my heart.",
            "Sorry for everything.",
            "Sorry!!",
            "I'm sorry a hundred times over for the confusion.",
        ),
        passes=(
            "I'm sorry for the comment about your slides.",
            "I've thought about it a hundred times since Tuesday.",
        ),
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
        return [
            Hit(
                "over_apology",
                "high",
                start,
                end,
                f"{len(units)} apologies in a row make the repair about your remorse. "
                "Keep one plain apology and name the act.",
            )
        ]
    # Two: point at the second, the one to cut.
    start, end = trimmed_span(doc.text, *units[1])
    return [
        Hit(
            "over_apology",
            "medium",
            start,
            end,
            'A second apology where one will do. Keep one plain "I\'m sorry for...".',
        )
    ]


EXAMPLES: tuple[CheckExamples, ...] = (
    CheckExamples(
        id="over_apology.stacked",
        category="over_apology",
        catches=(
            "I'm sorry for the delay. I apologise for the mix-up as well.",
            "I'm sorry. I regret how I spoke. My apologies to the whole team.",
        ),
        passes=(
            "I'm sorry I interrupted you in the review.",
            "I regret the tone I took, and I want to hear how it landed for you.",
        ),
    ),
)
