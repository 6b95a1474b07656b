"""An acknowledgement that names the impact this act tends to have, hedged, in their terms.

Judged blind, the adapter's acknowledgements were the weakest part of its drafts (about 0.5 of
2): most were non-sequiturs ("I imagine the customer followed my post") or invented events. Once
commit_rules has recognised the act, its usual impact is known well enough to name as a guess
("I imagine it felt as if what you had to say did not count"), which the rubric accepts when the
account does not state it. What the account does state about how the person reacted ("she went
quiet for the rest of the meeting") is said back to them first, in the second person.

Keyed by the same rule ids as commit_rules, so an acknowledgement is given exactly when a
commitment is; when no rule fits, the model writes both as before.
"""

from __future__ import annotations

import re

from assistant.core.act_extraction import _AFTER_OBJECT as AFTER_OBJECT
from assistant.core.act_extraction import _NOT_NAMES as NOT_NAMES
from assistant.core.act_extraction import _OBJECT_VERBS as OBJECT_VERBS
from assistant.core.commit_rules import answering_rule
from assistant.guardrails.context import is_group

_CREDIT = "I imagine it felt as if your work had been taken from you, and it cost you credit you had earned."
_CONFIDENCE = (
    "You trusted me with something private, and I imagine it felt like that trust was broken, and "
    "that the choice of who knows was taken away from you."
)
_CONCERN = (
    "You raised a real concern, and I imagine it felt as if I did not take it seriously, and as if "
    "raising it again would not be worth it."
)
_BLAME = (
    "I imagine it was unfair on you to be blamed{audience} for something I had a part in, and it may have "
    "left people with the wrong picture of your work."
)

# "{audience}" becomes " in front of <who saw it>" when the account says who did.
_TIME_COMES_LAST = (
    "I imagine it left you feeling that your time with me comes last, and without the time you count "
    "on to raise things with me."
)

IMPACTS: dict[str, str] = {
    "cancelled_one_on_ones": _TIME_COMES_LAST,
    "cancelled_meetings_with_you": _TIME_COMES_LAST,
    "credit_taken": _CREDIT,
    "credit_in_account": _CREDIT,
    "credit_words": _CREDIT,
    "confidence_broken": _CONFIDENCE,
    "confidence_shared": _CONFIDENCE,
    "interrupting": (
        "I imagine it felt as if what you had to say did not count, and you did not get to finish your "
        "point{audience}."
    ),
    "temper": (
        "I imagine that was hard for you to be on the receiving end of{audience}, and it may have made it "
        "harder for you to bring things to me."
    ),
    "dismissive_gesture": "I imagine it felt as if I was not taking you or what you said seriously{audience}.",
    "humiliating_joke": (
        "I imagine the joke was embarrassing{audience}, and it felt as if I was not taking you seriously."
    ),
    "after_hours": (
        "I imagine the message cut into time that was yours, and it may have felt as if you were expected "
        "to answer straight away."
    ),
    "overruled_in_account": (
        "I imagine it undercut a call that was yours to make, and made it look as if your decisions can be "
        "reversed without a word to you."
    ),
    "overruled": (
        "I imagine it undercut a call that was yours to make, and made it look as if your decisions can be "
        "reversed without a word to you."
    ),
    "blamed_publicly": _BLAME,
    "blame_words": _BLAME,
    "excluded": (
        "I imagine it felt as if your view did not matter on something that is your work, and you were "
        "left with a decision you had no say in."
    ),
    "micromanaging": (
        "I imagine it felt as if I did not trust you with your own work, and it took away a decision that "
        "was yours."
    ),
    "hard_news_in_passing": (
        "I imagine hearing it that way, with no time to take it in or ask anything, made hard news "
        "harder for you, and it may have felt as if it did not matter much to me."
    ),
    "silent_while_criticised": (
        "I imagine you felt left on your own when your work was questioned, when part of it was down to "
        "me, and it may have looked to others as if I did not stand behind you."
    ),
    "not_backing_up": (
        "I imagine you felt left on your own when your work was questioned, and it may have looked to "
        "others as if I did not stand behind you."
    ),
    "concern_brushed_off": _CONCERN,
    "concern_brushed_off_words": _CONCERN,
    "ignored_on_call": (
        "I imagine it felt as if you were not there on that call, and as if what you had to say did not "
        "count."
    ),
    "harsh_review": (
        "I imagine the comments read as a judgement of you rather than a review of the work, and they gave "
        "you nothing you could act on."
    ),
    "unanswered": (
        "I imagine you were left waiting without knowing where things stood, and it felt as if your "
        "message did not matter to me."
    ),
    "passed_over": (
        "I imagine it felt as if what you had put in, and what you had asked for, did not count with me "
        "when I chose."
    ),
    "decision_delivery": (
        "I imagine it felt as if a change to your own work was made without you, and it left you without "
        "the reasons or a chance to ask what it means for you."
    ),
    "told_without_word": (
        "I imagine hearing it that way, without a word from me first, felt as if you did not count in a "
        "decision about your own work, and it left you without the reasons."
    ),
    "broken_promise": (
        "You were counting on what I promised, and I imagine the wait has left you unsure whether you can "
        "rely on what I tell you."
    ),
    "public_correction": (
        "I imagine being corrected{audience} was embarrassing for you, and it may have made it look as if your work "
        "could not be trusted."
    ),
    "feedback": (
        "I imagine the words landed as a judgement of you rather than of the work, and they were hard to "
        "hear."
    ),
    "remark": (
        # Not "what you said": the words were often about their work, or their lateness, not a reply.
        "I imagine those words stung{audience}, and made it feel as if I was not taking you seriously."
    ),
}

