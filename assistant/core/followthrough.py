"""After the repair: staying open while they answer, and following through on the commitment.

A repair is only believed once the leader behaves differently, so the plan turns the commit
sentence into an action, an occasion and a check-in date. Pure Python: no model, no UI.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assistant.core.schemas import DEFAULT_DELIVERY
from assistant.guardrails.lexicon import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, WEEKDAYS
from assistant.guardrails.text import Doc, trimmed_span
from assistant.guardrails.vague_commitment import HABIT_MARKER, OccasionForm, commitments, occasion_mentions

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


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    return 1 if word in ("a", "an") else NUMBER_WORDS.index(word) + 1


def _month(word: str) -> int:
    return next(i for i, name in enumerate(MONTHS, start=1) if name.startswith(word[:3]))


def _dated(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 30 February, 31 April
        return None


def _calendar_date(today: date, month: int, day: int, year: int | None) -> date | None:
    """That date in the year given, else the next one on or after today."""
    if year is not None:
        return _dated(year, month, day)
    for y in range(today.year, today.year + 9):  # 29 February comes round within eight years
        when = _dated(y, month, day)
        if when is not None and when >= today:
            return when
    return None


def _day_of_month(today: date, day: int) -> date | None:
    """The next such day of a month ("by the 15th") on or after today."""
    for ahead in range(24):
        year, month = divmod(today.month - 1 + ahead, 12)
        when = _dated(today.year + year, month + 1, day)
        if when is not None and when >= today:
            return when
    return None


def _add_months(today: date, months: int) -> date:
    year, month = divmod(today.month - 1 + months, 12)
    year += today.year
    return date(year, month + 1, min(today.day, monthrange(year, month + 1)[1]))


def _add_working_days(today: date, days: int) -> date:
    when = today
    while days > 0:
        when += timedelta(days=1)
        days -= when.weekday() < 5
    return when


def _friday(today: date) -> date:
    """The Friday of this week (today at the weekend)."""
    return _next_weekday(today, 4, after_today=False) if today.weekday() <= 4 else today


def _date_of(form: OccasionForm, m: re.Match[str], today: date) -> date | None:
    """The day the occasion falls on, when it can be worked out from the words."""
    name = form.name
    if form.kind == "time":
        return today
    if name == "weekday":
        return _next_weekday(today, WEEKDAYS.index(m["day"]))
    if name in ("day_month", "month_day"):
        year = int(m["year"]) if m["year"] else None
        return _calendar_date(today, _month(m["month"]), int(m["day"]), year)
    if name == "day_of_month":
        return _day_of_month(today, int(m["day"]))
    if name == "relative_day":
        return today + timedelta(days=1) if m["word"] == "tomorrow" else today
    next_monday = today + timedelta(days=7 - today.weekday())
    if name == "week":
        return next_monday if m["which"] == "next" else _friday(today)
    if name == "end_of_week":
        return next_monday + timedelta(days=4) if m["which"] == "next" else _friday(today)
    if name == "in_days":
        count, unit = _count(m["n"]), m["unit"]
        if unit == "hour":
            return today + timedelta(days=count // 24)
        if unit == "month":
            return _add_months(today, count)
        if unit == "day" and m["working"]:
            return _add_working_days(today, count)
        return today + timedelta(days=count * (7 if unit == "week" else 1))
    return None


# Forms that open a clause: their text runs to the end of it ("each time someone raises a risk").
_CLAUSE_FORMS = frozenset({"condition", "if", "once", "whenever", "next_time"})
# Forms whose text drops the preposition: "at every standup" is "every standup", "by the 15th" "the 15th".
_AFTER_PREPOSITION = frozenset({"at_meeting", "meetings", "day_of_month"})
_PROPER = frozenset({*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS})


def _text(doc: Doc, form: OccasionForm, m: re.Match[str], markers: list[int]) -> str:
    """The occasion in the leader's own words, as it reads after "When:" or "the day after"."""
    if form.name == "next_event":
        return "the next " + doc.text[m.start("event") : m.end("event")]
    start, end = m.start(), m.end()
    if form.name == "weekday" and m["mod"] in ("on", "by", "before", "until", "till", "this"):
        start = m.start("day")
    elif form.name in _AFTER_PREPOSITION:
        start += len(m.group().split(None, 1)[0])
    elif form.name in _CLAUSE_FORMS:
        # On to the end of the clause, or to the commitment when no comma comes first.
        end = min([doc.clause_at(start).end, *(p for p in markers if p >= m.end())])
    start, end = trimmed_span(doc.text, start, end)
    text = doc.text[start:end]
    first = text.split(None, 1)[0].lower().removesuffix("'s").rstrip(".") if text else ""
    proper = first in _PROPER or first.removesuffix("s") in _PROPER  # "Thursday's", "Mondays"
    return text if proper else text[:1].lower() + text[1:]


def find_occasion(commit: str, today: date) -> Occasion | None:
    """The occasion named in the commitment, with a date when one can be worked out.

    Whether there is one at all is the vague-commitment check's call (`occasion_mentions`), so
    the plan and the check never disagree. A named day beats a time of day, which beats "the
    next ...", which beats the rest; among equals the earliest mention wins. The occasion is
    ongoing when it recurs ("at every standup", "from now on, before I decide"), or when all it
    names is a condition ("if I disagree with a decision").
    """
    doc = Doc(commit)
    mentions = occasion_mentions(doc.norm)
    if not mentions:
        return None
    markers = sorted(c.start for c in commitments(doc))
    candidates: list[tuple[int, int, Occasion]] = []
    for form, m in mentions:
        when = _date_of(form, m, today)
        rank = 0 if when and form.kind == "date" else 1 if when else 2 if form.kind == "next" else 3
        candidates.append((rank, m.start(), Occasion(_text(doc, form, m, markers), when)))
    rank, _, best = min(candidates, key=lambda c: (c[0], c[1]))
    kinds = {form.kind for form, _ in mentions}
    habit = "habit" in kinds or HABIT_MARKER.search(doc.norm) is not None
    return replace(best, ongoing=habit or (rank == 3 and "condition" in kinds))


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
