"""A timeline of the story: its happenings in date order, each once, with the articles that tell it.

* **One entry per happening, under its own date.** A date keeps at most
  :attr:`Settings.per_date` entries, each from another article. A sentence that names
  several dates ("talks on Friday, after 33 soldiers were killed late on
  Thursday"; "the highest toll since 2016, and 53 this month") is one entry,
  under the date of its happening: the first date that says when something
  happened, not when it was said ("investigators said Sunday that controllers
  missed it Saturday morning": Saturday) nor what a span runs from or to
  ("since 1974"), nor a year that only names a thing the sentence mentions ("under
  a 2016 deal", "a deal agreed in 2018": :attr:`DateMention.names`). A sentence
  with no other date is no entry.
  A sentence several articles share (a near-duplicate group from the dedup
  stage) is one entry with all of them.
* **Resolved dates only from the article's own time.** "Thursday" is resolved
  against the time of the article that says it, never another's; an article
  without a time leaves it relative, and such entries follow the dated ones in
  reading order (never Monday before Thursday by name).
* **A vaguer date after the days it holds.** A week, month or year ("last week",
  "this year", "early in 1998") says only that its happening fell by the end of
  that period ("early": its first third, "mid": its middle third), and by the
  time of the article that says it: it is placed there, after the days it
  holds, never before that year's months as if it opened the year.
* **The story's own dates, and background apart.** The story runs from
  :attr:`Settings.lead_in_days` before its first article; what happened before
  (history, earlier incidents: "since 1974", "in 2016") is marked
  ``background``, which the briefing shows under its own heading. Without any
  article time, a bare year is background.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from newsbrief.facts.read.dates import DateMention, span
from newsbrief.facts.read.units import Unit
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.ingest import wall_clock
from newsbrief.lang.en.attribution import REPORTING_VERBS
from newsbrief.lang.en.linking import DROPPABLE_OPENING, leans_back
from newsbrief.lang.en.quotes import CLOSING_QUOTES, OPENING_QUOTES, PAIRS, QUOTE_MARK, STRAIGHT_QUOTE
from newsbrief.model import Article, Cluster, Source, TimelineEntry

_PAIRS_BACK = {close: opening for opening, close in PAIRS.items()}
_CLOSING_FIRST = re.compile(rf"^(?:{'|'.join(map(re.escape, CLOSING_QUOTES))})\s*")
_SAID = re.compile(rf"\b(?:{REPORTING_VERBS})\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_SPAN_QUALIFIERS = frozenset({"since", "until", "by", "before", "after"})
_PART = {"early": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1.0)}
"""The part of a period a qualifier names."""
_INSTANT = timedelta(microseconds=1)
"""What separates the end of a period from the first moment of the next."""


def timeline(dates: Sequence[DateMention], units: Mapping[tuple[str, int], Unit], cluster: Cluster,
             settings: Settings = DEFAULT) -> list[TimelineEntry]:
    """Timeline entries from the date mentions of the cluster's articles (see the module doc)."""
    by_id = {a.id: a for a in cluster.articles}
    rank = cluster.rank()
    start = _story_start(cluster.articles, settings)
    entries: list[tuple[DateMention, str, dict[str, Source], set[str]]] = []  # date, text, sources, support
    for d in _happenings([d for d in dates if d.article in by_id], units):
        unit = units[(d.article, d.position)]
        text = _text(unit, settings.entry_words)
        if leans_back(text):
            continue  # "He said ...", "Instead, ...": an entry is read alone, and out of its article no one knows who
        also = _support(by_id[d.article], unit, cluster)
        same = next((e for e in entries if e[0].value == d.value and (e[3] & also or e[1] == text)), None)
        if same is None:
            entries.append((d, text, {d.article: _source(unit)}, {d.article, *also}))
        else:
            same[2].setdefault(d.article, _source(unit))
    made = [(d, TimelineEntry(d.value, text, tuple(told), tuple(told.values()), _background(d, start)))
            for d, text, told, _ in entries]
    kept = _cap(made, settings.per_date)
    return [e for _, e in sorted(kept, key=lambda pair: _order(pair[0], rank, by_id[pair[0].article].time))]


def _happenings(dates: Sequence[DateMention], units: Mapping[tuple[str, int], Unit]) -> list[DateMention]:
    """One date per sentence: the one that says when its happening was (see the module doc)."""
    best: dict[tuple[str, int], DateMention] = {}
    for d in dates:
        if d.names:
            continue  # "under a 2016 deal": a thing the sentence mentions, not when its happening was
        key = (d.article, d.position)
        if key not in best or _rank(d, units[key]) < _rank(best[key], units[key]):
            best[key] = d
    return sorted(best.values(), key=lambda d: (d.article, d.position))


