"""unsupported_claim: a feeling or an event put on them that the leader never reported.

"You were humiliated", "you cried after the meeting": unless the account or the notes say so,
the leader is telling the person how they felt. A hedged form ("I imagine that was
embarrassing", "I could see…") offers the same understanding without the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context, content_stems
from assistant.guardrails.lexicon import AFTERMATH, FEELING, stems
from assistant.guardrails.text import Doc, trimmed_span

CATEGORY = "unsupported_claim"
MESSAGE = (
    "Your account doesn't say this about them. Offer it as what you imagine or saw, not as a "
    'fact: "I imagine that was…", "I could see…", or ask them.'
)
_DEGREE = r"(?:(?:so|very|really|quite|a bit|a little|deeply|clearly|visibly|obviously|pretty|extremely|completely|totally|not|too|more|less|incredibly|truly|upset and)\s+)*"
_STATE = r"(?:were|was|are|is|felt|feel|got|became|been|ended up|left|looked|seemed|'re|'s)"


def _claims(subject: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{subject}\s+(?:(?:were|was|are|is|have been|had been|'ve been)\s+)?(?:{_STATE}\s+)?{_DEGREE}(?:feeling\s+)?(?P<feel>{FEELING})\b"
        rf"|\b{subject}(?:'ve|'d|'re|'s)?\s+(?:(?:then|just|later|afterwards|even|now|all|both|also)\s+)*(?:have |has |had |been )?(?P<event>{AFTERMATH})"
        rf"|\b(?:left|made|leaving|making) (?:you|{subject}) (?:feel(?:ing)?\s+)?{_DEGREE}(?P<feel2>{FEELING})\b"
        rf"|\b(?P<since>{subject}\s+(?:'ve|have|has|haven't|hasn't)\s+[^.!?;]*?\b(?:ever since|since (?:then|that|the)))"
    )


_HEDGE = re.compile(
    r"\b(?:i imagine|imagine|i could see|i can see|i saw|i noticed|i suspect|i wonder|i guess|i think|"
    r"may have|might have|could have|may|might|maybe|perhaps|probably|likely|possibly|seem|seemed|seems|"
    r"must have|i'm guessing|i assume|i expect|would have|would've|would be|understandable|if you|"
    r"if that|whether|i sensed|i sense|it looked like|it sounded like|you told me|you said|i heard|"
    r"i got the sense|i'd understand|can only imagine|it's possible|wonder if|i worry|i fear)\b|\?\s*$"
)
CATCHES: tuple[tuple[Section, str, str, dict[str, str]], ...] = (
    (
        "acknowledge",
        "She was very upset with me for cutting her out of a meeting that she had planned to attend.",
        "I cut Priya off twice in the planning meeting.",
        {},
    ),
    (
        "acknowledge",
        "You were humiliated in front of the whole team.",
        "I corrected Tomas's figures in the all-hands.",
        {},
    ),
    ("acknowledge", "You cried after the meeting.", "I snapped at Lena in the stand-up.", {}),
    (
        "acknowledge",
        "I am sorry to hear that you were not happy with the anaesthetic protocol.",
        "Achieng questioned my choice of protocol and I told her I'd been doing this since before she qualified.",
        {},
    ),
    (
        "acknowledge",
        "I imagine you were worried about the post, and you had to explain the whole history to the panel.",
        "I told Tsion by email that her application was unsuccessful, with the wrong job title in it.",
        {},
    ),
)
PASSES: tuple[tuple[Section, str, str, dict[str, str]], ...] = (
    (
        "acknowledge",
        "I imagine that was humiliating in front of the whole team.",
        "I corrected Tomas's figures in the all-hands.",
        {},
    ),
    (
        "acknowledge",
        "You went quiet for the rest of the meeting.",
        "I snapped at Lena.",
        {"impact": "She went quiet for the rest of the meeting."},
    ),
    (
        "acknowledge",
        "You were upset, and you had every reason to be.",
        "I snapped at Lena and she was upset.",
        {},
    ),
    ("acknowledge", "You didn't get to finish your point.", "I cut Priya off twice.", {}),
    (
        "acknowledge",
        "You had to redo the week's bookings over your lunch.",
        "I joked that Milica's appointment book looked like a toddler did it. She redid the whole week's bookings at lunch.",
        {},
    ),
    (
        "acknowledge",
        "I imagine you had to explain the gap to the client yourself.",
        "I moved the client call without telling Ade.",
        {},
    ),
)


def _supported(words: str, ctx: Context) -> bool:
    """Some word that carries the claim is in the leader's account or notes."""
    key = content_stems(words) or set(stems(words))
    return any(s in ctx.support for s in key)


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    subjects = [
        "you",
        r"your \w+(?: \w+)?",
        r"(?:several|most|some|many|two|three|a few|all|half|none) of (?:you|your \w+)",
        r"you all",
        r"the rest of (?:the|your) \w+",
    ] + [re.escape(f) for f in ctx.name_forms]
    if ctx.is_individual and not ctx.others_in_story:
        subjects += ["she", "he"]
    pattern = _claims("(?:" + "|".join(subjects) + ")")
    for m in pattern.finditer(doc.norm):
        word = m.group("feel") or m.group("event") or m.group("feel2") or m.group("since") or ""
        if m.group("since"):
            word = re.sub(r"^\S+\s+\S+\s+|\b(?:ever since|since)\b.*$", "", word)
        if not ctx.has_account or _supported(word, ctx):
            continue
        before = doc.sentence_prefix(m.start())
        sentence = doc.sentence_at(m.start())
        if _HEDGE.search(before) or _HEDGE.search(doc.norm[m.start() : sentence.end]):
            continue
        start, end = trimmed_span(doc.text, m.start(), m.end())
        yield Hit(CATEGORY, "low", start, end, MESSAGE)


