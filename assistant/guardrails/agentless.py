"""Agentless harm: "things", "it", "mistakes" as the subject of what went wrong.

The mirror image of ownership (see ownership.py): the harm is described with no first-person
agent in the sentence. A sentence that names the leader as the cause anywhere ("Things got
heated because I raised my voice") passes.
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import APOLOGY_WORDS, CONDUCT_VERBS, alt, forms, without
from assistant.guardrails.ownership import own_acts
from assistant.guardrails.text import Doc

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
        sentence.start <= s and e <= sentence.end and not (m.start() <= s < m.end()) for s, e in own_acts(doc)
    ):
        return None
    return severity


_MSG_PASSIVE = 'This describes the harm with no one doing it. Say who did what: "I said..." or "I cut...".'
_MSG_EVENT = 'This makes the moment something that happened by itself. Name your part in it with "I".'
_MSG_CAME_OUT = "Words don't come out on their own. Say what you said or did, with yourself as the subject."

_HARM_NOUNS = (
    r"(?:mistakes?|errors?|(?:(?:some|a few|a lot of|certain)\s+)?"
    r"(?:(?:harsh|hurtful|unkind|careless|sharp|nasty|cruel|bad)\s+)?(?:things|words|comments|"
    r"remarks)"
    r"|feelings|voices|the ball|balls|lines|the line|toes|promises|wires|signals|"
    r"(?:(?:some|the)\s+)?communication)"
)

# Conduct toward a person, in the passive: "your idea was dismissed".
_HARM_PARTICIPLES = (
    alt(
        forms(
            CONDUCT_VERBS,
            "participle",
            only=(
                "criticise",
                "criticize",
                "dismiss",
                "ignore",
                "overrule",
                "interrupt",
                "talk over",
                "speak over",
            ),
        ),
        (
            "overlooked",
            "mishandled",
            "botched",
            "bungled",
            "undermined",
            "shut down",
            "sidelined",
            "trashed",
            "picked apart",
            "torn apart",
            "belittled",
            "shot down",
            "steamrolled",
            "embarrassed in front of",
            "called out",
            "singled out",
            "humiliated",
            "blindsided",
            "misrepresented",
            "left out",
            "excluded",
            "passed over",
            "waved away",
            "written off",
        ),
    )
    + r"|brushed (?:aside|off)|cut (?:off|short)|side-?stepped"
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
_BY_ME = re.compile(r"\s*by\s+(?:me|my|myself)\b")


def _thing_subject_guard(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    prefix = doc.clause_prefix(m.start())
    if _PERSON_SUBJECT.search(prefix) or not prefix.strip():
        return None
    if _BY_ME.match(doc.norm, m.end()):
        return None
    return _agentless_guard(doc, m, severity)


# Moments that can be made the subject of what went wrong ("the meeting got heated").
_EVENTS = (
    "meeting",
    "conversation",
    "call",
    "discussion",
    "exchange",
    "review",
    "retro",
    "standup",
    "situation",
    "debate",
    "argument",
)
# Adverbs between such a subject and its verb ("things just escalated").
_DRIFT = r"(?:just\s+|really\s+|kind of\s+|sort of\s+|quickly\s+|suddenly\s+)?"

AGENTLESS_RULES: tuple[Rule, ...] = (
    Rule(
        id="agentless.mistakes_were_made",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b" + _HARM_NOUNS + r"\s+(?:were|was|got|have been|has been|had been|may have been|"
            r"might have been)\s+(?:[a-z]+ly\s+)?(?:made|said|exchanged|hurt|raised|dropped|"
            r"crossed|"
            r"stepped on|broken|missed|thrown|spoken|uttered|bruised)\b"
        ),
        message=_MSG_PASSIVE,
        guard=_agentless_guard,
        catches=(
            "Mistakes were made on the launch.",
            "Some harsh things were said in that meeting.",
            "The ball was dropped on your onboarding.",
        ),
        passes=(
            "Some harsh things were said, and I said most of them.",
            "Harsh words were spoken by me, not by you.",
        ),
    ),
    Rule(
        # A thing (not a person) as the subject of a passive harm: "your work got criticised".
        id="agentless.thing_passive",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:was|were|got|get|gets|has been|have been|had been|is being|was being)\s+"
            r"(?:[a-z]+ly\s+)?(?:" + _HARM_PARTICIPLES + r")\b"
            r"|\b(?:was|were|got|has been|have been|had been)\s+(?:[a-z]+ly\s+)?"
            r"(?:" + _NEUTRAL_PARTICIPLES + r")\s+(?:[a-z]+\s+){0,3}?" + _BAD_MANNER
        ),
        message=_MSG_PASSIVE,
        guard=_thing_subject_guard,
        catches=(
            "Your proposal was dismissed without a proper hearing.",
            "The deadline change was communicated badly.",
            "Your work got criticised in the review.",
        ),
        passes=(
            "You were dismissed in front of the team, and that stung.",
            "Your proposal was dismissed by me before you had finished.",
        ),
    ),
    Rule(
        # Things lost on their own: "your case slipped through the cracks".
        id="agentless.lost_on_its_own",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:slipped|fell|got lost)\s+(?:through|between)\s+the\s+cracks\b"
            r"|\bfell by the wayside\b"
            r"|\b(?:got|was|were)\s+(?:lost|missed|buried|dropped|forgotten|pushed aside|"
            r"deprioriti[sz]ed|lost in the shuffle)\b"
            r"|\bwent (?:missing|unanswered|unheard|unnoticed|unacknowledged|unrecognised|"
            r"unrecognized)\b"
        ),
        message=_MSG_PASSIVE,
        guard=_thing_subject_guard,
        catches=(
            "Your request slipped through the cracks.",
            "The follow-up got lost.",
            "Your message went unanswered for a week.",
            "Your expenses claim fell by the wayside last month.",
        ),
        passes=(
            "Your request got lost because I never logged it.",
            "You went unheard in that meeting.",
        ),
    ),
    Rule(
        id="agentless.no_hearing",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:your|the|that|this|my)\s+(?:[a-z]+\s+)?(?:idea|point|concern|work|question|"
            r"input|proposal|suggestion|objection|contribution)\s+(?:didn't|did not|never)\s+"
            r"(?:get|got|receive|received)\s+(?:the|a|any|much|enough)\s+(?:[a-z]+\s+)?"
            r"(?:hearing|attention|credit|response|consideration|space|time|airtime|answer)\b"
        ),
        message=_MSG_PASSIVE,
        guard=_agentless_guard,
        catches=(
            "Your idea didn't get the attention it deserved.",
            "The proposal never got a proper hearing.",
        ),
        passes=(
            "Your concern didn't get a fair hearing because I cut the discussion short.",
            "I didn't give your idea the attention it deserved.",
        ),
    ),
    Rule(
        # Verbs that need a complement: "things got tense", "the meeting went sideways".
        id="agentless.things_got_heated",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:things|it|everything|(?:the|that|this|our|yesterday's|today's) "
            + alt(_EVENTS, ("room", "atmosphere", "mood", "one-on-one", "1:1", "sync"))
            + r")\s+(?:all\s+)?"
            + _DRIFT
            + r"(?:got|became|went|turned|were getting|was getting)\s+"
            r"(?:(?:a bit|a little|really|so|pretty|too|very|quite|kind of|sort of|more|a lot)\s+)*"
            r"(?:heated|tense|out of hand|messy|ugly|sideways|south|wrong|badly|poorly|downhill|"
            r"pear-shaped|off (?:the )?(?:rails|track)|"
            r"awkward|uncomfortable|personal|hostile|sour|bad|loud|emotional|intense|weird|"
            r"away from (?:me|us)|carried away)\b"
        ),
        message=_MSG_EVENT,
        guard=_agentless_guard,
        catches=(
            "Things got heated.",
            "The meeting went sideways.",
            "Yesterday's standup got a bit tense.",
        ),
        passes=(
            "Things got heated because I raised my voice.",
            "The meeting got moved to Thursday.",
        ),
    ),
    Rule(
        # Verbs that stand alone: "things escalated", "tempers flared".
        id="agentless.things_escalated",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:things|it|everything|tempers|emotions|the "
            + alt(_EVENTS)
            + r")\s+"
            + _DRIFT
            + r"(?:escalated|spiral(?:l)?ed|blew up|boiled over|flared(?: up)?|ran high|derailed|"
            r"fell apart|got out of hand|got away from (?:me|us)|got the better of)\b"
        ),
        message=_MSG_EVENT,
        guard=_agentless_guard,
        catches=(
            "Things escalated quickly.",
            "Tempers flared in the retro.",
            "The conversation just derailed.",
        ),
        passes=(
            "Things escalated when I raised my voice.",
            "I let the conversation drift off topic.",
        ),
    ),
    Rule(
        id="agentless.came_out_wrong",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:it|that|this|the (?:feedback|comment|message|email|joke|remark|note|words?|"
            r"point|"
            r"question))\s+(?:just\s+|probably\s+|may have\s+|might have\s+)?"
            r"(?:came|come|comes|was coming|sounded)\s+(?:out|across|off)?\s*"
            r"(?:(?:as|way|a bit|a little|much|more|too|so|really|kind of|all)\s+)*"
            r"(?:wrong|badly|bad|harsh[a-z]*|rude[a-z]*|sharp[a-z]*|poorly|worse|aggressive[a-z]*|"
            r"dismissive[a-z]*|negative[a-z]*|cold[a-z]*|blunt[a-z]*|the wrong way|differently|"
            r"that way|mean|snippy|curt|condescending|critical)\b"
        ),
        message=_MSG_CAME_OUT,
        guard=_agentless_guard,
        catches=(
            "It came out wrong.",
            "That sounded harsher than I meant.",
            "The feedback came across as dismissive.",
        ),
        passes=(
            "I came across as dismissive, and that's on me.",
            "The feedback came across well in the end.",
        ),
    ),
    Rule(
        id="agentless.slipped_out",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:it|that|something|(?:(?:a few|some|the|those|these|a couple of|my)\s+"
            r"(?:[a-z]+\s+)?)?(?:words?|comments?|remarks?|things?))\s+(?:just\s+)?"
            r"(?:slipped out|popped out|came out of my mouth|fell out|tumbled out)\b"
            r"|\bthe words\s+(?:just\s+)?came out\b"
        ),
        message=_MSG_CAME_OUT,
        guard=_agentless_guard,
        catches=(
            "It just slipped out.",
            "The words came out before I could stop them.",
            "A few careless comments slipped out.",
        ),
        passes=(
            "That slipped out, but I said it and I own it.",
            "I said it without thinking.",
        ),
    ),
    Rule(
        id="agentless.sorry_for_what_happened",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b" + alt(without(APOLOGY_WORDS, "apology")) + r"\s+(?:for|about|over)\s+"
            r"(?:what happened|what went on|how things (?:went|turned out|got)|"
            r"the way things (?:went|turned out)|how (?:it|that|the meeting|the call) went|"
            r"the (?:incident|situation|events?|tension|friction))\b"
        ),
        message="This apologises for an event, not for something you did. Say what you did.",
        guard=_agentless_guard,
        catches=(
            "I'm sorry for what happened.",
            "I'm sorry about how things turned out yesterday.",
            "Apologies for the tension in the room.",
        ),
        passes=(
            "I'm sorry for what happened when I cut you off.",
            "I'm sorry for the way I spoke to you.",
        ),
    ),
    Rule(
        id="agentless.there_was_a_misunderstanding",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\bthere\s+(?:was|were|has been|have been|seems to have been|might have been|"
            r"may have been)\s+(?:(?:a|some|a bit of|a little|a lot of|a real|clearly|"
            r"obviously)\s+)?"
            r"(?:misunderstanding|miscommunication|confusion|friction|tension|disagreement|"
            r"breakdown|mix-?up|communication breakdown|crossed wires|heat)\b"
        ),
        message='"There was a misunderstanding" spreads the cause across no one. Say what you did.',
        guard=_agentless_guard,
        catches=(
            "There was a misunderstanding about the scope.",
            "There seems to have been some confusion.",
        ),
        passes=(
            "There was a misunderstanding because I never sent the brief.",
            "There was a lot of good work in your draft.",
        ),
    ),
    Rule(
        id="agentless.message_went_out",
        category="agentless",
        severity="high",
        pattern=rx(
            r"\b(?:the|that|this)\s+(?:email|message|memo|announcement|post|note|update)\s+"
            r"(?:went out|got sent|was sent|got posted|was posted)\b"
        ),
        message="The message didn't send itself. Say that you sent it.",
        guard=_agentless_guard,
        catches=(
            "The email went out before you saw it.",
            "That message got sent to the whole team.",
        ),
        passes=(
            "The update went out after I checked it with you.",
            "I sent that email before you saw it.",
        ),
    ),
)
