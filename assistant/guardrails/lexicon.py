"""The words the guardrails share: apologies, pronouns, degree words, feelings, conduct, days.

Each list is plain words, in one place, so a contributor adds a word once. Patterns are built
from them with `alt()`; where a check deliberately uses less than a whole list, it says so at
the point of use with `without()` or `forms(..., only=...)`, so the difference stays visible.
Adding a word to a list changes every check that uses it: run the guardrail eval before and
after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, NamedTuple

Form = Literal["base", "third", "past", "participle", "ing"]


def alt(*groups: Iterable[str]) -> str:
    """A non-capturing alternation of the words, in the order given: "(?:a|b|c)".

    Words are literal text (spaces, apostrophes and hyphens included), never regex syntax.
    """
    words = [re.escape(word) for group in groups for word in group]
    return "(?:" + "|".join(words) + ")"


def without(words: Iterable[str], *dropped: str) -> tuple[str, ...]:
    """`words` minus `dropped`, keeping the order."""
    kept = tuple(words)
    # A dropped word that is not in the list is a typo that would silently do nothing.
    unknown = sorted(set(dropped) - set(kept))
    if unknown:
        raise ValueError(f"not in the list: {unknown}")
    return tuple(w for w in kept if w not in dropped)


class Verb(NamedTuple):
    """A verb (or phrasal verb) with the inflections the patterns need."""

    base: str
    third: str
    past: str
    participle: str
    ing: str

    @property
    def all_forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self))


def forms(verbs: Iterable[Verb], form: Form, only: Iterable[str] | None = None) -> tuple[str, ...]:
    """One inflection of each verb, or of the verbs named (by base form) in `only`."""
    verbs = tuple(verbs)
    if only is not None:
        wanted = tuple(only)
        by_base = {v.base: v for v in verbs}
        missing = [b for b in wanted if b not in by_base]
        if missing:
            raise ValueError(f"not in the list: {missing}")
        verbs = tuple(by_base[b] for b in wanted)
    return tuple(dict.fromkeys(getattr(v, form) for v in verbs))


# ----------------------------------------------------------------------------- apologies

# Words that say sorry. "Regret" and the nouns open an apology too, but not every pattern
# reads them the same way.
SORRY_WORDS: tuple[str, ...] = ("sorry", "apologise", "apologize")
APOLOGY_WORDS: tuple[str, ...] = (*SORRY_WORDS, "apologies", "apology", "regret")
APOLOGISE: tuple[Verb, ...] = (
    Verb("apologise", "apologises", "apologised", "apologised", "apologising"),
    Verb("apologize", "apologizes", "apologized", "apologized", "apologizing"),
)

# ----------------------------------------------------------------------------- pronouns

# Each person with its contracted forms after the plain one: in a pattern that ends at a word
# boundary the plain form already matches inside the contraction ("you" in "you're").
I_FORMS: tuple[str, ...] = ("i", "i'm", "i've", "i'd", "i'll")
YOU_FORMS: tuple[str, ...] = ("you", "you're", "you've", "you'd", "you'll")
WE_FORMS: tuple[str, ...] = ("we", "we're", "we've", "we'd", "we'll")
THEY_FORMS: tuple[str, ...] = ("they", "they're", "they've", "they'd", "they'll")
HE_SHE: tuple[str, ...] = ("he", "she")
# Unnamed people a conditional apology can point at ("sorry if anyone was offended").
SOMEONE: tuple[str, ...] = ("anyone", "anybody", "someone", "somebody", "people")

# ----------------------------------------------------------------------------- degree

# Words that inflate a feeling or an apology ("so very sorry", "really upset").
INTENSIFIERS: tuple[str, ...] = (
    "so",
    "really",
    "very",
    "terribly",
    "truly",
    "deeply",
    "incredibly",
    "awfully",
    "extremely",
)
# Words that soften a description without changing it ("a bit sharp", "kind of tense").
SOFTENERS: tuple[str, ...] = ("a bit", "a little", "kind of", "sort of")

# ----------------------------------------------------------------------------- feelings

# Anger words, the ones a leader asks to be told the other person no longer feels.
ANGER: tuple[str, ...] = ("mad", "angry", "upset", "cross", "annoyed")
# How the other person may have felt after the act.
HURT_FEELINGS: tuple[str, ...] = (
    *ANGER,
    "offended",
    "hurt",
    "bothered",
    "uncomfortable",
    "frustrated",
    "disappointed",
    "sad",
    "triggered",
    "insulted",
    "unhappy",
    "dismissed",
    "embarrassed",
    "confused",
    "miffed",
    "irritated",
    "slighted",
    "attacked",
    "disrespected",
    "unheard",
    "unseen",
    "undermined",
    "belittled",
    "excluded",
    "stung",
    "wounded",
)

# Being worn down: offered as a reason for the act, never an act itself.
STRAIN: tuple[str, ...] = (
    "stressed",
    "exhausted",
    "tired",
    "swamped",
    "overwhelmed",
    "distracted",
    "frustrated",
    "pressured",
)

# ----------------------------------------------------------------------------- conduct

# How the leader's manner was sharp ("I was curt", "my reply was abrupt").
SHARP_WORDS: tuple[str, ...] = ("sharp", "harsh", "abrupt", "short", "curt", "dismissive", "rude")

# Things a leader does to a person in the moment of a rupture.
CONDUCT_VERBS: tuple[Verb, ...] = (
    Verb("snap", "snaps", "snapped", "snapped", "snapping"),
    Verb("yell", "yells", "yelled", "yelled", "yelling"),
    Verb("shout", "shouts", "shouted", "shouted", "shouting"),
    Verb("interrupt", "interrupts", "interrupted", "interrupted", "interrupting"),
    Verb("talk over", "talks over", "talked over", "talked over", "talking over"),
    Verb("speak over", "speaks over", "spoke over", "spoken over", "speaking over"),
    Verb("dismiss", "dismisses", "dismissed", "dismissed", "dismissing"),
    Verb("brush", "brushes", "brushed", "brushed", "brushing"),
    Verb("sigh", "sighs", "sighed", "sighed", "sighing"),
    Verb("push", "pushes", "pushed", "pushed", "pushing"),
    Verb("bark", "barks", "barked", "barked", "barking"),
    Verb("swear", "swears", "swore", "sworn", "swearing"),
    Verb("criticise", "criticises", "criticised", "criticised", "criticising"),
    Verb("criticize", "criticizes", "criticized", "criticized", "criticizing"),
    Verb("embarrass", "embarrasses", "embarrassed", "embarrassed", "embarrassing"),
    Verb("overrule", "overrules", "overruled", "overruled", "overruling"),
    Verb("ignore", "ignores", "ignored", "ignored", "ignoring"),
)

# ----------------------------------------------------------------------------- time

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS: tuple[str, ...] = (
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
)
# Short month names as they are written in dates ("3 Dec"); "may" is already whole. The month's
# number comes from its first three letters, so "sept" is September.
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
# Days named from today, and the parts of today ("this afternoon").
RELATIVE_DAYS: tuple[str, ...] = ("today", "tonight", "tomorrow")
DAY_PARTS: tuple[str, ...] = ("morning", "afternoon", "evening")
# Counts written as words ("within two weeks"); each word's value is its place in the list.
NUMBER_WORDS: tuple[str, ...] = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
# The meetings and calls a commitment can be tied to ("at our next one-on-one", "in every review").
MEETINGS: tuple[str, ...] = (
    "meeting",
    "standup",
    "stand-up",
    "one-on-one",
    "one on one",
    "1:1",
    "1-on-1",
    "one-to-one",
    "review",
    "retro",
    "retrospective",
    "sync",
    "check-in",
    "call",
    "huddle",
    "planning",
    "session",
    "demo",
    "workshop",
    "offsite",
    "all-hands",
    "critique",
)
# Words that make a commitment a standing habit rather than a one-off.
RECURRING: tuple[str, ...] = ("daily", "weekly", "fortnightly", "biweekly", "monthly")
FROM_NOW_ON: tuple[str, ...] = ("from now on", "going forward", "from here on")


# -- For the checks that read a draft against the incident -------------------------------
# Acts that hurt whatever their object, the manner that made an act hurt, feelings and what
# people do afterwards, and a crude stemmer to compare a draft's words with the account's.

# Verb phrases that are a harm whatever their object. Stems with \w* take every inflection.
HARM_ACT_PHRASES: tuple[str, ...] = (
    r"interrupt\w*",
    r"cut(?:s|ting)? (?:\w+ ){0,2}?(?:off|in|short)\b",
    r"(?:talk|speak|spoke)\w* over",
    r"shout\w*",
    r"yell\w*",
    r"scream\w*",
    r"snap(?:s|ped|ping)?\b",
    r"bark\w* at",
    r"lash\w* out",
    r"rais\w* my voice",
    r"los\w* my temper",
    r"lost my temper",
    r"mock\w*",
    r"ridicul\w*",
    r"belittl\w*",
    r"humiliat\w*",
    r"embarrass\w* (?:you|them|him|her)",
    r"make fun",
    r"made fun",
    r"making fun",
    r"laugh\w* at (?:you|them|him|her)",
    r"sneer\w*",
    r"roll\w* my eyes",
    r"eye-?roll\w*",
    r"dismiss(?:ed|es|ing)?\b",
    r"brush\w* (?:\w+ )?off",
    r"wave\w* (?:\w+ )?off",
    r"(?:shoot|shot)\w* (?:\w+ ){0,2}?down",
    r"ignor\w*",
    r"exclud\w*",
    r"(?:leav\w*|left) (?:you|them|him|her) out",
    r"snub\w*",
    r"freez\w* (?:\w+ )?out",
    r"froze (?:\w+ )?out",
    r"criticis\w*",
    r"criticiz\w*",
    r"call\w* (?:you|them|him|her) out",
    r"blam\w*",
    r"scold\w*",
    r"berat\w*",
    r"swear\w* at",
    r"swore at",
    r"curs\w* at",
    r"(?:tell|told|telling) (?:you|them|him|her) off",
    r"put\w* (?:you|them|him|her) down",
    r"single\w* (?:you|them|him|her) out",
    r"undermin\w*",
    r"overrul\w*",
    r"overr(?:ide|ode|idden|iding)\b",
    r"micromanag\w*",
    r"(?:take|took|taking|takes) (?:the )?credit",
    r"talk\w* down to",
    r"go(?:ing|es)? over your head",
    r"went over your head",
    r"sarcas\w*",
    r"threaten\w*",
    r"insult\w*",
    r"hang\w* up on",
    r"hung up on",
    r"storm\w* out",
    r"slam\w*",
)
HARM_ACTS = re.compile(r"\b(?:" + "|".join(HARM_ACT_PHRASES) + r")")

# The manner that made an ordinary act hurt: behind their back, without asking, in public.
MANNER_PHRASES: tuple[str, ...] = (
    r"without (?:\w+ )?(?:permission|input|agreement|consent|asking|telling|consulting|checking|"
    r"warning|notice|a word|talking|discussing|involving|including|letting)",
    r"behind (?:your|their|his|her) back",
    r"in front of (?:\w+ ){0,2}?(?:everyone|team|group|room|class|"
    r"others|client|clients|staff|students|crew|board|whole \w+|customers|patients|people)",
    r"on (?:a )?(?:friday|saturday|sunday) (?:night|evening)",
    r"at (?:\d+|midnight) ?(?:pm|am)?\b",
    r"publicly",
    r"in public",
    r"over the (?:\w+ )?(?:radio|tannoy|intercom)",
    r"on the (?:\w+ )?(?:radio|tannoy)",
    r"in the (?:\w+ )?(?:channel|group chat|group|all-hands|huddle)",
)
# Words that put a promised act in front of others again.
PUBLICLY = re.compile(
    r"\b(?:in front of|right there|so everyone|everyone (?:can|will|knows|hears|sees)|the whole (?:team|crew|room|floor|group)|"
    r"out loud|publicly|in public|on the floor|(?:open|site|the) radio|over the tannoy|in the (?:\w+ )?(?:channel|chat)|"
    r"to the (?:team|room|group|whole)|all-hands|for everyone)\b"
)
MANNER_OF_HARM = re.compile(r"\b(?:" + "|".join(MANNER_PHRASES) + r")")

# A manner that hurts whatever the act: promised, it is the harm again.
ALWAYS_HARMFUL = re.compile(
    r"\bwithout (?:\w+ )?(?:permission|consent|asking|telling|consulting|checking with|warning|a word|"
    r"involving|letting (?:you|them|anyone) know)|\bbehind (?:your|their|his|her) back"
    r"|\bgo(?:ing)? (?:a)?round (?:you|them|him|her)\b|\bover (?:your|their|his|her) heads?\b"
)

FEELINGS: tuple[str, ...] = (
    "upset",
    "hurt",
    "humiliated",
    "embarrassed",
    "angry",
    "furious",
    "livid",
    "frustrated",
    "annoyed",
    "devastated",
    "crushed",
    "ashamed",
    "anxious",
    "scared",
    "afraid",
    "terrified",
    "stressed",
    "demoralised",
    "demoralized",
    "disrespected",
    "betrayed",
    "insulted",
    "offended",
    "shocked",
    "sad",
    "miserable",
    "happy",
    "pleased",
    "disappointed",
    "heartbroken",
    "worried",
    "nervous",
    "belittled",
    "rattled",
    "shaken",
    "mortified",
    "resentful",
    "overwhelmed",
    "confused",
    "uncomfortable",
    "unhappy",
    "distressed",
    "humiliation",
    "small",
    "stupid",
    "worthless",
    "useless",
    "invisible",
    "unheard",
    "ignored",
    "dismissed",
    "undermined",
    "unvalued",
    "undervalued",
    "unappreciated",
    "disheartened",
    "discouraged",
    "hopeless",
    "deflated",
    "gutted",
    "mad",
    "bitter",
    "jealous",
    "exposed",
    "isolated",
    "excluded",
    "blindsided",
    "panicked",
    "tearful",
    "broken",
    "wounded",
    "insecure",
    "awful",
    "terrible",
    "horrible",
    "lonely",
    "powerless",
    "helpless",
    "sick",
    "exhausted",
    "burned out",
    "burnt out",
    "threatened",
    "pushed out",
    "unsafe",
    "trapped",
    "drained",
    "singled out",
    "shamed",
    "picked on",
    "cornered",
    "disillusioned",
    "fed up",
    "sidelined",
)
FEELING = r"(?:" + "|".join(sorted(FEELINGS, key=len, reverse=True)) + r")"

# Things they might have done afterwards that only the leader's account can vouch for.
AFTERMATH_PHRASES: tuple[str, ...] = (
    r"cried",
    r"cry(?:ing)?",
    r"(?:were|was) (?:in|close to|near) tears",
    r"burst into tears",
    r"left the (?:meeting|room|call|office|building|site|chat)",
    r"walked out",
    r"stormed out",
    r"went home",
    r"quit",
    r"resigned",
    r"complained",
    r"reported (?:me|it|this)",
    r"(?:couldn't|could not|didn't|did not) sleep",
    r"lost sleep",
    r"took (?:the|a) (?:day|afternoon) off",
    r"called in sick",
    r"stopped (?:talking|speaking|replying)",
    r"went (?:quiet|silent)",
    r"shut down",
    r"withdrew",
    r"avoided me",
    r"had to leave",
    r"told (?:everyone|the others|hr|your \w+)",
    r"(?:started|began) looking for (?:another|a new) job",
    r"(?:been|started|began) looking (?:at|for) \w+",
    r"skipped",
    r"applied for",
    r"filed",
    r"(?:had|have|'ve) given up",
    r"gave up",
    r"stopped \w+ing",
    r"(?:has|have|'ve|had) stopped",
    r"(?:haven't|hasn't|have not|has not) (?:wanted|been|spoken|said|come)",
    r"lost (?:all |any |some )?(?:confidence|faith|trust|sleep|heart|interest|respect)",
    r"(?:has|have) lost",
    r"went home \w+",
    r"left thinking",
    r"(?:are|is|'re) (?:now )?behind",
    r"(?:had|have) to cancel",
    r"cancelled your",
    r"(?:had|have) to stay late",
    r"stayed late",
    r"worked (?:late|through|all night|a double)",
    r"(?:don't|doesn't|do not|does not) (?:value|trust|respect|believe)",
)
AFTERMATH = r"(?:" + "|".join(AFTERMATH_PHRASES) + r")"

_IRREGULAR = {
    "told": "tell",
    "said": "say",
    "spoke": "speak",
    "spoken": "speak",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "made": "make",
    "left": "leave",
    "sent": "send",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "broke": "break",
    "broken": "break",
    "forgot": "forget",
    "shot": "shoot",
    "overrode": "overrid",
    "brought": "bring",
    "kept": "keep",
    "went": "go",
    "got": "get",
    "lost": "lose",
    "held": "hold",
    "read": "read",
    "rewrote": "rewrite",
    "rewritten": "rewrite",
    "bumped": "bump",
    "threw": "throw",
    "thrown": "throw",
    "hung": "hang",
    "froze": "freez",
    "swore": "swear",
    "cried": "cry",
    "tears": "tear",
    "teary": "tear",
    "tearful": "tear",
    "felt": "feel",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "did": "do",
    "done": "do",
    "ate": "eat",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "came": "come",
    "sat": "sit",
    "stood": "stand",
    "humiliation": "humiliat",
    "embarrassment": "embarrass",
    "anger": "angr",
    "quietly": "quiet",
    "silence": "silent",
    "silently": "silent",
    "upsetting": "upset",
    "cutting": "cut",
    "cancelled": "cancel",
    "cancelling": "cancel",
    "canceled": "cancel",
    "canceling": "cancel",
    "rang": "ring",
    "sold": "sell",
    "paid": "pay",
    "caught": "catch",
    "bought": "buy",
    "laid": "lay",
    "going": "go",
}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem that puts inflections of one word together ("snapped", "snapping" → "snap")."""
    w = word.lower().replace("\u2019", "'")
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    else:
        w = w.removesuffix("'s")
        for suffix in ("ingly", "edly", "ing", "ed", "es", "ly", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith("ss")):
                w = w[: -len(suffix)]
                break
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
            w = w[:-1]  # snapp -> snap, but keep "dismiss", "small"
        if len(w) > 3 and w.endswith("i"):
            w = w[:-1] + "y"  # cri(ed) -> cry
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # "joke" and "joked" both -> "jok"
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'"))]
