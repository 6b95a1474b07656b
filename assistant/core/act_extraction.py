"""Finding the leader's own account of what they did, in their own words.

Owning starts with naming the act. When the incident already says it in the first
person ("I cut Priya off twice…"), that clause is the most faithful start for the own
section — more faithful than anything a small model would paraphrase.
"""

from __future__ import annotations

import re

from assistant.guardrails.context import is_group
from assistant.guardrails.lexicon import HARM_ACTS, HE_SHE, THEY_FORMS, WE_FORMS, alt

# "I" followed by a verb of doing, not a verb of thinking or a state of uncertainty.
_NOT_ACTS = (
    # "I was typing the whole time" is an act; "I was tired" is not.
    r"think|thought|feel|felt|believe|guess|suppose|wonder|hope|know|knew|am|'m|"
    # "I was cc'd, knew … and didn't reply": being there is where the act starts.
    r"was(?! \w+ing\b| (?:cc'?d|copied|there|in the room|on the (?:call|thread|email))\b)|"
    r"have been|'ve been|had been|can't|cannot|don't know|do not know|reali[sz]e|"
    r"want|wanted|need|needed|would|should|could|might|may|will|'ll|'d|must|noticed|see|saw|"
    r"suspect|fear|worry|worried|'m not sure|am not sure|have no idea|"
    # A role, not an act: "I run admissions", "I manage the night shift".
    r"run|work|manage|lead|head|oversee|look after"
)
# "I've cancelled the last three" is an act too; "I've been", "I've got", "I've had" are not.
# What was said, quoted: its own full stops and commas do not end the leader's clause.
_QUOTE = r"(?<![\w])['\"‘“](?:[^'\"‘“’”\n]|(?<=\w)['’](?=\w))*?['\"’”](?![\w])"
_QUOTED = re.compile(_QUOTE)
_I_CLAUSE = re.compile(
    # "all I did was react" and "what I said was" frame an act; they are not one.
    r"(?<![\w'])(?<!\ball )(?<!\bwhat )I(?:['’]ve(?! (?:been|got|had)\b))? (?!(?:"
    + _NOT_ACTS
    + r")\b)(?:[a-z]+)\b"
    r"(?:" + _QUOTE + r"|[^.!?;\n])*",
    re.IGNORECASE,
)
# Every "I" starts a candidate, also one inside another's sentence ("I was shouting, and … I cut
# her off"): the weights below choose between them.
_I_CLAUSES = re.compile("(?=(" + _I_CLAUSE.pattern + "))", re.IGNORECASE)
# "since March" is a date, not an excuse.
_SINCE = r"since(?= (?:I|we|you|he|she|they|it|there)\b)"
# ", as a joke" and ", as if it was mine" say what the act was; ", as I was late" is an excuse.
_AS = r"as(?! (?:a joke|a laugh|a dig|if|though|mine)\b)"
_CLAUSE_END = re.compile(
    r"\s*(?:,\s*(?:because|since|" + _AS + r"|so|but)\b|\s(?:because|" + _SINCE + r"|but)\b).*$",
    re.IGNORECASE,
)
# What the leader said was the cause ("I said the release slipped because Goran's API wasn't
# ready") is the act itself, the blame laid on them: kept.
_REPORTED = re.compile(
    r"\b(?:said|told|emailed|posted|wrote|saying|announced|blamed|explained)\b(?!\s+(?:I'?d|I would|we'?d)\b)",
    re.IGNORECASE,
)
# The cause kept is a fault laid on them ("because Hamid booked the wrong vessel"), not any reason.
_BECAUSE_THEM = (
    r"because(?!\s+of\s+(?:you|your|him|his|her|them|their|(?-i:[A-Z])[\w-]+['’]s)\b)"
    r"(?!\s+(?:you|your|he|his|she|her|they|their|(?-i:[A-Z])[\w'’-]+)\b[^.!?]{0,60}?"
    r"(?:n't|\bnot\b|\bnever\b|\bwithout\b|\bwrong\b|\blate\b|\bmissed\b|\bforgot\b|\bfailed\b|\bdropped\b|\blost\b|\bbroke\b|"
    r"\bmess|\bslow|\berror|\bmistake|\bfault))"
)
_REPORTED_END = re.compile(
    r"\s*(?:,\s*(?:"
    + _BECAUSE_THEM
    + r"|since|"
    + _AS
    + r"|so|but)\b|\s(?:"
    + _BECAUSE_THEM
    + r"|"
    + _SINCE
    + r"|but)\b).*$",
    re.IGNORECASE,
)
# Where the sentence moves on to someone else: ", and he left…", ", Bilal stopped…", "… and hasn't said…".
_OTHER_SUBJECT = re.compile(
    r"(?:,\s*(?:and\s+)?(?:"
    + alt(HE_SHE, THEY_FORMS, WE_FORMS, ("it", "there", "the room", "everyone", "nobody"))
    + r"|[A-Z][a-z]+)\b"
    r"|\s+and\s+(?:has|hasn't|have|haven't|had|hadn't|is|isn't|was|wasn't|went|looked)\b"
    # "…two weeks ago she only posts updates": a new sentence with no full stop before it.
    r"|(?<=\bago)\s+(?:" + alt(HE_SHE, THEY_FORMS) + r"|(?-i:[A-Z])[a-z]+)\s+\w+.*$"
    r"|(?<=['\"’”])\s+(?:" + alt(HE_SHE, THEY_FORMS) + r"|(?-i:[A-Z])[a-z]+)\s+"
    r"(?:has|hasn't|have|haven't|only|just|still|never)\b.*$"
    # "…and everyone chuckled": the room's reaction, not the act.
    r"|\s+and\s+(?:everyone|everybody|nobody|no one|the room)\s+\w+ed\b"
    # "…without warning she's stopped posting": a new clause with no comma before it.
    r"|\s+(?:" + alt(HE_SHE, THEY_FORMS) + r")(?:'s|'ve| has| have)\s+\w+ed\b).*$"
)
MAX_WORDS = 28


