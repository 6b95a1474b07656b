"""judging_them: the acknowledgement rates them instead of naming what it did to them.

"You were a great sport about it", "you are the best person to…", "you didn't make it clear":
praise and criticism both put the leader in the judge's seat, where the acknowledgement should
say what the act cost the other person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.core.schemas import Section
from assistant.guardrails.base import Hit, denied
from assistant.guardrails.context import Context
from assistant.guardrails.text import Doc, trimmed_span

CATEGORY = "judging_them"
MESSAGE = (
    "This rates them (praise or criticism) instead of naming the impact on them. Say what your "
    "act meant for them: what they lost, had to do, or could not do."
)
_DEGREE = r"(?:(?:so|very|really|such|always|incredibly|quite|too|a bit|a little|extremely|truly|being|such a|a|an|the|very much|clearly|genuinely|pretty)\s+)*"
_VERDICTS = (
    r"great|good|amazing|brilliant|fantastic|excellent|wonderful|awesome|gracious|professional|patient|"
    r"understanding|mature|strong|resilient|tough|calm|composed|sport|star|trooper|champ|rock|best|perfect|"
    r"lovely|kind|generous|big about it|cool about it|fine about it|asset|team player|pro|hero|legend|"
    r"wrong|unclear|vague|lazy|careless|sloppy|slow|rude|difficult|defensive|emotional|oversensitive|"
    r"sensitive|dramatic|unprepared|unprofessional|disorgani[sz]ed|negative|aggressive|stubborn|"
    r"inexperienced|incompetent|weak|hard to work with|in the wrong|to blame|at fault|overreacting|"
    r"not clear|not prepared|not ready|not listening|not specific|confusing|right person|only person|"
    r"best person|right one|best one|perfect person|dedicated|capable|organi[sz]ed|careful|dependable|reliable|"
    r"hard-?working|talented|skilled|smart|clever|sharp|gifted|valuable|committed|conscientious|competent|"
    r"bright|thoughtful|diligent|solid|impressive|exceptional|outstanding|inspiring|admirable|a credit|"
    r"honest|brave|courageous|overthinking|lying|the worst|a better \w+|a serious \w+|a leader|"
    r"(?:one of )?the (?:best|most \w+|\w+est)\b|nothing but \w+"
)
# Praise or verdicts that sit beside an impact: "…and you stayed calm in a way I respect".
_PRAISE = re.compile(
    r"\b(?:professionalism|grace|maturity|patience|composure|calm|poise|dignity|restraint)\s+(?:that\s+)?i\s+(?:really\s+|truly\s+|genuinely\s+)?(?:admire|respect|appreciate)"
    r"|\bin a way (?:that )?i (?:really |truly )?(?:admire|respect)|\bsays a lot about you"
    r"|\bi (?:really |truly |genuinely )?(?:admire|respect) (?:how|that|the way) you"
    r"|\byou (?:took|handled|carried|dealt with|managed) (?:it|that|this|the \w+) (?:better|well|with|like)"
    r"|\byou stayed (?:so |completely |totally |really )?(?:calm|professional|composed|gracious|positive|cool|polite|patient)"
    r"|\byour \w+(?: \w+)? (?:have|has) (?:come on|improved|got better)"
    r"|\byour \w+ (?:is|are|was|were) (?:easily |honestly )?(?:the best|one of the best|the strongest|excellent|brilliant|superb)"
    r"|\b(?:one of )?the (?:sharpest|best|strongest|finest|cleverest|smartest) (?:pieces? of work|work|\w+)(?: \w+)? (?:i've|i have|i've ever|i have ever) seen"
    r"|\b(?:wasn't|was not|isn't|is not) your (?:strongest|best|finest)"
    r"|\byour \w+ (?:did|does|do) (?:need|lack)|\b(?:needs|need|needed) tightening"
    r"|\bfor someone at your level|\byou'd have done a better job|\byou would have done a better job"
    r"|\b(?:after|for) doing (?:such )?(?:an? )?(?:amazing|great|brilliant|excellent|fantastic|superb) job"
    r"|\bfar too \w+(?: a| an)? \w* ?to deserve|\byou(?:'re| are) (?:all )?(?:far |much |so )(?:more )?\w+ than"
    r"|\b(?:give|giving) you credit for being|\byou(?:'re| are) usually so \w+"
    r"|\byou have to know\b|\byou(?:'ve| have) made a mistake|\byou were not willing"
    r"|\bwhich (?:surprised|disappointed) me"
    r"|\byou (?:lied|were lying|are lying)|\byou(?:'re| are) the one (?:who|that)\b"
    r"|\b(?:wasn't|was not|weren't|were not|isn't|is not) (?:being )?honest\b|\bnot a good (?:candidate|fit|choice|match)"
    r"|\byour (?:mistakes|negative \w+|failings|shortcomings|errors)\b|\b(?:done|did|doing) (?:so |very |really )?poorly"
)
# "I told you your answer was wrong": the act reported, not a verdict given now.
_REPORTED = re.compile(r"\b(?:told|said|called|telling|saying|calling|wrote|commented)\b[^.!?]*$")
# What a verdict on their work sounds like; "your tone was calm" is a description, not a rating.
_WORK_VERDICTS = (
    r"lazy|careless|sloppy|slow|unclear|vague|weak|poor|wrong|confusing|messy|unreadable|amateur|"
    r"great|excellent|brilliant|amazing|perfect|the best|fantastic|superb|impressive|outstanding"
)
_JUDGE = re.compile(
    rf"\byou(?:'re| are| were|'ve been| have been| seemed| seem| looked| acted)(?: all| usually| always| being)?\s+{_DEGREE}(?:{_VERDICTS})\b"
    rf"|\byou (?:handled|took|managed|dealt with|carried) (?:it|that|this|everything|the situation|the news)"
    rf"(?: \w+)? (?:so |really |very )?(?:well|gracefully|graciously|brilliantly|professionally|calmly|like a pro|"
    rf"in (?:your )?stride|on the chin|badly|poorly|personally)"
    rf"|\byou did (?:such )?(?:a |an )?(?:great|good|fine|brilliant|amazing|excellent|poor|bad|terrible) job"
    rf"|\byou (?:did not|didn't|failed to|forgot to|never) (?:make (?:it|this|that|yourself) clear|explain|"
    rf"communicate|prepare|listen|speak up|flag|say so|tell me)"
    rf"|(?<!about )(?<!of )(?<!on )(?<!with )\byour (?:words|work|plan|email|message|answer|question|idea|proposal|report|presentation|code|draft|"
    rf"tone|attitude|performance|effort|reaction|response|behaviou?r|point) (?:was|were|is|are|sounded|seemed) "
    rf"{_DEGREE}(?:{_WORK_VERDICTS}|less \w+|more \w+|not \w+)\b"
    rf"|\bthank(?:s| you) for being {_DEGREE}(?:{_VERDICTS}|so \w+|such a \w+)\b"
)
CATCHES: tuple[tuple[Section, str], ...] = (
    ("acknowledge", "You are the best person to tell her not to do it again."),
    ("acknowledge", "You were a great sport about it."),
    ("acknowledge", "That left you with a few questions to answer and your words were less personal."),
    ("acknowledge", "You did not make it clear that you were working on the project, and I was shocked."),
    ("acknowledge", "You handled it so professionally, as always."),
)
PASSES: tuple[tuple[Section, str], ...] = (
    ("acknowledge", "You were put on the spot in front of the team and didn't get to finish."),
    ("acknowledge", "Your point was a fair one, and I talked over it."),
    ("acknowledge", "I'm not saying you were wrong to raise it; you were right to."),
    ("acknowledge", "You had to rework the plan over the weekend."),
)


def hits(doc: Doc, section: Section | None, ctx: Context) -> Iterator[Hit]:
    for m in [*_JUDGE.finditer(doc.norm), *_PRAISE.finditer(doc.norm)]:
        if denied(doc, m.start()) or re.search(
            r"\b(?:not|never)\b[^.!?,]{0,25}$", doc.clause_prefix(m.start())
        ):
            continue
        if m.group(0).startswith("your") and _REPORTED.search(doc.sentence_prefix(m.start())):
            continue
        start, end = trimmed_span(doc.text, m.start(), m.end())
        yield Hit(CATEGORY, "medium", start, end, MESSAGE)
