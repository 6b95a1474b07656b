"""role_reversal: the person who was hurt is made the one who did it.

"You cut me off twice in the meeting", written to the person the leader cut off. A small
model loses track of who did what; the message then accuses them of the leader's own act.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Act, Context, content_stems
from assistant.guardrails.lexicon import HARM_ACTS, stem
from assistant.guardrails.text import Doc, trimmed_span

CATEGORY = "role_reversal"
MESSAGE = 'This makes them the one who did it. It was your act: say "I …", with yourself as the subject.'
# Helpers that keep the subject active ("you have", "you kept"); passive ones ("you were") do not.
_ACTIVE_AUX = (
    r"(?:(?:have|had|'ve|'d|just|kept|keep|did|always|then|also|really|basically|actually|again)\s+)*"
)
# Verbs too common to tell whose act it was on their own.
_COMMON = frozenset(
    stem(w)
    for w in (
        "tell",
        "say",
        "ask",
        "make",
        "get",
        "go",
        "give",
        "send",
        "take",
        "do",
        "have",
        "put",
        "write",
        "come",
        "see",
    )
)

CATCHES: tuple[tuple[Section, str, str, str], ...] = (
    ("own", "You have cut me off twice in the meeting.", "I cut Priya off twice in the meeting.", "Priya"),
    (
        "acknowledge",
        "Priya talked over me every time I tried to explain.",
        "I talked over Priya every time she spoke.",
        "Priya",
    ),
    (
        "own",
        "You told me my test plan was lazy in front of the team.",
        "I told Wei in front of the whole team that his test plan was lazy.",
        "Wei",
    ),
    (
        "acknowledge",
        "You had to read out the poem in front of everyone.",
        "At the briefing I read out a comic poem calling lanes 5 and 6 'the snails'.",
        "the team",
    ),
    (
        "acknowledge",
        "You were the one who held up a finger every time.",
        "Every time Delphine came to my door I held up one finger and kept typing.",
        "Delphine",
    ),
)
PASSES: tuple[tuple[Section, str, str, str], ...] = (
    (
        "acknowledge",
        "You were cut off twice and never got to make your point.",
        "I cut Priya off twice.",
        "Priya",
    ),
    ("own", "I cut you off twice in the meeting.", "I cut Priya off twice in the meeting.", "Priya"),
    (
        "acknowledge",
        "You told me afterwards that it felt dismissive.",
        "I dismissed Sam's idea in the meeting.",
        "Sam",
    ),
    (
        "acknowledge",
        "You had to listen to a poem about your lanes in front of everyone.",
        "At the briefing I read out a comic poem calling lanes 5 and 6 'the snails'.",
        "the team",
    ),
)


def _subjects(ctx: Context) -> str:
    names = [re.escape(f) for f in ctx.name_forms]
    if ctx.is_individual and not ctx.others_in_story:
        names += ["he", "she"]
    return r"(?:you|" + "|".join(names) + r")" if names else r"(?:you)"


_LEADER = re.compile(r"\b(?:me|my|us|our)\b")
_PAST = re.compile(r"[a-z]+ed$")


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    acts = ctx.acts
    subject = re.compile(r"(?<![\w'])" + _subjects(ctx) + r"(?: all| both)?\s+" + _ACTIVE_AUX)
    for clause in doc.clauses:
        # The subject may follow an opening phrase: "During lunch service you threw…".
        for m in subject.finditer(doc.norm, clause.core, clause.end):
            if m.start() != clause.core and not _BEFORE_SUBJECT.search(doc.norm, clause.start, m.start()):
                continue  # "I interrupted you…": them as the object, not the subject
            rest = doc.norm[m.end() : clause.end]
            # "You had to read out the poem", "you were the one who held back the crew": what
            # they are said to have had to do may still be the leader's act.
            lead = _HAD_TO.match(rest)
            if lead is not None:
                rest = rest[lead.end() :]
            words = rest.split()
            if not words or words[0] in _NOT_ACTIVE:
                continue  # "you had to…", "you were cut off": what happened to them
            if _REPORTED.search(doc.norm, doc.sentence_at(m.start()).start, m.start()):
                continue  # "I wrote that you had picked it wrong": the leader's words, owned
            if stem(words[0]) in ctx.their_verbs:
                continue  # the account says they did this: "you posted your proposal"
            harm = HARM_ACTS.match(rest)
            verb = stem(words[0])
            said = content_stems(rest)
            if _LEADER.search(rest):
                said = said | {"me"}
            if harm is not None:
                # Without the account, only "you … me" shows the roles swapped.
                if not acts and "me" not in said:
                    continue
            elif not any(_same_act(a, verb, words[0], said, ctx) for a in acts):
                continue
            start, end = trimmed_span(doc.text, m.start(), clause.end)
            yield Hit(CATEGORY, "high", start, end, MESSAGE)
            break


_HAD_TO = re.compile(r"(?:(?:had )?to|were the ones? who(?: had to)?)\s+")
_REPORTED = re.compile(
    r"\b(?:said|wrote|told \w+|called|claimed|implied|suggested|announced|posted|blamed|accused \w+ of)\b(?: that)?"
)
# Words after which "you" starts a new subject: "next time you…", "when you…".
_BEFORE_SUBJECT = re.compile(
    r"\b(?:when|while|whenever|because|after|before|as|since|if|once|time|then|and|so|that|where|until|moment)\s+$"
)
_NOT_ACTIVE = frozenset(
    {
        "to",
        "were",
        "was",
        "got",
        "get",
        "been",
        "be",
        "felt",
        "feel",
        "had",
        "have",
        "didn't",
        "did",
        "don't",
        "do",
        "could",
        "couldn't",
        "would",
        "might",
        "may",
        "can",
        "can't",
        "never",
        "not",
        "lost",
        "missed",
        "heard",
        "saw",
        "found",
        "learned",
        "learnt",
        "ended",
        "came",
        "went",
        "weren't",
        "wasn't",
        "are",
        "is",
        "'re",
        "'ve",
        "'d",
        "will",
        "'ll",
        "should",
        "must",
        "your",
        "you",
        "and",
        "as",
        "that",
    }
)


def _same_act(act: Act, verb: str, word: str, said: set[str], ctx: Context) -> bool:
    """Their clause tells the leader's act: the same verb with what it was done to."""
    shared = len((act.words - {act.verb}) & said)
    if act.verb == verb:
        return verb not in _COMMON or shared >= 1 or any(h and h.split()[-1] in said for h in act.harms)
    if verb in act.words and verb not in _COMMON and (_PAST.match(word) or word in _IRREGULAR_PAST):
        return shared >= 2  # "you joked about my weight" for "I made a joke about your weight"
    if verb in ctx.support:
        return False  # the account says they did this themselves ("while she was presenting")
    # Another verb for the same deed: a past tense that carries two of the act's words.
    return (bool(_PAST.match(word)) or word in _IRREGULAR_PAST) and shared >= 2 and "me" in said


_IRREGULAR_PAST = frozenset(
    {
        "told",
        "said",
        "took",
        "gave",
        "made",
        "left",
        "sent",
        "wrote",
        "ran",
        "broke",
        "threw",
        "kept",
        "put",
        "cut",
        "read",
        "held",
        "let",
    }
)
