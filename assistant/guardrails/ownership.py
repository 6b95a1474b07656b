"""Who did it: where the leader names themselves as the agent of a specific act.

Research on apologies finds that naming the transgressor (or the act) as the cause matters more
than whether the apology says "if". So ownership is detected as a grammatical relation: "I" as
the subject of an act verb, "my tone/comment/decision" as the subject of a harm, or "sorry for"
followed by the act. The agentless, justification and missing_own checks all read it.
"""

from __future__ import annotations

import re

from assistant.guardrails.base import rx
from assistant.guardrails.lexicon import SHARP_WORDS, SOFTENERS, SORRY_WORDS, STRAIN, alt
from assistant.guardrails.text import Doc

# Adverbs that may sit between "I" and the verb without changing who acted.
_ADV = (
    r"(?:(?:just|really|also|then|completely|totally|basically|probably|clearly|repeatedly|"
    r"actually|even|simply|quickly|immediately|still|again|twice|openly|publicly|rudely|abruptly|"
    r"sharply|effectively|unfairly|badly|kind of|sort of|pretty much|more or less|essentially|"
    r"literally|only|so|too|kept on)\s+)*"
)

_IRREGULAR_ACTS = (
    "cut|said|spoke|told|made|gave|took|let|put|set|shut|sent|wrote|brought|threw|broke|forgot|"
    "lost|hit|ran|overrode|undercut|blew|swore|tore|went|left|kept|bit|fought|drove|shot|stole|"
    "spent|sped|held|withheld|chose|froze|upset|hurt|overrode|misread|mistook|overlooked|"
    "rode|spun|struck|stuck|swept|stood|dealt|meant|rang|sold|hid|led|laid|paid|sat|caught|"
    "read out|read aloud|bought|used|saw"
)

_IRREGULAR_PARTICIPLES = (
    "cut|said|spoken|told|made|given|taken|let|put|set|shut|sent|written|brought|thrown|broken|"
    "forgotten|lost|hit|run|left|kept|overridden|undercut|blown|sworn|torn|gone|dealt|upset|hurt"
)

# Verbs of thought, feeling and intention: "I thought", "I meant", "I felt" do not name an act.
# Nor do states of strain ("I was tired") or words that only look like a past tense ("shed").
_NOT_ACTS = frozenset(
    {
        "felt",
        "thought",
        "meant",
        "wanted",
        "tried",
        "hoped",
        "believed",
        "intended",
        "realized",
        "realised",
        "noticed",
        "learned",
        "learnt",
        "wondered",
        "liked",
        "loved",
        "seemed",
        "happened",
        "used",
        "guessed",
        "expected",
        "needed",
        "cared",
        "worried",
        "regretted",
        "apologized",
        "apologised",
        "knew",
        "heard",
        "saw",
        "understood",
        "agreed",
        "had",
        "wished",
        "figured",
        "reflected",
        "considered",
        "appreciated",
        "valued",
        "owed",
        "deserved",
        "supposed",
        "planned",
        "imagined",
        "suspected",
        "sensed",
        "feared",
        "remembered",
        "recalled",
        "hated",
        "enjoyed",
        "preferred",
        "red",
        "bed",
        "shed",
        "sled",
        "wicked",
        "naked",
        "sacred",
        "hundred",
        "kindred",
        "rushed",
        "interested",
        "concerned",
        "confused",
        "tasked",
        *STRAIN,
    }
)

_NEGATED_NOT_ACTS = frozenset(
    {
        "mean",
        "intend",
        "want",
        "try",
        "think",
        "expect",
        "plan",
        "know",
        "realize",
        "realise",
        "have",
        "feel",
        "like",
        "need",
        "get",
        "sleep",
        "deserve",
        "care",
        "hope",
    }
)

# Conduct words: "I was sharp", "I got defensive", "I've been short with you".
_CONDUCT = (
    r"(?:"
    + alt(
        SHARP_WORDS,
        (
            "loud",
            "impatient",
            "defensive",
            "wrong",
            "unfair",
            "condescending",
            "sarcastic",
            "out of line",
            "blunt",
            "cold",
            "snippy",
            "snappy",
            "aggressive",
            "hostile",
            "critical",
            "careless",
            "thoughtless",
            "unkind",
            "mean",
            "disrespectful",
            "patronizing",
            "patronising",
            "angry",
            "irritable",
            "heated",
            "combative",
            "controlling",
            "pushy",
            "demanding",
            "unclear",
            "inattentive",
            "rough",
            "brusque",
            "terse",
            "unprofessional",
            "inappropriate",
            "unreasonable",
            "overbearing",
            "heavy-handed",
            "tough on you",
            "hard on you",
            "the one who",
            "responsible",
            "in the wrong",
            "carried away",
            "worked up",
            "personal",
            "snide",
            "impolite",
            "cutting",
            "short-tempered",
            "quick to judge",
            "too quick",
        ),
    )
    + r"|[a-z]+er than)"
)

# "-ing" words after "I'm"/"I was" that describe a state of mind, not conduct.
_COGNITIVE_ING = frozenset(
    {
        "thinking",
        "trying",
        "hoping",
        "wondering",
        "feeling",
        "wanting",
        "planning",
        "going",
        "meaning",
        "worrying",
        "being",
        "getting",
        "having",
        "working",
        "dealing",
        "juggling",
        "running",
        "coming",
        "looking",
        "struggling",
        "hearing",
        "reflecting",
        "considering",
        "pondering",
        "processing",
        "mulling",
        "replaying",
        "regretting",
        "dwelling",
        "learning",
        "keeping",
        "holding",
        "sitting",
        "stewing",
        "beating",
        "kicking",
        "carrying",
        "operating",
        "sorry",
        "standing",
        "sticking",
        "glad",
        "grateful",
        "asking",
        "writing",
        "reaching",
    }
)

