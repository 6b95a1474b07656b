"""punitive_commit: the commitment turns on them.

A repair's commitment is about the leader's behaviour. "I will hold you accountable",
"improve your performance", "someone more qualified than you" make the repair a threat; the
person hears that the rupture was their fault and that consequences follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context
from assistant.guardrails.promises import promises, refused
from assistant.guardrails.text import Doc, trimmed_span
from assistant.schemas import Section

CATEGORY = "punitive_commit"
MESSAGE = (
    "This commitment turns on them: it promises scrutiny or consequences for them, not a change "
    "in your own behaviour. Commit to something you will do differently."
)
_THEM = r"(?:you|your|him|his|her|them|their|the team|everyone)"
_PUNITIVE = re.compile(
    rf"\bhold(?:ing)? {_THEM}(?: \w+)? (?:accountable|responsible|to account)"
    rf"|\b(?:improve|review|monitor|track|assess|evaluate|scrutini[sz]e|audit|check on|keep(?:ing)? (?:a close |an |a )?eye on|watch|"
    rf"look (?:closely )?at|follow up on|address|fix|correct|manage) {_THEM} (?:\w+ )?(?:performance|work|output|"
    rf"progress|behaviou?r|attitude|conduct|mistakes?|errors?|tone|timekeeping|attendance|choices?|decisions?)"
    rf"|\b(?:your|his|her|their) (?:performance|conduct|attitude) (?:review|plan|improvement|issues?)"
    rf"|\bperformance (?:improvement )?plan\b|\bpip\b|\bformal warning\b|\bwritten warning\b|\bdisciplinary\b"
    rf"|\b(?:more|better) (?:qualified|experienced|capable|competent|senior|suited)(?: \w+)? than {_THEM}"
    rf"|\bsomeone (?:more|better|else) (?:qualified|experienced|capable|competent|suited)"
    rf"|\bsecond opinion\b"
    rf"|\b(?:ask|require|expect|need|want|get|make|have) {_THEM} to (?:commit|explain|justify|account|prove|"
    rf"keep (?:your|his|her|their) word|improve|do better|work harder|try harder|be more|step up|take responsibility|"
    rf"take ownership|own (?:it|this|that|your)|apologi[sz]e|make sure (?:you|he|she|they)|answer for|"
    rf"show (?:me|us) (?:that|why)|write up|document)"
    rf"|\bwhy (?:it|this|that|your \w+|the \w+) (?:was|is) (?:a mistake|wrong|unacceptable|not good enough)"
    rf"|\b(?:your|his|her|their) (?:mistake|failure|fault)s?\b"
    rf"|\b(?:report|escalate|refer) (?:you|him|her|them|this|it) to (?:hr|human resources|your|the board|management)"
    rf"|\b(?:replace|reassign|demote|take) (?:you|him|her|them)(?: off)?\b(?! through)"
    rf"|\bconsequences\b|\b(?:make|making) (?:you|him|her|them) an issue\b|\btake action\b"
    rf"|\b(?:you|he|she|they) (?:will|'ll) (?:need|have) to\b"
    # Scrutiny of their work by the leader: "review your caseload weekly", "sit in on your lessons".
    rf"|\b(?:review|check|monitor|watch|inspect|audit|sign off|spot[- ]check|go over|go through|look over|look through|"
    rf"read through|sit in on|oversee|supervise|approve|vet|judge|assess|evaluate|test|grade|track|keep (?:a )?(?:close|closer) eye on)"
    rf" (?:\w+ )?(?:your|every \w+ you|each of your|all your|their|his|her) (?!own\b)(?:\w+ )?(?:\w+)(?: \w+)?"
    rf"(?= (?:to|until|so|for|before|every|each|weekly|daily|from|before)\b| to make sure| to check| to see)"
    rf"|\b(?:be )?watching (?:how|what|whether) you\b|\bspot[- ]checks?\b|\bwho is (?:pulling|not pulling)"
    rf"|\bpulling (?:their|your|his|her) weight|\buntil (?:your|you|his|her|their) (?:standard|work|quality|testing|performance|numbers)"
    rf"|\buntil i'm (?:confident|happy|satisfied|sure)|\bcheck (?:your|their|his|her) progress"
    rf"|\b(?:more|better) experienced \w+ to\b|\bsenior \w+ (?:to )?(?:take|check|review)\b|\btake (?:it|the \w+|that|this) off you\b"
    rf"|\bextra training\b|\bfor sign-?off\b|\bkeep a log\b|\bsign to confirm\b|\bin return\b"
    rf"|\bwhy (?:your|the|his|her|their) \w+(?: \w+)? (?:didn't|did not|wasn't|was not|failed|isn't|is not|weren't)"
    rf"|\bwhere (?:it|you|things) went wrong|\bwhat (?:went|is|was) wrong with (?:it|them|your)"
    rf"|\bwhether (?:it's|it is|you're|you are|they're|they are) (?:ready|good enough|worth|up to)"
    rf"|\bexplain why you think\b|\bjustify(?:ing)? (?:any|every|each|the|your)\b|\bjustifying\b"
    rf"|\b(?:ask|asking|need|want|like|expect|require|get|have) (?:you|each of you|everyone|all of you|them|him|her) to"
    rf" (?!(?:tell|let|say|share|flag|stop|call|correct|remind|give me|point|speak|talk|raise|pick|choose|lead|chair|present|"
    rf"go first|join|come|walk|sign off|make a joke|know|feel|carry|be fine|worry|think|hear|have|rest|relax|ignore|take your time|"
    rf"take a break|take the day|take time|go home|check me|help me|take the floor|set|walk me|show me|finish|weigh in|review my|interrupt me|"
    rf"pull me|nudge|signal|jump in|cut in|ping|message|email me|add|put your|decide how|say so|hold me|keep me|be honest with me|"
    rf"challenge|push back|ask|take the lead|run|own the|start|open|bring your|send me your view|comment)\b)"
    rf"|\bsend me your \w+ (?:and|so|for|before)\b(?! you)|\bi'll decide whether\b"
)
_OFFER = re.compile(r"\bif you(?:'d| would)? (?:like|want|wish|prefer)|\bif (?:it|that) (?:helps|would help)|\bonly if you\b|\bif useful\b")

CATCHES: tuple[tuple[Section, str], ...] = (
    ("commit", "In the next meeting I will hold her accountable to explain why she was making it seem like that."),
    ("commit", "I will take action after the next meeting to improve your performance."),
    ("commit", "Next time I'll get a second opinion from someone who is more qualified than you are."),
    ("commit", "At our next team meeting, I will ask you to commit to a plan to manage the team chat."),
    ("commit", "In my next meeting, we will discuss your choice of anaesthetic protocol and why it was a mistake."),
    ("commit", "From Monday I'll be keeping a close eye on your work."),
)
PASSES: tuple[tuple[Section, str], ...] = (
    ("commit", "In Thursday's review I will ask for your view before I give mine."),
    ("commit", "I'll hold myself to this: at the next stand-up I'll let you finish."),
    ("commit", "I won't hold it against you that you pushed back; next time I'll thank you for it."),
    ("commit", "From next week I'll review my own comments before I post them in the channel."),
    ("commit", "I'll ask you to tell me straight away if I talk over you again on Friday."),
)


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    if section not in (None, "commit"):
        return
    starts = [p for p in promises(doc)]
    for m in _PUNITIVE.finditer(doc.norm):
        # Inside a promise, the promise must not refuse it ("I won't hold it against you").
        promise = next((p for p in reversed(starts) if p.start <= m.start() < p.end), None)
        if promise is not None and refused(doc, promise, m.start()):
            continue
        sentence = doc.sentence_at(m.start())
        if re.search(r"(?:\bnot|\bnever|n't)\b[^.!?]{0,20}$", doc.norm[sentence.start : m.start()]):
            continue
        if _OFFER.search(doc.norm, sentence.start, sentence.end):
            continue  # help they may take or leave is not scrutiny
        start, end = trimmed_span(doc.text, m.start(), m.end())
        yield Hit(CATEGORY, "high", start, end, MESSAGE)
