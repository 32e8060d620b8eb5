"""How a report names an article to a reader: its outlet and date, "AP, 7 Aug 2000", as a newspaper is cited.

An id (``duc2006_D0631D/13``, a file name) means nothing to a reader, so text,
Markdown and HTML cite by outlet and date; the JSON keeps the ids, and each
report's account of the articles shows both, so a citation can be traced.

The outlet is whatever ingest found (``ArticleRecord.outlet``: a site from the
URL, an agency from the record or the dateline); a host is shown without
``www.``, and an article without an outlet is cited by its id. Two articles
with one label get a letter each, in input order ("AP, 7 Aug 2000 (a)",
"(b)"), as a bibliography tells apart two works of one author and year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from string import ascii_lowercase

from newsbrief.model import ArticleRecord, clipped, squash
from newsbrief.report.dates import short_date

OUTLET_WIDTH = 40
"""An outlet name longer than this (a record's free text) is cut, with an ellipsis."""

MAX_CITED = 4
"""A list of sources names at most this many, then says how many more (the JSON lists all)."""

_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+(?::\d+)?", re.I)


@dataclass(frozen=True)
class Citation:
    """An article as a reader cites it: the outlet, the date (``7 Aug 2000``) and a letter that tells
    apart two articles that would otherwise read the same."""

    outlet: str
    date: str | None = None
    suffix: str = ""

    @property
    def label(self) -> str:
        """ "AP, 7 Aug 2000", "AP, 7 Aug 2000 (b)", "bbc.co.uk" or the id."""
        core = f"{self.outlet}, {self.date}" if self.date else self.outlet
        return f"{core} ({self.suffix})" if self.suffix else core


class Citations:
    """The citation of every article of a briefing, unique across it."""

    def __init__(self, records: Sequence[ArticleRecord]) -> None:
        first = {r.id: Citation(outlet_name(r.outlet) or r.id, short_date(r.time)) for r in records}
        same: dict[str, list[str]] = {}
        for article, cite in first.items():
            same.setdefault(cite.label, []).append(article)
        self._by_id = dict(first)
        for ids in same.values():
            if len(ids) > 1:
                for n, article in enumerate(ids):
                    self._by_id[article] = replace(first[article], suffix=_letters(n))

    def __getitem__(self, article: str) -> Citation:
        """The citation of ``article``; an id the briefing does not account for is cited as itself."""
        return self._by_id.get(article) or Citation(article)

    def label(self, article: str) -> str:
        """ "AP, 7 Aug 2000"."""
        return self[article].label

    def cite(self, articles: Iterable[str], limit: int | None = MAX_CITED) -> str:
        """ "AP, 7 Aug 2000; Reuters, 8 Aug 2000 and 3 more": semicolons, since a label holds a comma."""
        labels = [self.label(a) for a in dict.fromkeys(articles)]
        if limit is None or len(labels) <= limit:
            return "; ".join(labels)
        return f"{'; '.join(labels[:limit])} and {len(labels) - limit} more"

    def source(self, article: str, support: Sequence[str]) -> str:
        """Where a summary line is from, and who else says it: "AP, 7 Aug 2000; also in Reuters, ..."."""
        also = f"; also in {self.cite(support)}" if support else ""
        return f"{self.label(article)}{also}"


def outlet_name(outlet: str | None) -> str | None:
    """An outlet as shown: a host without ``www.`` and lower-cased ("www.BBC.co.uk" -> "bbc.co.uk"),
    any other name with its whitespace tidied and cut to :data:`OUTLET_WIDTH`."""
    name = squash(outlet or "")
    if not name:
        return None
    if _HOST.fullmatch(name):
        return name.lower().removeprefix("www.")
    return clipped(name, OUTLET_WIDTH)


def _letters(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa": a suffix for any number of namesakes."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = ascii_lowercase[rest] + out
    return out
