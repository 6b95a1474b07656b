"""Minimizing: the harm shrunk, laughed off or hurried past.

"It was only one comment" shrinks the harm; "it was only after the meeting that I saw it"
does not. "You're overreacting" dismisses their reaction; "I overreacted" owns the leader's.
"Let's move on" hurries past; "we can move on to the budget" changes topic.
"""

from __future__ import annotations

import re

from assistant.core.schemas import Severity
from assistant.guardrails.base import Rule, rx
from assistant.guardrails.lexicon import (
    HE_SHE,
    I_FORMS,
    SOFTENERS,
    THEY_FORMS,
    WE_FORMS,
    YOU_FORMS,
    alt,
)
from assistant.guardrails.text import Doc

_MSG_SHRINK = "This shrinks the harm. Let them decide how big it was; your job is to name it."
_MSG_JOKE = "Calling it a joke asks them to laugh off the impact. Own what you said."
_MSG_MOVE_ON = "Hurrying past it ends the conversation before they've been heard. Leave room for them."
_MSG_REACTION = "This treats their reaction as the problem. Their response tells you how it landed."


_PAST_ACT = rx(
    r"^i\s+[a-z ]*?\b(?:[a-z]+ed|cut|said|spoke|told|made|gave|took|let|put|sent|wrote|did|"
    r"went|got|brought|asked|raised|mentioned|commented|pointed|corrected)\b"
)


