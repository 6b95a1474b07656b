"""Finding the leader's own account of what they did, in their own words.

Owning starts with naming the act. When the incident already says it in the first
person ("I cut Priya off twice…"), that clause is the most faithful start for the own
section — more faithful than anything a small model would paraphrase.
"""

from __future__ import annotations

import re

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
    r"(?:,\s*(?:and\s+)?(?:he|she|they|we|it|there|the room|everyone|nobody|[A-Z][a-z]+)\b"
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
        clause = re.sub(rf"\b{re.escape(name)}'s\b", "your", clause)
        clause = re.sub(rf"\b{re.escape(name)}\b", "you", clause)
    return clause + "."