# Who saw it: "in front of the whole team", "in front of his crew" (said to him: "your crew").
_AUDIENCE = re.compile(
    r"\b(?:in front of|in front o' ) ?((?:the|his|her|their|our|my|all|everyone|everybody|two|three|"
    r"four|five|six|ten|twenty|thirty|forty|fifty|a|an|both)\b[\w' -]{0,40}?)(?=[,.;:!?)]| and | when | while"
    r"| because | so | who | that | as | after | before | at | in | on | during |$)",
    re.IGNORECASE,
)
_POSSESSIVE = {"his": "your", "her": "your", "their": "your", "my": "my", "our": "our"}


def _audience(incident: str, person: str) -> str:
    """ " in front of the whole team", in their terms, or "" when the account names no audience."""
    match = _AUDIENCE.search(incident)
    if not match or is_group(person):
        # To the team that saw it, "in front of the whole team" is only themselves.
        return ""
    words = match.group(1).strip().split()
    if not words or len(words) > 7:
        return ""
    if person and person.split()[0].lower() in (w.lower().strip("'s") for w in words):
        return ""
    words[0] = _POSSESSIVE.get(words[0].lower(), words[0])
    return " in front of " + " ".join(words)


# A reaction the account states, its subject the person: "she went quiet for the rest of the call".
_REACTION = (
    r"(?:went (?:very |really |completely )?(?:quiet|silent|red|pale|still)|"
    r"(?:was|has been|had been|seemed|looked) (?:very |really |quite )?(?:quiet|silent|upset|shaken|"
    r"embarrassed|hurt|stunned|close to tears|on the verge of tears|in tears|flat|withdrawn|deflated)|"
    r"said nothing|didn't say (?:anything|a word|much)|did not say (?:anything|a word|much)|"
    r"(?:hasn't|has not|hadn't|had not) (?:said|mentioned|raised|brought up|spoken|posted|asked|"
    r"spoken up|come to|replied|answered)\b|"
    r"stopped (?:talking|speaking|contributing|posting|replying|answering|joining|coming|asking)|"
    r"left (?:the room|the call|the meeting|early|straight after)|walked out|logged off|"
    r"turned (?:her|his|their) camera off|switched (?:her|his|their) camera off|"
    r"looked (?:down|away|at the floor|at the table|at (?:her|his|their) (?:feet|screen|notes|desk)))"
)
_CLAUSE_END = re.compile(r"[,.;:!?]| and (?!then)| but | so | because | while | which ")
_TO_YOU = (
    (r"\bhasn't\b", "haven't"),
    (r"\bhas not\b", "have not"),
    (r"\bhas been\b", "have been"),
    (r"\bwas\b", "were"),
    (r"\b(?:himself|herself|themselves)\b", "yourself"),
    (r"\b(?:his|her|their)\b", "your"),
    (r"\b(?:him|them)\b", "you"),
)


