"""Blame shift: the other person (or someone else) made responsible for the leader's act.

The subject decides. "You should have told me" blames; "you should have had the floor" names
what they were owed. "You misunderstood" blames; "I misunderstood you" owns. "I reacted to your
tone" blames; "I'm sorry for the way I reacted to your proposal" owns the reaction.
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import CONDUCT_VERBS, SORRY_WORDS, alt, forms
from assistant.guardrails.text import Doc

_MSG_BLAME = "This puts the responsibility on them. Stay with your own part; their part is theirs to raise."
_MSG_MISREAD = (
    "Saying they misunderstood makes their reading the problem. Say what you did and how it landed."
)
_MSG_LABEL = "Judging their reaction makes it the problem. Their reaction is information, not a fault."
_MSG_SHARED = "Splitting the blame blurs your part. Own your share without assigning theirs."

_PARTICIPLE = (
    r"(?:[a-z]+ed|told|said|come|given|spoken|done|gone|known|let|sent|brought|read|been|kept|"
    r"shown|taken|written|got|gotten|made|put|spoke|sent)"
)

# An optional prepositional phrase between a noun and its verb: "your attitude in the meeting".
_PP = r"(?:(?:in|at|during|on|about|to|with|after)\s+(?:[a-z']+\s+){1,3}?)?"

_APOLOGY_BEFORE = rx(r"\b" + alt(SORRY_WORDS, ("apology", "regret", "the way", "how")) + r"\b")


def _unless_apologised(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """ "Sorry for the way I reacted to your proposal": the reaction is the thing owned."""
    return None if _APOLOGY_BEFORE.search(doc.clause_prefix(m.start())) else severity


BLAME_SHIFT_RULES: tuple[Rule, ...] = (
    Rule(
        # "You should have told me", but not "you should have had the floor" (what they were owed).
        id="blame_shift.you_should_have",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\byou\s+(?:really\s+|just\s+|probably\s+|also\s+|honestly\s+)?(?:should(?:n't| not)?|"
            r"could|ought to|might|could at least)\s+have\s+"
            r"(?!been\s+(?:given|told|asked|consulted|included|invited|heard|warned|informed|"
            r"credited|"
            r"thanked|treated|able|allowed|offered)\b|had\b|gotten\b|got\b|felt\b|been able\b|"
            r"expected\b|wanted\b|needed\b)[a-z]+"
        ),
        message=_MSG_BLAME,
        catches=(
            "You should have told me sooner.",
            "You could have flagged it earlier.",
            "You really ought to have checked the numbers.",
        ),
        passes=(
            "You should have had the floor, and I took it.",
            "You should have been told first, and I didn't do that.",
        ),
    ),
    Rule(
        # "If you had sent the numbers...", "If you hadn't interrupted..."
        id="blame_shift.if_you_had",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\b(?<!as )(?<!like )(?:if you(?:'d| had)|had you)\s+(?!(?:like|rather|prefer|want|"
            r"time|a chance|the time|"
            r"questions|any|more|to)\b)(?:just\s+|only\s+|actually\s+)?" + _PARTICIPLE + r"\b"
            r"|\b(?<!as )(?<!like )(?:if you|had you)\s+(?:hadn't|had not|not)\s+[a-z]+"
            r"|\bif you(?:'d| had| would have)\s+(?:just\s+)?(?:listened|told|asked|said|prepared|"
            r"checked|followed|spoken up)\b"
        ),
        message=_MSG_BLAME,
        catches=(
            "If you had sent the numbers, this wouldn't have happened.",
            "If you hadn't interrupted, I wouldn't have snapped.",
            "Had you asked, I'd have explained.",
            "If you would have listened, we'd have finished sooner.",
        ),
        passes=(
            "I spoke to you as if you hadn't done the work.",
            "If you'd like more time, just say.",
        ),
    ),
    Rule(
        id="blame_shift.you_misunderstood",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\byou(?:'re)?\s+(?:(?:completely|totally|clearly|obviously|just|simply|may have|"
            r"might have|"
            r"must have|probably)\s+)?(?:misunderstood|misread|misheard|misinterpreted|"
            r"misconstrued|"
            r"got (?:it|that|me|the wrong end)(?: all)? wrong|"
            r"(?:are |were )?(?:take|taking|took) (?:it|that|this|things|what i said|"
            r"my (?:comment|words|point|feedback|tone))\s+(?:(?:way|far|a bit|a little|so|"
            r"much)\s+)?"
            r"(?:the wrong way|wrong|personally|too personally|out of context|too seriously|"
            r"too hard|"
            r"badly))"
        ),
        message=_MSG_MISREAD,
        catches=(
            "I think you misunderstood what I meant.",
            "You took it the wrong way.",
            "You're taking this too personally.",
        ),
        passes=(
            "I misunderstood you.",
            "You took the lead on the demo and I undercut you.",
        ),
    ),
    Rule(
        id="blame_shift.you_are_too_sensitive",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\byou(?:'re| are| were| have been|'ve been| get| got| can be)\s+(?:being\s+)?"
            r"(?:(?:way|far|a bit|a little|just|so|too|overly|really|pretty|quite|very|"
            r"kind of)\s+)*"
            r"(?:sensitive|oversensitive|emotional|defensive|touchy|thin-skinned|dramatic|fragile|"
            r"difficult|negative|aggressive|hysterical|prickly)\b"
            r"|\byou(?:'re| are| were)\s+(?:not listening|not hearing me|being unreasonable)\b"
        ),
        message=_MSG_LABEL,
        catches=(
            "You're too sensitive.",
            "You were being defensive.",
            "You're not listening.",
        ),
        passes=(
            "I was defensive when you raised it.",
            "You were right to be upset.",
        ),
    ),
    Rule(
        id="blame_shift.your_part",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\byou\s+(?:made|forced|pushed|provoked|drove)\s+me\b|\byou started (?:it|this|that)\b"
            r"|\byou\s+(?:always|never|constantly)\s+(?:listen|let|give|tell|do|follow|check|"
            r"prepare|understand|take|interrupt|argue|push|question|complain|ignore|miss|read|"
            r"respond|reply|show|come|get)\b"
            r"|\byou\s+(?:didn't|did not|wouldn't|would not|don't|won't)\s+(?:listen|let me|"
            r"tell me|"
            r"warn me|give me|follow|prepare|read|check|do your|do the|send|respond|stop)\b"
            r"|\byou\s+(?:kept|were|started|keep)\s+"
            + alt(
                forms(CONDUCT_VERBS, "ing", only=("interrupt", "talk over", "push")),
                ("arguing", "questioning", "challenging", "complaining", "provoking"),
            )
            + r"\b"
            r"|\byou\s+(?:need|have|got)\s+to\s+(?:learn|stop|toughen|grow|get over|be less|"
            r"be more|"
            r"accept|calm)\b"
            r"|\b(?:your|their|his|her|the team's)\s+(?:attitude|tone|behaviou?r|reaction|delivery|"
            r"interruption|lateness|mistake|error|approach)\s+"
            + _PP
            + r"(?:was|were)\s+(?:(?:really|so|just|"
            r"also|a bit)\s+)*(?:not great|unprofessional|out of line|aggressive|disrespectful|"
            r"a problem|part of (?:it|the problem)|rude|hostile|combative|uncalled for|"
            r"inappropriate|"
            r"defensive|the (?:problem|issue|trigger)|too [a-z]+)\b"
            r"|\b(?:your|their|his|her)\s+(?:attitude|tone|behaviou?r|reaction|delivery|"
            r"approach)\s+"
            + _PP
            + r"(?:didn't help|did not help|made (?:it|things) worse|started (?:it|this)|set me off|"
            r"caused (?:it|this))\b"
            r"|\b(?:it's|it is|it was|that's|that is|that was)\s+(?:(?:really|partly|also)\s+)?"
            r"(?:your fault|on you)\b"
            r"|\b(?:part|some|half|a lot) of (?:this|it|that|the blame) (?:is|was|lies|sits) "
            r"(?:on|with|down to) you\b|\bon you too\b"
            r"|\byou (?:also|too) (?:share|bear|carry) (?:some|part of the|your share of the) "
            r"(?:blame|responsibility)\b"
            r"|\b(?:nobody|no one)\s+(?:told|warned|informed|asked|showed)\s+me\b"
            r"|\bbecause you\s+(?:kept|were|didn't|wouldn't|refused|ignored|interrupted|pushed|"
            r"started|made|never|always|came in|walked in)\b"
            r"|\b(?:they|the team|he|she)\s+(?:should(?:n't)? have|should've|never|wouldn't|"
            r"didn't listen|weren't listening)\b"
        ),
        message=_MSG_BLAME,
        catches=(
            "You made me lose my temper.",
            "You never listen in these meetings.",
            "You kept interrupting me.",
            "Your tone was part of the problem.",
            "Nobody told me the deadline had moved.",
            "It's partly your fault.",
            "You started this, Marco.",
            "You didn't warn me about the budget cut.",
            "You need to learn to take feedback.",
            "Your tone in the standup set me off.",
            "Part of this is on you.",
            "Honestly, that one's on you too.",
            "You also bear some responsibility for how the review went.",
            "I snapped because you ignored my messages.",
            "The team should have caught it in testing.",
        ),
        passes=(
            "You made a fair point and I brushed past it.",
            "Your tone was calm and I still snapped.",
            "You never got the credit you deserved.",
        ),
    ),
    Rule(
        # Advice aimed at them inside the leader's repair: "next time you could come to me".
        id="blame_shift.advice_for_them",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\b(?:next time|in future|in the future|going forward|from now on|maybe|"
            r"perhaps)\s*,?\s+"
            r"you\s+(?:could|should|might want to|need to|ought to|must|can)\b(?:\s+[a-z]+){0,2}"
            r"|\bit would (?:help|be better|be easier|be good) if you\b(?:\s+[a-z]+){0,2}"
            r"|\bi'd (?:appreciate|prefer) (?:it )?if you\s+(?:would|could|didn't|did not|don't)\b"
            r"(?:\s+[a-z]+){0,2}"
        ),
        message="Advice about what they should do turns your repair into their correction. "
        "Keep this about your part.",
        catches=(
            "Next time, you could come to me first.",
            "It would help if you sent the agenda earlier.",
            "I'd appreciate it if you didn't raise it in public.",
        ),
        passes=(
            "Next time, I will come to you first.",
            "It would help if I sent the agenda earlier.",
        ),
    ),
    Rule(
        # Someone else as the subject of the error: "your team dropped the ball first".
        id="blame_shift.someone_else_erred",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\b(?:you|your [a-z]+|they|their [a-z]+|the (?:team|other team|client|vendor|"
            r"department)|people|he|she|someone else|others)\s+(?:(?:also|first|clearly|really|"
            r"basically|kind of|sort of)\s+)?(?:dropped the ball|messed (?:it )?up|"
            r"screwed (?:it )?up|"
            r"made (?:a|the) mistake|got it wrong|started it|let (?:me|us|the team) down|"
            r"failed to [a-z]+|forgot to [a-z]+|blew (?:it|the)|didn't do (?:their|your|his|"
            r"her) part)\b"
            r"|\byou knew\b[^.;!?\n]{0,40}?\b(?:and|but)\s+(?:still|yet|then)\b"
            r"|\byou\s+(?:still\s+)?missed\s+(?:the|it|a|your)\s*(?:deadline|target|date|handover|"
            r"meeting)?\b(?=[^.;!?\n]*\b(?:still|again|anyway)\b)|\bstill missed it\b"
            r"|\b(?:that's|this is|it's)\s+what happens when\s+(?:you|people|they|someone|"
            r"the team)\b"
            r"|\byou\s+(?:didn't|did not|don't|weren't|were not)\s+(?:exactly|really|exactly)\s+"
            r"(?:make (?:it|this|things) easy|help|helping|easy|innocent|blameless)\b"
            r"|\byou\s+(?:put|left|placed|forced|pushed|backed)\s+me\s+(?:in|into)\s+(?:a|an|an)\s+"
            r"(?:[a-z]+\s+)?(?:spot|position|situation|corner)\b"
            r"|\b(?:when|if)\s+(?:people|you|they|someone)\s+(?:don't|didn't|won't|can't)\s+"
            r"(?:read|listen|prepare|follow|check|do their)\b"
        ),
        message=_MSG_BLAME,
        catches=(
            "Your team dropped the ball first.",
            "The vendor messed up the delivery.",
            "You put me in a difficult position.",
            "You knew the launch date and still went ahead.",
            "You missed the handover again.",
            "We gave you an extra week and you still missed it.",
            "That's what happens when people skip the checklist.",
            "You didn't exactly make it easy for me.",
            "When people don't read the brief, this is the result.",
        ),
        passes=(
            "I dropped the ball on your review.",
            "The vendor was late, and I took it out on you.",
        ),
    ),
    Rule(
        # "I reacted to your tone" makes their behaviour the cause; "I'm sorry for the way I
        # reacted to your proposal" owns the reaction, so an apology before it cancels the rule.
        id="blame_shift.reacted_to_you",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\bi\s+(?:was\s+)?(?:only\s+|just\s+|simply\s+)?(?:reacted|reacting|responded|"
            r"responding)\s+to\s+(?:your|their|his|her|the team's)\b(?:\s+[a-z]+)?"
        ),
        message=_MSG_BLAME,
        guard=_unless_apologised,
        catches=(
            "I was only reacting to your tone.",
            "I responded to their attitude.",
        ),
        passes=(
            "I'm sorry for the way I reacted to your proposal.",
            "I reacted badly when the build failed.",
        ),
    ),
    Rule(
        id="blame_shift.shared_blame",
        category="blame_shift",
        severity="high",
        pattern=rx(
            r"\b(?:it|this|that)\s+(?:takes|took)\s+two\b"
            r"|\bwe\s+both\s+(?:said|got|lost|made|were|did|played|contributed|share|had|messed|"
            r"overreacted|crossed)\b"
            r"|\bboth of us\s+(?:were|got|said|made|lost|played|share|contributed)\b"
            r"|\byou\s+(?:also|too)\s+(?:played|had)\s+(?:a|your)\s+(?:part|role)\b"
            r"|\bon both sides\b"
        ),
        message=_MSG_SHARED,
        catches=(
            "It takes two.",
            "We both said things we regret.",
            "There were mistakes on both sides.",
            "Both of us lost our tempers in that call.",
            "You also played a part in how it went.",
        ),
        passes=(
            "We both want the launch to go well.",
            "Both of you did excellent work on the migration.",
        ),
    ),
)