_SAID_THEN = re.compile(r"(?<=[.!?]['\"’”])\s+(?-i:[A-Z]).*$")


def _masked(text: str) -> str:
    """`text` with each quotation's words blanked, same length: what was said is not read
    for where the leader's clause ends ("I said 'No, Bongani, we'll just…'")."""
    return _QUOTED.sub(lambda m: m.group()[0] + "x" * (len(m.group()) - 2) + m.group()[-1], text)


def _cut_at(clause: str, pattern: re.Pattern[str]) -> str:
    """`clause` up to where `pattern` first matches outside any quotation."""
    m = pattern.search(_masked(clause))
    return clause if m is None else clause[: m.start()]


_SAID_WAS = re.compile(
    r"^(I (?:said|wrote|asked)(?: to [\w'’-]+)?(?: about [^'\"‘“.!?]{1,60}?)?) was(?= ['\"‘“])", re.IGNORECASE
)


def _tidy(clause: str) -> str:
    # A trailing ", because…" is an excuse, unless it is inside what was said: "I said 'Great,
    # because nothing ever goes wrong live'" keeps its sarcasm whole.
    reported = _REPORTED.search(_masked(clause).split("because")[0])
    clause = _cut_at(clause, _REPORTED_END if reported else _CLAUSE_END)
    clause = _cut_at(clause, _OTHER_SUBJECT).strip(" ,;:-")
    # A quotation that ends its sentence ends the clause: "'Sure, why not?' He laughed."
    clause = _SAID_THEN.sub("", clause)
    # "First thing I said to Dmitri about his edit was 'this reads like…'": what was said, introduced.
    clause = _SAID_WAS.sub(r"\1:", clause)
    clause = _cap_words(clause).rstrip(" ,;:-")
    # A quote cut off at its own full stop ("I said 'Sure, once you can ski.") is closed again.
    opened = re.findall(r"(?:(?<=\s)|^)(['\"‘“])", clause)
    closed = re.findall(r"(['\"’”])(?=\s|$|[,;:!?.])", clause)
    if len(opened) > len(closed):
        clause += {"'": "'", '"': '"', "‘": "’", "“": "”"}[opened[-1]]
    return clause