def _subjects(incident: str, person: str) -> list[str]:
    """How the account refers to the person: their name, and the one pronoun it uses for them."""
    name = person.strip().split()[0] if person.strip() else ""
    subjects = [re.escape(name)] if name and not is_group(person) else []
    she = len(re.findall(r"\bshe\b", incident, re.IGNORECASE))
    he = len(re.findall(r"\bhe\b", incident, re.IGNORECASE))
    if subjects and (she > 0) != (he > 0):
        # One pronoun only: it is almost certainly theirs.
        subjects.append("she" if she else "he")
    return subjects


def stated_reaction(incident: str, person: str) -> str:
    """The reaction the account states, said to them ("I noticed you went quiet"), or ""."""
    subjects = _subjects(incident, person)
    if not subjects:
        return ""
    pattern = re.compile(
        r"(?:^|(?<=[.;!?,]\s)|(?<=[.;!?,]['\"’”]\s)|(?<=\sand\s)|(?<=\sbut\s)|(?<=\sthen\s))(?:"
        + "|".join(subjects)
        + r")\s+"
        r"((?:just |then |has |had |also |completely )?" + _REACTION + r")",
        re.IGNORECASE,
    )
    match = pattern.search(incident)
    if not match:
        return ""
    rest = incident[match.start(1) :]
    end = _CLAUSE_END.search(rest)
    clause = rest[: end.start()] if end else rest
    clause = clause.strip()
    if len(clause.split()) > 14 or re.search(r"\b(?:I|me|my)\b.*\b(?:she|he)\b", clause):
        return ""
    # A name inside the clause is someone else; "she" or "he" in it would be ambiguous.
    if re.search(r"\b(?:she|he)\b", clause, re.IGNORECASE):
        return ""
    for old, new in _TO_YOU:
        clause = re.sub(old, new, clause, flags=re.IGNORECASE)
    # What they did then is something seen; what they have not done since, something noticed over time.
    seen = "I've noticed" if re.match(r"(?:have|haven't|has|hasn't)\b", clause) else "I noticed"
    return f"{seen} you {clause}"


def acknowledgement_for(act: str, incident: str, person: str = "", noted: str = "") -> str:
    """The acknowledgement for `act` (the own section's words), or "" when no rule fits.

    `noted` is the impact the leader wrote down; said back to the person, it comes first.
    """
    rule = answering_rule(act, incident)
    if rule is None:
        return ""
    impact = IMPACTS[rule.id].replace("{audience}", _audience(incident, person))
    return _with_reaction_and_regret(impact, act, incident, person, noted)


# For an act no rule knows, its impact is not known either: a check-in asks rather than guesses
# (the rubric's R9). Judged blind on new incidents, the model's own acknowledgements for these
# acts scored 0.3 of 2 and a third of its drafts were harmful (BENCHMARKS.md, round 8).
CHECK_IN = (
    "I don't want to guess at how that landed for you, and I'd like to hear it from you, if you're willing."
)
CHECK_IN_TEAM = "I don't want to guess at how that landed for each of you, and I'd like to hear it from you, if you're willing."


def check_in_for(act: str, incident: str, person: str = "", noted: str = "") -> str:
    """The acknowledgement for an act with no rule: what the account says they did, then a check-in."""
    check_in = CHECK_IN_TEAM if is_group(person) else CHECK_IN
    return _with_reaction_and_regret(check_in, act, incident, person, noted)


_SENTENCE_STARTS = frozenset(
    "you your nobody no none two three four five some several most all both half everyone everybody "
    "the a an people he she they it there one since after".split()
)
# An impact note is the leader's own observation, kept to its first two sentences.
_NOTE_SENTENCES = re.compile(r"(?<=[.!?])\s+")
MAX_NOTE_WORDS = 30


