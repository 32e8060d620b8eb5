"""Figures that changed as a story developed: an update is not a disagreement.

Within a group of counts of one thing (:mod:`~.check.quantities`), values that
cannot all be true are either sources disagreeing or the figure changing over
time: a hurricane's toll reported as 32, then 231, then 9,000 dead. The times of
the reports tell them apart. The group's value sets are put in the order they
were first reported (each on the calendar day of its earliest report). When
every set has a dated report:

* a running total ("has killed nearly 800 people in its campaign") told in
  reports further apart than :attr:`Settings.update_days` whose earliest and
  latest figures differ is a figure that *drifted*: an ``update`` with two sides,
  the earliest figure and the latest, each with the day it was given, even when
  every figure is a round one that agrees with the others ("about 750" in 1996,
  "close to 800" in 1998 are both "round figures within 15%", but the toll grew);
* sets first reported on the same day (113 against 114 killed, both on 7
  August) disagree: a ``quantity`` conflict, as before;
* figures of different incidents are never compared: sets first reported more
  than :attr:`Settings.update_days` apart are left out (a toll settles within
  weeks; two attacks months apart are two incidents), unless no article gives
  them in its lead (:attr:`Settings.lead_positions`): then they are one past
  incident told in passing, however long after ("the 1996 bombing killed one",
  two years later "two people died in the bombing"), and are cross-checked. The
  dates in the sentences are no guide: "231 were killed, the agency said on
  Thursday" dates the report, not the storm;
* otherwise, a path that runs one way (rising or falling throughout) in steps of
  at most :attr:`Settings.apart` (a day's toll does not become a war's) is an
  *update*: a conflict of kind ``update`` whose sides carry ``as_of``, in time
  order, the last being the latest figure. One that goes up and down is a
  ``quantity`` conflict.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from newsbrief.facts.check.quantities import Group, ValueSet, apart
from newsbrief.facts.read.quantities import Quantity
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.ingest import wall_clock
from newsbrief.model import Conflict, ValueSide


def updates(groups: Sequence[Group], times: Mapping[str, datetime | None],
            settings: Settings = DEFAULT) -> tuple[list[Conflict], list[Group]]:
    """The groups whose figure changed over time, as ``update`` conflicts, and the groups to cross-check as
    usual (see the module doc); ``times``: each article's time (None when unknown)."""
    changed, rest = [], []
    for group in groups:
        if None in (group.category, group.kind):
            rest.append(group)
            continue
        drifted = _drift(group, times, settings)
        if drifted is not None:
            changed.append(drifted)
            continue
        sets = group.value_sets()
        first = [_first_day(vs, times) for vs in sets]
        if len(sets) < 2 or None in first or len(set(first)) < len(first):
            rest.append(group)
            continue
        ordered = sorted(zip(first, sets), key=lambda pair: pair[0])  # ISO days: in time order
        if _span(first) > settings.update_days:
            if all(q.position > settings.lead_positions for q in group.members):
                rest.append(group)  # one past incident, told in passing
            continue
        if _one_way([vs.representative.value for _, vs in ordered], settings.apart):
            changed.append(Conflict(group.label, "update", tuple(
                ValueSide(value=vs.representative.value, qualifier=vs.representative.qualifier,
                          articles=tuple(vs.articles), sources=vs.sources, as_of=day)
                for day, vs in ordered)))
        else:
            rest.append(group)
    return changed, rest


def _drift(group: Group, times: Mapping[str, datetime | None], settings: Settings) -> Conflict | None:
    """The running total of ``group`` as an update from its earliest figure to its latest, when they differ
    and were given further apart than ``settings.update_days``; figures ``settings.far`` times off the
    most-sourced one count something else ("12 killed this year" beside "800 since 1968"). Each side holds
    the readings of its figure given within ``settings.update_days`` of its day."""
    main = group.value_sets()[0].representative.value
    running = [q for q in group.members
               if q.perfect and apart(q.value, main) < math.log(settings.far)]
    dated = [(_day(t), q) for q in running if (t := times.get(q.article)) is not None]
    if not dated:
        return None
    days = sorted({day for day, _ in dated})
    if _span(days) <= settings.update_days:
        return None
    earliest, latest = _figure_on(days[0], dated), _figure_on(days[-1], dated)
    if earliest[0] == latest[0]:
        return None
    window = settings.update_days
    early = [q for d, q in dated if q.value == earliest[0] and _between(days[0], d) <= window]
    late = [q for d, q in dated if q.value == latest[0] and _between(d, days[-1]) <= window]
    return Conflict(group.label, "update", (_side(earliest, early, days[0]), _side(latest, late, days[-1])))


def _figure_on(day: str, dated: Sequence[tuple[str, Quantity]]) -> tuple[float, str | None]:
    """The figure (value, qualifier) the readings of ``day`` give most often."""
    return Counter((q.value, q.qualifier) for d, q in dated if d == day).most_common(1)[0][0]


def _between(first: str, last: str) -> int:
    """Days from one ISO day to another."""
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _side(shown: tuple[float, str | None], readings: Sequence[Quantity], day: str) -> ValueSide:
    """The readings of one figure (each with its own hedge) as a side, shown as ``shown`` as of ``day``."""
    given = ValueSet(list(readings), *readings[0].interval)
    return ValueSide(value=shown[0], qualifier=shown[1], articles=tuple(given.articles), sources=given.sources,
                     as_of=day)


def _one_way(values: Sequence[float], apart: float) -> bool:
    """Rising or falling throughout, each step at most ``apart`` times the one before."""
    steps = [b / a for a, b in zip(values, values[1:])]
    return (all(s > 1 for s in steps) or all(s < 1 for s in steps)) and all(max(s, 1 / s) <= apart for s in steps)


def _span(days: Sequence[str]) -> int:
    known = sorted(days)
    return _between(known[0], known[-1])


def _first_day(value_set: ValueSet, times: Mapping[str, datetime | None]) -> str | None:
    """The calendar day (ISO) of the set's earliest dated report, as written where it was reported."""
    dated = [_day(t) for a in value_set.articles if (t := times.get(a)) is not None]
    return min(dated) if dated else None


def _day(time: datetime) -> str:
    """The calendar day (ISO) of a report, as written where it was reported."""
    return wall_clock(time).date().isoformat()


__all__ = ["updates"]