def _cap_words(clause: str) -> str:
    """At most MAX_WORDS words, ending at the last comma inside the limit rather than mid-phrase;
    a comma inside a quotation is not one ("kept saying 'no, no, why would you…'")."""
    words = clause.split()
    if len(words) <= MAX_WORDS:
        return clause
    cut = " ".join(words[:MAX_WORDS])
    # The same characters with each whole quotation blanked, so its commas are not found.
    masked = _masked(re.sub(r"\s+", " ", clause.strip()))[: len(cut)]
    return cut[: masked.rindex(",")] if "," in masked else cut


def _weight(clause: str, person: str) -> int:
    """How surely a clause is the act: it names a harm, or what was done to them."""
    weight = 2 if HARM_ACTS.search(clause.lower()) else 0
    first = person.split()[0] if person.strip() else ""
    if first and re.search(rf"\b{re.escape(first)}\b", clause):
        weight += 1
    elif re.search(r"\b(?:him|her|them|you)\b", clause):
        weight += 1
    return weight


def _is_scene(incident: str, start: int, clause: str) -> bool:
    """ "as I was leaving", "while I was driving": what was going on, not what was done."""
    return bool(
        re.match(r"I was \w+ing\b", clause)
        and re.search(r"\b(?:as|while|when|whilst)\s*$", incident[:start], re.IGNORECASE)
    )


# "My answer was 'we manage'" is the leader's reply, told as a thing: read as "I replied".
_MY_REPLY = re.compile(r"\b[Mm]y (?:answer|reply|response) was\b")


def extract_act(incident: str, person: str = "") -> str | None:
    """The leader's act in their own first-person words, as a sentence, or None.

    The first such clause, unless a later one names a harm or the person and it does not
    ("I chaired the meeting. … I never noticed her hand" gives the second). With `person`
    given, their name becomes "you": the repair is spoken to them.
    """
    incident = _MY_REPLY.sub("I replied", incident)
    quoted = [m.span() for m in _QUOTED.finditer(incident)]
    found = [
        (m, clause)
        for m in _I_CLAUSES.finditer(incident)
        # An "I" inside what was said ("with 'as I already explained'") is not the leader's act.
        if not any(start < m.start() < end for start, end in quoted)
        and len((clause := _tidy(m.group(1))).split()) >= 3
        and not _is_scene(incident, m.start(), clause)
    ]
    # max() keeps the first of equals: the account's own order breaks ties.
    best = max(found, key=lambda item: _weight(item[1], person)) if found else None
    # A jotted account leaves the "I" out: "Phoned Anouk after the hearing and opened with…".
    first = _first_sentence(incident.strip())
    if _starts_past(first):
        jotted = _tidy(first)
        if best is None or _jotted_first(len(first), jotted, best, person):
            return own_from_note(jotted, incident, person)
    if best is None:
        return None
    match, clause = best
    clause = "I" + clause[1:]
    name = person.strip()
    if is_group(name):
        clause = to_group_address(clause)
    elif name:
        clause = to_second_person(clause, name, sole=only_person_named(incident[: match.start()], name))
    # A quotation's own full stop or question mark ends the sentence already.
    return _capital_i(clause) + ("" if re.search(r"[.!?]['\"’”]$", clause) else ".")


def _first_sentence(text: str) -> str:
    """The account's first sentence: it ends at a full stop outside any quotation, or at a
    quotation that closes on one ("…the bundle 'first thing.' She sent it…")."""
    masked = _masked(text)
    ends = [m.start() for m in re.finditer(r"(?<=[.!?])\s+", masked)]
    ends += [
        m.end() for m in _QUOTED.finditer(text) if re.match(r"[.!?]['\"’”]\s+[A-Z]", text[m.end() - 2 :])
    ]
    return text[: min(ends)] if ends else text


