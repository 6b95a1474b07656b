"""Who did it: first-person ownership of an act, and harm described without an agent.

Research on apologies finds that naming the transgressor (or the act) as the cause matters more
than whether the apology says "if". So ownership is detected as a grammatical relation: "I" as
the subject of an act verb, "my tone/comment/decision" as the subject of a harm, or "sorry for"
followed by the act. Agentless harm is the mirror image: "things", "it", "mistakes" as the
subject of what went wrong, with no first-person agent in the sentence.
"""

from __future__ import annotations

import re

from assistant.guardrails.base import Rule, rx
from assistant.guardrails.text import Doc
from assistant.schemas import Severity

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
    "rode|spun|struck|stuck|swept|stood|dealt|meant"
)

_IRREGULAR_PARTICIPLES = (
    "cut|said|spoken|told|made|given|taken|let|put|set|shut|sent|written|brought|thrown|broken|"
    "forgotten|lost|hit|run|left|kept|overridden|undercut|blown|sworn|torn|gone|dealt|upset|hurt"
)

# Verbs of thought, feeling and intention: "I thought", "I meant", "I felt" do not name an act.
_NOT_ACTS = frozenset({
    "felt", "thought", "meant", "wanted", "tried", "hoped", "believed", "intended", "realized",
    "realised", "noticed", "learned", "learnt", "wondered", "liked", "loved", "seemed", "happened",
    "used", "guessed", "expected", "needed", "cared", "worried", "regretted", "apologized",
    "apologised", "knew", "heard", "saw", "understood", "agreed", "had", "wished", "figured",
    "reflected", "considered", "appreciated", "valued", "owed", "deserved", "supposed", "planned",
    "imagined", "suspected", "sensed", "feared", "remembered", "recalled", "hated", "enjoyed",
    "preferred", "red", "bed", "shed", "sled", "wicked", "naked", "sacred", "hundred", "kindred",
    "tired", "stressed", "exhausted", "overwhelmed", "rushed", "swamped", "distracted",
    "frustrated", "pressured", "interested", "concerned", "confused", "tasked",
})

_NEGATED_NOT_ACTS = frozenset({
    "mean", "intend", "want", "try", "think", "expect", "plan", "know", "realize", "realise",
    "have", "feel", "like", "need", "get", "sleep", "deserve", "care", "hope",
})

# Conduct words: "I was sharp", "I got defensive", "I've been short with you".
_CONDUCT = (
    r"(?:sharp|harsh|abrupt|short|curt|dismissive|rude|loud|impatient|defensive|wrong|unfair|"
    r"condescending|sarcastic|out of line|blunt|cold|snippy|snappy|aggressive|hostile|critical|"
    r"careless|thoughtless|unkind|mean|disrespectful|patronizing|patronising|angry|irritable|"
    r"heated|combative|controlling|pushy|demanding|unclear|inattentive|rough|brusque|terse|"
    r"unprofessional|inappropriate|unreasonable|overbearing|heavy-handed|tough on you|hard on you|"
    r"the one who|responsible|in the wrong|carried away|worked up|personal|dismissive|snide|"
    r"impolite|cutting|short-tempered|quick to judge|too quick|[a-z]+er than)"
)

_COGNITIVE_ING = frozenset({
    "thinking", "trying", "hoping", "wondering", "feeling", "wanting", "planning", "going",
    "meaning", "worrying", "being", "getting", "having", "working", "dealing", "juggling",
    "running", "coming", "looking", "struggling", "hearing", "reflecting", "considering",
    "pondering", "processing", "mulling", "replaying", "regretting", "dwelling", "learning",
    "keeping", "holding", "sitting", "stewing", "beating", "kicking", "carrying", "operating",
    "sorry", "standing", "sticking", "glad", "grateful", "asking", "writing", "reaching",
})

