"""What a draft is about: the incident, the act, and who is addressed.

The context checks (repeating the harm, turning on them, handing them the act, judging them,
speaking of them in the third person, claiming what the account never said) all need to
read a section against the leader's own account. This module turns that account into the
few facts they share, once per draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from assistant.guardrails.lexicon import HARM_ACTS, MANNER_OF_HARM, stem, stems

# People a message can be addressed to as a group.
_GROUP_WORDS = frozenset({"team", "everyone", "all", "group", "crew", "staff", "you all", "y'all", "folks"})
# Words that stand for someone else in the story, so "she" in the draft may not be them.
_OTHER_PERSON_NOUNS = (
    r"client|customer|patient|manager|boss|director|ceo|cto|cfo|owner|parent|mother|father|"
    r"student|intern|colleague|supplier|vendor|chef|doctor|nurse|teacher|editor|partner|"
    r"lead|supervisor|head|principal|guest|candidate|contractor|consultant|investor|founder|"
    r"visitor|inspector|auditor|caller|member|friend|wife|husband|agent|officer|donor|worker|volunteer|"
    r"trainee|apprentice|assistant|coordinator|engineer|developer|designer|analyst|clerk|driver|cleaner|"
    r"porter|technician|buyer|tenant|resident|passenger|pupil|child|kid|son|daughter|baby|man|woman|boy|"
    r"girl|lady|chair|councillor|rep|representative|lawyer|solicitor|judge|consultant|registrar|surgeon|"
    r"midwife|carer|receptionist|journalist|reporter|producer|writer|author|artist|player|coach|referee"
)
# The noun must head its phrase: "the vendor said" is a person, "the vendor risk" is not.
_OTHER_PERSON = re.compile(
    rf"\b(?:the|my|our|a|an|his|her|their|your|one)\s+(?:\w+\s+)?(?:{_OTHER_PERSON_NOUNS})s?\b"
    r"(?=\s*[,.;:!?)]|\s*$|\s+(?:who|was|were|is|had|has|said|says|asked|told|came|called|rang|wrote|emailed|"
    r"complained|and|in|at|on|to|from|with|for|of|about|that|when|while|watched|laughed|heard|saw|looked|"
    r"would|could|will|did|didn't|got|sent|left|went|joined|"
    r"kept|made|took|gave|found|mentioned|noticed|replied|answered|phoned|posted|stood|sat|walked)\b)"
)
# Capitalised words that are not people.
_NOT_NAMES = frozenset(
    {
        "i",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "slack",
        "teams",
        "zoom",
        "jira",
        "google",
        "excel",
        "whatsapp",
        "english",
        "q1",
        "q2",
        "q3",
        "q4",
        "ok",
        "okay",
        "hr",
        "it",
        "ceo",
        "cto",
        "cfo",
        "ui",
        "ux",
        "the",
        "a",
        "an",
        "we",
        "my",
        "our",
        "after",
        "before",
        "during",
        "in",
        "on",
        "at",
        "when",
        "then",
        "but",
        "and",
        "so",
        "today",
        "yesterday",
        "last",
        "this",
        "that",
        "ward",
        "team",
    }
)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_ADVERBS = (
    r"(?:(?:just|really|then|also|actually|completely|basically|immediately|quickly|"
    r"suddenly|finally|even|accidentally|kind of|sort of|went and)\s+)*"
)
# The clause runs to the end of the sentence or to the next "I": "I sent back a memo where I
# laugh through her lines" holds two acts.
_REST = r"((?:(?!\bi(?:\s|'))[^.!?;\n])*)"
_FIRST_PERSON_CLAUSE = re.compile(
    r"(?<![\w'])i(?P<aux>'d|'ve| had| have)?\s+" + _ADVERBS + r"([a-z]+)" + _REST
)
# A jotted note leaves the "I" out: "Kept emailing Solveig through the night."
_JOTTED_CLAUSE = re.compile(
    r"(?:^|(?<=[.!?]\s))" + _ADVERBS + r"((?:[a-z]+ed|told|said|sent|took|made|gave|kept|left|cut|"
    r"wrote|went|rang|held|spoke|put|let)\b)" + _REST
)
_ASPECT = frozenset(stems("kept keep ended started began continued carried carry"))
# "I never opened them", "I forgot to book it": the act is what was not done.
_OMISSION = frozenset(stems("never forgot forget failed neglected didn't"))
_PARTICIPLES = frozenset(
    "told said sent taken made given left written cut put let kept held spoken shut set run gone "
    "brought forgotten lost thrown broken sat spent shown hidden stolen overridden rung sold".split()
)
_MEANWHILE = re.compile(r"\b(?:while|whilst|when|as|because|after|before|until|since|though|although)\b")
# "I think", "I was", "I felt": the leader's state, not an act done to them.
_NOT_ACTS = frozenset(
    stems(
        "think thought feel felt believe guess suppose wonder hope know knew am was have had has "
        "can can't cannot don't do did realise realize want wanted need needed would should could might "
        "may will must noticed notice see saw suspect fear worry worried"
    )
)
_QUOTED = re.compile(r"['\"\u2018\u201c]([^'\"\u2019\u201d]{2,60})['\"\u2019\u201d]")
_PREDICATE = re.compile(r"\b(?:was|were|is|are|looked|sounded)\s+(?:\w+\s+)?([a-z]{4,})\b")
# Function words that say nothing about the act itself.
_PLAIN = frozenset(
    stems(
        "the a an and or but so to of in on at for with from by about into over under up down out off "
        "i me my mine you your yours he him his she her hers they them their we us our it its this that "
        "these those was were is are be been being have has had do did does done not no just really "
        "very so too all any some every one two three again then than when while after before during "
        "meeting team time week day today yesterday thing things way "
        "actually also still even much more less most lot lots"
    )
)


def _forms(person: str) -> tuple[str, ...]:
    """Lower-case ways the draft could name them: the full name, its first and last word."""
    words = [w for w in re.findall(r"[\w'-]+", person.lower()) if w not in {"dr", "mr", "mrs", "ms", "prof"}]
    if not words:
        return ()
    forms = {" ".join(words), words[0]}
    if len(words) > 1:
        forms.add(words[-1])
    return tuple(sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class Act:
    """One thing the leader says they did: its verb, and what made it harmful."""

    verb: str
    """Stem of the verb ("cut", "shout", "chang")."""
    harms: tuple[str, ...]
    """Phrases in the account that carry the harm: "without telling", "in front of", quoted words."""
    known_harm: bool
    """The verb phrase is a harm in itself (interrupting, shouting), whatever its object."""
    words: frozenset[str] = frozenset()
    """Content stems of the clause: what was done, to what."""
    omitted: bool = False
    """The act is something not done ("I never answered", "I forgot to book it")."""
    phrase: tuple[str, ...] = ()
    """The clause from the verb on, as `phrase_of` reads it: "held up one finger" -> hold up finger."""


@dataclass(frozen=True)
class Context:
    """The incident, notes and addressee a draft is checked against. Every field may be empty."""

    incident: str = ""
    person: str = ""
    notes: Mapping[str, str] = field(default_factory=dict)
    own: str = ""
    """The draft's own section: where the act is read from when there is no incident."""

    @cached_property
    def incident_norm(self) -> str:
        return self.incident.lower().replace("\u2019", "'")

    @cached_property
    def is_group(self) -> bool:
        return is_group(self.person)

    @cached_property
    def is_individual(self) -> bool:
        return bool(self.person.strip()) and not self.is_group

    @cached_property
    def name_forms(self) -> tuple[str, ...]:
        return _forms(self.person) if self.is_individual else ()

    @cached_property
    def group_forms(self) -> tuple[str, ...]:
        if not self.is_group:
            return ()
        p = self.person.strip().lower()
        # "the night team", not a bare "team": "this team" in a quoted remark is the act itself.
        forms = {p} if p.startswith("the ") else {p, "the " + p}
        return tuple(sorted(forms - {"all", "everyone", "the all", "the everyone"}, key=len, reverse=True))

    @cached_property
    def group_nouns(self) -> tuple[str, ...]:
        """For a group: what the account calls the people the act was done to.

        "I told all the volunteer tutors that their notes were useless" makes "the tutors" in a
        message to the team a way of speaking of them, not to them.
        """
        if not self.is_group:
            return ()
        found = {
            m.group(1)
            for m in _GROUP_OBJECT.finditer(self.incident_norm)
            if not m.group(1).endswith("ss") and m.group(1) not in _NOT_GROUP_NOUNS
        }
        return tuple(sorted(found))

    @cached_property
    def their_verbs(self) -> frozenset[str]:
        """Stems of what the account says they did: "Björn posted…", "she replied…"."""
        subjects = [re.escape(f) for f in self.name_forms] + (
            ["he", "she", "they"] if self.is_individual else ["they"]
        )
        pattern = re.compile(
            r"\b(?:" + "|".join(subjects) + r")(?:'d| had| has| have| then| just| also)?\s+([a-z]+)"
        )
        return frozenset(stem(m.group(1)) for m in pattern.finditer(self.incident_norm))

    @cached_property
    def others_in_story(self) -> bool:
        """True when the account names or describes someone besides them and the leader."""
        names = {m.group().lower() for m in _CAPITALISED.finditer(self.incident)}
        names -= _NOT_NAMES
        names -= set(self.name_forms)
        for form in self.name_forms:
            names -= set(form.split())
        return bool(names) or _OTHER_PERSON.search(self.incident_norm) is not None

    @cached_property
    def support(self) -> frozenset[str]:
        """Word stems of what the leader actually said: the account and the notes."""
        text = " ".join([self.incident_norm, *(str(v).lower() for v in self.notes.values())])
        return frozenset(stems(text))

    @cached_property
    def acts(self) -> tuple[Act, ...]:
        return acts_in(self.incident_norm) or acts_in(self.own.lower())

    @property
    def has_account(self) -> bool:
        return bool(self.incident.strip())


