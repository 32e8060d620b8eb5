"""The one normalisation of times: what ingest reads, and the two ways later stages use a time.

A time is read once, when an article is read (:func:`parse_time`), and kept as
written: aware when the source gives a zone, naive otherwise. Later stages need
it in one of two forms, both defined here so that they agree:

* :func:`timestamp` for ordering and distances (days between articles): a naive
  time is taken as UTC, so it sorts the same on every machine;
* :func:`wall_clock` for the calendar (what "Thursday" or "yesterday" in the
  text means): the date and hour where the article was written, zone dropped.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from typing import Any

COMMON_FORMATS = (
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
    "%B %d, %Y", "%b %d, %Y", "%A, %B %d, %Y", "%B %d, %Y %H:%M:%S",
    "%d %B %Y", "%d %b %Y", "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",  # unpadded: "1998-5-6 9:17"
    "%Y-%d-%m %H:%M:%S", "%Y-%d-%m %H:%M", "%Y-%d-%m",  # day and month swapped, tried last: "1998-30-06"
)
"""Common non-ISO times of news feeds and corpora ("06/16/1998 21:38:00", "May 02, 2013", "14 June 2013"),
read by ``strptime`` exactly as dateparser reads them in English (month first where it can be, as its English
order is; a zone-free time stays naive), in this order. dateparser costs a tenth of a second to import and as
much again for its first parse in every process, which a batch of small clusters feels; anything else still
goes to it."""


DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year", "month"],
    "PREFER_DAY_OF_MONTH": "first",
}
"""What dateparser may read as a publication time: only times that say when they are. Its other readings fill
what the text leaves out from the clock of the machine that runs it ("yesterday", "Friday" and "March 3" on
today's calendar, "March 2020" on today's day of the month), so the same article would be dated differently
each day it is briefed; such a time is unknown instead, as a relative one in the text is. So is one whose year
is not written (:func:`_writes_year`): dateparser reads "APR 28" as April 2028. A bare year ("1999") is unknown
too: an article's time is one moment, and its 1 January would be a day no text gives, up to a year off (a month
and its year, "March 2020", is its first day: at most a month off)."""


MILLISECOND_EPOCHS = 1e11
"""A Unix time this large or larger is in milliseconds (JavaScript's ``Date.now()``): in seconds it would be
after the year 5000."""


EPOCH_TEXT = re.compile(r"-?(?:\d{9,10}|\d{13})(?:\.\d+)?")
"""A Unix time written as a string: seconds since 1973 ("1582848000") or milliseconds since 2001, or as long
before 1970 with a minus sign, read as the number is. No date is written so (``YYYYMMDD`` has 8 digits,
``YYYYMMDDHHMM`` 12, ``YYYYMMDDHHMMSS`` 14)."""


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 first, then the :data:`COMMON_FORMATS` (both fast), then dateparser for anything else that
    says its year and month (:data:`DATEPARSER_SETTINGS`); None when it is not such a date.

    Numbers are Unix timestamps (UTC), in seconds or, from :data:`MILLISECOND_EPOCHS` on, milliseconds.
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            seconds = value / 1000 if abs(value) >= MILLISECOND_EPOCHS else value
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    if EPOCH_TEXT.fullmatch(value.strip()):  # dateparser would read it on this machine's clock, not in UTC
        return parse_time(float(value))
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        pass
    common = _common(value.strip())
    if common is not None:
        return common
    import dateparser  # heavy (regex tables for every language): loaded only for non-ISO times

    try:
        found = dateparser.parse(value, languages=["en"], settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        return None
    # a year it read from a day's number ("APR 28" as April 2028) is not one the text gives
    return found if found is not None and _writes_year(found.year, value) else None


def _common(value: str) -> datetime | None:
    """``value`` read by the first of :data:`COMMON_FORMATS` it fits, else None."""
    for form in COMMON_FORMATS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def _writes_year(year: int, value: str) -> bool:
    """Whether ``value`` writes ``year``: in full ("2020"), or in two digits where only a year can stand, after
    an apostrophe ("Mar 3, '20") or after a day and a month ("03/03/20", "15.03.20"). Two digits after one
    number ("3/28", "12/20") are a day, not the year dateparser makes of them (2028, 2020)."""
    short = f"{year % 100:02d}"
    return re.search(rf"(?<!\d){year}(?!\d)|['\u2019]{short}(?!\d)"
                     rf"|\d{{1,2}}(?P<sep>[/.\-])\d{{1,2}}(?P=sep){short}(?!\d)", value) is not None


def timestamp(time: datetime | None) -> float:
    """Seconds since the epoch, a naive time taken as UTC; NaN when unknown."""
    if time is None:
        return math.nan
    if time.tzinfo is None:
        time = time.replace(tzinfo=timezone.utc)
    return time.timestamp()


def days(time: datetime | None) -> float:
    """A time as days since 1970-01-01 UTC (see :func:`timestamp`); NaN when unknown."""
    return timestamp(time) / 86400.0


def wall_clock(time: datetime | None) -> datetime | None:
    """The time as the article's own calendar shows it: its zone dropped, its date and hour kept."""
    return time.replace(tzinfo=None) if time is not None and time.tzinfo is not None else time