_OWN_ACT = rx(
    r"\bi\s+" + _ADV + r"(?P<past>[a-z]+ed|" + _IRREGULAR_ACTS + r")\b"
    r"|\bi\s+(?:didn't|did not|never|failed to)\s+" + _ADV + r"(?P<neg>[a-z]+)\b"
    r"|\bi\s+(?:should(?:n't| not)?|could|ought to)\s+have\s+"
    r"(?!been\s+(?:told|warned|informed|consulted|given|asked)\b)[a-z]+"
    r"|\bi(?:'ve| have|'d| had)\s+" + _ADV + r"(?P<part>[a-z]+ed|" + _IRREGULAR_PARTICIPLES + r")\b"
    r"|\bi(?:'m| am| was|'ve been| have been|'d been| had been| got| became)\s+(?:being\s+)?"
    r"(?:(?:a bit|a little|really|too|so|very|quite|pretty|rather|way|far|more|much|completely|"
    r"totally|unnecessarily|unfairly|overly|kind of|sort of|clearly|visibly)\s+)*"
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
    r"|\b(?:sorry|apologi[sz]e|regret|apology)\s+(?:for\s+|about\s+)?"
    r"(?:(?:the way|how) i\b|what i\b|my\s+(?!part\b)[a-z]+|"
    r"(?!any\b|everything\b|anything\b|nothing\b|everyone\b)[a-z]+ing\b)"
    r"|\bbut i did\b"
    r"|\bi\s+got\s+(?:into|in)\s+(?:an?\s+|a\s+big\s+)?(?:argument|fight|row|shouting match|spat|clash)\b"
    r"|\bi\s+(?:came|come|sounded|seemed)\s+(?:(?:across|off)\s+)?(?:as\s+)?"
    r"(?:(?:too|so|really|a bit|a little|quite|pretty|very|more)\s+)*" + _CONDUCT + r"\b"
)


def own_acts(doc: Doc) -> list[tuple[int, int]]:
    """Spans where the leader is the agent of a specific act ("I cut you off", "my tone was...")."""
    cached = doc.cache.get("own_acts")
    if cached is not None:
        return cached  # type: ignore[return-value]
    spans: list[tuple[int, int]] = []
    for m in _OWN_ACT.finditer(doc.norm):
        past, neg, part, ing = m.group("past"), m.group("neg"), m.group("part"), m.group("ing")
        if past and (past in _NOT_ACTS or past.endswith("eed")):
            continue
        if part and (part in _NOT_ACTS or part.endswith("eed") or part == "been"):
            continue
        if neg and neg in _NEGATED_NOT_ACTS:
            continue
        if ing and ing in _COGNITIVE_ING:
            continue
        # "if I upset you" is a hypothesis, not an admission.
        if re.search(r"\b(?:if|unless|whether)\b", doc.clause_prefix(m.start())):
            continue
        spans.append((m.start(), m.end()))
    doc.cache["own_acts"] = spans
    return spans


def owned_in_sentence(doc: Doc, pos: int, after: int | None = None) -> bool:
    """True when the sentence around `pos` names a first-person act (after `after`, if given)."""
    sentence = doc.sentence_at(pos)
    lower = sentence.start if after is None else after
    return any(lower <= s and e <= sentence.end for s, e in own_acts(doc))


_AGENT_NAMED = rx(
    r"\bby me\b|\bby my\b|\bon my part\b|\bmy (?:fault|doing|responsibility)\b|\bbecause of me\b"
    r"|\b(?:that|it) was me\b|\bon me\b|\bi (?:caused|started|created|triggered) (?:it|that|this)\b"
)


def _agentless_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    # "Things got heated because I raised my voice" names the agent after all.
    sentence = doc.sentence_at(m.start())
    if _AGENT_NAMED.search(doc.norm, sentence.start, sentence.end):
        return None
    if any(
        sentence.start <= s and e <= sentence.end and not (m.start() <= s < m.end())
        for s, e in own_acts(doc)
    ):
        return None
    return severity


_MSG_PASSIVE = (
    "This describes the harm with no one doing it. Say who did what: \"I said...\" or \"I cut...\"."
)
_MSG_EVENT = (
    "This makes the moment something that happened by itself. Name your part in it with \"I\"."
)
_MSG_CAME_OUT = (
    "Words don't come out on their own. Say what you said or did, with yourself as the subject."
)

_HARM_NOUNS = (
    r"(?:mistakes?|errors?|(?:(?:some|a few|a lot of|certain)\s+)?"
    r"(?:(?:harsh|hurtful|unkind|careless|sharp|nasty|cruel|bad)\s+)?(?:things|words|comments|"
    r"remarks)"
    r"|feelings|voices|the ball|balls|lines|the line|toes|promises|wires|signals|"
    r"(?:(?:some|the)\s+)?communication)"
)

