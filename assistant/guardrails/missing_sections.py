"""Missing sections: does each part of the repair do its own job?

- own (missing_own): some clause has the leader as the agent of a specific act.
- acknowledge (missing_acknowledge): some clause is about the other person and the effect on
  them.
- commit (missing_commit, or vague_commitment when a commitment lacks a behaviour or an
  occasion): some commitment names a behaviour and an occasion.

A clause that is itself a fault (a blame, a non-apology, a justification...) does not count
towards the section's job: "You should have spoken up" mentions them but acknowledges nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.core.schemas import Section
from assistant.guardrails.base import CheckExamples, Hit, rx
from assistant.guardrails.lexicon import (
    FEELING,
    HE_SHE,
    I_FORMS,
    MONTHS,
    THEY_FORMS,
    WEEKDAYS,
    YOU_FORMS,
    alt,
    without,
)
from assistant.guardrails.ownership import own_acts
from assistant.guardrails.text import Clause, Doc, trimmed_span
from assistant.guardrails.vague_commitment import commitments

# Findings whose span cannot also serve as the section's substance.
_FAULTS = frozenset(
    {
        "non_apology",
        "agentless",
        "justification",
        "blame_shift",
        "minimizing",
        "self_shaming",
        "forgiveness_pressure",
        "rescuing",
    }
)

_MSG_EMPTY = {
    "own": "The own section is empty. Say what you did, with yourself as the subject.",
    "acknowledge": "The acknowledge section is empty. Say how it affected them.",
    "commit": "The commit section is empty. Say one thing you will do differently, and when.",
}
_MSG_NO_OWN = 'This doesn\'t say what you did. Name the act with yourself as the subject: "I cut you off."'
_MSG_NO_ACK = "This talks about you, not them. Name the effect on them in terms they would recognise."
_MSG_NO_COMMIT = "This doesn't say what will be different. Name one behaviour and when it will happen."
_MSG_NO_OCCASION = (
    "This names a behaviour but not when it will happen. Add the occasion: which meeting, "
    'which day, or "each time...".'
)
_MSG_NO_BEHAVIOUR = "This says you'll change but not what you will do. Name one behaviour they could notice."


def _inside(span: tuple[int, int], hits: Sequence[Hit]) -> bool:
    s, e = span
    return any(h.start <= s and e <= h.end for h in hits)


def _whole(doc: Doc) -> tuple[int, int]:
    return trimmed_span(doc.text, 0, len(doc.text))


# A proportionate check-in when the harm is unclear (RUBRIC R9): the leader names what
# they noticed in the other person and opens the door, without a full confession.
_CHECK_IN = rx(
    r"\bi(?:'ve| have)? (?:noticed|noticed that|saw|sensed|picked up)\b[^.!?]*"
    r"\b" + alt(YOU_FORMS, ("your", "the team", "him", "her", "them"), HE_SHE, THEY_FORMS) + r"\b"
)


def _own(doc: Doc, faults: Sequence[Hit]) -> list[Hit]:
    if any(not _inside(span, faults) for span in own_acts(doc)):
        return []
    check_in = _CHECK_IN.search(doc.norm)
    if check_in and not _inside(check_in.span(), faults):
        return []
    start, end = _whole(doc)
    return [Hit("missing_own", "high", start, end, _MSG_NO_OWN)]


_OTHER = rx(
    r"\b"
    + alt(
        YOU_FORMS,
        (
            "your",
            "yours",
            "yourself",
            "yourselves",
            "y'all",
            "the team",
            "team",
            "everyone",
            "everybody",
            "people",
            "them",
        ),
        THEY_FORMS,
        ("their", "theirs"),
        HE_SHE,
        (
            "him",
            "her",
            "his",
            "hers",
            "colleagues",
            "others",
            "the group",
            "the room",
            "folks",
            "the client",
            "the others",
            "anyone",
            "someone",
            "the people",
        ),
    )
    + r"\b"
)
# They as the subject of what happened. Exactly these forms of "you" and "they": a wider list
# ("you'll", "they've") would change which clauses count as acknowledging.
_OTHER_SUBJECT = rx(
    alt(
        without(YOU_FORMS, "you'll"),
        without(THEY_FORMS, "they've", "they'd", "they'll"),
        HE_SHE,
        ("the team", "everyone", "people", "the group", "the room"),
    )
    + r"\s+(?!should|could|ought|might have|must have|always|never)[a-z']+"
)
_IMPACT = rx(
    r"\b(?:land(?:ed|s)?|affect\w*|impact\w*|cost|hurt\w*|harm\w*|embarrass\w*|dismiss\w*|"
    r"unheard|unseen|undermin\w*|frustrat\w*|upset\w*|quiet|shut|stopped|couldn't|could not|"
    r"didn't get|did not get|lost|lose|spot|in front of|disrespect\w*|stress\w*|harder|"
    r"difficult|extra|weekend|late|anxious|worr\w*|uncomfortable|unsafe|small|blindsid\w*|"
    r"sidelin\w*|left out|exclud\w*|overlook\w*|ignor\w*|interrupt\w*|talked over|cut (?:you|them|"
    r"him|her) off|confus\w*|disappoint\w*|demorali[sz]\w*|discourag\w*|st[iu]ng\w*|burden\w*|"
    r"strain\w*|tense|worse|awkward|expos\w*|doubt\w*|trust|felt|feel\w*|must have|may have|"
    r"had to|missed|miss|wasted?|redo\w*|scrambl\w*|pressure|heard|hear|credit|seen|respect\w*|"
    r"valued|angry|anger|shaken|rattled|deflat\w*|drain\w*|energy|confidence|morale|evening|"
    r"chance|opportunit\w*|finish\w*|silence\w*|withdr\w*|pulled back|speak up|spoke up|"
    r"dismissive|hard|was like|(?:it|that) (?:was|felt) for|risk\w*|reputation|standing|"
    r"laughed at|not working|jarring|unsettl\w*|shock\w*|humiliat\w*|belittl\w*|hurtful|"
    r"painful|unfair|found out|alone|without|labell?ed|shame|(?:any|no|a) say|since|"
    r"nothing else|barely|instead of|"
    r"left (?:you|them|him|her|the team|everyone) (?:with|feeling|to|out|exposed|alone|holding|"
    r"unsure|wondering|carrying|without|\w+ing)|left (?:your|their|his|her) \w+(?: \w+)? "
    r"(?:not|without|in|at|on|un\w+))\b"
)
# An impact whose experiencer is the reader, left implicit: "I imagine it was hard to hear that
# in front of the residents", "that must have been unsettling".
_IMPLICIT_IMPACT = rx(
    r"(?:i (?:imagine|suspect|guess|expect|think|can see|could see|know|realise|realize|"
    r"understand)(?: that| how)? )?(?:it|that|this)(?: (?:must|may|might|would|could) have)?"
    r" (?:was|been|felt|is)(?: (?:so|very|really|quite|a bit|pretty))? (?:"
    + FEELING
    + r"|hard|harder|difficult|jarring|unsettling|painful|hurtful|awkward|embarrassing|"
    r"humiliating|upsetting|frustrating|discouraging|demoralising|demoralizing|confusing|"
    r"stressful|unfair|a (?:blow|shock|lot))\b"
    + r"|(?:i (?:imagine|suspect|think|know|can see|could see) )?(?:that's|that is|that was|which is|this is) "
    r"how (?:it|that|this) (?:landed|felt|came across|sounded)\b"
)
# Capitalised words that are not people's names.
_NOT_NAMES = frozenset(
    {
        *(word.capitalize() for word in (*I_FORMS, *WEEKDAYS, *MONTHS)),
        "Q1",
        "Q2",
        "Q3",
        "Q4",
    }
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:'s)?\b")


# Capitalised words that often open a sentence without being anyone's name.
_OPENERS = frozenset(
    {
        "The",
        "It",
        "It's",
        "That",
        "That's",
        "This",
        "There",
        "Then",
        "When",
        "If",
        "But",
        "And",
        "So",
        "After",
        "Before",
        "Since",
        "Because",
        "My",
        "Your",
        "Our",
        "Their",
        "His",
        "Her",
        "We",
        "You",
        "They",
        "He",
        "She",
        "Honestly",
        "Maybe",
        "Perhaps",
        "Next",
        "Last",
        "Thanks",
        "Thank",
        "Sorry",
        "Please",
        "Yesterday",
        "Today",
        "Tomorrow",
        "Looking",
        "Being",
        "Some",
        "Everyone",
        "Nobody",
        "No",
        "Yes",
        "Not",
        "Just",
        "What",
        "How",
        "Why",
        "Once",
        "Again",
        "Going",
        "From",
        "Starting",
        "In",
        "On",
        "At",
        "As",
        "Even",
        "Still",
        "Also",
        "Although",
        "Though",
        "While",
        "Each",
        "Every",
        "A",
        "An",
        "All",
        "Any",
        "Let",
        "Let's",
        "Can",
        "Could",
        "Would",
        "Should",
        "Will",
        "Do",
        "Did",
        "Does",
        "Is",
        "Was",
        "Are",
        "Were",
        "Feedback",
        "Things",
        "Mistakes",
        "Everything",
        "Nothing",
        "Something",
        "Look",
        "Well",
        "Okay",
        "Ok",
    }
)


def _name_at(doc: Doc, pos: int) -> bool:
    """A capitalised word at `pos` that is not a common sentence opener: probably a name."""
    m = _CAPITALISED.match(doc.text, pos)
    if m is None:
        return False
    word = m.group().removesuffix("'s")
    return word not in _NOT_NAMES and word not in _OPENERS


def _names_someone(doc: Doc, clause: Clause) -> bool:
    """Whether the clause mentions someone by name ("Priya lost the chance...")."""
    for m in _CAPITALISED.finditer(doc.text, clause.start, clause.end):
        if m.start() != clause.start:
            if m.group().removesuffix("'s") not in _NOT_NAMES:
                return True
        elif _name_at(doc, m.start()):
            return True
    return False


def _acknowledges(doc: Doc, clause: Clause, faults: Sequence[Hit]) -> bool:
    if _inside((clause.start, clause.end), faults):
        return False
    if any(h.start <= clause.core < h.end for h in faults):
        return False
    if _OTHER_SUBJECT.match(doc.norm, clause.core) or (
        _name_at(doc, clause.core) and re.match(r"[A-Za-z']+\s+[a-z]", doc.text[clause.core :])
    ):
        # "You went quiet", "You raised a fair point": they are the subject of what happened.
        return True
    if _IMPLICIT_IMPACT.match(doc.norm, clause.core) and not re.search(
        r"\bfor (?:me|myself)\b", doc.norm[clause.start : clause.end]
    ):
        return True
    refers = _OTHER.search(doc.norm, clause.start, clause.end) or _names_someone(doc, clause)
    return bool(refers) and _IMPACT.search(doc.norm, clause.start, clause.end) is not None


def _acknowledge(doc: Doc, faults: Sequence[Hit]) -> list[Hit]:
    if any(_acknowledges(doc, clause, faults) for clause in doc.clauses):
        return []
    start, end = _whole(doc)
    return [Hit("missing_acknowledge", "high", start, end, _MSG_NO_ACK)]


def _commit(doc: Doc, existing: Sequence[Hit]) -> list[Hit]:
    found = commitments(doc)
    if not found:
        start, end = _whole(doc)
        return [Hit("missing_commit", "high", start, end, _MSG_NO_COMMIT)]
    if any(c.concrete for c in found):
        return []
    flagged = [h for h in existing if h.category == "vague_commitment"]
    hits: list[Hit] = []
    for c in found:
        if any(h.start <= c.start < h.end for h in flagged):
            continue
        start, end = trimmed_span(doc.text, c.start, c.end)
        message = _MSG_NO_BEHAVIOUR if c.vague else _MSG_NO_OCCASION
        hits.append(Hit("vague_commitment", "high", start, end, message))
    if not hits and not any(h.severity == "high" for h in flagged):
        # Only a hedged commitment ("I'll try to...") and nothing firm alongside it.
        start, end = trimmed_span(doc.text, found[0].start, found[0].end)
        hits.append(Hit("vague_commitment", "high", start, end, _MSG_NO_COMMIT))
    return hits


def section_hits(doc: Doc, section: Section, existing: Sequence[Hit]) -> list[Hit]:
    """The section-level findings for `doc` as the `section` part of a repair."""
    if doc.is_blank():
        category = f"missing_{section}"
        return [Hit(category, "high", 0, 0, _MSG_EMPTY[section])]
    faults = [h for h in existing if h.category in _FAULTS]
    if section == "own":
        return _own(doc, faults)
    if section == "acknowledge":
        return _acknowledge(doc, faults)
    return _commit(doc, existing)


EXAMPLES: tuple[CheckExamples, ...] = (
    CheckExamples(
        id="missing_own.no_act",
        category="missing_own",
        section="own",
        catches=(
            "Things got tense in the meeting.",
            "I feel bad about yesterday.",
            "I'm sorry if I upset you.",
            "I used to think this was fine.",
            "",
        ),
        passes=(
            "I interrupted you twice in the planning meeting.",
            "I noticed you went quiet after my comment about the deadline.",
            "I rang your client directly and told him the quote was wrong.",
            "I used your slides in the board pack without your name on them.",
            "I sold the spare hay to the Morgans without checking with you.",
        ),
    ),
    CheckExamples(
        id="missing_acknowledge.no_impact",
        category="missing_acknowledge",
        section="acknowledge",
        catches=(
            "I feel awful about it and I know I was out of line.",
            "You should have spoken up sooner.",
            "It was a hard week for me too.",
            "",
        ),
        passes=(
            "You went quiet for the rest of the call after I overruled you.",
            "Priya lost the chance to present the work she had spent weeks on.",
            "I imagine it was hard to hear that in front of the residents.",
            "That must have been unsettling, coming back to a timetable that had changed.",
            "An accusation like that, sent without a word to you first, put your reputation at risk.",
            "Three cancellations in a row, and I suspect that's how it landed.",
        ),
    ),
    CheckExamples(
        id="missing_commit.no_commitment",
        category="missing_commit",
        section="commit",
        catches=(
            "Thanks for listening.",
            "I hope this helps.",
            "",
        ),
        passes=(
            "In Thursday's standup, I'll let you finish before I speak.",
            "I'll send the agenda a day early.",
            "From Monday you'll get the rota from me by Thursday noon, not on the day.",
        ),
    ),
    CheckExamples(
        # A commitment with a behaviour but no occasion, or the reverse, is vague here.
        id="vague_commitment.no_occasion",
        category="vague_commitment",
        section="commit",
        catches=(
            "I'll send the agenda a day early.",
            "I'll ask for your view first.",
            "Next week, I'll be more considerate.",
        ),
        passes=(
            "Next Monday, I'll send the agenda a day early.",
            "In each one-on-one, I'll ask for your view before I give mine.",
        ),
    ),
)
