"""Justification: intentions, pressure or context offered to excuse the act.

Position decides. "But I was under pressure" next to an admission excuses it (high); the same
circumstance on its own is a softer hint (medium). "My aim was to be clear, but I didn't
deliver it" owns the failure after the intention and passes; "I was just trying to help" does
not. "Because the room was noisy" after "I raised my voice" hands the cause to the
circumstances; "because I changed the brief late" after "you lost an evening" owns it.
"""

from __future__ import annotations

import re

from assistant.guardrails.agency import own_acts, owned_in_sentence
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.text import Doc
from assistant.schemas import Severity

# Clause openers that turn a circumstance into a reason for the act.
_EXCUSE_CONNECTORS = frozenset({"but", "because", "since", "as", "given", "with"})

_MSG_PRESSURE = (
    "This offers your circumstances as the reason for the act. Own the act first; "
    "context can wait until they have been heard."
)
_MSG_INTENT = (
    "Leading with what you meant puts your intention ahead of their experience. "
    "Say what you did and how it landed."
)
_MSG_APPEAL = (
    "Asking them to see your side turns the repair into a defence. Stay with what you did."
)
_MSG_TRAIT = (
    "Calling it your style makes the act sound fixed and excusable. Name the specific act instead."
)


def _circumstance_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """High when the circumstance is offered as a reason next to the act; medium alone."""
    clause = doc.clause_at(m.start())
    prefix = doc.clause_prefix(m.start())
    if clause.connector in _EXCUSE_CONNECTORS or re.search(
        r"\b(?:because|since|given|with|but)\b", prefix
    ):
        return "high"
    if owned_in_sentence(doc, m.start()):
        return "high"
    return "medium"


def _external_cause_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """ "I raised my voice because the room was noisy" hands the cause to the circumstances.

    Only when the leader's own act comes first in the same sentence; "You lost an evening
    because I changed the brief" and "I moved the date because the client asked" followed by
    nothing owned are left alone.
    """
    sentence = doc.sentence_at(m.start())
    acts_before = [s for s, e in own_acts(doc) if sentence.start <= s and e <= m.start()]
    if not acts_before:
        return None
    # A decision explained is not an excuse for a harm; the act before must be a conduct.
    if not _CONDUCT_ACT.search(doc.norm, acts_before[-1], m.start()):
        return None
    return severity


# Acts of conduct toward a person, as opposed to decisions ("I moved the date").
_CONDUCT_ACT = rx(
    r"\b(?:snapped|raised my voice|yelled|shouted|cut (?:you|them|him|her|in)|interrupted|"
    r"talked over|spoke over|lost my (?:temper|cool|patience)|got (?:short|sharp|angry|defensive|"
    r"loud|heated)|was (?:short|sharp|curt|rude|harsh|abrupt|dismissive)|dismissed|brushed|"
    r"rolled my eyes|sighed|pushed|barked|swore|criticised|criticized|embarrassed|overruled|"
    r"ignored|walked out|hung up|shut (?:you|it|them) down)\b"
)


# Verbs after "I just wanted to ..." that introduce the repair itself, not an excuse.
_REPAIR_VERBS = re.compile(
    r"\s*(?:say|check|let you know|thank|ask|follow up|talk|come back|acknowledge|apologi[sz]e|"
    r"name|own|hear|understand|see how|make sure you|reach out|circle back|listen|tell you)\b"
)


def _intention_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """Intention is only an excuse when nothing in the sentence owns the failure after it."""
    if _REPAIR_VERBS.match(doc.norm, m.end()):
        return None
    limited = bool(m.groupdict().get("lim"))
    if not limited and owned_in_sentence(doc, m.start(), after=m.end()):
        # "My aim was to be clear, but I didn't deliver it well."
        return None
    sentence = doc.sentence_at(m.start())
    act_before = any(sentence.start <= s and e <= m.start() for s, e in own_acts(doc))
    if limited or act_before or m.groupdict().get("neg"):
        return "high"
    return "medium"


