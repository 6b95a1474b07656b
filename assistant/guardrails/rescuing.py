"""Rescuing: erasing expectations or taking work away to make the discomfort disappear.

A leader can repair the relationship and hold the standard at once. These checks look for the
leader withdrawing a work expectation (deadline, feedback, target, standard, review) or taking
the work over, as the way to end the awkwardness. Refusals ("I'm not taking back the
feedback") pass, because the clause disowns the move.
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.text import Doc

# Work expectations a repair should not quietly erase.
_WORK = (
    r"(?:deadlines?|timelines?|due date|report|reports|project|projects|feedback|review|reviews|"
    r"targets?|goals?|numbers|standards?|bar|quality bar|expectations?|requirements?|analysis|"
    r"slides|deck|presentation|proposal|task|tasks|work|deliverables?|comments|notes|"
    r"quarterly numbers|okrs?|kpis?|metrics|estimates?|plan|draft|rewrite|revisions?|fix|fixes|"
    r"launch|release|date|code reviews?|on-?call|rota|client work|account|handover|write-?ups?|"
    r"summary|summaries|minutes|documentation|docs|tests|testing|prep|preparation|retro)"
)

_MSG_ERASE = (
    "This removes the expectation to end the discomfort. You can repair the relationship "
    "and keep the standard."
)
_MSG_TAKE_OVER = "Taking the work away can read as a verdict on them. Repair the moment; keep their role."

_LICENSED = re.compile(r"(?:\b(?:please|you can|you could|feel free to|go ahead and|just)\s*)$")


def _imperative(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """ "Forget the feedback" is an instruction; "I won't forget the feedback" is not."""
    clause = doc.clause_at(m.start())
    if m.start() <= clause.core or _LICENSED.search(doc.clause_prefix(m.start())):
        return severity
    return None


RESCUING_RULES: tuple[Rule, ...] = (
    Rule(
        id="rescuing.you_dont_have_to",
        category="rescuing",
        severity="high",
        pattern=rx(
            r"\byou\s+(?:don't|do not|won't|no longer)\s+(?:have|need)\s+to\s+(?:worry about|think "
            r"about|finish|meet|do|redo|fix|hit|deliver|submit|complete|bother with)\s+"
            r"(?:the|that|your|this|my|any|those|these)\s+(?:[a-z]+\s+)?" + _WORK + r"\b"
            r"(?:\s+(?:anymore|any more|at all))?"
            r"|\b(?:don't|do not|no need to)\s+(?:worry|stress|bother)\s+(?:about|"
            r"with)\s+(?:the\s+|that\s+|"
            r"your\s+|this\s+|my\s+|hitting\s+the\s+|meeting\s+the\s+|finishing\s+the\s+)?"
            r"(?:[a-z]+\s+)?" + _WORK + r"\b"
            r"|\bno need to\s+(?:finish|redo|fix|revise|meet|hit|complete|deliver|submit|do)\s+"
            r"(?:the|that|it|this|your|any)\b(?:\s+" + _WORK + r")?"
        ),
        message=_MSG_ERASE,
        catches=(
            "You don't have to worry about the deadline anymore.",
            "Don't worry about the report.",
            "No need to redo the slides.",
        ),
        passes=(
            "You don't have to answer me right away.",
            "Don't worry about replying tonight.",
        ),
    ),
    Rule(
        id="rescuing.forget_the_work",
        category="rescuing",
        severity="high",
        pattern=rx(
            r"\b(?:forget|ignore|disregard)\s+(?:about\s+)?what i (?:said|wrote|asked)\b"
            r"|\b(?:forget|ignore|disregard|scrap|bin)\s+(?:about\s+)?(?:the|my|that|"
            r"those|all|what i said about the|everything i said about the)\s+(?:[a-z]+\s+)?" + _WORK + r"\b"
        ),
        message=_MSG_ERASE,
        guard=_imperative,
        catches=(
            "Forget the feedback.",
            "Ignore what I said about the deadline.",
            "Just scrap the rewrite.",
            "Just forget what I wrote on your draft.",
        ),
        passes=(
            "I won't forget the feedback you gave me.",
            "I'd like you to ignore the noise and focus on the launch plan.",
        ),
    ),
    Rule(
        id="rescuing.standard_dropped",
        category="rescuing",
        severity="high",
        pattern=rx(
            r"\bconsider\s+(?:the|my|that|this|your)\s+(?:[a-z]+\s+)?" + _WORK + r"\s+"
            r"(?:withdrawn|cancell?ed|void|dropped|scrapped|gone|forgotten|done)\b"
            r"|\bi\s+(?:take|'ll take|will take|am taking|'m taking)\s+back\s+(?:the|my|all|"
            r"everything|what i said)\b(?:\s+[a-z]+){0,4}"
            r"|\b(?:the|your|this|that|our)\s+(?:[a-z]+\s+)?" + _WORK + r"\s+(?:doesn't|don't|"
            r"does not|do not|didn't|no longer)\s+(?:really\s+|actually\s+)?matters?\b"
            r"|\b(?:i(?:'ll| will)|we(?:'ll| will| can)|let's|you can)\s+(?:just\s+)?(?:drop|lower|"
            r"waive|cancel|remove|scrap|loosen|relax|skip|forget|ignore|bin|shelve|park|pause|"
            r"postpone|put off|put on hold|push back|suspend)\s+(?:the|my|that|your|"
            r"this|our)\s+(?:[a-z]+\s+)?" + _WORK + r"\b(?:\s+entirely)?"
            r"|\byou're off the hook\b(?:\s+for\s+(?:the\s+)?(?:[a-z]+\s+)?" + _WORK + r")?"
            r"|\b(?:take|have)\s+as long as you (?:want|like|need)\s+(?:on|with|for)\s+(?:the|that|"
            r"your|this)\s+" + _WORK + r"\b"
            r"|\bthere's no (?:deadline|rush at all|expectation)\b"
            r"|\b(?:push|delay|move|postpone|hold|pause|extend|put off|shelve)\s+(?:back\s+)?"
            r"(?:the|your|that|this|our)\s+(?:[a-z]+\s+)?" + _WORK + r"\b[^.;!?\n]{0,30}?"
            r"\b(?:until|till|whenever|for as long as)\s+you\b"
            r"|\bno more\s+(?:[a-z]+\s+)?" + _WORK + r"\s+for you\b"
        ),
        message=_MSG_ERASE,
        catches=(
            "The standard doesn't matter.",
            "Consider the deadline cancelled.",
            "I'll drop the targets entirely.",
            "You're off the hook.",
            "I take back my comments on your draft.",
            "Take as long as you need on the report.",
            "There's no deadline on this one.",
            "I'm happy to delay the review until you're ready.",
            "No more code reviews for you this month.",
        ),
        passes=(
            "I'm not lowering the bar, and I'll go through the rubric with you on Monday.",
            "The deadline still matters, and I'll help you hit it.",
        ),
    ),
    Rule(
        id="rescuing.take_it_off_your_plate",
        category="rescuing",
        severity="medium",
        pattern=rx(
            r"\bi(?:'ll| will| can|'m going to| am going to)\s+(?:just\s+)?take\s+(?:that|the|this|"
            r"it|your)\s*(?:[a-z]+\s+)?(?:" + _WORK + r"\s+)?off your plate\b"
            r"|\bi(?:'ll| will| can|'m going to| am going to)\s+(?:just\s+)?(?:do|finish|handle|"
            r"redo|"
            r"write|fix|present|rewrite|sort|take over)\s+(?:it|that|this|the|your)\b"
            r"(?:\s+[a-z]+){0,2}?\s+(?:myself|for you|instead)\b"
            r"|\bi(?:'ll| will|'m going to| am going to)\s+take over\s+(?:the|your|that|this)\s+"
            r"(?:[a-z]+\s+)?" + _WORK + r"\b"
            r"|\bi(?:'ll| will)\s+(?:sort|handle|deal with)\s+it\b(?=[^.!?]*\bno need\b)"
            r"|\bso you don't have to\b"
            r"|\bso (?:that )?you (?:can|could) (?:breathe|relax|rest|recover|take it easy|"
            r"have a (?:break|breather))\b"
            r"|\boff your plate\b"
            r"|\bso (?:that )?you (?:don't|won't|do not|will not) (?:feel|"
            r"have to feel) (?:pressured|"
            r"stressed|under pressure|bad|rushed|overwhelmed)\b"
            r"|\bi(?:'ve| have|'ll| will)?\s+(?:already\s+)?(?:moved|reassigned|handed|passed|"
            r"shifted|"
            r"given)\s+(?:the|your|that|this)\s+(?:[a-z]+\s+)?" + _WORK + r"\s+(?:over\s+)?to\b"
        ),
        message=_MSG_TAKE_OVER,
        catches=(
            "I'll take that project off your plate.",
            "I'll just finish the deck myself.",
            "I've already handed your account over to Sam.",
            "I'll take over the handover.",
            "I'll handle it, no need to stress.",
            "I'll call the client so you don't have to.",
            "I've cleared your Friday so you can rest.",
            "The vendor calls are off your plate for now.",
            "I'll run the demo so you don't feel pressured.",
        ),
        passes=(
            "I'll take the blame for the delay, not you.",
            "I'll review your draft with you on Thursday.",
        ),
    ),
    Rule(
        id="rescuing.taken_away_for_good",
        category="rescuing",
        severity="high",
        # The work or the check taken away for good, so the discomfort never comes back:
        # "I'll plate your section myself so there's no pressure on you at all".
        pattern=rx(
            r"\b(?:myself|altogether|entirely|completely)\b[^.;!?]{0,30}?\bso (?:that )?(?:you|there|it)\b"
            r"|\bi(?:'ll| will)\s+stop\s+[a-z]+ing\s+(?:your|the)\b[^.;!?]{0,40}?"
            r"(?:\baltogether|\bentirely|\bcompletely|\bso you)\b"
            r"|\bi won't question (?:any|a single)\b"
            r"|\byou (?:don't|do not|won't) need to bother with\b[^.;!?]{0,30}?\b(?:any more|anymore|again)\b"
            r"|\bwhenever it's ready is fine\b|\bi won't hold you to (?:it|that)\b"
        ),
        message=_MSG_ERASE,
        catches=(
            "On Fridays I'll write the rota myself so you can stop worrying about it.",
            "I'll stop checking your invoices altogether.",
            "From now on I won't question any of your timings.",
            "You don't need to bother with the safety log any more.",
            "Take your time with the audit; whenever it's ready is fine.",
            "The grading standard was mine to set, and I won't hold you to it now.",
        ),
        passes=(
            "At Monday's stand-up I'll ask for your estimate before I give mine.",
            "I'll send you the agenda on Thursday so you can add your item first.",
            "I'll stop interrupting you in the huddle: I'll wait until you've finished.",
        ),
    ),
)
