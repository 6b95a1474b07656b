"""Where a text promises something: the stretch after "I will", "we'll", "from now on I"…

The context checks read what is promised. A promise is negated when it refuses the act
("I won't", "I'll stop", "instead of"), and conditional when it is about a time the act might
recur ("if I start to talk over you, stop me"); neither promises the harm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.guardrails.text import Doc

_PROMISE = re.compile(
    r"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to| are going to| plan to|"
    r" intend to| promise to| commit to| aim to| mean to| want to| would like to|'d like to| keep| continue to)\b"
    r"|\b(?:i|we)(?:'ll| will) (?:be|keep|continue)\b"
    # "Next time I feel…" opens a condition, not a promise; "from now on I…" is one.
    r"|\b(?:from now on|going forward),? (?:i|we)\b"
    r"|\b(?:that|it|this) (?:will|'ll) (?:keep|continue|happen)\b"
)
# Words that turn the promise against the act.
_NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|none|no one|nobody|no longer|no more|stop|stopping|avoid|avoiding|refrain|quit|instead of|rather than|"
    r"without|less|fewer|resist|catch myself|check myself|cut out|cut back|hold back|hold off|"
    r"make sure i don't|won't|nor|let you finish|wait until|wait for|before i)\b|n't\b"
)
# Words that make the act a possibility being guarded against, not a plan.
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in case|should i|each time|every time|any time|anytime|the moment|as soon as|once)\b"
)


@dataclass(frozen=True)
class Promise:
    start: int
    """Where the promise marker starts."""
    body: int
    """Where what is promised starts (after the marker)."""
    end: int
    """End of the promised stretch: the end of the sentence."""


def promises(doc: Doc) -> Iterator[Promise]:
    for m in _PROMISE.finditer(doc.norm):
        sentence = doc.sentence_at(m.start())
        yield Promise(m.start(), m.end(), sentence.end)


def refused(doc: Doc, promise: Promise, at: int) -> bool:
    """True when the words between the promise and `at` negate it or make it a condition."""
    before = doc.norm[promise.start : at]
    # "I won't", "I'll never": the negation can sit inside the marker itself.
    if _NEGATION.search(before) or _CONDITION.search(before):
        return True
    # "not" right before the promise: "I'm not going to…"
    lead = doc.norm[max(0, promise.start - 12) : promise.start]
    return re.search(r"\b(?:not|never)\s*$", lead) is not None
