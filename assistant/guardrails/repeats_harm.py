"""repeats_harm: a section promises to do the act again.

Small models copy the act into the commitment: "I will be cutting you off three times in the
next meeting". The act is read from the incident (and, without one, from the own section), so
a promise that carries the act's verb with what made it hurt — or any act that hurts in itself
— is flagged, unless the promise refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context, content_stems, phrase_of
from assistant.guardrails.lexicon import ALWAYS_HARMFUL, HARM_ACTS, MANNER_OF_HARM, PUBLICLY, stem, stems
from assistant.guardrails.promises import promises, refused
from assistant.guardrails.text import Doc, trimmed_span

CATEGORY = "repeats_harm"
MESSAGE = (
    "This promises to do again what hurt them. Say what you will do instead: the opposite "
    "behaviour, on a named occasion."
)
# Each example: (section, text, incident) — must flag; must pass.
CATCHES: tuple[tuple[Section, str, str], ...] = (
    (
        "commit",
        "I will be cutting you off three times in the next meeting.",
        "I cut Priya off twice in the meeting.",
    ),
    (
        "commit",
        "I will keep my promise to you that we'll make a change on Friday night without your permission.",
        "I changed the sprint scope on Friday night without telling anyone.",
    ),
    (
        "commit",
        "Next week I'll shout at you again if the report is late.",
        "I shouted at Omar about the report.",
    ),
    (
        "commit",
        "In the review I will tell you your plan is lazy.",
        "I told Wei in front of the whole team that his test plan was lazy.",
    ),
    (
        "commit",
        "At this morning's briefing I'll read out a poem about lane 5 with the snails verse in it.",
        "At the Christmas briefing I read out a comic poem with a verse calling lanes 5 and 6 the snails.",
    ),
    (
        "commit",
        "Starting this week, I will not open them.",
        "Florin sent me four private messages during the call. I never opened them.",
    ),
    (
        "commit",
        "Whenever the scores dip, I'll read them out on the floor so it's all out in the open.",
        "I read out Imogen's customer scores in front of the team on the shop floor.",
    ),
    (
        "commit",
        "Through the winter I'll keep booking the break room for the managers' meetings.",
        "I took over the ward staff's break room for management meetings without asking.",
    ),
    (
        "commit",
        "Before the next payroll error I will hold up a finger and ask you to walk me through it.",
        "Every time Delphine came to my door I held up one finger and kept typing.",
    ),
    (
        "commit",
        "On the next crew rota I will go around you, and the deckhands will be the ones I call.",
        "I kept ringing the crew myself to change their shifts, going around Orla.",
    ),
    (
        "commit",
        "Next time, I'll go through the inspection with you and tell the group the watch is a disgrace to the uniform.",
        "After the inspection went badly I sent a voice note shouting that the watch was 'a disgrace to the uniform'.",
    ),
)

PASSES: tuple[tuple[Section, str, str], ...] = (
    (
        "commit",
        "I'll keep our Tuesday one-to-ones in the calendar, and if one has to move I'll rebook it that week.",
        "I cancelled my one-to-one with Ingrid four weeks in a row.",
    ),
    (
        "commit",
        "In the next meeting I will let you finish before I speak.",
        "I cut Priya off twice in the meeting.",
    ),
    (
        "commit",
        "I won't cut you off again; in Thursday's stand-up I'll wait until you've finished.",
        "I cut Priya off twice.",
    ),
    (
        "commit",
        "Before the scope changes again, I'll tell you by Thursday and ask for your view.",
        "I changed the sprint scope on Friday night without telling anyone.",
    ),
    ("commit", "If I start to talk over you on Monday, please stop me.", "I talked over Fatima."),
    ("own", "I cut you off twice in the meeting.", "I cut Priya off twice in the meeting."),
    (
        "commit",
        "I won't forget to book the van again: I'll book it by Thursday and send you the slip.",
        "I told Soraya I'd get her the van for Saturday. I forgot to book it.",
    ),
    (
        "commit",
        "Before tomorrow's show I'll tell the producers, with you there, that I cancelled the tech rehearsal.",
        "I told the producers the crew hadn't tested the cues. I'd cancelled the tech rehearsal to save money.",
    ),
    (
        "commit",
        "Next time you come to my door I won't hold up a finger; I'll stop typing and turn round.",
        "Every time Delphine came to my door I held up one finger and kept typing.",
    ),
    (
        "commit",
        "At Tuesday's drill I'll tell the whole watch I was wrong to call it a disgrace to the uniform.",
        "After the inspection went badly I sent a voice note shouting that the watch was 'a disgrace to the uniform'.",
    ),
    (
        "commit",
        "This shift I will post in that channel that the checklist is yours, with your name at the top.",
        "I posted the new checklist in the ground ops channel as something I'd put together. Rangi wrote it.",
    ),
)


def _act_stems(ctx: Context) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.verb, a.harms) for a in ctx.acts]


# The act told again: "I'll present the model under my own name again", "keep changing your leads".
_AGAIN = re.compile(
    r"\b(?:again|the same way|same as|as before|as i did|keep(?:ing)? (?:on )?\w+ing|carry on|continue|go on|another|more of)\b"
)
# Words that say the act itself is what is planned: "the same way I did on Tuesday".
_SAME_AGAIN = re.compile(
    r"\b(?:the same way|as i did|like i did|like last time|as before|as usual|keep happening|happen again|"
    r"carry on \w+ing|keep (?:on )?\w+ing)\b"
)
_CRITICISM = re.compile(
    r"\b(?:errors?|mistakes?|wrong|not up to (?:standard|scratch)|isn't good|problems?|faults?|point(?:ing)? out|"
    r"call(?:ing)? out|criticis\w*|criticiz\w*|say so|tell (?:you|them|everyone) (?:off|what)|lazy|sloppy)\b"
)
_OWNING = re.compile(r"\b(?:take the blame|the blame is mine|blame myself|my fault|not you)\b")
_PAST_HARM = re.compile(r"^(?:\w+ed|spoke|shot|swore|froze|took|told|hung|lost|made|overrode)\b")
# Words that make a promise about the act a safeguard: asking first, in private, together.
_MITIGATED = re.compile(
    r"\b(?:ask(?:ing)? (?:you|for your|them|the team|first)|check(?:ing)? with you|your (?:okay|ok|view|input|agreement|go-ahead|say)|"
    r"privately|in private|together|with you first|let you|hand (?:it|this|that) (?:back )?to you|you decide|your call|"
    r"before (?:i|it|anything|we)|instead|first|correct\w*|apolog\w*|thank\w*|credit|clarif\w*|set the record|"
    r"not (?:from )?you|my mistake|my error)\b"
)


def _echo(body: str, ctx: Context) -> int | None:
    """Where the promise retells one of the leader's acts, or None."""
    said = content_stems(body)
    for act in ctx.acts:
        shared = (act.words - {act.verb}) & said
        words = body.split()
        at = next((i for i, w in enumerate(words) if stem(w) == act.verb), None)
        verb_again = at is not None
        # "Again" must belong to the act's verb: within a few words after it.
        again = _AGAIN.search(" ".join(words[at : at + 7])) if at is not None else None
        # Good repairs go back to the same rota or channel to fix it; only the act itself, said
        # to happen again, is the harm repeated.
        if verb_again and again and len(shared) >= 1:
            return len(" ".join(words[:at]))
        # The act told over in its own words: its verb and two more of what it was done to
        # ("I'll read out a poem about lane 5" after reading out the poem about lanes 5 and 6).
        if verb_again and not act.omitted and len(shared - _COMMON_OBJECTS) >= 3:
            return len(" ".join(words[:at]))
        # Criticism promised in public again: "I'll carry on pointing out your errors out loud".
        public = PUBLICLY.search(body)
        if (
            public
            and _CRITICISM.search(body)
            and any(
                PUBLICLY.search(h) or h.startswith(("in front", "publicly", "over the", "in the"))
                for h in act.harms
            )
        ):
            return public.start()
    if (same := _SAME_AGAIN.search(body)) is not None:
        return same.start()
    return None