def _shrunk_act(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """ "I barely raised my voice" shrinks an act; "I only have one request" is no act at all."""
    return severity if _PAST_ACT.match(m.group()) else None


_SUBJECT_PRONOUN = rx(r"\b" + alt(I_FORMS, YOU_FORMS, THEY_FORMS, HE_SHE, WE_FORMS) + r"\b")


def _not_self_subject(doc: Doc, m: re.Match[str], severity: Severity) -> Severity | None:
    """ "I overreacted" owns the act; "you're overreacting" dismisses theirs."""
    prefix = doc.clause_prefix(m.start())
    pronouns = [p.group() for p in _SUBJECT_PRONOUN.finditer(prefix)]
    if pronouns and pronouns[-1].startswith("i"):
        return None
    if not pronouns and m.group().startswith(("i ", "i'")):
        return None
    return severity


MINIMIZING_RULES: tuple[Rule, ...] = (
    Rule(
        id="minimizing.no_big_deal",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\b(?:no|not a|not such a|isn't a|wasn't a|not that big a|not really a|"
            r"not a really)\s+"
            r"(?:big|huge|massive|major)\s+deal\b|\bno biggie\b"
            r"|\bnothing (?:serious|major|to worry about|personal|dramatic)\b"
            r"|\b(?:it|that|this|my [a-z]+|what i said)(?:\s+was|\s+is|'s)?\s*(?:n't|not|wasn't|"
            r"isn't)\s+(?:really\s+|even\s+)?(?:that|so|all that|very|particularly)\s+(?:bad|"
            r"serious|"
            r"harsh|big|important|terrible|awful|severe|dramatic|personal)\b"
            r"|\b(?:it|that|this)(?:\s+was|\s+is|'s)\s+(?:just\s+|only\s+|merely\s+)?(?:nothing|"
            r"(?:a\s+)?(?:tiny|small|minor|little)\s+(?:thing|remark|comment|slip|moment|issue|"
            r"hiccup|"
            r"misstep|blip|detail))\b"
            r"|\b(?:it|that|this)(?:\s+was|\s+is|'s)\s+only\s+"
            r"(?!a (?:matter|question) of)(?:a|one|two|three|a few|a couple|"
            r"five|ten|[0-9]+)\b(?:\s+[a-z]+)?"
            r"|\bno harm(?: done|,? no foul)\b|\bwater under the bridge\b"
            r"|\b(?:it|that)(?:'s| is| was)\s+(?:all\s+)?in the past\b"
            r"|\b(?:hardly|barely|not even)\s+(?:worth|a big|anything|an issue|a problem|matters?|"
            r"registered)\b|\bnot worth (?:talking|discussing|mentioning|worrying|dwelling|"
            r"making|a conversation)\b"
            r"|\bmountain out of (?:a )?molehill\b|\bstorm in a teacup\b"
            r"|\b(?:nobody|no one|none of the others|nobody else)\s+(?:else\s+)?(?:seemed|was|were|"
            r"got|minded|complained|noticed|had a problem|took it)\b"
            r"|\beveryone else\s+(?:was fine|seemed fine|laughed|got it|understood|took it fine)\b"
            r"|\b(?:it|that|this)(?:\s+was|\s+is|'s)\s+(?:just\s+|only\s+)?one\s+(?:(?:bad|small|"
            r"little|tiny|brief|off)\s+)?(?:moment|comment|remark|slip|line|thing|mistake|sentence|"
            r"word|meeting|email)\b"
            r"|\botherwise (?:good|great|fine|productive|positive|solid) (?:meeting|conversation|"
            r"call|review|day|week)\b"
            r"|\b(?:felt|seemed|sounded|looked|came across)\s+(?:a lot\s+|much\s+|far\s+)?worse "
            r"than it (?:actually |really )?(?:was|is|meant)\b"
            r"|\b(?:bigger|worse|more serious) than it (?:needs|has) to be\b"
        ),
        message=_MSG_SHRINK,
        catches=(
            "It was no big deal.",
            "It was only one comment.",
            "Nobody else seemed bothered.",
            "It's all in the past.",
            "It felt worse than it was.",
            "No biggie about the missed invite.",
            "Luckily nothing serious came of it.",
            "My comment wasn't that harsh.",
            "That was a minor hiccup in the demo.",
            "It was only two minutes of the meeting.",
            "No harm done in the end.",
            "It's water under the bridge now.",
            "It hardly registered with the client.",
            "It's not worth dwelling on.",
            "I think we're making a mountain out of a molehill.",
            "This is a storm in a teacup.",
            "Everyone else laughed at the joke.",
            "It was one bad moment in a long workshop.",
            "It was an otherwise productive meeting.",
            "This is getting bigger than it needs to be.",
        ),
        passes=(
            "It was only later that I saw the impact.",
            "I won't pretend it was no big deal.",
            "It was a big deal, and I treated it as nothing.",
        ),
    ),
    Rule(
        # An owned act shrunk by an adverb: "I barely raised my voice", "I only asked".
        id="minimizing.barely_did_it",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\bi\s+(?:barely|hardly|only|merely|simply|only slightly|only briefly|"
            r"just slightly)\s+"
            r"(?!realized|realised|noticed|learned|learnt|found|heard|saw|meant|wanted|have|had|"
            r"know|knew|want|need|needed|hope|think|thought|felt|feel|just|recently|later|now|"
            r"then)[a-z]+(?:ed)?\b(?:\s+[a-z]+){0,2}"
        ),
        message=_MSG_SHRINK,
        guard=_shrunk_act,
        catches=(
            "I barely raised my voice.",
            "I only asked a question.",
            "I merely pointed out the typo.",
        ),
        passes=(
            "I only realised afterwards how it landed.",
            "I only have one request for next week.",
            "I simply forgot to invite you, and that was careless.",
        ),
    ),
    Rule(
        # Normalising: "everyone gets a bit snappy before a launch".
        id="minimizing.everyone_does_it",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\b(?:everyone|everybody|we all|all of us|anyone|people|managers|leaders|we)\s+"
            r"(?:(?:sometimes|all|occasionally|tends? to)\s+)?"
            r"(?:gets?|got|can get|goes|go)\s+(?:" + alt(SOFTENERS, ("pretty", "too")) + r"\s+)?"
            r"(?:snappy|short|tense|heated|stressed|cranky|grumpy|frustrated|irritable|testy|"
            r"worked up|sharp|carried away|emotional)\b"
            r"|\b(?:everyone|everybody|we all|all of us|anyone)\s+(?:has|have)\s+(?:their\s+|"
            r"our\s+)?"
            r"(?:bad|off|rough) (?:days|moments)\b"
            r"|\b(?:everyone|everybody|we all|all of us)\s+(?:makes?|made)\s+mistakes\b"
            r"|\b(?:everyone|everybody|we all|all of us)\s+(?:slips? up|loses? (?:it|their|our))\b"
            r"|\bit's (?:only|just) human\b"
        ),
        message="Saying everyone does it spreads the act so thin nobody owns it. Stay with your part.",
        catches=(
            "Everyone gets a bit snappy before a launch.",
            "We all make mistakes.",
            "It's only human.",
            "We all have our bad days.",
            "Everybody slips up now and then.",
        ),
        passes=(
            "Everyone gets a say in the plan.",
            "We all got the email late.",
        ),
    ),
    Rule(
        id="minimizing.just_banter",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\b(?:it|that|this)(?:\s+was|\s+is|'s)\s+(?:just\s+|only\s+)?(?:a bit of\s+)?"
            r"(?:banter|fun|teasing|ribbing|a laugh|humou?r|a bit of fun)\b"
            r"|\bforget (?:this|it|that) (?:ever )?happened\b"
        ),
        message=_MSG_JOKE,
        catches=(
            "It was just banter.",
            "Let's forget it ever happened.",
        ),
        passes=(
            "It was meant as banter, and it hurt you anyway.",
            "The offsite was fun, but my joke about you wasn't.",
        ),
    ),
    Rule(
        id="minimizing.just_joking",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\b(?:just|only|merely)\s+(?:joking|kidding|teasing|messing (?:around|about)|"
            r"having (?:a laugh|fun)|banter|a joke|a figure of speech|an expression|a throwaway|"
            r"one comment|a comment|a quick (?:email|comment|note)|words|business|"
            r"how (?:i|we) talk)\b"
            r"|\b(?:it|that|this)(?:\s+was|\s+is|'s)\s+(?:just\s+|only\s+)?(?:a joke|banter|"
            r"a throwaway (?:comment|line|remark))\b"
        ),
        message=_MSG_JOKE,
        catches=(
            "I was just joking.",
            "It was only a joke.",
            "I was only teasing.",
            "That was a throwaway line in the retro.",
        ),
        passes=(
            "I made a joke at your expense, and it wasn't funny.",
            "I'm sorry I made that joke about your accent.",
        ),
    ),
    Rule(
        id="minimizing.lets_move_on",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\blet's\s+(?:just\s+)?(?:move on|move past (?:it|this|that)|forget (?:about )?"
            r"(?:it|this|that)|put (?:it|this|that) behind us|not dwell|drop it|leave it (?:there|"
            r"at that|behind us)|draw a line under (?:it|this|that)|close the book on (?:it|this|"
            r"that)|"
            r"turn the page|wipe the slate clean)\b(?!\s+to\b)"
            r"|\b(?:no need|there's no need|don't need) to\s+(?:dwell|make (?:a|this) (?:big )?"
            r"(?:thing|fuss|deal))\b"
            r"|\b(?:don't|let's not|no need to)\s+make\s+(?:a\s+|this\s+)?(?:big\s+)?(?:thing|deal|"
            r"fuss)\s+(?:of|out of|about)\b"
            r"|\bi'd rather (?:just )?forget (?:about )?(?:it|this|that)\b"
            r"|\b(?:these things|things like this|things like that) happen\b"
            r"|\b(?:stuff|it|these things) happens\b(?!\s+(?:when|if|again|next))"
            r"|\bhappens to (?:everyone|the best of us|all of us)\b|\bpart of the job\b"
            r"|\b(?:that's|it's|it is|that is)\s+just\s+(?:business|work|how (?:it|things|"
            r"meetings) "
            r"(?:go|goes|are|work))\b"
        ),
        message=_MSG_MOVE_ON,
        catches=(
            "Let's move on.",
            "These things happen.",
            "No need to make a big thing of it.",
            "There's no need to dwell on it.",
            "Let's not make a fuss about it.",
            "I'd rather forget about it, to be honest.",
            "Stuff happens on big launches.",
            "That kind of slip happens to everyone.",
            "Tense reviews are part of the job.",
            "That's just how meetings go around here.",
        ),
        passes=(
            "We can move on to the budget once you've had your say.",
            "Let's move on to the next item when you're ready.",
        ),
    ),
    Rule(
        id="minimizing.you_are_overreacting",
        category="minimizing",
        severity="high",
        pattern=rx(
            r"\boverreact(?:ing|ed|s)?\b"
            r"|\b(?:making|make|made)\s+(?:(?:a lot|far|way|much|so much|too much)\s+)?"
            r"(?:more|too much|a (?:big )?deal|a mountain|a thing)\s+(?:of|out of)\s+"
            r"(?:this|it|that|nothing)\b"
            r"|\b(?:more|bigger) than it (?:deserves|warrants|needs|was)\b"
            r"|\breading too much into\b|\bblow(?:ing)? (?:it|this|things|that) out of proportion\b"
            r"|\bdon't take (?:it|this|that) (?:personally|to heart|so hard|too seriously)\b"
            r"|\btry not to take (?:it|this|that) personally\b"
            r"|\b(?:get|getting) over it\b|\bshake it off\b|\btoughen up\b|\blighten up\b"
        ),
        message=_MSG_REACTION,
        guard=_not_self_subject,
        catches=(
            "You're overreacting.",
            "Don't take it personally.",
            "You're making a big deal out of nothing.",
            "This has become bigger than it deserves.",
            "You're reading too much into my email.",
            "Please don't blow this out of proportion.",
            "Try not to take it personally.",
            "You'll get over it by Monday.",
            "Just shake it off.",
            "You need to toughen up a little.",
            "Lighten up, it was Friday afternoon.",
        ),
        passes=(
            "I overreacted when you questioned the plan.",
            "I made a big deal out of nothing and snapped at you.",
        ),
    ),
    Rule(
        id="minimizing.small_in_other_words",
        category="minimizing",
        severity="high",
        # The harm made small in everyday words: "a throwaway line", "in the grand scheme of things".
        pattern=rx(
            r"\b(?:a |just a |only a )?throwaway (?:line|comment|remark|joke)\b"
            r"|\b(?:a bit of|just|only|harmless) banter\b"
            r"|\b(?:a|such a) (?:tiny|minor|small|little) thing\b"
            r"|\bhardly (?:the end of the world|a big deal|a disaster|anything)\b"
            r"|\bin the grand scheme of things\b"
            r"|\b(?:doubt|don't think) it was (?:a |that )?(?:huge|big|major) (?:deal|thing)\b"
            r"|\bno (?:real )?harm done\b"
            r"|\b(?:nobody|no one|hardly anyone) (?:really )?(?:noticed|minded|cared)\b"
            r"|\bgets said (?:in|on|at) every\b"
            r"|\b(?:a touch|slightly|a tad|a little bit) (?:dismissive|sharp|short|curt|blunt|harsh|abrupt)\b"
            r"|\bjust a knee-jerk\b|\b(?:stung|hurt) (?:a little|a bit|slightly)\b"
        ),
        message=_MSG_SHRINK,
        catches=(
            "I made a throwaway remark about your accent.",
            "It was meant as a bit of banter at the bar.",
            "It's a tiny thing, but I rolled my eyes.",
            "Missing the slot was hardly the end of the world.",
            "In the grand scheme of things, it was one meeting.",
            "I doubt it was a huge deal for you.",
            "You got the credit back later, so no harm done.",
            "Nobody really noticed the comment in the end.",
            "That kind of thing gets said in every newsroom.",
            "I was a touch abrupt with you on the phone.",
            "It was just a knee-jerk answer.",
            "I imagine it stung a little.",
        ),
        passes=(
            "I made a remark about your accent, and it humiliated you in front of the lab.",
            "I imagine it stung, hearing it in front of the whole crew.",
            "Nobody spoke up for you, and I didn't either.",
        ),
    ),
)