# Verbs in _NOT_ACTS that name an act only in some company: what must follow them.
_CONDITIONAL_ACTS = {
    "used": rx(r"\s+(?!to\b)(?:your|their|his|her|the|a|an|my|our|it|them|him)\b"),
    "saw": rx(
        r"[^.!?;]*?\band (?:then )?(?:never|didn't|did not|ignored|said nothing|did nothing|"
        r"left|walked|kept|carried on|went on|scrolled|closed|deleted)\b"
    ),
}

_OWN_ACT = rx(
    r"\bi\s+" + _ADV + r"(?P<past>[a-z]+ed|" + _IRREGULAR_ACTS + r")\b"
    r"|\bi\s+(?:didn't|did not|never|failed to)\s+" + _ADV + r"(?P<neg>[a-z]+)\b"
    r"|\bi\s+(?:should(?:n't| not)?|could|ought to)\s+have\s+"
    r"(?!been\s+(?:told|warned|informed|consulted|given|asked)\b)[a-z]+"
    r"|\bi(?:'ve| have|'d| had)\s+" + _ADV + r"(?P<part>[a-z]+ed|" + _IRREGULAR_PARTICIPLES + r")\b"
    r"|\bi(?:'m| am| was|'ve been| have been|'d been| had been| got| became)\s+(?:being\s+)?"
    r"(?:"
    + alt(
        SOFTENERS,
        (
            "really",
            "too",
            "so",
            "very",
            "quite",
            "pretty",
            "rather",
            "way",
            "far",
            "more",
            "much",
            "completely",
            "totally",
            "unnecessarily",
            "unfairly",
            "overly",
            "clearly",
            "visibly",
        ),
    )
    + r"\s+)*"
    r"(?:(?P<ing>[a-z]+ing)\b(?!\s+to\b)|" + _CONDUCT + r"\b)"
    r"|\bmy\s+(?:[a-z]+\s+)?(?:tone|comments?|words|remarks?|reply|response|reaction|email|"
    r"message|feedback|decision|joke|behaviou?r|outburst|interruption|criticism|handling|delivery|"
    r"notes?|questions?|choice|call|delay|silence|sarcasm|impatience|frustration|temper|voice)\s+"
    r"(?:(?:to|in|about|on|at|during|for|after|with)\s+(?:[a-z']+\s+){1,3}?)?"
    r"(?:was|were|came|sounded|cut|shut|made|left|put|caused|broke|landed|stung|hurt|embarrassed|"
    r"dismissed|undercut|derailed|created|added|cost|gave|took|shot|meant)\b"
    r"|\b(?:was|is)\s+my\s+(?:decision|call|choice)\b"
    r"|\b(?:call|decision|choice|mistake|move|comment|remark|reaction|response|misstep|error|"
    r"lapse|tone)\s+on my part\b"
    r"|\b" + alt(SORRY_WORDS, ("regret", "apology")) + r"\s+(?:for\s+|about\s+)?"
    r"(?:(?:the way|how) i\b|what i\b|my\s+(?!part\b)[a-z]+|"
    r"(?!any\b|everything\b|anything\b|nothing\b|everyone\b)[a-z]+ing\b)"
    r"|\bbut i did\b"
    r"|\bi\s+got\s+(?:into|in)\s+(?:an?\s+|a\s+big\s+)?"
    r"(?:argument|fight|row|shouting match|spat|clash)\b"
    r"|\bi\s+(?:came|come|sounded|seemed)\s+(?:(?:across|off)\s+)?(?:as\s+)?"
    r"(?:(?:too|so|really|a bit|a little|quite|pretty|very|more)\s+)*" + _CONDUCT + r"\b"
)

# "if I upset you" is a hypothesis, not an admission.
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether)\b")


def own_acts(doc: Doc) -> list[tuple[int, int]]:
    """Spans where the leader is the agent of a specific act ("I cut you off", "my tone was...")."""
    cached = doc.cache.get("own_acts")
    if cached is not None:
        return cached  # type: ignore[return-value]
    spans: list[tuple[int, int]] = []
    for m in _OWN_ACT.finditer(doc.norm):
        past, neg, part, ing = m.group("past"), m.group("neg"), m.group("part"), m.group("ing")
        if past in _CONDITIONAL_ACTS:
            # "I used your slides" is an act, "I used to" is not; "I saw your message and
            # never answered" is one, "I saw that you were upset" is not.
            if not _CONDITIONAL_ACTS[past].match(doc.norm, m.end()):
                continue
        elif past and (past in _NOT_ACTS or past.endswith("eed")):
            continue
        if part and (part in _NOT_ACTS or part.endswith("eed") or part == "been"):
            continue
        if neg and neg in _NEGATED_NOT_ACTS:
            continue
        if ing and ing in _COGNITIVE_ING:
            continue
        if _HYPOTHETICAL.search(doc.clause_prefix(m.start())):
            continue
        spans.append((m.start(), m.end()))
    doc.cache["own_acts"] = spans
    return spans


def owned_in_sentence(doc: Doc, pos: int, after: int | None = None) -> bool:
    """True when the sentence around `pos` names a first-person act (after `after`, if given)."""
    sentence = doc.sentence_at(pos)
    lower = sentence.start if after is None else after
    return any(lower <= s and e <= sentence.end for s, e in own_acts(doc))