# Objects too general to tell one act from another.
_COMMON_OBJECTS = frozenset(stems("you your team meeting time thing people everyone all work way"))


def _omission_again(doc: Doc, promise: object, body: str, ctx: Context) -> int | None:
    """A promise not to do what was left undone: "I will not open them" after never opening them."""
    for act in ctx.acts:
        if not act.omitted:
            continue
        negated = re.search(r"(?:\bnot|\bnever|n't)\s+((?:\w+\s+){0,2}?)(\w+)", body)
        if negated is None or stem(negated.group(2)) != act.verb:
            continue
        if re.search(r"\b(?:forget|fail|neglect|leave|let)\w*", negated.group(1)):
            continue  # "I won't forget to book it": the opposite of the omission
        return promise.body + negated.start()  # type: ignore[attr-defined]
    return None


def _kept_up(body: str, ctx: Context) -> int | None:
    """ "I'll keep booking the break room": the act promised to go on, about what it was done to."""
    # A gerund after "keep": "keep our one-to-ones in the calendar" keeps a thing, not an act.
    m = re.match(r"\s*(?:keep|continue|carry on|go on)\s+(?:on\s+)?[a-z]+ing\b", body)
    if m is None:
        return None
    said = content_stems(body[m.end() :])
    for act in ctx.acts:
        if ((act.words | {act.verb}) & said) - _COMMON_OBJECTS:
            return m.start()
    return None


# The way the act was done, promised again: on the spot, out loud, stepping in.
_AS_BEFORE = re.compile(
    r"\b(?:straight away|right away|there and then|in the moment|on the spot|on the floor|"
    r"out loud|jump in|step in|so everyone|so it's all)\b"
)


