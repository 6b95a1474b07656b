"""Moves that make the repair about the leader: self-castigation and asking to be absolved.

Self-shaming is a judgement of the whole self ("I'm a terrible manager", "I don't deserve"),
not remorse about an act ("I handled that badly" passes). Forgiveness pressure asks the other
person to do the emotional work of reassuring the leader; an open invitation ("if you're open
to it, I'd like to hear how it landed") passes.
"""

from __future__ import annotations

from assistant.guardrails.base import Rule, rx

_MSG_IDENTITY = (
    "This judges your whole self rather than the act, and asks them to reassure you. "
    "Name what you did instead."
)
_MSG_WORTH = (
    "Self-punishment doesn't repair anything and puts them in the position of comforting you. "
    "Own the act and stay steady."
)

_SELF_LABEL = (
    r"(?:terrible|awful|horrible|bad|lousy|useless|pathetic|worthless|hopeless|incompetent|"
    r"dreadful|rubbish|failure|disaster|idiot|fool|monster|hypocrite|fraud|joke|mess|worst|"
    r"embarrassment|disgrace|moron|jerk|clown)"
)

SELF_SHAMING_RULES: tuple[Rule, ...] = (
    Rule(
        "self_shaming", "high",
        rx(
            r"\bi(?:'m| am)\s+(?:(?:just|such|really|clearly|truly|obviously|so|a|an|the|"
            r"completely|totally|basically|honestly|officially)\s+)*" + _SELF_LABEL + r"\b"
            r"(?:\s+(?:manager|leader|boss|person|human(?: being)?|colleague|teammate|lead))?"
            r"|\bi(?:'m| am| was)\s+(?:(?:so|such|completely|totally|just)\s+)?(?:(?:an?\s+)?"
            r"(?:idiot|stupid|useless|worthless|pathetic|hopeless|incompetent|failure|disgrace|"
            r"awful|"
            r"terrible|horrible|the worst))\b"
            r"|\bi feel like (?:such )?(?:a|an|the)\s+(?:[a-z]+\s+)?(?:terrible|awful|worst|"
            r"failure|"
            r"monster|fraud|idiot|fool|bad person|horrible)\b"
            r"|\bwhat kind of (?:a\s+)?(?:manager|leader|boss|person|human|colleague) (?:am i|"
            r"does that|talks|speaks|acts|behaves)\b"
            r"|\bi (?:suck|can't do anything right|ruin everything|always ruin|mess everything up|"
            r"make everything worse)\b|\bi ruin [a-z ]{0,20}everything\b"
            r"|\beverything i (?:touch|do|say|try) (?:goes wrong|turns|falls apart|is wrong|"
            r"fails)\b"
            r"|\bi (?:always|constantly|keep) (?:mess|screw|muck) (?:up|things up|everything up)\b"
        ),
        _MSG_IDENTITY,
    ),
    Rule(
        "self_shaming", "high",
        rx(
            r"\bi (?:hate|despise|can't stand|loathe) myself\b"
            r"|\bi(?:'m| am)\s+(?:so\s+|really\s+|completely\s+|deeply\s+)?(?:disgusted|ashamed|"
            r"sickened|appalled) (?:with|of|by|at) myself\b"
            r"|\bi(?:'ll| will)?\s*(?:never|not ever) (?:be able to )?forgive myself\b"
            r"|\bi(?:'m| am)\s+(?:beating|kicking) myself\b"
            r"|\bi (?:don't|do not|no longer) deserve\s+(?:to (?:lead|be|have|manage|keep|work|"
            r"call myself|run)|your|you|them|their|people like|anyone|a team|the team|"
            r"(?:this|my) (?:team|job|role|position|title|promotion))\b"
            r"|\bi(?:'m| am)\s+(?:(?:clearly|obviously|just|simply|really|probably|not even)\s+)?"
            r"not\s+(?:fit|good enough|cut out|qualified|worthy|meant)\s+(?:to|for)\b"
            r"|\b(?:work for|work with|deal with|put up with|be managed by|report to)\s+"
            r"(?:someone|somebody|a person|a manager|a boss|a leader)\s+like me\b"
            r"|\bi(?:'m| am)\s+(?:so\s+|deeply\s+|really\s+|utterly\s+)?ashamed\b"
            r"(?!\s+of\s+(?:how|what|the way|that|my))"
            r"|\bwhy (?:they|anyone|you|people|the company|anybody)\s+(?:would\s+)?(?:let|lets|"
            r"trust|"
            r"trusts|hired|promoted|put up with)\s+me\b"
            r"|\bi(?:'m| am)\s+(?:probably\s+)?the last (?:person|one|manager|leader)\s+(?:who|"
            r"that|to)\b"
            r"|\bi(?:'m| am)\s+not\s+(?:the right|a good|a fit)\s+(?:person|manager|leader)\s+"
            r"(?:to|for)\s+(?:lead|manage|run)\b"
            r"|\bi\s+can(?:'t|not|\s+barely|\s+hardly)\s+(?:even\s+)?(?:look\s+(?:you|anyone|"
            r"myself)\s+"
            r"in the (?:eye|mirror)|look at (?:you|myself|anyone)|face (?:you|anyone|the team|"
            r"myself)|"
            r"live with myself)\b"
            r"|\bi shouldn't (?:be (?:a |in |allowed |leading|managing|anyone's)|have this job|"
            r"lead)\b"
            r"|\bi should (?:(?:probably|just|really)\s+)*(?:be fired|resign|quit|step down|"
            r"not be (?:a|in|allowed|managing|leading)|hand in my notice)\b"
        ),
        _MSG_WORTH,
    ),
)


