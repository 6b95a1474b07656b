"""A commitment that answers the act: the behaviour that undoes it, and when.

The embedded model, even with the adapter, writes commitments that are concrete but beside
the point ("I'll go through the payroll errors with you") or that promise the act again;
judged blind, they scored about 0.6 of 2. The act itself is usually plain in the leader's
account ("I cut you off", "I cancelled our one-on-one again"), and for most acts the repair's
commitment is the opposite behaviour, at the next occasion it could happen. These rules are
that table, as data: each names the act it answers, the commitment it gives, and the lines it
must and must not answer (tests run every rule's own examples).

A rule only fires on the act; when none fits, the model writes the commitment as before.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.guardrails.context import is_group


class CommitRule(NamedTuple):
    """One act and the commitment that answers it.

    `text` may hold "{when}" (the next occasion, from the account: "At the next budget
    review") and "{When}" (the same, capitalised).
    """

    id: str
    pattern: re.Pattern[str]
    text: str
    catches: tuple[str, ...]
    passes: tuple[str, ...]
    # What the account must also say for the rule to fire: the act "I said 'that's retail'"
    # answers a brushed-off concern only when the account has a concern in it.
    context: re.Pattern[str] | None = None
    # Accounts with the same act that the rule must not fire on (checked with the context).
    context_passes: tuple[str, ...] = ()


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_WHO = r"(?:you|him|her|them|everyone|\w+)"
_ONE_ON_ONE = (
    r"(?:one[- ]on[- ]ones?|one[- ]to[- ]ones?|1[:-]1s?|1on1s?|check[- ]?ins?|catch[- ]?ups?|"
    r"supervisions?|weekly (?:meeting|sync|call|chat)s?|our weekly|our (?:fortnightly|monthly)|"
    r"(?:your|our|his|her|their) (?:coaching|mentoring|development|review) (?:sessions?|calls?|meetings?))"
)

# "I'd" before a past participle tells what had happened ("I told you I'd supervised twenty
# theses"), not what was promised.
_NOT_PAST = r"(?!\s+(?:been|seen|done|had|known|run|\w+ed)\b)"

_TELL_YOU_FIRST = (
    "Next time a decision touches your work, I will tell you myself before it is announced, "
    "give you the reasons, and make time for your questions."
)
_KEEP_ONE_ON_ONES = (
    "I will keep our next one-on-one at its time, and if I ever have to move one, I will offer "
    "you a new time that same week."
)

# Order matters: the first rule whose pattern finds the act wins, so the narrower acts
# (cancelled one-on-ones, credit taken, a confidence repeated) come before the broad ones
# (anything said "in front of" people).
RULES: tuple[CommitRule, ...] = (
    CommitRule(
        "cancelled_one_on_ones",
        _p(
            r"\b(?:cancel(?:l?ed|l?ing)?|moved|moving|pushed(?: back)?|pushing|postponed|postponing|rescheduled|"
            r"rescheduling|bumped|bumping|skipped|skipping|dropped|dropping|missed|declined|forgot|paused|pausing|"
            r"cut (?:\w+ )?short|cutting (?:\w+ )?short|ended (?:\w+ )?early)\b"
            r"[^.!?]{0,40}\b"
            + _ONE_ON_ONE
            + r"|\bheld (?:only )?\w+ (?:of|out of) (?:the )?\w+ "
            + _ONE_ON_ONE
            + r"|\bcut (?:your|our|his|her|their) "
            + _ONE_ON_ONE
            + r" short"
        ),
        _KEEP_ONE_ON_ONES,
        (
            "I cancelled our one-on-one for the third week running.",
            "I moved your 1:1 again.",
            "I cut your one-on-one short after five minutes.",
        ),
        ("I cancelled the offsite.",),
    ),
    # "I've cancelled the last three": the account says elsewhere what they were.
    CommitRule(
        "cancelled_meetings_with_you",
        _p(
            r"\b(?:cancel(?:l?ed)?|postponed|pushed (?:all of )?(?:them|it)|skipped|moved or cancelled|"
            r"kept (?:bumping|moving|pushing|cancell?ing|postponing|skipping) (?:them|it)|bump(?:ed|ing) (?:them|it))\b"
        ),
        _KEEP_ONE_ON_ONES,
        (
            "You get a weekly check-in with me; I've cancelled the last three, twice on the day.",
            "Your one-to-ones are monthly and I've postponed yours twice.",
            "It was our first catch-up since July, because I kept bumping them for the audits.",
        ),
        ("I cancelled the offsite.",),
        # The meetings themselves named, not any monthly thing ("our monthly ideas thread").
        context=_p(
            r"\b(?:one[- ]on[- ]ones?|one[- ]to[- ]ones?|1[:-]1s?|1on1s?|check[- ]?ins?|catch[- ]?ups?|"
            r"supervisions?|supervisor meetings?)\b"
        ),
    ),
    CommitRule(
        "credit_taken",
        _p(
            r"\b(?:as (?:if it was |if it were )?(?:mine|my own|my idea|something I'd|something I had|"
            r"an idea I'd|work I'd|my work)|took (?:the )?credit|taking (?:the )?credit|"
            r"(?:didn't|did not|never) (?:mention|credit|name) (?:you|that (?:it was )?(?:you|your))|"
            r"let (?:them|everyone|the \w+) (?:think|believe|assume) (?:it was|I had|I'd)|"
            r"accepted (?:the |their |all the )?(?:\w+'s )?(?:praise|credit|thanks|applause|compliments?)|"
            r"without (?:your|his|her|their) names?|on my own (?:account|profile|page)|under my (?:own )?name|"
            r"put my name on)"
        ),
        "This week I will tell the people who heard it that the work was yours, and from now on I will "
        "name you as its author whenever I present it.",
        (
            "I described the new routine as something I'd designed.",
            "I presented your analysis as mine.",
            "I took the credit for your idea at the board.",
        ),
        ("I presented the analysis to the board.",),
    ),
    CommitRule(
        "confidence_broken",
        _p(
            r"\b(?:told|repeated|shared|mentioned|passed on|forwarded|wrote (?:it )?up|quoted)\b[^.!?]{0,80}"
            r"\b(?:in confidence|confided|privately|in private|closed[- ]door|off the record|"
            r"having a hard time|going through|(?:your|his|her|their) (?:health|diagnosis|divorce|"
            r"pregnancy|illness|family|situation at home|private))"
        ),
        "From today, what you tell me in confidence stays with me, and if I ever think something "
        "needs to go further, I will ask you first.",
        (
            "I told the dentist that you are having a hard time at home.",
            "I repeated what you told me in confidence to the team.",
        ),
        ("I told you your plan was lazy.",),
    ),
    CommitRule(
        "confidence_shared",
        _p(
            r"\b(?:told|mentioned|forwarded|shared|passed (?:it )?on|repeated|wrote|put|posted|copied|cc'?d|"
            r"let (?:\w+ )?(?:name )?slip|screenshotted|pasted|quoted|emailed|sent)\b"
        ),
        "From today, what you tell me in confidence stays with me, and if I ever think something "
        "needs to go further, I will ask you first.",
        (
            "I told our director what you had told me in confidence.",
            "I forwarded your email about your therapy to the partner.",
            "I let slip to the team that your dad is in hospital.",
        ),
        ("I cut you off.",),
        context=_p(
            r"\b(?:in confidence|confided|told me (?:privately|in private|about (?:her|his|their|your))|"
            r"asked me to keep|between us|off the record|closed[- ]door|privately|"
            r"(?:her|his|their|your) (?:health|diagnosis|divorce|pregnancy|illness|therapy|condition|"
            r"mental health|mother|father|partner|family)|depression|therapy|cried|"
            # Told as a friend, or asked to go no further, or plainly private.
            r"as a friend|asked me not to|(?:didn't|did not) want (?:him|her|them|anyone|people) to know|"
            r"keep it in the room|anxiety|visa|prison|arrested|in hospital|"
            r"stroke|job hunting|offered a job|anonymous)\b"
        ),
        context_passes=("I told the team the plan was late.",),
    ),
    CommitRule(
        "interrupting",
        _p(
            r"\b(?:cut (?:"
            + _WHO
            + r" )?off|cutting (?:"
            + _WHO
            + r" )?off|interrupt\w*|talk(?:ed|ing)? over|"
            r"sp[eo]ke? over|speaking over|finish(?:ed|ing)? (?:your|his|her|their) (?:sentences?|points?)|"
            r"stopped (?:"
            + _WHO
            + r" )?mid|cut (?:straight |right )?in\b|cut across|shut (?:"
            + _WHO
            + r" )?down|"
            # In everyday words: "jumped in with a fix", "kept finishing each head's sentence".
            r"jump(?:ed|ing) in\b|jump(?:ed|ing) ahead|butt(?:ed|ing) in|barged in|(?:talked|spoke|talking|speaking) across|"
            r"finish(?:ed|ing)? (?:\w+ ){0,2}(?:[\w-]+'s )?sentences?|"
            r"before (?:you|he|she|they|people|anyone)(?:'d| had)? (?:finished|got to the end|could finish)|"
            r"(?:didn't|did not|never) let (?:" + _WHO + r") finish)"
        ),
        "{When} I will let you finish your point before I come in, and ask for your view before I give mine.",
        (
            "I cut you off twice in the meeting.",
            "I talked over you every time you tried to explain.",
            "I jumped in with a rota fix before you'd finished.",
            "I kept finishing each department head's sentence for them.",
        ),
        ("I cut the budget.", "I called off the trip."),
    ),
    CommitRule(
        "temper",
        _p(
            # "shout-out" is praise, not a raised voice.
            r"\b(?:shout(?:ed|ing)?(?![-‑]out)|yell(?:ed|ing)?|scream(?:ed|ing)?|snapp?(?:ed|ing)?|raised my voice|"
            r"in a raised voice|"
            r"lost my (?:temper|cool|rag)|lost it|blew up|exploded|lashed out|swore|sworn|cursed|"
            r"slammed|tore into|laid into|ripped into|went off at|had a go at|barked|ranted|furious|"
            r"angr(?:y|ily)|in anger|heads will roll|threatened|"
            r"(?:got|was|were|being) (?:really |very |a bit |quite )?short(?: with\b|\b(?! of| on| notice| list))|"
            r"snippy|stormed (?:out|off)|hung up on)\b"
        ),
        "{When} I will keep my voice calm, and if I feel myself getting heated, I will pause the "
        "conversation and come back to it once I have cooled down.",
        (
            "I snapped at you in our one-on-one.",
            "I lost my temper with all of you at handover.",
            "I got short, kept saying 'that's not the point'.",
        ),
        (
            "I told you the deadline had moved.",
            "I was short of time, so I sent the rota by email.",
            "Every shout-out I posted this quarter went to the same two people.",
        ),
    ),
    CommitRule(
        "dismissive_gesture",
        _p(
            r"\b(?:rolled my eyes|roll my eyes|sighed|scoffed|looked at my phone|checked my phone|"
            r"on my phone|kept typing|kept scrolling|held up (?:a|one) finger|turned (?:my back|away)|"
            r"waved (?:you|him|her|them) away|yawned|"
            r"checking my (?:watch|phone|emails?|laptop)|scrolling|typing (?:in|on|away)|tapping my (?:foot|pen)|"
            r"head in my hands|groaned|crossed my arms|shook my head|eye-?roll|shrugged|looked out of? the window|"
            r"rub(?:bed)? my (?:forehead|eyes)|saying ['\"‘“]mm|"
            r"waved (?:a |my )?hand|(?:folded|crossed) my arms|(?:kept )?my arms (?:folded|crossed)|"
            r"kept (?:looking at|glancing at|checking) my (?:laptop|phone|watch|screen|emails?)|"
            r"looked at my (?:laptop|watch|screen)|(?:scrolled|checked) (?:my )?phone|turned my chair)\b"
        ),
        "{When} I will put down what I'm doing and give you my full attention while you speak.",
        (
            "I rolled my eyes while you presented.",
            "I held up one finger and kept typing.",
            "I waved a hand at you without looking up from my laptop.",
            "I kept looking at my laptop while you talked.",
        ),
        ("I looked at your plan.",),
    ),
    CommitRule(
        "humiliating_joke",
        _p(
            r"\b(?:joke[sd]?|joking|made fun|mocked|teased|nicknamed|called (?:you|him|her|them) "
            r"['\"‘“]|laughed at|laughed through|a dig at|a crack about|quip(?:ped)?|took the mickey|"
            r"took the piss)\b"
        ),
        "{When} I will keep my jokes off you and your work; if I have a concern about it, I will "
        "raise it with you seriously and in private.",
        ("I made a joke about your accent in front of the clients.", "I mocked your slides."),
        ("I told you the results.",),
    ),
    CommitRule(
        "after_hours",
        _p(
            # A message or a call at that hour, not work done at it ("I came in at 2am").
            r"^(?=.*\b(?:messag\w*|e-?mail(?:ed|ing)?|texted|texting|rang|phoned|called|posted|pinged|tagged|"
            r"sent|chased|whatsapp\w*|slack(?:ed)?|dm'?d|voice note|group chat|group text)\b)(?=.*"
            r"\b(?:at (?:night|midnight|\d{1,2}(?::\d\d)? ?(?:pm|am))|late (?:at night|last night|in the evening)|"
            r"on (?:your |his |her |their )?(?:leave|holiday|vacation|day off|honeymoon|parental leave)|"
            r"(?:over|at|on) the weekend|on (?:a )?(?:saturday|sunday)|(?:on|over|at) (?:boxing day|christmas(?: day| eve)?|new year'?s(?: day| eve)?)|"
            r"after hours|out of hours|through the night|\d{1,2} ?pm|"
            r"while (?:you were|he was|she was|they were) (?:off|away|on leave))\b)"
        ),
        "From today, I will keep messages about work to working hours, and if something truly "
        "cannot wait, I will say why it is urgent.",
        ("I messaged you at 11pm asking for the numbers.", "I posted in the group on Boxing Day."),
        (
            "I messaged you about the numbers.",
            "I posted that everyone would have new headsets before Christmas.",
        ),
    ),
    CommitRule(
        "overruled",
        _p(
            r"\b(?:overturn(?:ed|ing)?|overrul(?:ed|ing)|overr(?:ode|idden)|reversed (?:your|his|her|their)|"
            r"countermanded|undid (?:your|his|her|their)|went over (?:your|his|her|their) head|"
            r"scrapped (?:\w+ (?:of )?)?(?:your|his|her|their)|"
            r"went behind (?:your|his|her|their) back)\b"
        ),
        "Before I change a decision in your area, I will talk it through with you first, in "
        "private, and leave the call with you where it is yours.",
        (
            "I emailed the team overturning your decision.",
            "I reversed your call in front of the client.",
            "I scrapped two of your specials at the briefing.",
        ),
        ("I made the call.",),
    ),
    # Their call undone in other words, where the account says the call was theirs.
    CommitRule(
        "overruled_in_account",
        _p(
            r"\b(?:reopened|put (?:it|them) back|reversed it|withdr(?:ew|awing) it|"
            r"told (?:your|his|her|their) (?:team|crew)|told (?:the \w+|all of you|them|you) to "
            r"(?:go back|roll back|carry on|cast off|keep going|stay open|reopen|undo|ignore)|"
            r"said (?:they'?d|it would|it'?d|we'?d) stay|that it stays|before talking to (?:you|him|her|them))\b"
        ),
        "Before I change a decision in your area, I will talk it through with you first, in "
        "private, and leave the call with you where it is yours.",
        ("You had closed the request as out of scope and I reopened it the same day.",),
        ("I reopened the shop after lunch.",),
        context=_p(
            r"\b(?:had (?:decided|agreed|approved|told|picked|chosen|scheduled|closed|held|taken)|decided|"
            r"agreed|approved|closed|took [^.!?]{0,30} off|held the|told (?:the|her|his|their) (?:crew|team)|"
            r"picked|chose|scheduled)\b"
        ),
        context_passes=("I reopened the shop after lunch.",),
    ),
    CommitRule(
        "blamed_publicly",
        _p(
            r"\b(?:blamed|blaming|pointed the finger|threw (?:you|him|her|them) under|"
            r"said (?:you|he|she|they|the \w+(?: \w+)?) (?:had )?(?:failed|messed up|dropped|missed|forgot)|"
            # The cause laid on them in so many words: "late because of your paperwork".
            r"because of (?:you|your)|because you|caused by (?:you|your)|(?:was|were) down to (?:you|your)|"
            r"pointed at you|(?:was|were) your$|"
            # The cause laid in other words: "came down to you", "your truck was the reason".
            r"came down to (?:you|your)|(?:was|were) (?:all )?(?:on|down to) (?:you|your)|(?:was|were) the reason|"
            r"(?:was|were) your (?:fault|bug|mistake|error|doing)|your fault|(?<!\bI )(?:lost|cost) us\b)\b"
        ),
        "This week I will tell the people who heard it what my own part was, so the record is right.",
        (
            "I blamed you in front of the board.",
            "I said the scheduling officer had failed to check.",
            "I emailed the fleet manager that the A320 was late because of your paperwork.",
            "I said the registration chaos was down to you.",
            "I said Saturday's wedding mix-up came down to you, with the whole banquet staff there.",
            "I said your haul truck was the reason the blast got pushed back.",
        ),
        ("I said the plan was ready.", "I told you I cost us the account."),
    ),
    CommitRule(
        "excluded",
        _p(
            r"\b(?:without (?:inviting|asking|telling|including|consulting|copying|cc'?ing|looping in|involving) "
            r"(?:you|him|her|them|the \w+)|except (?:you|him|her|them)\b|"
            r"only (?:invited|asked|included|copied|cc'?d|added) (?:the|my|our|two|three|(?-i:[A-Z])\w+)|"
            r"(?:didn't|did not|never|forgot to) (?:invite|include|ask|copy|consult|loop in)|"
            r"left (?:you|him|her|them|\w+) (?:off|out)|(?:wasn't|weren't) invited|not invited|"
            r"without (?:you|him|her|them)\b|"
            r"forgot (?:to add |to invite |to include |about )?(?:you|him|her|them)\b(?! (?:was|were) there)|"
            # Decided with others over their heads: "didn't bring you", "everyone except", "never tagged".
            r"(?:didn't|did not|never) (?:bring|tag|add|loop|involve|copy|cc)|everyone except|"
            r"left out (?:you|him|her|them)|only told (?:you|him|her|them)[^.!?]{0,20} afterwards|"
            r"(?:made|agreed|chose|decided)[^.!?]{0,60}\b(?:with|in a (?:DM|meeting) with) (?:the|my|our|IT|legal))"
        ),
        "Before the next decision that affects your work, I will bring you into it while it is "
        "still open, and ask what you think.",
        (
            "I reworked the rota without asking you.",
            "I left you off the invite.",
            "I emailed the client our recommendation without copying you.",
            "I made a channel for the launch and added everyone from marketing except you.",
        ),
        ("I asked you to join.",),
    ),
    CommitRule(
        "micromanaging",
        _p(
            r"\b(?:redid|re-did|redone|rewrote|rewritten|took over|taken over|stepped in and|"
            r"changed (?:your|his|her|their) (?:work|draft|plan|design|slides|code|copy)|"
            r"edited (?:your|his|her|their)|checked (?:every|each) (?:line|step|email)|"
            r"(?:deleted|replaced|reset|switched|recalibrated|regrouped|reorganised|reorganized|undid) "
            r"(?:your|his|her|their)|put up mine|\w+ed (?:the |your |his |her |their )?(?:[\w-]+ ){0,2}myself|"
            r"behind (?:your|his|her|their) back|behind (?:you|him|her|them)\b|"
            # Hands on their work in everyday words: "rebuilt it into my own format", "sat next
            # to you telling you which cells", "DMs every hour", "just tidied up the back".
            r"rebuilt|redoing|re-?tagged|keep (?:checking|redoing|correcting|changing|rewriting) "
            r"(?:your|his|her|their)|sat next to (?:you|him|her|them)|every (?:hour|half hour|ten minutes)|"
            r"swapped [^.!?]{0,40} for ones I|tidied up|made a few tweaks|with changes to (?:your|his|her|their)|"
            r"started moving|moving (?:your|his|her|their) [\w ]{0,20}(?:around|myself)|"
            r"stood (?:behind|over) (?:you|him|her|them|your|his|her|their)\b|"
            r"correct(?:ed|ing) (?:your|his|her|their) [\w ]{0,20}as (?:you|he|she|they) (?:typed|wrote|went|worked|spoke))"
        ),
        "Before I change anything in your work, I will ask you first, and leave the decisions in it to you.",
        (
            "I rewrote your draft the night before it went out.",
            "I took over your client call.",
            "I stood behind your desk while you drafted the list and corrected your formatting as you typed.",
        ),
        ("I read your draft.",),
    ),
    CommitRule(
        "not_backing_up",
        _p(
            r"\b(?:(?:didn't|did not|never|failed to) (?:back|defend|support|stand up for|stand by|speak up for)|"
            r"sided with (?:the|a|our)|agreed with the (?:client|customer|director|board|vp)|"
            r"left (?:you|him|her|them) to (?:take|face|handle)|stayed (?:quiet|silent|on mute)|"
            r"said nothing|kept quiet|(?:didn't|did not) say anything|sat back|"
            r"let (?:it|that|the (?:comment|remark|conversation|criticism)) (?:stand|go|pass|move on)|"
            r"let (?:you|him|her|them) take (?:it|the blame|the heat|the flak|the criticism)|"
            r"(?:didn't|did not|never) (?:step in|intervene))\b"
        ),
        "Next time your work is questioned, I will stand by it in the room, and bring any doubts "
        "I have to you directly.",
        (
            "I didn't back you up when the client complained.",
            "I sided with the client against you.",
            "I stood there, let you take it, then went into the office.",
        ),
        ("I backed your plan.",),
    ),
    CommitRule(
        "concern_brushed_off",
        _p(
            r"\b(?:brushed (?:it|that|this|you|him|her|them)? ?off|waved (?:it|that|this)? ?(?:off|away)|"
            r"dismissed (?:your|his|her|their|the)|shrugged (?:it|that)? ?off|laughed it off|"
            r"told (?:you|him|her|them) not to worry|(?:ignored|parked) (?:your|his|her|their) "
            r"(?:concern|worry|warning|email|report))\b"
        ),
        "This week I will sit down with you to go through the concern properly, and agree with "
        "you what we do about it and by when.",
        ("I brushed off your concern about the lift.", "I told you not to worry about the rota."),
        ("I sat down with you.",),
    ),
    CommitRule(
        "ignored_on_call",
        _p(
            r"\b(?:ignored (?:you|him|her|them|your|his|her|their)|forgot (?:you|he|she|they) (?:was|were) "
            r"there|(?:didn't|did not|never) call on|skipped (?:over )?(?:you|him|her|them)|"
            r"(?:hand|chat) (?:went )?unanswered|(?:didn't|did not|never) (?:see|notice) (?:your|his|her|their) hand|"
            r"kept clicking|talked past (?:you|him|her|them)|scrolled past|"
            r"(?:didn't|did not|never) (?:look at|check|read|acknowledge) (?:the chat|it|your|his|her|their)|"
            r"saw it and (?:carried on|kept going|moved on)|answered everyone else|only answered|"
            r"never got (?:a|their|his|her|your) turn|kept saying [^.!?]{0,20} and moving on)\b"
        ),
        "{When} I will watch for raised hands and the chat, and make sure you get your turn "
        "before we move on.",
        (
            "I ignored your hand for the whole call.",
            "I forgot you were there for twenty minutes.",
            "I scrolled past it.",
            "I only answered the teachers who unmuted.",
        ),
        ("I called on you first.",),
    ),
    CommitRule(
        "harsh_review",
        _p(
            r"\b(?:(?:left|wrote|posted|put) [^.!?]{0,30}(?:comments?|review|note)\b|"
            r"review(?:ed)? (?:your|his|her|their) (?:code|pr|pull request|draft|design|work)|"
            r"on (?:your|his|her|their) (?:pr|pull request|merge request|draft|design doc))"
        ),
        "Next time I comment on something you have made, I will keep every comment about the work "
        "itself, with a reason and a suggestion for each point.",
        (
            "I left a comment on your PR calling it amateur.",
            "I wrote 'did you even test this' on your draft.",
        ),
        ("I wrote the plan.",),
    ),
    CommitRule(
        "unanswered",
        _p(
            r"\b(?:(?:didn't|did not|never) (?:answer|reply|respond|get back)(?:ed)?|"
            r"(?:didn't|did not|never) (?:open|read) (?:it|them|your|his|her|their)|"
            r"left (?:your|his|her|their) (?:messages?|emails?|questions?|requests?) (?:unanswered|unread))\b"
        ),
        "From today, I will answer your messages within a working day, even if only to say when "
        "you will have a full answer.",
        ("I never answered him.", "I didn't reply to your three emails about the rota."),
        ("I answered straight away.",),
    ),
    CommitRule(
        "told_without_word",
        _p(
            r"\b(?:with (?:no|not a) (?:word|note|explanation|warning|reason|conversation)|no word|"
            r"without (?:a word|warning|any warning|explanation|any explanation|a conversation|notice|"
            r"telling (?:you|him|her|them|anyone)|talking to)|(?:didn't|did not|never) (?:explain|say why)|"
            r"in passing|as an afterthought|on the way out|in two minutes|under AOB|one-line|"
            r"in a (?:spreadsheet|group email|group text)|before (?:I'd|I had) (?:spoken|talked) to|"
            r"found out from|forward(?:ed|ing) (?:the|a|an) (?:memo|email|letter|announcement|notice)|"
            r"no time for questions|without (?:taking )?(?:any )?questions)\b"
        ),
        _TELL_YOU_FIRST,
        (
            "I gave the arbitration to Sam, no word to you.",
            "I mentioned it on the way out of the huddle, almost as an afterthought.",
            "I posted it in the channel before I'd spoken to the presenters.",
            "I explained it at the team meeting in ten minutes with no time for questions.",
        ),
        ("I told you the reasons first.",),
    ),
    # Hard news given in passing: in a corridor, by email, in the last two minutes.
    CommitRule(
        "hard_news_in_passing",
        _p(
            r"\b(?:told|gave|forwarded|posted|mentioned|emailed|broke|announced)\b[^.!?]{0,140}?"
            r"(?:in the (?:corridor|lift|car park|staff room|stairwell|kitchen|doorway)|by (?:email|text)|"
            r"walking past|on (?:my|the) way (?:to|out)|between (?:patients|meetings|classes|periods|calls)|"
            r"in the (?:last|final) (?:two|few|five|couple of) minutes|as (?:we|you|they) were "
            r"(?:getting up|leaving|getting on|packing up)|at break|in a (?:ten|five|two|fifteen)-minute|"
            r"before (?:we'?d|we had|I'?d|I had) (?:spoken|talked|told)|with ['\"‘“]FYI|"
            r"(?:two|five|ten) minutes before|on the shop floor|at the end of (?:the|a|your) shift)"
        ),
        "Next time I have hard news for you, I will tell you myself first, in private, with time set "
        "aside for your questions, and I will follow up with you the next day.",
        (
            "I told you in the corridor between patients that your band 7 application was unsuccessful.",
            "I forwarded your HR letter with 'FYI, see attached' before we'd spoken about the restructure.",
        ),
        ("I told you in the corridor that the lift was fixed.",),
        context=_p(
            r"\b(?:not (?:getting|being|been|confirmed)|unsuccessful|won'?t be (?:renewed|confirmed|going)|"
            r"wasn'?t getting|cancell?ed|(?:is|are|was|being) cut|ending|losing|at risk|redundan\w*|probation|"
            r"rating|rejected|turned down|failed|didn'?t get|isn'?t being|closing|funded only|"
            r"needs improvement|no longer|let go|restructur\w*)\b"
        ),
        context_passes=("I told you in the corridor that the lift was fixed.",),
    ),
    # Silent while someone else criticised them for what was partly the leader's doing; the act
    # the account states may be the silence or the leader's own part, the repair is the same.
    CommitRule(
        "silent_while_criticised",
        _p(r"\bI\b"),
        "Next time your work is questioned, I will stand by it in the room, and bring any doubts "
        "I have to you directly.",
        (
            "The editor posted that your desk should know better and I said nothing, though I had approved "
            "the headline.",
            "The client called your plan amateur; I laughed awkwardly, and I gave you the spec it was drawn from.",
        ),
        ("I cut you off.",),
        context=_p(
            r"(?=.*\b(?:said|called|told|posted|wrote|complained|tore into|asked (?:who|why))\b)"
            # The silence is the leader's ("I said nothing", "…and nodded"), not theirs.
            r"(?=.*(?:\bI|\band)\s+(?:just |then |only |simply )?(?:said nothing|stayed (?:on mute|quiet|silent|"
            r"out of it)|nodded|(?:didn't|did not|never) (?:reply|say anything|speak up|step in|defend|come out|"
            r"correct|pass it on)|laughed awkwardly|kept quiet|sat there|stood (?:next to|there|by)|"
            r"put a thumbs up)\b)"
            r"(?=.*\b(?:I(?:'d| had)? (?:approved|changed|set|given|gave|signed|wrote|asked|cut|moved|"
            r"pulled|put|reviewed|agreed)|was mine|my (?:call|decision|brief|spec|procedure|order))\b)"
        ),
        context_passes=(
            "I cut you off in the meeting and said nothing after.",
            "The client said it was late.",
        ),
    ),
    # Their work presented or thanked for as the leader's, where the account says whose it was.
    CommitRule(
        "credit_in_account",
        _p(
            r"\b(?:presented|pitched|explained|gave (?:a|the) (?:little |short )?speech|said thank you|"
            r"thanked (?:the|them|everyone)|let [^.!?]{0,40} think|left (?:your|his|her|their) names? off|"
            r"my (?:initiative|idea|design|work|project)|what I (?:shipped|built|did|made|designed)|"
            r"put myself|(?:didn't|did not|never) correct|as my (?:lead|own))\b"
        ),
        "This week I will tell the people who heard it that the work was yours, and from now on I will "
        "name you as its author whenever I present it.",
        ("You drafted the whole review and I presented it to the dean.",),
        ("I presented the budget.",),
        context=_p(
            r"(?:\b(?-i:[A-Z])[\w'-]+ (?:wrote|designed|drafted|built|created|did (?:all|most)|developed|came up "
            r"with|brought me|spent (?:\w+ )?(?:months|weeks|days)|had (?:written|designed|built|done|brought|"
            r"drafted))|\b(?:you|he|she|they) (?:wrote|designed|drafted|built|created|did all|developed)|"
            r"\bit was (?-i:[A-Z])[\w'-]+'s|praised ['\"‘“]my|thank(?:ed|ing) me for|team (?:worked|built|did))"
        ),
        context_passes=("I presented the budget.",),
    ),
    # Someone else given what they had asked for or earned: "I took Jess instead of you".
    CommitRule(
        "passed_over",
        _p(
            r"\b(?:instead of (?:you|him|her|them)|"
            r"(?:picked|chose|appointed|promoted|nominated|sent|took|put|named|put forward|offered (?:it|the [\w-]+(?: \w+)?) to) "
            r"(?-i:[A-Z])\w+|, not (?:you|him|her|them)\b|"
            r"made (?-i:[A-Z])\w+ (?:the )?(?:head|lead|manager|captain|chair|deputy|supervisor)|"
            r"offered (?:the|a) [^.!?]{0,30}\b(?:role|job|post|place|promotion) to|"
            r"gave (?:all )?(?:the )?[^.!?]{0,30}\b(?:overtime|shifts?|places?|role|slot|project|account|"
            r"trip|spot|lead) to)\b"
        ),
        "Next time an opportunity like this comes up, I will tell you about it before anyone is "
        "chosen, say how I will decide, and give you a fair chance at it.",
        (
            "I took Jess to the funders' dinner instead of you.",
            "I made Deepa head of year 10, though you had been acting head all term.",
            "I named Sarah as co-investigator, not you.",
        ),
        ("I took the train to the funders' dinner.",),
        context=_p(
            r"\b(?:had asked|asked (?:to|for|me|if|about)|wanted|applied|acting|has the most|next step|"
            r"wrote (?:the|it)|runs the|set up|built|(?:wasn't|weren't|was not|were not) (?:offered|told|"
            r"asked|considered)|(?:didn't|did not|never) (?:ask|tell|let|offer)|found out|"
            r"(?:had been|has been|'s been) (?:running|doing|leading|on)|instead of|over (?:him|her|them)|"
            r"over (?-i:[A-Z])\w+|(?:has|had) (?:more|the most) (?:hours|experience|years|seniority)|"
            # The same few chosen again, or a friend: "the same two as last year", "my neighbour's son".
            r"same (?:two|three|four|few|people|ones|names)|as (?:usual|always|last year)|favourite|"
            r"(?:my|our) (?:friend|mate|neighbour)|without (?:asking|mentioning it to|telling) (?:anyone|the others|everyone)|"
            r", not (?:you|him|her|them))\b"
        ),
        context_passes=("I took Jess to the funders' dinner.",),
    ),
    # A change to their work, made or announced over their heads; the decision may stand,
    # the way it reached them is what the repair answers.
    CommitRule(
        "decision_delivery",
        _p(
            r"\b(?:decided|merged (?:the|two|our|your|all)|restructured|re-?organi[sz]ed|re-?org'?d|"
            r"moved (?:all of you|you|your|the \w+ (?:team|desk|shift|base|rota))|"
            r"cut (?:the|your) [^.!?]{0,30}\b(?:roadmap|budget|line|programme|project|team|hours|posts?)|"
            r"(?:we're|we are|I'm|I am) (?:closing|ending|moving|cutting|dropping|switching|merging)|"
            r"announced (?:that|the|it|a|our)|switched|scrapped|as a done deal|"
            r"(?:is|are|was|were|being|will be) (?:paused|cut|closed|closing|cancell?ed|ending|stopped|dropped|merged|scrapped)|"
            # A change and when it starts: "the weekend desk goes from three editors to two in March".
            r"(?:goes|moves|changes|is moving|are moving|will move|will go) (?:from|to)\b[^.!?]{0,60}\b(?:starting|from|in|on) "
            r"(?:next|(?-i:January|February|March|April|May|June|July|August|September|October|November|December))\b)\b"
        ),
        _TELL_YOU_FIRST,
        (
            "I decided we're going back to the office three days a week.",
            "I merged the two customer success pods into one under a single lead.",
            "I posted in the channel that the weekend desk goes from three editors to two starting in March.",
        ),
        ("I moved the chairs.", "I merged it the same day."),
        context=_p(
            r"\b(?:decid\w*|decision|announc\w*|restructur\w*|merg\w*|clos(?:e|ing)|moving|moved|cut|cutting|paused|"
            r"pausing|stopp(?:ed|ing)|scrapp(?:ed|ing)|goes from|moves from|starting (?:in|from)|"
            r"from next (?:month|week|term|year)|done deal|policy|rota|schedule|reorg\w*|re-org\w*)\b"
        ),
        context_passes=("I told them at the stand-up.",),
    ),
    CommitRule(
        "concern_brushed_off_words",
        _p(r"\b(?:said|replied|told|answered|wrote|posted|responded|shrugg?e?d?|said no)\b"),
        "This week I will sit down with you to go through the concern properly, and agree with "
        "you what we do about it and by when.",
        (
            "I said 'we all have aches mate, you'll be fine'.",
            "I said the supplier says they're safe when you raised the gloves.",
        ),
        ("I said I was sorry.",),
        context=_p(
            r"\b(?:concerns?|concerned|safety|unsafe|hazard\w*|risks?(?! committee| register)|injur\w*|pain|aches?|hurt(?:ing)?|"
            r"burn(?:ed|t|ing)? out|overloaded|workload|flagged|raised (?:a|an|the|her|his|their|it|this|"
            r"concerns?)|struggling|leak\w*|faulty|broken down|out of order|"
            # Workload and strain in other words: "my 60-hour weeks", "we're two short".
            r"\d+[- ]hour (?:weeks?|days?|shifts?)|exhausted|can'?t cope|worried (?:about|that)|too thin)\b"
        ),
        context_passes=("I said the plan was late.",),
    ),
    CommitRule(
        "broken_promise",
        _p(
            r"\b(?:promised|said I'?d\b" + _NOT_PAST + r"|said I would|told (?:you|him|her|them|all of you)"
            r"[^.!?]{0,60}I'?d\b" + _NOT_PAST + r"|"
            r"agreed to|committed to|still haven't|never did|did neither|haven't done|"
            # Promised in other words: "said in the chat that I'd sort it", "emailed that they'd be here".
            r"said\b[^.!?]{0,60}\bthat (?:I'?d|I would|we'?d|we would)\b" + _NOT_PAST + r"|"
            r"told (?:you|him|her|them|all of you)[^.!?]{0,60}\b(?:we'?d|we would)\b" + _NOT_PAST + r"|"
            r"(?:emailed|posted|wrote|messaged|announced|told)\b[^.!?]{0,80}\bwould be (?:here|ready|done|sorted|"
            r"fixed|in place|delivered|back|paid|signed)|after promising|(?:I'?d|I had) promised)\b"
        ),
        "This week I will give you a date for what I promised and keep to it, and if anything gets "
        "in its way, I will tell you before that date, not after.",
        (
            "I promised your contract by April and still haven't done it.",
            "I said I'd nominate you, never did.",
            "I said in the volunteers' group chat that I'd sort out your referee payments by the weekend.",
            "I emailed all of you that the new trolleys would be here before summer.",
        ),
        ("I told you the contract was signed.", "I told you I'd supervised twenty theses."),
    ),
    CommitRule(
        "credit_words",
        _p(r"\b(?:said|replied|told|answered|wrote|posted|accepted|thanked|took|let)\b"),
        "This week I will tell the people who heard it that the work was yours, and from now on I will "
        "name you as its author whenever I present it.",
        ("I said 'thanks, took me ages' when the director praised your report.",),
        ("I said 'thanks' and left.",),
        context=_p(r"\b(?:credit(?:ed)?|praised?|praising|congratulat\w*|compliment\w*|applau\w*)\b"),
        context_passes=("I said the report was late.",),
    ),
    CommitRule(
        "blame_words",
        _p(r"\b(?:said|replied|told|answered|wrote|posted|emailed|put)\b"),
        "This week I will tell the people who heard it what my own part was, so the record is right.",
        ("I said the delay came down to your team's renders, though the call to skip the check was mine.",),
        ("I said the renders were late.",),
        context=_p(
            r"\b(?:blam\w*|(?:my|our) fault|was (?:partly )?mine|my (?:own )?(?:call|decision|mistake|part))\b"
        ),
        context_passes=("I said the renders were late.",),
    ),
    CommitRule(
        "public_correction",
        _p(
            # Something said or corrected where others saw it: a list put up in the group chat is
            # not a correction.
            r"^(?=.*\b(?:correct\w*|called (?:\w+ )?out|pointed out|told|said|replied|wrote|posted|commented|"
            r"flagged|listed|asked|questioned|critici[sz]\w*|picked (?:apart|holes)|tore|went through|"
            r"read out|announced|mentioned|tagg\w*|named|call(?:ed|ing)|contradicted|gave (?:\w+ )?(?:feedback|notes)|review(?:ed)?|pushed back|re-?measured|redid|took over|"
            r"took the)\b)"
            r".*?\b(?:in front of|with (?:the |your |his |her |their )?(?:\w+ )?(?:team|clients?|customers?|"
            r"parents|board|everyone) (?:watching|listening|there|present|in copy|copied)|"
            r"in the (?:\w+ )?(?:channel|group chat|all-hands|town hall)|publicly|reply[- ]all)\b"
        ),
        "From today, I will bring any correction or concern about your work to you privately first.",
        (
            "I corrected the class sizes in front of thirty parents.",
            "I told you in front of the whole team that your test plan was lazy.",
        ),
        (
            "I told you in our one-on-one that your plan was lazy.",
            "I put the weekend overtime list up in the depot group chat.",
        ),
    ),
    CommitRule(
        "feedback",
        _p(
            r"\b(?:told (?:you|him|her|them) (?:that )?(?:your|his|her|their|it|the) [^.!?]{0,60}"
            r"(?:was|were|is|are) (?:lazy|sloppy|garbage|rubbish|useless|terrible|awful|weak|poor|"
            r"mediocre|amateur\w*|embarrassing|unacceptable|a mess|not good enough|careless|wrong))\b"
        ),
        "Next time I have feedback on your work, I will give it to you in private, with the "
        "specific points and time for you to respond.",
        ("I told you your report was sloppy.",),
        ("I told you your report was ready.",),
    ),
    CommitRule(
        "remark",
        _p(
            r"\b(?:said|wrote|replied|commented|posted|called|told|sent|messaged|texted|answered|added|"
            r"typed|put|asked|opened with|used the words?)\b[^.!?]{0,60}(?<![\w])['\"‘“]"
        ),
        "From today, when you bring me your work or a question, I will answer plainly and with "
        "respect, and leave out remarks like that one.",
        (
            "I replied 'sure, why not push it to next year while we're at it'.",
            "I used the word 'unreliable' three times.",
        ),
        ("I said sorry to you.",),
    ),
)

_OCCASION_NOUN = (
    r"(?:meetings?|stand-?ups?|reviews?|calls?|huddles?|briefings?|handovers?|retros?|"
    r"retrospectives?|planning|syncs?|rehearsals?|toolbox talks?|case conferences?|ward rounds?|"
    r"debriefs?|all-hands|town halls?|assembly|workshops?|shifts?|one-on-ones?|1:1s?|"
    r"supervisions?|check-ins?|catch-ups?|sessions?)"
)
_OCCASION = re.compile(
    r"\b(?:in|at|during|on|after|before)\s+(?:the|our|my|this|a|today's|yesterday's|this morning's|"
    r"last night's|last week's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\s+((?:[a-z][\w-]* ){0,2}?" + _OCCASION_NOUN + r")\b",
    re.IGNORECASE,
)
_CHAT = re.compile(
    r"\b(?:slack|teams chat|group chat|whatsapp|channel|email(?:ed)?|dm|thread|text(?:ed)?|"
    r"messag(?:e|ed|ing)|posted|replied|comment(?:ed)?)\b",
    re.IGNORECASE,
)
_SETTING_OCCASIONS = {
    "team_meeting": "At our next team meeting,",
    "one_on_one": "In our next one-on-one,",
    "chat_email": "From today, in my messages to you,",
    "public_channel": "From today, in the channel,",
}
_PLURAL = re.compile(r"(?<=[a-z])s$")


def occasion(incident: str, setting: str = "") -> str:
    """When the commitment first applies, from the account: "At the next budget review,"."""
    if match := _OCCASION.search(incident):
        noun = match.group(1).lower()
        if re.search(r"one-on-one|1:1|supervision|check-in|catch-up", noun):
            return "In our next one-on-one,"
        # "in the weekly reviews" -> "At the next weekly review,"; "the planning" stays.
        words = noun.split()
        if words[-1] not in ("all-hands", "planning", "assembly") and not words[-1].endswith("ss"):
            words[-1] = _PLURAL.sub("", words[-1])
        return f"At the next {' '.join(words)},"
    if setting in _SETTING_OCCASIONS:
        return _SETTING_OCCASIONS[setting]
    if _CHAT.search(incident):
        return "From today, in my messages to you,"
    return "From today,"


# A quotation's own words ("your routes are 'a joke'") are what was said, not the act: only
# its marks are kept round a placeholder word, so "called you '…'" still reads as a jibe.
_QUOTED = re.compile(r"(?<![\w])(['\"‘“])(?:[^'\"‘“’”]|(?<=\w)['’](?=\w))+?(['\"’”])(?![\w])")


def _unquoted(act: str) -> str:
    return _QUOTED.sub(lambda m: f"{m.group(1)}quote{m.group(2)}", act)


def answering_rule(act: str, incident: str = "") -> CommitRule | None:
    """The first rule whose act this is (and whose context the account has), or None."""
    bare = _unquoted(act)
    for rule in RULES:
        if rule.pattern.search(bare) and (rule.context is None or rule.context.search(incident or act)):
            return rule
    return None


# "remark" answers any words quoted, the last resort of the table. Where the account reads as
# one of these situations (assistant/retrieval/situations.py), the quoted words were a means to
# another act (credit taken, a concern waved off, a confidence passed on, blame laid), and a
# remark's repair answers the wrong thing: 52 of the 72 such cases in the corpus's drafts are
# labelled another kind of rupture (the other 20 get a check-in instead).
NOT_A_REMARK = frozenset(
    {
        "credit_taken",
        "concern_brushed_off",
        "confidence_broken",
        "not_backing_up",
        "blamed_publicly",
        "decision",
        "after_hours_pressure",
    }
)


def rule_for(act: str, incident: str, situation: str = "") -> CommitRule | None:
    """The rule that answers `act`, or None; the remark rule only where the account is not
    one of NOT_A_REMARK's situations."""
    rule = answering_rule(act, incident)
    if rule is not None and rule.id == "remark" and situation in NOT_A_REMARK:
        return None
    return rule


# For an act no rule knows, the change is the person's to shape: a conversation with a date.
CHECK_IN_COMMIT = (
    "This week I will ask you for twenty minutes to hear how it landed, and we will agree what I do "
    "differently from here."
)
CHECK_IN_COMMIT_TEAM = (
    "This week I will make time to hear from each of you how it landed, and we will agree what I do "
    "differently from here."
)


def check_in_commitment(person: str = "") -> str:
    """The commitment when no rule fits the act: to ask, this week, and agree the change together."""
    return CHECK_IN_COMMIT_TEAM if is_group(person.strip()) else CHECK_IN_COMMIT


def commitment_for(act: str, incident: str, person: str = "", setting: str = "", situation: str = "") -> str:
    """The commitment that answers `act` (the own section's words), or "" when no rule fits."""
    rule = rule_for(act, incident, situation)
    if rule is None:
        return ""
    when = occasion(incident, setting)
    text = rule.text.replace("{When}", when).replace("{when}", when[:1].lower() + when[1:])
    if is_group(person.strip()):
        # To a whole team, "your work" is theirs together and a turn is each person's.
        text = text.replace("you get your turn", "each of you gets a turn")
    return text[:1].upper() + text[1:]
