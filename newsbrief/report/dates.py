"""How a report writes a date to a reader: "7 Aug 2000", "week of 26 Oct 1998", "Oct 1998", "1998".

The model keeps dates as ISO values ("2000-08-07", the ISO week "1998-W44",
"1998-10", "1998") so that they sort and compare; a reader does not count ISO
weeks, so every view writes them as a newspaper would. A value that is not an
ISO date (an unresolved "Thursday") is shown as it was written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def short_date(iso: str | None) -> str | None:
    """An ISO date or time as a reader writes the day, "7 Aug 2000" (the day where it was published);
    None for anything that names no day ("2019-12", "Thursday")."""
    day = iso_day(iso)
    return _day(day) if day else None


def iso_day(iso: str | None) -> date | None:
    """The day of an ISO date or date-time, or None."""
    if not iso or len(iso) < 10:
        return None
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None


def as_read(value: str) -> str:
    """Any date value of a briefing as a reader reads it: a day "7 Aug 2000", an ISO week "week of 26 Oct
    1998" (its Monday), a month "Oct 1998", a year "1998"; anything else (a relative "Thursday") as is."""
    if day := short_date(value):
        return day
    if week := _WEEK.fullmatch(value):
        try:
            return f"week of {_day(date.fromisocalendar(int(week[1]), int(week[2]), 1))}"
        except ValueError:
            return value
    if (month := _MONTH.fullmatch(value)) and 1 <= int(month[2]) <= 12:
        return f"{date(int(month[1]), int(month[2]), 1):%b %Y}"
    return value


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


__all__ = ["as_read", "iso_day", "short_date"]