def _jotted_first(length: int, jotted: str, best: tuple[re.Match[str], str], person: str) -> bool:
    """Whether a jotted opening sentence is the act, ahead of the best later "I" clause: when
    that clause is part of it ("Wrote a post about how I cut our missed deliveries…" is the
    post), or when it names the harm or the person and the clause, with no words quoted, does not."""
    match, clause = best
    if match.start() < length:
        return True
    return _weight(jotted, person) > _weight(clause, person) and not _QUOTED.search(clause)


def _capital_i(text: str) -> str:
    """ "the dentist i work for" -> "the dentist I work for": the seed is the leader's own voice."""
    return re.sub(r"(?<![\w'.])i(?=\b(?!\.)|')", "I", text)


# The group as the account names it: "the whole support team", "all the tutors", "everyone".
_GROUP_PHRASE = re.compile(
    r"\b(?:(?:the whole|the entire|all (?:of )?(?:the|my|our)|the|my|our)\s+"
    r"(?:(?!(?:the|my|our|a|an|his|her|their)\b)[a-z-]+\s+){0,2}?"
    r"(?:team|crew|staff|group|shift|department|squad|unit|class)"
    r"|all (?:of )?(?:the|my|our)\s+(?:[a-z-]+\s+)?[a-z]+s|everyone|everybody)"
    # The group itself, not a thing of theirs: "the team chat" is not them.
    r"(?=\s*$|\s*[,.;:!?]|\s+(?:that|they|to|in|at|on|for|about|with|and|but|when|while|during|"
    r"because|was|were|what|how|why|after|before|over|until|as|again|off|down|up|out|of|from|"
    r"without|by|into|twice|once|three|several|instead)\b)"
)
_THEY = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourselves",
    "they're": "you're",
    "they'd": "you'd",
    "they've": "you've",
    "they'll": "you'll",
}


def to_group_address(clause: str) -> str:
    """The act spoken to the group it was done to: "told the whole support team they were
    making excuses" -> "told all of you that you were making excuses"."""
    # "at the end of the shift" is a time, not the people on it.
    m = next(
        (
            g
            for g in _GROUP_PHRASE.finditer(clause)
            if not re.search(r"\b(?:of|during|after|before|until)\s$", clause[: g.start()])
        ),
        None,
    )
    if m is None:
        return clause
    head, tail = clause[: m.start()], clause[m.end() :]
    tail = re.sub(
        r"\b(?:they're|they'd|they've|they'll|themselves|theirs|their|them|they)\b",
        lambda w: _THEY[w.group().lower()],
        tail,
    )
    # "told all of you you were…" reads as a stutter; "that" keeps the two apart.
    tail = re.sub(r"^(\s+)you\b", r"\1that you", tail)
    # The group as the subject: "the team was lazy" -> "all of you were lazy".
    tail = re.sub(
        r"^(\s+)(was|is|has|wasn't|isn't|hasn't)\b", lambda v: v.group(1) + _YOU_VERB[v.group(2)], tail
    )
    return head + "all of you" + tail


# Capitalised words that are not people: the start of a sentence is skipped separately.
_NOT_NAMES = frozenset(
    "I I'm I'd I've I'll Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays "
    "Thursdays Fridays Saturdays Sundays Christmas Easter Eid Diwali January February March "
    "April May June July August September October November December Slack Teams Zoom Excel Instagram "
    "HR CEO CTO QA UX".split()
)


