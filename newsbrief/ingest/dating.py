"""A time and an outlet for every article, and where the time came from.

A developing story is told in time order, and "Thursday" in an article means
the Thursday before *that* article was written; so every article needs a time
of its own. Ingest already has the record's ``time`` field and, for a web page,
the date htmldate finds in its metadata (through trafilatura). For the others,
in this order:

* a date in the URL (``/2020/02/28/``), read by htmldate, the library made for it;
* a document number that embeds a date, as newswire archives number reports
  (``APW19981016.0312``, ``NYT20000806.0120``, ``AFP_ENG_20050101.0001``): the
  date is read, whatever the archive;
* the dateline (``BRUSSELS, May 2 (Xinhua) --``). Most datelines give no year,
  and the input's other articles are no guide to it: an archive's reports of
  one story span years (on ``duc2007_dev``, with the Xinhua reports' times
  hidden, the year that puts "May 2" within the span of the other reports is
  right for 11 of 29). What fixes the year is the weekday the lead names: "on
  Wednesday" under "July 21" (:func:`in_context`) is the one year of the
  input's span (three years back, one ahead) in which 21 July was a Wednesday
  (right for 38 of 43 on the same test). Without that, the time stays unknown.

Otherwise the time is unknown (``time_source == "unknown"``), and relative dates
in that article stay relative: they are never resolved against another article's
time or today's.

The same sources name the outlet where the URL does not: the record's own field,
the dateline's agency ("(AP)"), a document number's agency prefix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from newsbrief.lang.en.datelines import DATELINE_DASHES, RECORD_NUMBER_FIELDS, RECORD_OUTLET_FIELDS, WIRE_CODES
from newsbrief.model import Article, outlet

_MONTH = "|".join([*MONTHS, *(f"{a}\\.?" for a in MONTH_ABBREVIATIONS), "Sept\\."])
_PLACE_WORD = r"[A-Z][A-Z.'’&-]+"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}})"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3}?)?"
    rf"(?:,[ \t]*(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?)?"
    r"(?:[ \t]*\((?P<agency>[^()\n]{2,40})\))?"
    rf"[ \t]*(?:{'|'.join(map(re.escape, DATELINE_DASHES))})[ \t]"
)
_NUMBER = re.compile(r"(?<![A-Za-z0-9])(?P<code>[A-Z]{2,5})(?:_[A-Z]{3})?_?(?P<date>(?:19|20)\d{6})(?!\d)")
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")
_MONTH_NO = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {
    a.lower(): i + 1 for i, a in enumerate(MONTH_ABBREVIATIONS)} | {"sept": 9}
_LOOK = 200
"""Characters at the start of the body where a dateline is looked for."""
YEARS_BACK, YEARS_AHEAD = 3, 1
"""The years a yearless dateline may fall in: those of the input's dated articles, and these many before and
after (an archive's older reports come back into a story more often than reports from after it)."""


@dataclass(frozen=True)
class Dateline:
    """What a dateline says: where the report was filed, on what day (the year mostly left out) and by whom."""

    place: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None

    def on(self, year: int) -> datetime | None:
        """The dateline's day in ``year``; None when it names no day (or an impossible one)."""
        if self.month is None or self.day is None:
            return None
        try:
            return datetime(year, self.month, self.day)
        except ValueError:
            return None


def dateline(article: Article) -> Dateline | None:
    """The dateline that opens the article's body, if there is one."""
    match = _DATELINE.match(article.text, article.body_start, article.body_start + _LOOK)
    if match is None:
        return None
    month = match.group("month")
    year = match.group("year")
    return Dateline(match.group("place"), _MONTH_NO[month.rstrip(".").lower()] if month else None,
                    int(match.group("day")) if month else None, int(year) if year else None,
                    (match.group("agency") or "").strip() or None)


def number_date(number: str) -> tuple[datetime, str | None] | None:
    """(date, outlet) of a document number that embeds a date ("APW19981016.0312" -> 16 Oct 1998, "AP")."""
    match = _NUMBER.search(number)
    if match is None:
        return None
    try:
        when = datetime.strptime(match.group("date"), "%Y%m%d")
    except ValueError:
        return None
    return when, WIRE_CODES.get(match.group("code"))


def url_date(url: str | None) -> datetime | None:
    """The date a URL holds (``/2020/02/28/``, ``/2020-02-28/``), read by htmldate."""
    if not url or not re.search(r"(?:19|20)\d\d", url):
        return None
    from htmldate import find_date  # heavy (lxml): loaded only for a URL with a year in it

    # htmldate reads the URL before the page; an empty page leaves it nothing else to read.
    found = find_date("<html></html>", url=url, extensive_search=False, min_date="1900-01-01")
    return datetime.fromisoformat(found) if found else None


def record_outlet(record: Mapping[str, Any] | None) -> str | None:
    """Who published the article, as its record names it (``outlet``, ``publisher``, ``source.name``, ...)."""
    if not record:
        return None
    named = [record.get(k) for k in RECORD_OUTLET_FIELDS]
    source = record.get("source")
    if isinstance(source, Mapping):
        named.append(source.get("name"))
    return next((v.strip() for v in named if isinstance(v, str) and v.strip()), None)


def _numbers(article: Article, record: Mapping[str, Any] | None) -> list[str]:
    fields = [record.get(k) for k in RECORD_NUMBER_FIELDS] if record else []
    return [v for v in (*fields, article.id) if isinstance(v, str) and v]


def dated(article: Article, record: Mapping[str, Any] | None = None) -> Article:
    """The article with a time (or ``time_source == "unknown"``) and an outlet; ``record`` is what it was read
    from, if it was a record. A time it already has came from its record unless ``time_source`` says else."""
    line = dateline(article)
    numbered = next(filter(None, map(number_date, _numbers(article, record))), None)
    time, source = article.time, article.time_source
    if time is not None:
        source = source or "record"
    elif (found := url_date(article.url)) is not None:
        time, source = found, "url"
    elif numbered is not None:
        time, source = numbered[0], "document number"
    elif line is not None and line.year is not None and line.on(line.year) is not None:
        time, source = line.on(line.year), "dateline"
    else:
        source = "unknown"
    publisher = (record_outlet(record) or outlet(article.url) or (line and line.agency)
                 or (numbered and numbered[1]) or None)
    return replace(article, time=time, time_source=source, outlet=publisher)


def in_context(articles: Sequence[Article]) -> list[Article]:
    """The articles, each still without a time whose dateline names a day dated by the weekday its lead names
    (see the module doc)."""
    known = [a.time.year for a in articles if a.time is not None]
    if not known:
        return list(articles)
    years = range(min(known) - YEARS_BACK, max(known) + YEARS_AHEAD + 1)
    out = []
    for art in articles:
        line = dateline(art) if art.time is None else None
        if line is not None and line.month is not None:
            named = set(_WEEKDAY.findall(art.text, art.body_start, art.body_start + 2 * _LOOK))
            fits = [when for y in years if (when := line.on(y)) is not None and WEEKDAYS[when.weekday()] in named]
            if len(fits) == 1:
                art = replace(art, time=fits[0], time_source="dateline")
        out.append(art)
    return out


__all__ = ["Dateline", "dated", "dateline", "in_context", "number_date", "record_outlet", "url_date"]
