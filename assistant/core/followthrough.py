"""After the repair: staying open while they answer, and following through on the commitment.

A repair is only believed once the leader behaves differently, so the plan turns the commit
sentence into an action, an occasion and a check-in date. Pure Python: no model, no UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.core.schemas import DEFAULT_DELIVERY

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}
CHECK_IN_DAYS = 7  # without a named occasion, check in within a week
ASK_HOW_IT_FELT = "ask briefly how it felt from their side."
ASK_IF_NOTICED = "ask briefly whether they have noticed a difference."

# Short lines in the project's own words for the moment the other person answers. They keep
# the leader listening instead of explaining, defending or asking to be reassured.
LISTENING_LINES: tuple[str, ...] = (
    "I'm glad you told me.",
    "Say more about that; I want to understand it.",
    "That makes sense. I can see how it landed that way.",
    "I hadn't seen it from your side. What else should I know?",
    "You don't need to make this easier for me. I'm here to listen.",
    "I want to think about that properly. Can we come back to it tomorrow?",
)
HOLD_BACK: tuple[str, ...] = (
    "Let them finish before you explain what you meant; intentions can wait.",
    "If you feel the urge to defend yourself, breathe out and ask a question instead.",
    "Don't ask for forgiveness or reassurance; they owe you neither.",
)
_MEETING_WORDS = (
    r"(?:team\s+)?meeting|1:1|one[- ]on[- ]one|stand-?up|sync|retro(?:spective)?|review|"
    r"critique|planning(?:\s+meeting)?|all-hands|check-in|call|session|demo|workshop|offsite"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>next|this|on|by|before|until)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")(?:'s)?"
    r"(?:\s+(?P<event>(?:\w+\s+){0,2}?(?:" + _MEETING_WORDS + r")))?\b",
    re.IGNORECASE,
)
_NEXT_EVENT = re.compile(
    r"\b(?:the|our|my|your)?\s*next\s+(?P<event>(?:[\w-]+\s+){0,2}?(?:" + _MEETING_WORDS + r"))\b",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    r"\b(?P<word>today|tonight|tomorrow|this (?:morning|afternoon|evening))\b", re.IGNORECASE
)
_WEEK = re.compile(
    r"\b(?P<which>this|next) week\b|\bby the end of the week\b|\bend of (?:the|this) week\b",
    re.IGNORECASE,
)
_WITHIN = re.compile(
    r"\b(?:in|within)\s+(?:the\s+next\s+)?(?P<n>\d+|" + "|".join(_NUMBERS) + r")\s+(?P<unit>days?|weeks?)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:from now on|going forward|every (?:time|week|meeting)|in (?:every|each) \w+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Occasion:
    """When the commitment says the new behaviour will happen."""

    text: str
    when: date | None = None
    ongoing: bool = False


@dataclass(frozen=True)
class FollowThroughPlan:
    """What to do, when, and when to ask how it is going."""

    action: str
    occasion: Occasion | None
    check_in: str
    check_in_date: date | None


def _next_weekday(today: date, weekday: int, *, after_today: bool = True) -> date:
    days = (weekday - today.weekday()) % 7
    if days == 0 and after_today:
        days = 7
    return today + timedelta(days=days)


def find_occasion(commit: str, today: date) -> Occasion | None:
    """The first occasion named in the commitment, with a date when one can be worked out."""
    candidates: list[tuple[int, Occasion]] = []
    if match := _WEEKDAY.search(commit):
        day = WEEKDAYS.index(match.group("day").lower())
        text = match.group(0).strip()
        if (match.group("mod") or "").lower() in {"on", "by", "before", "until", "this"}:
            text = text.split(None, 1)[1] if " " in text else text
        candidates.append((match.start(), Occasion(text, _next_weekday(today, day))))
    if match := _NEXT_EVENT.search(commit):
        candidates.append((match.start(), Occasion("the next " + match.group("event").strip())))
    if match := _RELATIVE_DAY.search(commit):
        word = match.group("word").lower()
        when = today + timedelta(days=1) if word == "tomorrow" else today
        candidates.append((match.start(), Occasion(word, when)))
    if match := _WEEK.search(commit):
        if (match.group("which") or "").lower() == "next":
            when = today + timedelta(days=7 - today.weekday())  # Monday of next week
            text = "next week"
        else:
            when = _next_weekday(today, 4, after_today=False) if today.weekday() <= 4 else today
            text = match.group(0).lower()
        candidates.append((match.start(), Occasion(text, when)))
    if match := _WITHIN.search(commit):
        raw = match.group("n").lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        days = count * (7 if match.group("unit").lower().startswith("week") else 1)
        candidates.append((match.start(), Occasion(match.group(0).lower(), today + timedelta(days=days))))
    if not candidates:
        if match := _ONGOING.search(commit):
            return Occasion(match.group(0).lower(), None, ongoing=True)
        return None
    # A dated occasion beats an undated one; among equals, the earliest mention wins.
    candidates.sort(key=lambda item: (item[1].when is None, item[0]))
    return candidates[0][1]


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B}"


def follow_through_plan(commit: str, today: date | None = None) -> FollowThroughPlan:
    """Build the plan from the commit sentence; without an occasion, check in within a week."""
    today = today or date.today()
    action = " ".join(commit.split())
    occasion = find_occasion(action, today) if action else None
    if occasion is not None and occasion.when is not None:
        check_date = occasion.when + timedelta(days=1)
        check_in = f"{_day(check_date)}, the day after {occasion.text}: {ASK_HOW_IT_FELT}"
    elif occasion is not None and not occasion.ongoing:
        check_date = None
        check_in = f"Right after {occasion.text}: {ASK_HOW_IT_FELT}"
    else:
        check_date = today + timedelta(days=CHECK_IN_DAYS)
        check_in = f"Within a week, by {_day(check_date)}: {ASK_IF_NOTICED}"
    return FollowThroughPlan(action=action, occasion=occasion, check_in=check_in, check_in_date=check_date)


def plan_markdown(plan: FollowThroughPlan) -> str:
    """The plan as a short checklist the leader can copy into a calendar."""
    if not plan.action:
        return "Write the **commit** section first: the plan is built from what you promise to do."
    if plan.occasion is None:
        when = (
            'Your commitment names no occasion. Add one (for example "at our next one-on-one") '
            "so both of you can tell whether it happened."
        )
    elif plan.occasion.when is not None:
        when = f"{plan.occasion.text} ({_day(plan.occasion.when)})."
    else:
        when = f"{plan.occasion.text[0].upper()}{plan.occasion.text[1:]}."
    return "\n".join(
        [
            f"- **What to do:** {plan.action}",
            f"- **When:** {when}",
            f"- **Check in:** {plan.check_in}",
            "- **Keep it going:** put both dates in your calendar now; trust comes back through "
            "doing this consistently, not through the apology itself.",
        ]
    )


def listening_markdown(delivery: str = DEFAULT_DELIVERY) -> str:
    """Lines for staying open while the other person answers (in person or in writing)."""
    intro = (
        "While they answer, listen more than you speak. A few lines that keep you open:"
        if delivery == "in_person"
        else "When they reply, take it in before you answer. A few lines that keep you open:"
    )
    lines = [intro, ""] + [f"- \u201c{line}\u201d" for line in LISTENING_LINES]
    lines += ["", "What to hold back:", ""] + [f"- {line}" for line in HOLD_BACK]
    return "\n".join(lines)