def _done_again(body: str, ctx: Context) -> int | None:
    """ "I'll read them out on the floor" after reading out their scores there: the same act."""
    manner = _AS_BEFORE.search(body)
    if manner is None:
        return None
    said = content_stems(body)
    for act in ctx.acts:
        if len(((act.words | {act.verb}) & said) - _COMMON_OBJECTS) >= 2:
            return manner.start()
    return None


# Words that put the leader's own quoted words on record as wrong, not say them again.
_RETRACTS = re.compile(
    r"\b(?:apolog\w*|sorry|wrong|unfair|not fair|wasn't fair|untrue|not true|take (?:it|that|those|"
    r"them)? ?back|withdraw\w*|retract\w*|shouldn't have|should not have|regret|never should|"
    r"was out of line|correct\w*|no longer)\b"
)


def _quoted_again(body: str, ctx: Context) -> int | None:
    """The leader's hurtful words, quoted in the account, promised again in the same words:
    "I'll tell the whole group that the watch is a disgrace to the uniform"."""
    for act in ctx.acts:
        for harm in act.harms:
            if len(content_stems(harm)) < 2 or len(harm.split()) < 3:
                continue
            i = body.find(harm)
            if i >= 0 and not _RETRACTS.search(body):
                return i
    return None


# What makes a promise that tells the act in its own words something else: the act refused,
# or replaced.
_INSTEAD = re.compile(r"\b(?:instead of|rather than|stop|no more|not|never|n't)\b")


def _same_words(body: str, ctx: Context) -> int | None:
    """The act told again in the account's own words, verb first: "I will hold up a finger and…"
    after "I held up one finger and kept typing", "take the delay out on the crew"."""
    # Only the verb the promise is about: its first word, or one joined on with "and". A verb
    # further in is reported ("tell them that I cancelled the rehearsal") or a noun ("my posts").
    for m in re.finditer(r"^\s*|\band\s+(?:then\s+)?", body):
        said = phrase_of(body[m.end() :])[:3]
        for act in ctx.acts:
            if act.omitted or len(said) < 3 or said[0] != act.verb:
                continue
            if any(act.phrase[i : i + 3] == said for i in range(len(act.phrase) - 2)):
                return m.end()
    return None


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    acts = _act_stems(ctx)
    for promise in promises(doc):
        body = doc.norm[promise.body : promise.end]
        if section == "own" and doc.norm[promise.start : promise.body].endswith(("keep", "continue")):
            continue  # "I keep overriding you": owning a pattern, not promising it
        where: int | None = None
        m = HARM_ACTS.search(body)
        # "I want to name that I spoke over you", "I'll take the blame": the act told or taken on.
        if m is not None and not _PAST_HARM.match(m.group(0)) and not _OWNING.search(body):
            where = promise.body + m.start()
        if where is None and (m := ALWAYS_HARMFUL.search(body)) is not None:
            where = promise.body + m.start()
        if where is None:
            verbs = {verb for verb, _ in acts}
            for m in MANNER_OF_HARM.finditer(body):
                # The same act in the same manner: "I'll change it on Friday night again".
                if verbs & {stem(w) for w in body.split()} and any(
                    h.split()[:2] == m.group(0).split()[:2] for _, harms in acts for h in harms
                ):
                    where = promise.body + m.start()
                    break
        if where is None:
            for verb, harms in acts:
                words = body.split()
                if not any(stem(w) == verb for w in words):
                    continue
                for harm in harms:
                    i = body.find(harm.split()[-1] if " " in harm else harm)
                    if harm and i >= 0:
                        where = promise.body + i
                        break
                if where is not None:
                    break
        if where is None and section != "own" and (quoted := _quoted_again(body, ctx)) is not None:
            if not refused(doc, promise, promise.body + quoted):
                start, end = trimmed_span(doc.text, promise.start, promise.end)
                yield Hit(CATEGORY, "high", start, end, MESSAGE)
            continue
        if where is None and section != "own" and (same := _same_words(body, ctx)) is not None:
            if not refused(doc, promise, promise.body + same) and not _INSTEAD.search(body):
                start, end = trimmed_span(doc.text, promise.start, promise.end)
                yield Hit(CATEGORY, "high", start, end, MESSAGE)
            continue
        if where is None and section != "own" and (kept := _kept_up(body, ctx)) is not None:
            where = promise.body + kept
        if where is None and (again := _done_again(body, ctx)) is not None:
            where = promise.body + again
        if where is None:
            where = _echo(body, ctx)
            where = None if where is None else promise.body + where
        if where is None:
            where = _omission_again(doc, promise, body, ctx)
            if where is not None:
                start, end = trimmed_span(doc.text, promise.start, promise.end)
                yield Hit(CATEGORY, "high", start, end, MESSAGE)
                continue
        if where is None or refused(doc, promise, where) or _MITIGATED.search(body):
            continue
        start, end = trimmed_span(doc.text, promise.start, promise.end)
        yield Hit(CATEGORY, "high", start, end, MESSAGE)