_MSG_ABSOLVE = (
    "This asks them to absolve or reassure you. Invite their response instead, with no answer "
    "required."
)

FORGIVENESS_RULES: tuple[Rule, ...] = (
    Rule(
        "forgiveness_pressure", "high",
        rx(
            r"\b(?:please\s+)?forgive me\b"
            r"|\b(?:can|could|will|would)\s+you\s+(?:please\s+|ever\s+|find it in (?:you|yourself) "
            r"to\s+)?forgive\b"
            r"|\bi (?:hope|need|want)\s+(?:you\s+)?(?:can\s+|will\s+|'ll\s+|to\s+)?forgive\b"
            r"|\bi need (?:your\s+)?forgiveness\b|\bsay (?:that )?you forgive\b"
            r"|\b(?:you've|you have|you'd|you had)\s+forgiven me\b"
        ),
        _MSG_ABSOLVE,
    ),
    Rule(
        "forgiveness_pressure", "high",
        rx(
            r"\b(?:tell|promise|assure|say to)\s+me\s+(?:that\s+)?you\s+(?:still\s+)?(?:trust|like|"
            r"respect|forgive|don't hate|don't blame|aren't|are not|won't hold)\b"
            r"|\b(?:need|want|have) to (?:hear|know) (?:that\s+)?(?:you|we)(?:'re|'ve| are| have|"
            r" still|"
            r" don't| aren't)?\s+(?:okay|ok|fine|good|alright|forgiven|not (?:mad|angry|upset)|"
            r"still|over)\b"
            r"|\b(?:please\s+)?say\s+(?:that\s+)?(?:we're|we are|you're|you are|it's)\s+(?:okay|ok|"
            r"good|fine|cool|alright|all right|not (?:mad|angry|upset))\b"
            r"|\b(?:tell|promise|assure)\s+me\s+(?:that\s+)?(?:we're|we are|you're|you are|it's|"
            r"it is|"
            r"everything's|everything is)\s+(?:(?:all|still|really)\s+)?(?:not\s+)?(?:okay|ok|good|"
            r"fine|cool|alright|all right|"
            r"mad|angry|upset|over it)\b"
            r"|\blet me know\s+(?:that\s+)?(?:we're|we are|you're|you are)\s+(?:okay|ok|good|fine|"
            r"cool|"
            r"alright|all right|not (?:mad|angry|upset))\b"
            r"|\b(?:are|r)\s+we\s+(?:okay|ok|good|cool|fine|alright|all right)"
            r"(?:\s+(?:now|again|then))?(?=\s*(?:\?|$))"
            r"|\bwe're\s+(?:okay|ok|good|cool|fine|alright|all right)(?:\s+now)?,?\s+(?:right|yeah|"
            r"yes|aren't we|ok|okay)\s*\?"
            r"|\byou're\s+not\s+(?:still\s+)?(?:mad|angry|upset|annoyed|cross)(?:\s+(?:at|"
            r"with)\s+me)?"
            r",?\s+(?:are you|right|yeah)\b"
            r"|\bno hard feelings,?\s+(?:right|yeah|ok|okay|yes)\b"
            r"|\bi need (?:you\s+to|to hear you)\s+(?:say|tell me|be okay|be ok|be fine|forgive)\b"
            r"|\bi need to know (?:that\s+)?(?:we're|you're|you don't|you aren't)\b"
            r"|\bplease (?:don't|do not|stop) (?:be|being|stay) (?:mad|angry|upset|cross|annoyed)\b"
            r"|\bi (?:can't|won't be able to|cannot) (?:rest|sleep|relax|move on|focus)\s+until\b"
        ),
        _MSG_ABSOLVE,
    ),
    Rule(
        "forgiveness_pressure", "high",
        rx(
            r"\b(?:can|could|shall)\s+we\s+(?:please\s+)?(?:just\s+)?(?:put (?:this|it|"
            r"that) behind us|"
            r"move (?:on|past (?:this|it|that))|forget (?:about )?(?:this|it|that)|start (?:over|"
            r"fresh)|"
            r"let (?:this|it|that) go|be (?:okay|ok|good|friends) again)\b"
            r"|\bi hope we can (?:just )?(?:put (?:this|it) behind us|move past (?:this|it)|"
            r"forget (?:about )?(?:this|it))\b"
            r"|\b(?:can|could|shall)\s+we\s+(?:please\s+)?(?:just\s+)?(?:go|get)\s+back\s+to\s+"
            r"(?:how|the way|normal|where)\b"
            r"|\b(?:we|things)\s+(?:can|could|will)\s+(?:be|go|get)\s+(?:back to (?:normal|how)|"
            r"(?:okay|ok|good|fine|friends|normal|close|alright)\s+again)\b"
            r"|\b(?:would|could|can|is)\s+(?:it\s+be\s+)?(?:okay|ok|alright|all right|possible|"
            r"fine)\s+"
            r"(?:to|if we)\s+(?:just\s+)?(?:forget|move on|put (?:this|it) behind|pretend|drop it|"
            r"leave it)\b"
        ),
        "This asks them to close the matter on your timetable. Let them say when they're ready.",
    ),
)
