"""Figures that changed as a story developed: an update is not a disagreement.

Within a group of counts of one thing (:mod:`~.check.quantities`), values that
cannot all be true are either sources disagreeing or the figure changing over
time: a hurricane's toll reported as 32, then 231, then 9,000 dead. The times of
the reports tell them apart. The group's value sets are put in the order they
were first reported (each on the calendar day of its earliest report). When
every set has a dated report:

* sets first reported on the same day (113 against 114 killed, both on 7
  August) disagree: a ``quantity`` conflict, as before;
* figures of different incidents are never compared: sets first reported more
  than :attr:`Settings.update_days` apart are left out (a toll settles within
  weeks; two attacks months apart are two incidents). The dates in the
  sentences are no guide: "231 were killed, the agency said on Thursday" dates
  the report, not the storm;
* otherwise, a path that runs one way (rising or falling throughout) in steps of
  at most :attr:`Settings.apart` (a day's toll does not become a war's) is an
  *update*: a conflict of kind ``update`` whose sides carry ``as_of``, in time
  order, the last being the latest figure. One that goes up and down is a
  ``quantity`` conflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from newsbrief.facts.check.quantities import Group, ValueSet
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.ingest import wall_clock
from newsbrief.model import Conflict, ValueSide


def updates(groups: Sequence[Group], times: Mapping[str, datetime | None],
            settings: Settings = DEFAULT) -> tuple[list[Conflict], list[Group]]:
    """The groups whose figure changed over time, as ``update`` conflicts, and the groups to cross-check as
    usual (see the module doc); ``times``: each article's time (None when unknown)."""
    changed, rest = [], []
    for group in groups:
        sets = group.value_sets()
        first = [_first_day(vs, times) for vs in sets]
        if None in (group.category, group.kind) or len(sets) < 2 or None in first or len(set(first)) < len(first):
            rest.append(group)
            continue
        ordered = sorted(zip(first, sets), key=lambda pair: pair[0])  # ISO days: in time order
        if _span(first) > settings.update_days:
            continue
        if _one_way([vs.representative.value for _, vs in ordered], settings.apart):
            changed.append(Conflict(group.label, "update", tuple(
                ValueSide(value=vs.representative.value, qualifier=vs.representative.qualifier,
                          articles=tuple(vs.articles), sources=vs.sources, as_of=day)
                for day, vs in ordered)))
        else:
            rest.append(group)
    return changed, rest


def _one_way(values: Sequence[float], apart: float) -> bool:
    """Rising or falling throughout, each step at most ``apart`` times the one before."""
    steps = [b / a for a, b in zip(values, values[1:])]
    return (all(s > 1 for s in steps) or all(s < 1 for s in steps)) and all(max(s, 1 / s) <= apart for s in steps)


def _span(days: Sequence[str]) -> int:
    known = sorted(map(date.fromisoformat, days))
    return (known[-1] - known[0]).days


def _first_day(value_set: ValueSet, times: Mapping[str, datetime | None]) -> str | None:
    """The calendar day (ISO) of the set's earliest dated report, as written where it was reported."""
    dated = [wall_clock(t) for a in value_set.articles if (t := times.get(a)) is not None]
    return min(dated).date().isoformat() if dated else None


__all__ = ["updates"]