def is_group(person: str) -> bool:
    """True when the repair goes to many people: "the team", "the night shift", "everyone"."""
    p = person.strip().lower()
    return bool(p) and (p.startswith("the ") or p in _GROUP_WORDS or p.split()[-1] in _GROUP_WORDS)


_TITLES = re.compile(r"\b(dr|mr|mrs|ms|prof|st)\.\s")
# The people a leader's act was done to, when they are many: "I snapped at the whole cabin crew".
_GROUP_OBJECT = re.compile(
    r"(?<![\w'])i\s+(?:[a-z]+\s+){1,2}?"
    r"(?:(?:at\s+|to\s+|with\s+)?(?:all\s+(?:of\s+)?(?:the|my|our)|the\s+whole|every\s+one\s+of\s+(?:the|my|our))"
    r"|at\s+(?:the|my|our))\s+"
    r"(?:[a-z]+\s+)?([a-z]+(?:er|or|ist|ant|ent|ee|ian|ic)s|tas|staff|crew|shift|nurses|"
    r"volunteers|interns|trainees|apprentices|colleagues|juniors|seniors|reps|leads|guards|"
    r"chefs|cooks|cleaners|porters|medics|students|pupils|residents|firefighters|agents)\b"
)
_NOT_GROUP_NOUNS = frozenset(
    "notes plans comments results figures numbers minutes hours days weeks months years things "
    "ideas questions changes emails messages slides shifts rotas news was has is does".split()
)


