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


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 first, then the :data:`COMMON_FORMATS` (both fast), then dateparser for anything else; None
    when it is not a date.

    Numbers are Unix timestamps (UTC).
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        pass
    common = _common(value.strip())
    if common is not None:
        return common
    import dateparser  # heavy (regex tables for every language): loaded only for non-ISO times

    try:
        return dateparser.parse(value, languages=["en"])
    except (ValueError, OverflowError):
        return None


def _common(value: str) -> datetime | None:
    """``value`` read by the first of :data:`COMMON_FORMATS` it fits, else None."""
    for form in COMMON_FORMATS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


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