JUSTIFICATION_RULES: tuple[Rule, ...] = (
    Rule(
        "justification", "high",
        rx(
            r"\b(?:i|we)\s+(?:was|were|'m|am|'re|are|had been|'d been|have been|'ve been)\s+"
            r"(?:(?:just|so|really|very|quite|pretty|completely|totally|incredibly|a bit|a little|"
            r"under a lot of|extremely)\s+)*"
            r"(?:under\s+(?:[a-z]+\s+){0,3}?(?:pressure|stress|the gun|strain)|stressed(?: out)?|"
            r"exhausted|tired|swamped|overwhelmed|slammed|overloaded|running (?:late|behind)|"
            r"behind|"
            r"in a (?:rush|hurry)|distracted|sleep-deprived|burnt out|burned out|"
            r"having a (?:bad|rough|long|hard|terrible) (?:day|week|morning)|juggling [a-z]+|"
            r"stretched(?: thin)?|short on time|out of time|up against (?:a|the) deadline|"
            r"on a deadline|frustrated|anxious|worried|jet-?lagged|sick|unwell|pressured)\b"
        ),
        _MSG_PRESSURE, _circumstance_guard,
    ),
    Rule(
        "justification", "high",
        rx(
            r"\b(?:it's|it has|it had|it was|this has|this was|this is|it is)\s+(?:been\s+)?"
            r"(?:a|an|such a|such an)\s+(?:[a-z]+\s+)?(?:long|rough|hard|crazy|stressful|tough|"
            r"brutal|busy|hectic|difficult|intense|exhausting|terrible|insane|mad|wild|punishing|"
            r"chaotic|draining|heavy|awful|relentless)\s+(?:[a-z]+\s+)?(?:day|week|month|"
            r"quarter|year|sprint|few (?:days|weeks))\b"
            r"|\bi\s+(?:had|have|'ve had|'d had|'ve got)\s+(?:[a-z]+\s+){0,2}?(?:a lot|too much|"
            r"so much|loads|a ton|plenty)\s+(?:on my plate|going on|to do|on my mind|happening)\b"
            r"|\bi\s+(?:haven't|have not|hadn't|didn't|did not)\s+(?:been\s+)?(?:sleeping|slept|"
            r"eaten|had (?:a|any) (?:break|sleep|time))\b"
            r"|\b(?:the|our|my|a)\s+(?:deadline|timeline|schedule|launch|release|client|customer|"
            r"board|pressure|stakes)\s+(?:was|were|is|are|had been|has been)\s+"
            r"(?:(?:so|really|very|incredibly|extremely|just)\s+)*(?:tight|looming|close|brutal|"
            r"impossible|insane|crazy|intense|high|pushing|breathing|on (?:my|our) back|demanding|"
            r"relentless|unreasonable)\b"
            r"|\b(?:because|since|as|given|with)\s+(?:of\s+)?(?:the|all the|everything|how much|"
            r"so much|all this|that)\s+(?:[a-z]+\s+){0,2}?(?:pressure|deadline|stress|going on|"
            r"chaos|workload|crunch|rush|urgency)\b"
            r"|\b(?:i'd|i had|i've|i have)\s+(?:only\s+)?had\s+(?:[a-z0-9]+\s+){0,2}?(?:hours?|"
            r"minutes?)"
            r"\s+of\s+sleep\b|\bon (?:very\s+)?(?:little|no|limited|zero|four hours'?) sleep\b"
            r"|\b(?:wasn't|was not|weren't|not)\s+(?:at my best|myself|in a good (?:place|"
            r"headspace))\b"
            r"|\b(?:operating|running|working)\s+on\s+(?:very\s+)?(?:little|no|limited|incomplete|"
            r"bad|partial)\s+(?:information|sleep|context|notice|time)\b"
            r"|\bi(?:'ve| have)\s+been\s+(?:carrying|juggling|handling|holding)\s+(?:the whole|"
            r"a lot|"
            r"so much|everything|too much|most of)\b"
            r"|\b(?:had|got)\s+me\s+(?:so\s+|really\s+|a bit\s+|totally\s+)?(?:rattled|stressed|"
            r"on edge|wound up|frazzled|flustered|worked up|spooked|rattled)\b"
            r"|\b(?:got|was getting|had gotten)\s+to me\b"
            r"|\bi\s+(?:was|am|'m)\s+(?:only\s+|just\s+|simply\s+)?(?:reacting|responding)\s+to\s+"
            r"(?:the|all the|a lot of)\s+"
            r"|\bpressure (?:from|coming from) (?:above|upstairs|leadership|the top|management|"
            r"the board|the client)\b"
            r"|\b(?:i'd|i had|i've|i have|i was)\s+(?:just\s+)?(?:come|got|gotten|stepped|coming|"
            r"getting)\s+(?:out of|off|back from)\s+(?:a|an|the|"
            r"another)\s+(?:[a-z]+\s+){0,2}?(?:call|meeting|conversation|"
            r"day|week|flight|review|shift|night)\b"
            r"|\b(?:considering|given)\s+how\s+(?:[a-z]+\s+)?(?:behind|busy|stressed|late|tight|"
            r"much pressure|stretched|hectic|tired)\b"
            r"|\b(?:leadership|management|upstairs|the board|my boss|the execs?|the client)\s+"
            r"(?:was|were|had been|kept)\s+(?:[a-z]+\s+)?(?:pushing|breathing|pressuring|"
            r"on (?:me|my back|at me))\b"
        ),
        _MSG_PRESSURE, _circumstance_guard,
    ),
    Rule(
        "justification", "high",
        rx(r"\b[a-z0-9]+-hour (?:day|shift|flight|drive|week)\b"),
        _MSG_PRESSURE, _circumstance_guard,
    ),
    Rule(
        # "I was just trying to...", "I only wanted to...", "my intention was...".
        "justification", "high",
        rx(
            r"\bi\s+(?:was\s+)?(?P<lim>(?:just|only|simply|merely)\s+)?(?:trying|tried|meant|"
            r"wanted|"
            r"wanting|hoping|attempting)\s+to\b"
            r"|\b(?:my|our)\s+(?:intention|intentions|intent|aim|goal|point|purpose)\s+"
            r"(?:was|were|is|are)\b"
            r"|\bi\s+(?P<neg>didn't|did not|never)\s+mean\s+(?:to|it|anything|any harm|for)\b"
            r"|\bi\s+meant\s+(?:well|no harm|it as|nothing)\b|\bno harm (?:meant|intended)\b"
            r"|\bi had (?:good|the best|only good|nothing but good) intentions\b"
            r"|\bi was coming from a good place\b"
            r"|\b(?:it|that)\s+(?P<lim2>wasn't|was not|isn't|is not)\s+(?:my intention|intentional|"
            r"personal|meant (?:that way|personally))\b"
        ),
        _MSG_INTENT, _intention_guard,
    ),
    Rule(
        # "my reaction was understandable": the leader rules on their own act.
        "justification", "high",
        rx(
            r"\b(?:my|the)\s+(?:reaction|response|tone|behaviou?r|comment|outburst|decision to "
            r"[a-z]+)\s+(?:was|is|seems|seemed)\s+(?:(?:pretty|quite|totally|completely|perfectly|"
            r"fairly|very|somewhat)\s+)?(?:understandable|justified|reasonable|natural|warranted|"
            r"necessary|fair|normal|proportionate)\b"
        ),
        "Judging your own reaction reasonable argues the case instead of owning it. "
        "Let them tell you how it landed.",
    ),
    Rule(
        # An owned act, then "because" with someone or something else as the cause.
        "justification", "high",
        rx(r"\b(?:because|since|cos)\s+(?!of\s+(?:me|my|how i|what i|the way i)\b)"
           r"(?!i\b|i'm\b|i'd\b|i've\b|i was\b|my\b|me\b|you\b|you're\b|your\b)[a-z]+"),
        _MSG_PRESSURE, _external_cause_guard,
    ),
    Rule(
        "justification", "high",
        rx(
            r"\byou\s+(?:have|need|got|'ve got|must|should)\s+(?:to\s+)?understand\b"
            r"|\byou know how\s+(?:it is|things are|busy|stressful|hectic|crazy|it gets|i get|"
            r"much|bad)\b"
            r"|\bin my defen[cs]e\b|\bto be fair(?: to me)?\b|\bfor the record\b"
            r"|\bthe (?:thing|reality|truth) is\b"
            r"|\b(?:see|look at) it from my (?:side|perspective|point of view)\b"
            r"|\bput yourself in my (?:shoes|position)\b"
            r"|\banyone (?:would have|else would have|in my (?:position|shoes|place))\b"
            r"|\bi had (?:no|little) (?:choice|option|alternative)\b"
            r"|\bwhat (?:else )?was i supposed to do\b"
        ),
        _MSG_APPEAL,
    ),
    Rule(
        "justification", "high",
        rx(
            r"\b(?:that's|that is|it's|it is)\s+(?:just\s+)?(?:how|the way)\s+i\s+(?:am|talk|speak|"
            r"communicate|work|operate|give feedback|run (?:meetings|things)|do things|get)\b"
            r"|\bi(?:'m| am)\s+(?:just\s+)?(?:a\s+)?(?:(?:very|really)\s+)?(?:direct|blunt|"
            r"straightforward|passionate|no-nonsense|straight-talking|honest|intense|high-energy|"
            r"results-driven|demanding)\s+(?:person|kind of person|guy|manager|leader|communicator|"
            r"type)\b"
            r"|\bi tend to be\s+(?:[a-z]+\s+)?(?:direct|blunt|intense|passionate)\b"
            r"|\b(?:it's|it is)\s+(?:just\s+)?my\s+(?:style|personality|nature|way)\b"
            r"|\bi(?:'m| am| was)\s+(?:just|only|simply)\s+being\s+(?:honest|direct|efficient|"
            r"clear|straight|real|transparent|realistic|thorough)\b"
        ),
        _MSG_TRAIT,
    ),
)