def only_person_named(before: str, name: str) -> bool:
    """True when `name` is named before the act and nobody else is: "he"/"her" is then them."""
    first = name.split()[0]
    case = 0 if first.lower() in _WORD_NAMES else re.IGNORECASE  # lower case still names them
    if not re.search(rf"\b{re.escape(first)}\b", before, case):
        return False
    names = {w for w in re.findall(r"(?<![.!?]\s)(?<![.!?])(?<!^)\b[A-Z][a-z'’]+\b", before.strip())}
    return not (names - {first, *name.split()} - _NOT_NAMES)


# After "her", these words mean it was the object ("told her that…"), not a possessive ("her plan").
_AFTER_OBJECT = r"(?=\s+(?:that|to|about|in|on|at|for|with|without|until|instead|like|across|through|behind|afterwards|directly|publicly|privately|repeatedly|off|out|up|down|again|twice|once|when|while|and|but|if|because|before|after|during|over|from|into|the|a|an|we|I|it|our|my|this|twice|three|several|she|he|they|you|how|what|why|where|whether|no|nothing|so|too|know|go|come|start|finish|speak|talk|explain|present|say|see|wait|leave|do)\b|\s*['\"‘“]|[\s,.;:!?]*$|[,.;:!?])"
# After these verbs "her" is the person themself ("let her finish", "asked her twice").
_OBJECT_VERBS = r"\b(let|made|make|makes|help|helped|watched|heard|told|asked|thanked|warned|reminded|texted|emailed|messaged|pinged|rang|phoned|rushed|pushed|pressed|met)\s+"
# "she was" becomes "you were", not "you was".
_AGREEMENT = {
    "was": "were",
    "wasn't": "weren't",
    "is": "are",
    "isn't": "aren't",
    "has": "have",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
}


def _agree(match: re.Match[str]) -> str:
    """ "she was" → "you were"; "she's stopped" → "you've stopped", "she's upset" → "you're upset"."""
    if match.group(1):
        return "you " + _AGREEMENT[match.group(1)]
    if match.group(2):
        return ("you've" if match.group(3) else "you're") + (match.group(3) or "")
    return "you"


# First names that are also everyday words: matched only as typed, with their capital.
_WORD_NAMES = frozenset(
    "will may bill mark rose grace hope joy sue pat art june august max ray dawn amber jack rob "
    "frank carol faith summer sunny chance guy drew win".split()
)
_YOU_VERB = {
    "is": "are",
    "was": "were",
    "has": "have",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
}


def _agree_you(m: re.Match[str]) -> str:
    return "you " + _YOU_VERB[m.group(1)]


def to_second_person(clause: str, name: str, *, sole: bool = False) -> str:
    """Speak the clause to `name`: their name becomes "you", and so do the pronouns after it.

    Pronouns are changed only when the name is the one person the clause names: with a second
    name in it, "she" might be someone else. `sole` says the account named them, and only them,
    before this clause ("Mbali presented. I kept jumping in on her"), so its pronouns are theirs.
    """
    first = re.escape(name.split()[0])
    # An account typed in lower case names them all the same ("replied to cosmin's forecast"),
    # unless their name is also a word ("I will ask will").
    typed_lower = not re.search(r"[A-Z]", re.sub(r"\bI\b", "", clause))
    case = re.IGNORECASE if typed_lower and name.split()[0].lower() not in _WORD_NAMES else 0
    if not re.search(rf"\b{first}\b", clause, case) and not sole:
        return clause
    # Words in quotes were said to someone else and stay as they were said.
    parts = re.split("(" + _QUOTE + ")", clause)
    if len(parts) > 1:
        return "".join(
            part if index % 2 else to_second_person(part, name, sole=True) for index, part in enumerate(parts)
        )
    others = [
        w
        for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b", clause)
        if w != name.split()[0] and w not in _NOT_NAMES
    ]
    clause = re.sub(rf"\b{first}'s\b", "your", clause, flags=case)
    # "our hygienist Perpetua": who they are goes without saying to them. ("told the team Priya
    # was slow" is a different sentence, so only "our"/"my" and a role that is not a group.)
    clause = re.sub(
        rf"\b(?:our|my)\s+(?:(?!team\b|crew\b|staff\b|group\b|class\b)[a-z-]+\s+)?(?:{re.escape(name)}|{first})\b",
        "you",
        clause,
        flags=case,
    )
    clause = re.sub(rf"\b{re.escape(name)}\b|\b{first}\b", "you", clause, flags=case)
    clause = re.sub(r"\byou\s+(is|was|has|isn't|wasn't|hasn't|does|doesn't)\b", _agree_you, clause)
    if others:
        return clause
    clause = re.sub(r"\bherself\b|\bhimself\b", "yourself", clause)
    clause = re.sub(
        _OBJECT_VERBS + r"her\b(?!\s+(?:own|work|team|plan|report|idea|draft|point|question|name)\b)",
        r"\1 you",
        clause,
    )
    clause = re.sub(r"\bher\b" + _AFTER_OBJECT, "you", clause)
    clause = re.sub(r"\b(?:her|his)\b", "your", clause)
    clause = re.sub(r"\bhim\b", "you", clause)
    clause = re.sub(
        r"\b(?:"
        + alt(HE_SHE)
        + r")\b(?:\s+(was|wasn't|is|isn't|has|hasn't|does|doesn't)\b|('s)\b(\s+(?:\w+ed|been|got|gone|had|done|"
        r"taken|given|seen|told|made)\b)?)?",
        _agree,
        clause,
    )
    # "told you you were wrong" reads as a stutter; "that" keeps the two apart.
    return re.sub(r"\b(told|warned|reminded|informed) you you\b", r"\1 you that you", clause)