# "That left you with…" is the small model's stock opening for an impact, and whatever it adds
# is its own ("…a more open mind"). Other impacts told plainly are what a good acknowledgement
# does, so only this one is read for words the account never used.
_LEFT_YOU_WITH = re.compile(r"\b(?:that|this|it) left you with\b")
# Words any plain impact uses: not counted as new.
_GENERIC_IMPACT = frozenset(
    stems(
        "finish finished point chance floor say said speak spoke hear heard explain explaining move moved "
        "front other others everyone anyone colleague colleagues peer peers room work plan time answer "
        "question voice idea view input lot deal dealing alone own wait waiting reply left put spot look "
        "feel felt hard harder difficult embarrassing unfair wrong position credit name trust respect able "
        "way clear know sure nothing anything someone something part whole got get go went had have were "
        "left leave told tell asked ask come came back end ended up out without no any being done doing "
        "people team meeting first last next week day days today yesterday rest other talk talked think "
        "thought sorry mine yours chance decision decisions change changes changed news message email "
        "there here place still again before after while when where why what how who which because since "
        "now then just even also only really much many more less very quite bit little sense impression "
        "room said say saying choice option options take taken took put moved move off onto"
    )
)


def _novel(words: str, ctx: Context) -> set[str]:
    return {s for s in content_stems(words) if s not in ctx.support and s not in _GENERIC_IMPACT}


# "You had to explain why": the small model's stock event, put on them as a fact. What they had
# to do is theirs to say; the account must say it, or the clause must hedge it.
_HAD_TO = re.compile(
    r"(?:you|you'd|you've)\s+(?:(?:really|then|also|still|just)\s+)?(?:had to|have had to|were left to|"
    r"ended up having to|were the one who had to|had been left to)\s+"
)
_STOCK = frozenset(stems("why what how about this that them it thing things"))


def _had_to_hits(doc: Doc, ctx: Context) -> Iterator[Hit]:
    for clause in doc.clauses:
        m = _HAD_TO.match(doc.norm, clause.core)
        if m is None or _HEDGE.search(doc.norm[clause.start : clause.core]):
            continue
        said = content_stems(doc.norm[m.end() : clause.end]) - _STOCK
        if len(said - ctx.support) >= 2 and len(said - ctx.support) * 3 >= len(said) * 2:
            start, end = trimmed_span(doc.text, clause.start, clause.end)
            yield Hit(CATEGORY, "low", start, end, MESSAGE)


def novel_impact_hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    if section != "acknowledge" or not ctx.has_account:
        return
    yield from _had_to_hits(doc, ctx)
    for clause in doc.clauses:
        m = _LEFT_YOU_WITH.match(doc.norm, clause.core)
        if m is None:
            continue
        sentence = doc.sentence_at(clause.start)
        if _HEDGE.search(doc.norm[sentence.start : clause.end]) or not _novel(
            doc.norm[m.end() : clause.end], ctx
        ):
            continue
        start, end = trimmed_span(doc.text, clause.start, clause.end)
        yield Hit(CATEGORY, "low", start, end, MESSAGE)