def noted_impact(note: str, person: str = "") -> str:
    """The impact the leader noted, said to the person ("She went to HR" -> "I noticed you went
    to HR"), or "" when the note is about the leader ("I think…") or too long to say back."""
    sentences = [x.strip() for x in _NOTE_SENTENCES.split(note.strip()) if x.strip()][:2]
    text = " ".join(sentences).rstrip(".!? ")
    if not text or len(text.split()) > MAX_NOTE_WORDS or re.match(r"(?:I|I'm|I've|I'd|My|Me)\b", text):
        return ""
    text = _note_to_you(text, person.strip())
    if not text:
        return ""
    # "I noticed you went quiet", "I noticed nobody replied"; a name keeps its capital.
    if text.split()[0].lower() in _SENTENCE_STARTS:
        text = text[:1].lower() + text[1:]
    return f"I noticed {text}"


_THEY_TO_YOU = {
    "they're": "you're",
    "they've": "you've",
    "they'd": "you'd",
    "they'll": "you'll",
    "themselves": "yourselves",
    "theirs": "yours",
    "their": "your",
    "them": "you",
    "they": "you",
}
_YOU_AGREE = {
    "has": "have",
    "hasn't": "haven't",
    "is": "are",
    "isn't": "aren't",
    "was": "were",
    "wasn't": "weren't",
    "does": "do",
    "doesn't": "don't",
}


def _present_to_you(m: re.Match[str]) -> str:
    """ "you only talks" -> "you only talk": the -s of a verb said of them, taken off."""
    adverb, verb = m.group(1) or "", m.group(2)
    if verb in _YOU_AGREE:
        return f"you {adverb}{_YOU_AGREE[verb]}"
    if verb.endswith("ies"):
        verb = verb[:-3] + "y"
    elif re.search(r"(?:ch|sh|x|ss|o)es$", verb):
        verb = verb[:-2]
    elif verb.endswith("s") and not verb.endswith(("ss", "us", "is")):
        verb = verb[:-1]
    return f"you {adverb}{verb}"


def _note_to_you(text: str, person: str) -> str:
    """The note with the person as "you", or "" when its pronouns could be someone else's."""
    if is_group(person):
        words = r"\b(?:" + "|".join(re.escape(w) for w in _THEY_TO_YOU) + r")\b"
        return re.sub(words, lambda m: _THEY_TO_YOU[m.group().lower()], text, flags=re.IGNORECASE)
    name = person.split()[0] if person else ""
    others = [w for w in re.findall(r"(?<!^)\b[A-Z][a-z]+\b", text) if w != name and w not in NOT_NAMES]
    if others or not name:
        # "She told Dev" or no name to go by: whose "she" is not certain.
        return ""
    text = re.sub(rf"\b{re.escape(name)}'s\b", "your", text, flags=re.IGNORECASE)
    text = re.sub(rf"\b{re.escape(name)}\b", "you", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(?:she|he)'s(?= (?:\w+ed|had|been|got|gone|done|seen|taken|made|kept|left|stopped)\b)",
        "you've",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\b(?:she|he)'s\b", "you're", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:she|he)'d\b", "you'd", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:she|he)\b", "you", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:herself|himself)\b", "yourself", text)
    # "asks her directly", "told her that": the person; "her camera": theirs.
    text = re.sub(
        r"\b(\w+(?:s|ed))\s+her\b(?=\s+(?:directly|again|twice|once|first|back)\b)", r"\1 you", text
    )
    text = re.sub(OBJECT_VERBS + r"her\b", r"\1 you", text)
    text = re.sub(r"\bher\b" + AFTER_OBJECT, "you", text)
    text = re.sub(r"\b(?:his|her)\b(?= \w)", "your", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:him|her)\b", "you", text)
    adverbs = r"((?:only|just|now|still|never|always|barely|hardly|rarely|also) )?"
    return re.sub(r"\byou " + adverbs + r"([a-z]+'?[a-z]*)\b", _present_to_you, text)


def _with_reaction_and_regret(impact: str, act: str, incident: str, person: str, noted: str = "") -> str:
    reaction = noted_impact(noted, person) if noted.strip() else ""
    reaction = reaction or stated_reaction(incident, person)
    text = f"{reaction}. {impact}" if reaction else impact
    # One plain regret where the harm is clear (the rubric's R3), unless the act already says it.
    if not re.search(r"\b(?:sorry|apologi[sz]e)", act, re.IGNORECASE):
        text += " I'm sorry."
    return text