def _rank(d: DateMention, unit: Unit) -> tuple[bool, bool, int]:
    said = _SAID.search(unit.text, 0, d.start - unit.start) is not None
    return d.qualifier in _SPAN_QUALIFIERS, said, d.start


def _story_start(articles: Sequence[Article], settings: Settings) -> datetime | None:
    """When the story begins: some days before its first dated article; None when no article has a time."""
    times = [wall_clock(a.time) for a in articles if a.time is not None]
    return min(times) - timedelta(days=settings.lead_in_days) if times else None


def _background(d: DateMention, start: datetime | None) -> bool:
    """Whether the date lies before the story (history, earlier incidents)."""
    if not d.resolved:
        return False
    if start is None:
        return d.period == "year"
    return span(d.value, d.period)[1] <= start


def _source(unit: Unit) -> Source:
    return Source(unit.article, unit.start, unit.end, unit.shown)


def _support(article: Article, unit: Unit, cluster: Cluster) -> set[str]:
    if unit.sentence is None:
        return set()
    return set(cluster.support(article.sentences[unit.sentence]))


def _text(unit: Unit, most: int) -> str:
    """The sentence as an entry shows it: at most ``most`` words, without a connective that only links it to
    the sentence before ("But since 1971, ...", "Meanwhile, mechanics ..."), which out of its article
    would make it lean on nothing (its source keeps the whole sentence), its quotation marks in pairs."""
    shown = DROPPABLE_OPENING.sub("", unit.shown, count=1)
    words = (shown[:1].upper() + shown[1:]).split()
    return _balanced(" ".join(words[:most]) + ("…" if len(words) > most else ""))


def _balanced(text: str) -> str:
    """``text`` with its quotation marks in pairs, as a reader copies it. A sentence cut from an article may
    open with the mark that closes the sentence before (a tokenized copy often sets it there: "'' The team
    made its offer"): it is dropped. A quotation opened in a sentence before and closed in this one ("On 27
    February, ... formations,” the ministry said") gets its opening mark at the start, and one that runs on
    past the end (or past where the entry is cut) its closing mark at the end. A straight mark with no
    quotation open opens one when it follows a space (as a tokenized copy writes it: " we were lucky ... ''),
    and closes one opened before the sentence when it follows a word ("... the border," he said)."""
    text = _CLOSING_FIRST.sub("", text)
    open_mark: str | None = None
    unopened: str | None = None
    for match in QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if open_mark is not None and mark not in OPENING_QUOTES:
            open_mark = None
        elif mark in OPENING_QUOTES or (mark == STRAIGHT_QUOTE and (at == 0 or text[at - 1] in " ([")):
            open_mark = mark
        elif unopened is None:
            unopened = mark
    before = _PAIRS_BACK.get(unopened or "", "")
    return before + text + (PAIRS[open_mark] if open_mark else "")


def _cap(entries: list[tuple[DateMention, TimelineEntry]], per_date: int) -> list[tuple[DateMention, TimelineEntry]]:
    """At most ``per_date`` entries a date, most-sourced first, each from another article (an article's
    first sentence about a day stands for the rest of what it says of that day)."""
    by_date: dict[str, list[tuple[DateMention, TimelineEntry]]] = {}
    for pair in entries:
        by_date.setdefault(pair[1].date, []).append(pair)
    kept = []
    for group in by_date.values():
        firsts = list({p[1].articles[0]: p for p in reversed(group)}.values())[::-1]
        kept += sorted(firsts, key=lambda p: -len(p[1].articles))[:per_date]
    return kept


def _order(d: DateMention, rank: Mapping[str, int], told: datetime | None) -> tuple[int, datetime, int, int]:
    """Resolved dates in calendar order, each where its happening is known to have been by (see the module
    doc; ``told``: the time of the article that dates it); the relative ones after them, in reading order."""
    if d.resolved:
        return 0, _by(d, wall_clock(told)), rank.get(d.article, 0), d.position
    return 1, datetime.min, rank.get(d.article, 0), d.position


def _by(d: DateMention, told: datetime | None) -> datetime:
    """A day's start; for a longer period, the last moment of the part of it the qualifier names, at the
    latest the time it was told (never before the period began): "last week" follows every day of that
    week and comes before the Monday after it."""
    first, after = span(d.value, d.period)
    if d.period == "day":
        return first
    low, high = _PART.get(d.qualifier or "", (0.0, 1.0))
    end = first + (after - first) * high - _INSTANT
    return max(first + (after - first) * low, min(end, told)) if told else end


__all__ = ["timeline"]
