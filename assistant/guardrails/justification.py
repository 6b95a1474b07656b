"""Justification: intentions, pressure or context offered to excuse the act.

Position decides. "But I was under pressure" next to an admission excuses it (high); the same
circumstance on its own is a softer hint (medium). "My aim was to be clear, but I didn't
deliver it" owns the failure after the intention and passes; "I was just trying to help" does
not. "Because the room was noisy" after "I raised my voice" hands the cause to the
circumstances; "because I changed the brief late" after "you lost an evening" owns it.
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import (
    CONDUCT_VERBS,
    I_FORMS,
    SHARP_WORDS,
    STRAIN,
    YOU_FORMS,
    alt,
    forms,
)
from assistant.guardrails.ownership import own_acts, owned_in_sentence
from assistant.guardrails.text import Doc

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
_MSG_APPEAL = "Asking them to see your side turns the repair into a defence. Stay with what you did."
_MSG_TRAIT = "Calling it your style makes the act sound fixed and excusable. Name the specific act instead."


def _circumstance_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """High when the circumstance is offered as a reason next to the act; medium alone."""
    clause = doc.clause_at(m.start())
    prefix = doc.clause_prefix(m.start())
    if clause.connector in _EXCUSE_CONNECTORS or re.search(r"\b(?:because|since|given|with|but)\b", prefix):
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
    r"\b(?:"
    + alt(forms(CONDUCT_VERBS, "past"))
    + r"|was "
    + alt(SHARP_WORDS)
    + r"|raised my voice|cut (?:you|them|him|her|in)|lost my (?:temper|cool|patience)"
    r"|got (?:short|sharp|angry|defensive|loud|heated)|rolled my eyes|walked out|hung up"
    r"|shut (?:you|it|them) down)\b"
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
        id="justification.under_pressure",
        category="justification",
        severity="high",
        pattern=rx(
            r"\b(?:i|we)\s+(?:was|were|'m|am|'re|are|had been|'d been|have been|'ve been)\s+"
            r"(?:(?:just|so|really|very|quite|pretty|completely|totally|incredibly|a bit|a little|"
            r"under a lot of|extremely)\s+)*"
            # "stressed out" before the plain word, so the quote takes it whole.
            r"(?:under\s+(?:[a-z]+\s+){0,3}?(?:pressure|stress|the gun|strain)|stressed out|"
            + alt(STRAIN)
            + r"|slammed|overloaded|running (?:late|behind)|behind|"
            r"in a (?:rush|hurry)|sleep-deprived|burnt out|burned out|"
            r"having a (?:bad|rough|long|hard|terrible) (?:day|week|morning)|juggling [a-z]+|"
            r"stretched(?: thin)?|short on time|out of time|up against (?:a|the) deadline|"
            r"on a deadline|anxious|worried|jet-?lagged|sick|unwell)\b"
        ),
        message=_MSG_PRESSURE,
        guard=_circumstance_guard,
        catches=(
            "I interrupted you, but I was under a lot of pressure.",
            "I was exhausted after the launch.",
            "We were running behind on the release.",
        ),
        passes=(
            "You were tired after the trip, and I kept you late anyway.",
            "I wasn't tired; I was careless with my words.",
        ),
    ),
    Rule(
        id="justification.hard_week",
        category="justification",
        severity="high",
        pattern=rx(
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
        message=_MSG_PRESSURE,
        guard=_circumstance_guard,
        catches=(
            "It's been a really long week.",
            "I had so much on my plate.",
            "The deadline was incredibly tight.",
            "I was operating on very little sleep.",
            "I hadn't slept properly before the board meeting.",
            "I cut you off because of all the pressure on the release.",
            "I'd only had four hours of sleep that night.",
            "I'd come in on no sleep after the red-eye.",
            "I wasn't at my best on Tuesday afternoon.",
            "I was working on incomplete information about your project.",
            "I've been juggling too much this quarter, Leah.",
            "The outage had me so rattled that morning.",
            "The client's criticism got to me.",
            "I was only reacting to the figures from finance.",
            "There was pressure from upstairs to ship by Friday.",
            "I'd just come out of a difficult call with legal.",
            "Considering how stretched we were, I rushed your review.",
            "My boss kept pushing me for the numbers.",
        ),
        passes=(
            "The week was long for you because I kept changing the plan.",
            "I had a lot of good notes on your draft.",
        ),
    ),
    Rule(
        id="justification.long_shift",
        category="justification",
        severity="high",
        pattern=rx(r"\b[a-z0-9]+-hour (?:day|shift|flight|drive|week)\b"),
        message=_MSG_PRESSURE,
        guard=_circumstance_guard,
        catches=(
            "After a twelve-hour day, I snapped at you.",
            "It was the end of a 14-hour shift.",
        ),
        passes=(
            "I'll block a one-hour slot for us on Friday.",
            "We booked a two-hour workshop for Thursday.",
        ),
    ),
    Rule(
        # "I was just trying to...", "I only wanted to...", "my intention was...".
        id="justification.good_intentions",
        category="justification",
        severity="high",
        pattern=rx(
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
        message=_MSG_INTENT,
        guard=_intention_guard,
        catches=(
            "I was just trying to keep us on schedule.",
            "I didn't mean to embarrass you.",
            "My intention was to help.",
            "No harm meant.",
            "Honestly, Sam, I meant well.",
            "I had good intentions going into that review.",
            "I was coming from a good place with the reorg.",
            "It wasn't personal, Dana.",
        ),
        passes=(
            "I just wanted to say thank you for raising it.",
            "My aim was to be clear, but I didn't manage it well.",
        ),
    ),
    Rule(
        # "my reaction was understandable": the leader rules on their own act.
        id="justification.reaction_was_reasonable",
        category="justification",
        severity="high",
        pattern=rx(
            r"\b(?:my|the)\s+(?:reaction|response|tone|behaviou?r|comment|outburst|decision to "
            r"[a-z]+)\s+(?:was|is|seems|seemed)\s+(?:(?:pretty|quite|totally|completely|perfectly|"
            r"fairly|very|somewhat)\s+)?(?:understandable|justified|reasonable|natural|warranted|"
            r"necessary|fair|normal|proportionate)\b"
        ),
        message="Judging your own reaction reasonable argues the case instead of owning it. "
        "Let them tell you how it landed.",
        catches=(
            "My reaction was understandable given the numbers.",
            "My tone was perfectly reasonable.",
        ),
        passes=(
            "Your reaction was completely understandable.",
            "My reaction was out of proportion to what you said.",
        ),
    ),
    Rule(
        # An owned act, then "because" with someone or something else as the cause.
        id="justification.because_of_them",
        category="justification",
        severity="high",
        pattern=rx(
            r"\b(?:because|since|cos)\s+(?!of\s+(?:me|my|how i|what i|the way i)\b)"
            r"(?!" + alt(I_FORMS, ("i was", "my", "me"), YOU_FORMS, ("your",)) + r"\b)[a-z]+"
        ),
        message=_MSG_PRESSURE,
        guard=_external_cause_guard,
        catches=(
            "I raised my voice because the room was noisy.",
            "I snapped at you because the client kept pushing.",
        ),
        passes=(
            "You lost an evening because I changed the brief late.",
            "I moved the date because the client asked.",
        ),
    ),
    Rule(
        id="justification.see_my_side",
        category="justification",
        severity="high",
        pattern=rx(
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
        message=_MSG_APPEAL,
        catches=(
            "You have to understand the client was furious.",
            "In my defence, the brief was vague.",
            "Anyone in my position would have done the same.",
            "You know how hectic launch week gets.",
            "To be fair, the spec changed twice that week.",
            "For the record, I did send the agenda on Monday.",
            "The truth is, the client had already made up their mind.",
            "Try to see it from my side for a moment.",
            "Put yourself in my shoes for a minute.",
            "I had no choice with the auditors in the room.",
            "What else was I supposed to do?",
        ),
        passes=(
            "I understand why you were upset.",
            "I'd like to see it from your side.",
        ),
    ),
    Rule(
        id="justification.just_how_i_am",
        category="justification",
        severity="high",
        pattern=rx(
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
        message=_MSG_TRAIT,
        catches=(
            "That's just how I am.",
            "I'm a very direct person.",
            "I was just being honest.",
            "I tend to be blunt in design reviews.",
            "It's just my style when deadlines are close.",
        ),
        passes=(
            "Being direct is no excuse for how I spoke to you.",
            "I was honest about the numbers and harsh about everything else.",
        ),
    ),
    Rule(
        id="justification.reasons_in_other_words",
        category="justification",
        severity="high",
        # Everyday ways of saying the act could not be helped: "my hands were tied",
        # "every second counts", "which is standard practice here".
        pattern=rx(
            r"\bmy hands were tied\b|\b(?:it )?wasn't (?:really )?my (?:call|decision|choice)\b"
            r"|\bthere (?:wasn't|was no) time (?:for|to)\b|\bevery (?:second|minute) counts\b"
            r"|\bsomeone has to (?:take charge|decide|make the call|be the bad guy)\b"
            r"|\b(?:which is|it's|that's) (?:standard|normal|usual|common) practice\b"
            r"|\bwill do that to (?:anyone|anybody)\b|\bi have to think about (?:the|coverage|everyone)\b"
            r"|\bmeant well\b|\b(?:breathing down my neck|on my back)\b"
            r"|\bi(?:'d| had) been up since\b"
            r"|\b(?:mainly|only|simply) because i (?:didn't want|wanted|needed|had to)\b"
            r"|\bi needed to be seen\b"
            r"|\b(?:hr|legal|the lawyers|the client|the funder|my boss|the board|head office) had "
            r"(?:told|asked|specifically asked|instructed) (?:me|us)\b"
        ),
        message=_MSG_PRESSURE,
        guard=_circumstance_guard,
        catches=(
            "I cancelled the training day, but my hands were tied by the budget.",
            "I moved you off the account; it wasn't really my call.",
            "I pulled the feature late, and there wasn't time for a conversation.",
            "I shouted across the bay because every minute counts in an evacuation.",
            "I took over the meeting, since someone has to make the call.",
            "I copied your manager in, which is standard practice here.",
            "I snapped at you; a week of night shifts will do that to anyone.",
            "I turned down your leave because I have to think about coverage first.",
            "I cut your slot short, and I meant well.",
            "I rushed the announcement with head office on my back.",
            "I'd been up since four when I answered your email.",
            "I corrected you in front of the class mainly because I wanted the date right.",
            "I questioned the survey in public; I needed to be seen acting on the complaints.",
            "I announced the change before telling you, because HR had told me it couldn't wait.",
        ),
        passes=(
            "I cut your slot short and didn't let you finish.",
            "It was my call, and I made it without asking you.",
        ),
    ),
)