# Past-tense verbs a note to self often starts with, its "I" left out ("cut her off").
_IRREGULAR_PAST = frozenset(
    """cut told said made took gave left let put sent kept went spoke wrote brought thought forgot
    got ran set shut read threw held sat stood spent lost hung began broke met saw overrode
    overruled undercut came did had drove rang swore froze shook fell""".split()
)
# Words ending in -ed that are not past tenses.
_NOT_PAST = frozenset({"need", "needed", "feed", "seed", "speed", "bed", "red", "shed", "tired", "bored"})


def own_from_note(note: str, incident: str, person: str) -> str:
    """The leader's answer to "what did I do?" as a sentence, with "I", spoken to the person.

    Notes are jotted: "left a comment mocking how he'd learned Excel". The "I" goes back in, and
    "he" is the person unless the note names someone else.
    """
    sentence = note.strip()
    if not sentence:
        return ""
    if not re.search(r"[.!?]['\"’”]?$", sentence):
        sentence += "."
    if _starts_past(sentence):
        sentence = "I " + sentence[0].lower() + sentence[1:]
    else:
        sentence = sentence[0].upper() + sentence[1:]
    if is_group(person):
        sentence = to_group_address(sentence)
    elif person:
        sentence = to_second_person(sentence, person, sole=True)
        # "I phoned you, one of our court interpreters, after…": who they are goes without saying.
        sentence = re.sub(r"\byou, (?:one of (?:our|my|the)|our|my|the|a|an) [^,]{1,50}, ", "you ", sentence)
    if len(sentence.split()) > MAX_WORDS:
        # A note or jotted account as long as a paragraph is cut as the account's own clause is.
        sentence = _cap_words(sentence).rstrip(" ,;:-") + "."
    return _capital_i(sentence)


def _starts_past(sentence: str) -> bool:
    """True when a jotted sentence opens with a past-tense verb: "Told Luz…", "Phoned Anouk…"."""
    first = re.match(r"[A-Za-z']+", sentence.strip())
    word = first.group().lower() if first else ""
    # "Ahmed asked me…": a name that ends in -ed, then the verb ("Snapped, yelled…" is two acts).
    if re.match(r"[A-Z][a-z']+ [a-z]+ed\b", sentence.strip()):
        return False
    return word != "i" and word not in _NOT_PAST and (word.endswith("ed") or word in _IRREGULAR_PAST)
