"""A commitment's dates as an iCalendar file (RFC 5545), for any calendar app, offline.

Written with the `icalendar` library rather than by hand. Nothing about the incident goes in:
the events carry only the title the leader chose (by default "Check in with {person}") and
the dates, each with a reminder on the morning of the day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event

PRODUCT = "-//repair-assistant//follow-through//EN"
# All-day events start at midnight; the reminder comes at nine that morning.
REMINDER_AFTER_START = timedelta(hours=9)


@dataclass(frozen=True)
class CalendarDates:
    """What goes into the file: who it is about, and the two dates (either may be missing)."""

    person: str
    due: date | None
    check_in: date | None


def default_title(person: str) -> str:
    who = person.strip()
    if not who or who.lower() in {"the team", "team"}:
        return "Check in with the team" if who else "Check in"
    return f"Check in with {who}"


def _event(summary: str, day: date, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@repair-assistant.invalid")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", REMINDER_AFTER_START)
    event.add_component(alarm)
    return event


def calendar_file(dates: CalendarDates, title: str | None = None, *, now: datetime | None = None) -> bytes:
    """The .ics bytes: the check-in, and the occasion itself when it has a date.

    Raises ValueError when there is no date at all: the leader is asked for one first.
    """
    if dates.due is None and dates.check_in is None:
        raise ValueError("no date to put in a calendar")
    check_in_title = (title or "").strip() or default_title(dates.person)
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if dates.due is not None:
        who = dates.person.strip()
        follow = f"Follow through with {who}" if who else "Follow through"
        calendar.add_component(_event(follow, dates.due, stamp))
    if dates.check_in is not None:
        calendar.add_component(_event(check_in_title, dates.check_in, stamp))
    return calendar.to_ical()
