"""Finding the leader's own account of what they did, in their own words.

Owning starts with naming the act. When the incident already says it in the first
person ("I cut Priya off twice…"), that clause is the most faithful start for the own
section — more faithful than anything a small model would paraphrase.
"""

from __future__ import annotations

import re

from assistant.guardrails.lexicon import HE_SHE, THEY_FORMS, WE_FORMS, alt

# "I" followed by a verb of doing, not a verb of thinking or a state of uncertainty.
_NOT_ACTS = (
    r"think|thought|feel|felt|believe|guess|suppose|wonder|hope|know|knew|am|'m|was|"
    r"have been|'ve been|had been|can't|cannot|don't know|do not know|reali[sz]e|"
    r"want|wanted|need|needed|would|should|could|might|may|will|'ll|'d|must|noticed|see|saw|"
    r"suspect|fear|worry|worried|'m not sure|am not sure|have no idea"
)
_I_CLAUSE = re.compile(r"(?<![\w'])I (?!(?:" + _NOT_ACTS + r")\b)(?:[a-z]+)\b[^.!?;\n]*", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:,\s*(?:because|since|as|so|but)\b|\s(?:because|since|but)\b).*$", re.IGNORECASE)
# Where the sentence moves on to someone else: ", and he left…", ", Bilal stopped…", "… and hasn't said…".
_OTHER_SUBJECT = re.compile(
    r"(?:,\s*(?:and\s+)?(?:"
    + alt(HE_SHE, THEY_FORMS, WE_FORMS, ("it", "there", "the room", "everyone", "nobody"))
    + r"|[A-Z][a-z]+)\b"
    r"|\s+and\s+(?:has|hasn't|have|haven't|had|hadn't|is|isn't|was|wasn't|went|looked)\b).*$"
)
MAX_WORDS = 28


def _tidy(clause: str) -> str:
    clause = _CLAUSE_END.sub("", clause)
    clause = _OTHER_SUBJECT.sub("", clause).strip(" ,;:-")
    words = clause.split()
    if len(words) > MAX_WORDS:
        clause = " ".join(words[:MAX_WORDS])
        # End at the last comma inside the limit rather than mid-phrase.
        if "," in clause:
            clause = clause[: clause.rindex(",")]
    return clause.rstrip(" ,;:-")


def extract_act(incident: str, person: str = "") -> str | None:
    """The first first-person act in the incident as a sentence, or None.

    With `person` given, their name becomes "you": the repair is spoken to them.
    """
    match = _I_CLAUSE.search(incident)
    if not match:
        return None
    clause = _tidy(match.group(0))
    if len(clause.split()) < 3:
        return None
    clause = "I" + clause[1:]
    name = person.strip()
    if name and name.lower() not in {"the team", "team", "everyone"}:
        clause = to_second_person(clause, name)
    return clause + "."


# After "her", these words mean it was the object ("told her that…"), not a possessive ("her plan").
_AFTER_OBJECT = r"(?=\s+(?:that|to|about|in|on|at|for|with|off|out|up|down|again|twice|once|when|while|and|but|if|because|before|after|during|over|from|into|back|the|a|an|we|I|it|our|my|this|twice|three|several)\b|[\s,.;:!?]*$|[,.;:!?])"


def to_second_person(clause: str, name: str) -> str:
    """Speak the clause to `name`: their name becomes "you", and so do the pronouns after it.

    Pronouns are changed only when the name is the one person the clause names: with a second
    name in it, "she" might be someone else.
    """
    first = re.escape(name.split()[0])
    if not re.search(rf"\b{first}\b", clause):
        return clause
    others = [w for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b", clause) if w != name.split()[0] and w != "I"]
    clause = re.sub(rf"\b{first}'s\b", "your", clause)
    clause = re.sub(rf"\b{re.escape(name)}\b|\b{first}\b", "you", clause)
    if others:
        return clause
    clause = re.sub(r"\bher\b" + _AFTER_OBJECT, "you", clause)
    clause = re.sub(r"\b(?:her|his)\b", "your", clause)
    clause = re.sub(r"\bhim\b", "you", clause)
    clause = re.sub(r"\b" + alt(HE_SHE) + r"\b", "you", clause)
    return clause