def acts_in(norm: str) -> tuple[Act, ...]:
    """The leader's acts in a lower-cased account: each "I <verb> …" clause."""
    found: list[Act] = []
    norm = _TITLES.sub(r"\1 ", norm)  # "Dr. Sato" must not end the sentence
    matches = [(m, m.group(2), m.group(3)) for m in _FIRST_PERSON_CLAUSE.finditer(norm)]
    if not matches:
        matches = [(m, m.group(1), m.group(2)) for m in _JOTTED_CLAUSE.finditer(norm)]
    for m, head, tail in matches:
        if m.groupdict().get("aux") and not (head.endswith("ed") or head in _PARTICIPLES):
            continue  # "I had a meeting", "I'd rather": no act
        # What the other person was doing meanwhile is not the act: "…while she was presenting".
        clause = _MEANWHILE.split(m.group(0), maxsplit=1)[0]
        verb = stem(head)
        if verb in _NOT_ACTS:
            continue
        rest = tail.split()
        if verb in _ASPECT and rest and rest[0] == "on":
            rest = rest[1:]  # "I carried on truing a wheel"
        if verb in _ASPECT and rest and rest[0].endswith("ing"):
            verb = stem(rest[0])  # "I kept interrupting": the act is the interrupting
        omitted = verb in _OMISSION
        if omitted:
            following = [w for w in rest if w not in ("to", "even", "once", "actually", "properly")]
            if not following:
                continue
            verb = stem(following[0])  # "I forgot to book it": the act left undone is the booking
        # The manner may open the sentence: "In front of the partners, I called…".
        opening = norm[: m.start()].rsplit(".", 1)[-1]
        harms: list[str] = [h.group(0) for h in MANNER_OF_HARM.finditer(opening + " " + clause)]
        harms += [q.group(1).strip() for q in _QUOTED.finditer(clause)]
        harms += [p.group(1) for p in _PREDICATE.finditer(clause) if stem(p.group(1)) not in _PLAIN]
        found.append(
            Act(
                verb,
                tuple(dict.fromkeys(harms)),
                HARM_ACTS.search(clause) is not None,
                frozenset(content_stems(clause)),
                omitted,
                phrase_of(" ".join([verb, *rest])),
            )
        )
    return tuple(found)


# Words that change nothing about which deed a phrase names.
_FILLER = frozenset("a an the one my your his her their our its this that some".split())
_OBJECT_PRONOUNS = frozenset("you him her them me us".split())


def phrase_of(text: str) -> tuple[str, ...]:
    """Stems of a verb phrase without its articles, every object pronoun read as one word."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return tuple("PRON" if w in _OBJECT_PRONOUNS else stem(w) for w in words if w not in _FILLER)


def content_stems(text: str) -> frozenset[str]:
    """Stems of the words in `text` that carry meaning."""
    return frozenset(s for s in stems(text) if s not in _PLAIN and len(s) > 2)
