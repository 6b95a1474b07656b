"""Self-shaming: a judgement of the whole self instead of remorse about an act.

"I'm a terrible manager" and "I don't deserve this team" make the repair about the leader and
put the other person in the position of comforting them. Remorse about the act ("I handled
that badly") passes.
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
        id="self_shaming.bad_person",
        category="self_shaming",
        severity="high",
        pattern=rx(
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
        message=_MSG_IDENTITY,
        catches=(
            "I'm a terrible manager.",
            "I'm such an idiot.",
            "What kind of leader am I?",
            "I ruin everything.",
            "I'm clearly a fraud.",
            "I was such an idiot in that meeting.",
            "I feel like such a fraud after Monday.",
            "Honestly, I suck at giving feedback.",
            "I ruin pretty much everything I touch.",
            "Everything I touch falls apart.",
            "I always mess things up with the team.",
        ),
        passes=(
            "I handled that badly.",
            "I'm a new manager and I got this wrong.",
        ),
    ),
    Rule(
        id="self_shaming.unworthy",
        category="self_shaming",
        severity="high",
        pattern=rx(
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
        message=_MSG_WORTH,
        catches=(
            "I hate myself for it.",
            "I don't deserve this team.",
            "I'll never forgive myself.",
            "I should probably resign.",
            "I'm disgusted with myself.",
            "I'm kicking myself over it.",
            "I'm clearly not fit to lead this team.",
            "Nobody should have to report to someone like me.",
            "I'm so ashamed right now.",
            "I honestly wonder why they promoted me.",
            "I'm the last person who should be giving feedback.",
            "I'm not the right person to lead this team.",
            "I can't look you in the eye after that.",
            "I shouldn't be managing anyone.",
        ),
        passes=(
            "I'm ashamed of how I spoke to you.",
            "I don't deserve a pass on this, and I'm not asking for one.",
        ),
    ),
)
