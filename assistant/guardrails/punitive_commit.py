"""punitive_commit: the commitment turns on them.

A repair's commitment is about the leader's behaviour. "I will hold you accountable",
"improve your performance", "someone more qualified than you" make the repair a threat; the
person hears that the rupture was their fault and that consequences follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit
from assistant.guardrails.context import Context
from assistant.guardrails.promises import promises, refused
from assistant.guardrails.text import Doc, trimmed_span

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
    rf"|\b(?:replace|reassign|demote) (?:you|him|her|them)\b|\btake (?:you|him|her|them) off (?:the|your|this|that)\b"
    rf"|\bconsequences\b|\b(?:make|making) (?:you|him|her|them) an issue\b|\btake action\b"
    rf"|\b(?:you|he|she|they) (?:will|'ll) (?:need|have) to\b"
    # Scrutiny of their work by the leader: "review your caseload weekly", "sit in on your lessons".
    rf"|\b(?:review|check|monitor|watch|inspect|audit|spot[- ]check|sit in on|oversee|supervise|vet|judge|assess|"
    rf"evaluate|test|grade|track|keep (?:a )?(?:close|closer) eye on)"
    rf" (?:\w+ )?(?:your|every \w+ you|each of your|all your|their|his|her) (?!own\b)(?:\w+ )?(?:\w+)(?: \w+)?"
    rf"(?= (?:to|until|every|each|weekly|daily|from now)\b| to make sure| to check| to see)"
    rf"|\b(?:go over|go through|look over|look through|read through) (?:\w+ )?(?:your|their|his|her) \w+(?: \w+)?"
    rf"(?= (?:to make sure|to check|to see|until|so i can see what)\b)"
    rf"|\b(?:be )?watching (?:how|what|whether) you\b|\bspot[- ]checks?\b|\bwho is (?:pulling|not pulling)"
    rf"|\bpulling (?:their|your|his|her) weight|\buntil (?:your|you|his|her|their) (?:standard|work|quality|testing|performance|numbers)"
    rf"|\buntil i'm (?:confident|happy|satisfied|sure)|\bcheck (?:your|their|his|her) progress"
    rf"|\b(?:more|better) experienced \w+ to\b|\bsenior \w+ (?:to )?(?:take|check|review)\b|\btake (?:it|the \w+|that|this) off you\b"
    rf"|\bextra training\b|\bfor sign-?off\b|\bkeep a log\b|\bsign to confirm\b|\bin return\b"
    rf"|\bwhy (?:your|the|his|her|their) \w+(?: \w+)? (?:didn't|did not|wasn't|was not|failed|isn't|is not|weren't)"
    rf"|\bwhere (?:it|you|things) went wrong|\bwhat (?:went|is|was) wrong with (?:it|them|your)"
    rf"|\bwhether (?:it's|it is|you're|you are|they're|they are) (?:ready|good enough|worth|up to)"
    rf"|\bexplain why you think\b|\bjustify(?:ing)? (?:any|every|each|the|your)\b|\bjustifying\b"
    # Work handed back to them as a demand: "ask you to make a decision", "need you to justify".
    rf"|\b(?:ask|asking|need|want|expect|require|get|have) (?:you|each of you|everyone|all of you|them|him|her) to"
    rf" (?:commit|explain|justify|account|prove|keep your word|improve|do better|work harder|try harder|"
    rf"be more|be honest|be careful|step up|take responsibility|take ownership|apologi[sz]e|make (?:a|an|sure)|"
    rf"answer for|hold (?:a|the)|do (?:a|the) (?:debrief|review|write-?up)|use the same|choose|decide|write up|"
    rf"document|submit|resubmit|sign|confirm|follow|change your|fix)\b"
    rf"|\bsend me your \w+ (?:and|so|for|before)\b(?! you)|\bi'll decide whether\b"
    # Oversight in other words: reports on demand, a senior checker, visits unannounced.
    rf"|\b(?:send|copy) me (?:in )?(?:on )?(?:an? )?(?:every|each|all|hourly|daily)\b"
    rf"|\bso i can (?:catch|spot|keep tabs|check (?!in\b))"
    rf"|\b(?:more experienced|senior|second) \w+ (?:will )?(?:go over|approve|check|sign off)\b"
    rf"|\b(?:dropping into|drop into|sitting in on|turn up at) your \w+ (?:unannounced|without warning)\b"
    rf"|\bwatching your \w+(?: \w+)? (?:live|closely)\b"
    rf"|\bpull your [\w-]+ (?:figures|numbers|stats|scores|data)\b"
    rf"|\bwill go through a (?:review|approval) (?:panel|process|step)\b"
    # Their work checked by the leader, or reported on: "show me the week's bookings before…",
    # "take whatever I find to the head", "tell you what I want to see from you".
    rf"|\bwhat i (?:want|expect) to see from (?:you|each of you|all of you)\b"
    rf"|\b(?:to )?show me (?:the|your|all|each|every) [\w' ]{{1,30}}? before\b"
    rf"|\btake (?:whatever|what) i find\b"
)
_OFFER = re.compile(
    r"\bif you(?:'d| would)? (?:like|want|wish|prefer)|\bif (?:it|that) (?:helps|would help)|\bonly if you\b|\bif useful\b"
)

CATCHES: tuple[tuple[Section, str], ...] = (
    (
        "commit",
        "In the next meeting I will hold her accountable to explain why she was making it seem like that.",
    ),
    ("commit", "I will take action after the next meeting to improve your performance."),
    ("commit", "Next time I'll get a second opinion from someone who is more qualified than you are."),
    ("commit", "At our next team meeting, I will ask you to commit to a plan to manage the team chat."),
    (
        "commit",
        "In my next meeting, we will discuss your choice of anaesthetic protocol and why it was a mistake.",
    ),
    ("commit", "From Monday I'll be keeping a close eye on your work."),
    ("commit", "From now on please copy me on every client email."),
    ("commit", "Each week I'll read your notes so I can catch anything early."),
    ("commit", "Next month a senior nurse will go over your care plans first."),
    ("commit", "I'll be dropping into your shifts unannounced for a while."),
    ("commit", "Every afternoon I'll be watching your call times live."),
    ("commit", "On Fridays I'll pull your pick-rate figures and we'll talk them through."),
    ("commit", "Your quotes will go through a review panel before they reach the client."),
    ("commit", "At the end of the shoot I will tell you what I want to see from you."),
    ("commit", "Before the next huddle I will ask you to show me the week's bookings before they go out."),
    (
        "commit",
        "At the next meeting I will ask you what you missed, and I will take whatever I find to the head.",
    ),
)
PASSES: tuple[tuple[Section, str], ...] = (
    ("commit", "In Thursday's review I will ask for your view before I give mine."),
    ("commit", "I'll hold myself to this: at the next stand-up I'll let you finish."),
    ("commit", "I won't hold it against you that you pushed back; next time I'll thank you for it."),
    ("commit", "From next week I'll review my own comments before I post them in the channel."),
    ("commit", "I'll ask you to tell me straight away if I talk over you again on Friday."),
    ("commit", "On Friday I'll send you every note from the meeting so you can correct my summary."),
    ("commit", "On any design you share I'll write what I'd change, screen by screen, in the thread."),
    ("commit", "Before Monday I'll show you the new rota before it goes to anyone else."),
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