_HARM_PARTICIPLES = (
    r"critici[sz]ed|dismissed|ignored|overlooked|overruled|interrupted|mishandled|botched|"
    r"bungled|undermined|brushed (?:aside|off)|shut down|cut (?:off|short)|sidelined|trashed|"
    r"picked apart|torn apart|belittled|talked over|spoken over|shot down|steamrolled|"
    r"embarrassed in front of|called out|singled out|humiliated|blindsided|misrepresented|"
    r"left out|excluded|passed over|side-?stepped|waved away|written off"
)
_NEUTRAL_PARTICIPLES = (
    r"communicated|delivered|handled|worded|phrased|framed|announced|rolled out|run|managed|"
    r"given|done|presented|explained|raised|shared|conveyed|expressed|treated"
)
_BAD_MANNER = (
    r"(?:badly|poorly|wrong|wrongly|clumsily|insensitively|terribly|carelessly|harshly|"
    r"awkwardly|unfairly|rudely|abruptly|too (?:late|harshly|bluntly|quickly)|"
    r"in a way that (?:didn't|did not|wasn't|was not|hurt|stung|felt))\b"
)

# Persons as the subject of a passive ("you were put on the spot") describe impact, which is
# the acknowledge step's job; things as the subject ("the change was communicated badly") hide
# who did it.
_PERSON_SUBJECT = re.compile(
    r"\b(?:you|you're|they|they're|he|she|we|we're|i|i'm|people|everyone|everybody|the team|"
    r"[a-z]+ people)\s+$"
)


def _thing_subject_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    prefix = doc.clause_prefix(m.start())
    if _PERSON_SUBJECT.search(prefix) or not prefix.strip():
        return None
    if re.match(r"\s*by\s+(?:me|my|myself)\b", doc.norm[m.end() :]):
        return None
    return _agentless_guard(doc, m, severity)


