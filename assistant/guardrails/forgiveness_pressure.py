"""Forgiveness pressure: asking the other person to absolve or reassure the leader.

"Please forgive me", "tell me we're okay" and "can we put this behind us?" hand them the
emotional work and a timetable. An open invitation ("if you're open to it, I'd like to hear
how it landed") passes.
"""

from __future__ import annotations

from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import ANGER, alt, without

# Most phrases here read only the three strongest anger words ("say we're not mad"); "you're
# not ..." and "please don't be ..." read all of them.
_ANGRY = alt(without(ANGER, "cross", "annoyed"))

_MSG_ABSOLVE = (
    "This asks them to absolve or reassure you. Invite their response instead, with no answer required."
)

FORGIVENESS_PRESSURE_RULES: tuple[Rule, ...] = (
    Rule(
        id="forgiveness_pressure.forgive_me",
        category="forgiveness_pressure",
        severity="high",
        pattern=rx(
            r"\b(?:please\s+)?forgive me\b"
            r"|\b(?:can|could|will|would)\s+you\s+(?:please\s+|ever\s+|find it in (?:you|yourself) "
            r"to\s+)?forgive\b"
            r"|\bi (?:hope|need|want)\s+(?:you\s+)?(?:can\s+|will\s+|'ll\s+|to\s+)?forgive\b"
            r"|\bi need (?:your\s+)?forgiveness\b|\bsay (?:that )?you forgive\b"
            r"|\b(?:you've|you have|you'd|you had)\s+forgiven me\b"
        ),
        message=_MSG_ABSOLVE,
        catches=(
            "Please forgive me.",
            "Can you ever forgive me?",
            "I hope you can forgive me.",
            "Could you find it in yourself to forgive what I said?",
            "I hope you will forgive the mess I made.",
            "I need your forgiveness.",
            "Just say you forgive the whole thing.",
            "I hope you've forgiven me by now.",
        ),
        passes=(
            "I'm not asking you to forgive me.",
            "You don't owe me forgiveness.",
        ),
    ),
    Rule(
        id="forgiveness_pressure.tell_me_were_ok",
        category="forgiveness_pressure",
        severity="high",
        pattern=rx(
            r"\b(?:tell|promise|assure|say to)\s+me\s+(?:that\s+)?you\s+(?:still\s+)?(?:trust|like|"
            r"respect|forgive|don't hate|don't blame|aren't|are not|won't hold)\b"
            r"|\b(?:need|want|have) to (?:hear|know) (?:that\s+)?(?:you|we)(?:'re|'ve| are| have|"
            r" still|"
            r" don't| aren't)?\s+(?:okay|ok|fine|good|alright|forgiven|not " + _ANGRY + r"|"
            r"still|over)\b"
            r"|\b(?:please\s+)?say\s+(?:that\s+)?(?:we're|we are|you're|you are|it's)\s+(?:okay|ok|"
            r"good|fine|cool|alright|all right|not " + _ANGRY + r")\b"
            r"|\b(?:tell|promise|assure)\s+me\s+(?:that\s+)?(?:we're|we are|you're|you are|it's|"
            r"it is|"
            r"everything's|everything is)\s+(?:(?:all|still|really)\s+)?(?:not\s+)?(?:okay|ok|good|"
            r"fine|cool|alright|all right|" + _ANGRY + r"|over it)\b"
            r"|\blet me know\s+(?:that\s+)?(?:we're|we are|you're|you are)\s+(?:okay|ok|good|fine|"
            r"cool|"
            r"alright|all right|not " + _ANGRY + r")\b"
            r"|\b(?:are|r)\s+we\s+(?:okay|ok|good|cool|fine|alright|all right)"
            r"(?:\s+(?:now|again|then))?(?=\s*(?:\?|$))"
            r"|\bwe're\s+(?:okay|ok|good|cool|fine|alright|all right)(?:\s+now)?,?\s+(?:right|yeah|"
            r"yes|aren't we|ok|okay)\s*\?"
            r"|\byou're\s+not\s+(?:still\s+)?" + alt(ANGER) + r"(?:\s+(?:at|"
            r"with)\s+me)?"
            r",?\s+(?:are you|right|yeah)\b"
            r"|\bno hard feelings,?\s+(?:right|yeah|ok|okay|yes)\b"
            r"|\bi need (?:you\s+to|to hear you)\s+(?:say|tell me|be okay|be ok|be fine|forgive)\b"
            r"|\bi need to know (?:that\s+)?(?:we're|you're|you don't|you aren't)\b"
            r"|\bplease (?:don't|do not|stop) (?:be|being|stay) " + alt(ANGER) + r"\b"
            r"|\bi (?:can't|won't be able to|cannot) (?:rest|sleep|relax|move on|focus)\s+until\b"
        ),
        message=_MSG_ABSOLVE,
        catches=(
            "Tell me we're okay.",
            "Are we good?",
            "I need to know you're not mad at me.",
            "No hard feelings, right?",
            "Tell me you still trust me.",
            "I want to hear that you're okay with me.",
            "Please say we're cool.",
            "Let me know we're good when you get a chance.",
            "We're okay now, right?",
            "You're not still annoyed with me, are you?",
            "I need you to tell me I haven't lost you.",
            "I need to know you don't resent me.",
            "Please don't be upset with me.",
            "I can't relax until I hear from you.",
        ),
        passes=(
            "We're good to ship on Friday.",
            "Are we good for time before the demo?",
        ),
    ),
    Rule(
        id="forgiveness_pressure.put_it_behind_us",
        category="forgiveness_pressure",
        severity="high",
        pattern=rx(
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
        message="This asks them to close the matter on your timetable. Let them say when they're ready.",
        catches=(
            "Can we just put this behind us?",
            "I hope we can move past this.",
            "Could we go back to how things were?",
            "I hope things can get back to normal.",
            "Would it be okay to just move on?",
        ),
        passes=(
            "Can we move the retro to Thursday?",
            "When you're ready, we can talk about what happens next.",
        ),
    ),
    Rule(
        id="forgiveness_pressure.reassure_me",
        category="forgiveness_pressure",
        severity="high",
        # Reassurance asked for in other words: "confirm we're okay by tonight", "call it square".
        pattern=rx(
            r"\b(?:confirm|reassure me|let me know|tell me|say)\b[^.?!]{0,30}?\b(?:we're|we are)\s+"
            r"(?:still\s+)?(?:okay|ok|fine|good|square|all right|alright|on good terms)\b"
            r"(?!\s+(?:on|for|to|with|by|at)\b)"
            r"|\b(?:can|could|would|will) you (?:please )?reassure me\b"
            r"|\bcall it (?:square|even|quits)\b|\bshake on it\b"
            r"|\b(?:tell|say|hear)\b[^.?!]{0,20}?\b(?:it's forgotten|you(?:'ll| will) let it go|"
            r"you don't hold it against me|you're okay with me)\b"
            r"|\bi(?:'d| would) feel (?:so much |a lot |much )?better if you\b"
            r"|\bit would mean a lot (?:to me )?if you (?:could |would )?(?:tell|say|let me know)\b"
        ),
        message=_MSG_ABSOLVE,
        catches=(
            "Could you confirm by Friday that we're still on good terms?",
            "Can you reassure me you haven't given up on the project?",
            "Let's call it square after the handover.",
            "Can we shake on it before you go home?",
            "Please tell me it's forgotten.",
            "I'd feel much better if you said something in the group chat.",
            "It would mean a lot if you could say the two of us are fine.",
        ),
        passes=(
            "You don't have to tell me anything, and you don't have to reassure me.",
            "If you'd rather not talk about it, that's fine too.",
            "We can confirm we are fine on budget for the quarter.",
        ),
    ),
)
