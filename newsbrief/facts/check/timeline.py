"""A timeline: the dated sentences of the articles, in date order, each with the articles that say it.

A sentence that several articles share (a near-duplicate group from the dedup
stage) is one entry with all of them. A weekday left relative in an article
without a publication time is placed on the calendar day another article
resolved for the same weekday, when exactly one was. Unresolved entries follow
the dated ones, in weekday order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsbrief.facts.read.dates import WEEKDAYS, DateMention
from newsbrief.facts.read.units import Unit
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.model import Article, Cluster, Source, TimelineEntry


def anchors(dates: Sequence[DateMention]) -> dict[str, str]:
    """Weekday -> calendar day, for weekdays exactly one calendar day was resolved to."""
    days: dict[str, set[str]] = {}
    for d in dates:
        if d.period == "day" and d.weekday:
            days.setdefault(d.weekday, set()).add(d.value)
    return {w: next(iter(v)) for w, v in days.items() if len(v) == 1}


def timeline(dates: Sequence[DateMention], units: Mapping[tuple[str, int], Unit], cluster: Cluster,
             settings: Settings = DEFAULT) -> list[TimelineEntry]:
    """Timeline entries from the date mentions of the cluster's articles."""
    by_id = {a.id: a for a in cluster.articles}
    fixed = anchors(dates)
    entries: list[tuple[str, str, dict[str, Source], set[str]]] = []  # date, text, article -> sentence, support
    for d in dates:
        if d.article not in by_id:
            continue
        unit = units[(d.article, d.position)]
        date = d.value if d.resolved else fixed.get(d.value, d.value)
        also = _support(by_id[d.article], unit, cluster)
        same = next((e for e in entries if e[0] == date and (e[3] & also or d.article in e[3] and
                                                             e[1] == _text(unit, settings.entry_words))), None)
        if same is None:
            entries.append((date, _text(unit, settings.entry_words), {d.article: _source(unit)}, {d.article, *also}))
        else:
            same[2].setdefault(d.article, _source(unit))
    made = [TimelineEntry(date, text, tuple(told), tuple(told.values())) for date, text, told, _ in entries]
    return sorted(_cap(made, settings.per_date), key=_order)


def _source(unit: Unit) -> Source:
    return Source(unit.article, unit.start, unit.end, unit.shown)


def _support(article: Article, unit: Unit, cluster: Cluster) -> set[str]:
    if unit.sentence is None:
        return set()
    return set(cluster.support(article.sentences[unit.sentence]))


def _text(unit: Unit, most: int) -> str:
    words = unit.shown.split()
    return " ".join(words[:most]) + ("…" if len(words) > most else "")


def _cap(entries: list[TimelineEntry], per_date: int) -> list[TimelineEntry]:
    by_date: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        by_date.setdefault(entry.date, []).append(entry)
    return [e for group in by_date.values() for e in sorted(group, key=lambda e: -len(e.articles))[:per_date]]


def _order(entry: TimelineEntry) -> tuple[int, str, int]:
    if entry.date[:4].isdigit():
        return (0, entry.date, 0)
    weekday = next((i for i, w in enumerate(WEEKDAYS) if w in entry.date), len(WEEKDAYS))
    return (1, "", weekday)