RULES: tuple[Rule, ...] = (
    Rule(
        "agentless", "high",
        rx(
            r"\b" + _HARM_NOUNS + r"\s+(?:were|was|got|have been|has been|had been|may have been|"
            r"might have been)\s+(?:[a-z]+ly\s+)?(?:made|said|exchanged|hurt|raised|dropped|"
            r"crossed|"
            r"stepped on|broken|missed|thrown|spoken|uttered|bruised)\b"
        ),
        _MSG_PASSIVE, _agentless_guard,
    ),
    Rule(
        # A thing (not a person) as the subject of a passive harm: "your work got criticised".
        "agentless", "high",
        rx(
            r"\b(?:was|were|got|get|gets|has been|have been|had been|is being|was being)\s+"
            r"(?:[a-z]+ly\s+)?(?:" + _HARM_PARTICIPLES + r")\b"
            r"|\b(?:was|were|got|has been|have been|had been)\s+(?:[a-z]+ly\s+)?"
            r"(?:" + _NEUTRAL_PARTICIPLES + r")\s+(?:[a-z]+\s+){0,3}?" + _BAD_MANNER
        ),
        _MSG_PASSIVE, _thing_subject_guard,
    ),
    Rule(
        # Things lost on their own: "your case slipped through the cracks".
        "agentless", "high",
        rx(
            r"\b(?:slipped|fell|got lost)\s+(?:through|between)\s+the\s+cracks\b"
            r"|\bfell by the wayside\b"
            r"|\b(?:got|was|were)\s+(?:lost|missed|buried|dropped|forgotten|pushed aside|"
            r"deprioriti[sz]ed|lost in the shuffle)\b"
            r"|\bwent (?:missing|unanswered|unheard|unnoticed|unacknowledged|unrecognised|"
            r"unrecognized)\b"
        ),
        _MSG_PASSIVE, _thing_subject_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\b(?:your|the|that|this|my)\s+(?:[a-z]+\s+)?(?:idea|point|concern|work|question|"
            r"input|proposal|suggestion|objection|contribution)\s+(?:didn't|did not|never)\s+"
            r"(?:get|got|receive|received)\s+(?:the|a|any|much|enough)\s+(?:[a-z]+\s+)?"
            r"(?:hearing|attention|credit|response|consideration|space|time|airtime|answer)\b"
        ),
        _MSG_PASSIVE, _agentless_guard,
    ),
    Rule(
        # Verbs that need a complement: "things got tense", "the meeting went sideways".
        "agentless", "high",
        rx(
            r"\b(?:things|it|everything|(?:the|that|this|our|yesterday's|today's) (?:meeting|"
            r"conversation|call|discussion|exchange|review|retro|standup|situation|debate|argument|"
            r"room|atmosphere|mood|one-on-one|1:1|sync))\s+(?:all\s+)?"
            r"(?:just\s+|really\s+|kind of\s+|sort of\s+|quickly\s+|suddenly\s+)?"
            r"(?:got|became|went|turned|were getting|was getting)\s+"
            r"(?:(?:a bit|a little|really|so|pretty|too|very|quite|kind of|sort of|more|a lot)\s+)*"
            r"(?:heated|tense|out of hand|messy|ugly|sideways|south|wrong|badly|poorly|downhill|"
            r"pear-shaped|off (?:the )?(?:rails|track)|"
            r"awkward|uncomfortable|personal|hostile|sour|bad|loud|emotional|intense|weird|"
            r"away from (?:me|us)|carried away)\b"
        ),
        _MSG_EVENT, _agentless_guard,
    ),
    Rule(
        # Verbs that stand alone: "things escalated", "tempers flared".
        "agentless", "high",
        rx(
            r"\b(?:things|it|everything|tempers|emotions|the (?:meeting|conversation|call|"
            r"discussion|"
            r"exchange|review|retro|standup|situation|debate|argument))\s+"
            r"(?:just\s+|really\s+|kind of\s+|sort of\s+|quickly\s+|suddenly\s+)?"
            r"(?:escalated|spiral(?:l)?ed|blew up|boiled over|flared(?: up)?|ran high|derailed|"
            r"fell apart|got out of hand|got away from (?:me|us)|got the better of)\b"
        ),
        _MSG_EVENT, _agentless_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\b(?:it|that|this|the (?:feedback|comment|message|email|joke|remark|note|words?|"
            r"point|"
            r"question))\s+(?:just\s+|probably\s+|may have\s+|might have\s+)?"
            r"(?:came|come|comes|was coming|sounded)\s+(?:out|across|off)?\s*"
            r"(?:(?:as|way|a bit|a little|much|more|too|so|really|kind of|all)\s+)*"
            r"(?:wrong|badly|bad|harsh[a-z]*|rude[a-z]*|sharp[a-z]*|poorly|worse|aggressive[a-z]*|"
            r"dismissive[a-z]*|negative[a-z]*|cold[a-z]*|blunt[a-z]*|the wrong way|differently|"
            r"that way|mean|snippy|curt|condescending|critical)\b"
        ),
        _MSG_CAME_OUT, _agentless_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\b(?:it|that|something|(?:(?:a few|some|the|those|these|a couple of|my)\s+"
            r"(?:[a-z]+\s+)?)?(?:words?|comments?|remarks?|things?))\s+(?:just\s+)?"
            r"(?:slipped out|popped out|came out of my mouth|fell out|tumbled out)\b"
            r"|\bthe words\s+(?:just\s+)?came out\b"
        ),
        _MSG_CAME_OUT, _agentless_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\b(?:sorry|apologi[sz]e|apologies|regret)\s+(?:for|about|over)\s+"
            r"(?:what happened|what went on|how things (?:went|turned out|got)|"
            r"the way things (?:went|turned out)|how (?:it|that|the meeting|the call) went|"
            r"the (?:incident|situation|events?|tension|friction))\b"
        ),
        "This apologises for an event, not for something you did. Say what you did.",
        _agentless_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\bthere\s+(?:was|were|has been|have been|seems to have been|might have been|"
            r"may have been)\s+(?:(?:a|some|a bit of|a little|a lot of|a real|clearly|"
            r"obviously)\s+)?"
            r"(?:misunderstanding|miscommunication|confusion|friction|tension|disagreement|"
            r"breakdown|mix-?up|communication breakdown|crossed wires|heat)\b"
        ),
        "\"There was a misunderstanding\" spreads the cause across no one. Say what you did.",
        _agentless_guard,
    ),
    Rule(
        "agentless", "high",
        rx(
            r"\b(?:the|that|this)\s+(?:email|message|memo|announcement|post|note|update)\s+"
            r"(?:went out|got sent|was sent|got posted|was posted)\b"
        ),
        "The message didn't send itself. Say that you sent it.",
        _agentless_guard,
    ),
)
