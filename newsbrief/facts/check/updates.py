"""Figures that changed as a story developed: an update is not a disagreement.

Within a group of counts of one thing (:mod:`~.check.quantities`), values that
cannot all be true are either sources disagreeing or the figure changing over
time: a hurricane's toll reported as 32, then 231, then 9,000 dead. The times of
the reports tell them apart. The group's value sets are put in the order they
were first reported (each on the calendar day of its earliest report); when
every set has a dated report, no two were first reported on the same day, and
the path runs one way (rising or falling throughout) in steps of at most
:attr:`Settings.apart` (a day's toll does not become a war's), it is an
*update*: a conflict of kind ``update`` whose sides carry ``as_of``, in time
order, the last being the latest figure. Sets first reported on the same day
(113 against 114 killed, both on 7 August) stay a ``quantity`` conflict. A
path that goes up and down counts different incidents' figures under one label
and is neither: figures of different incidents are never compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from newsbrief.facts.check.quantities import Group, ValueSet
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.ingest import wall_clock
from newsbrief.model import Conflict, ValueSide


def updates(groups: Sequence[Group], times: Mapping[str, datetime | None],
            settings: Settings = DEFAULT) -> tuple[list[Conflict], list[Group]]:
    """The groups whose figure changed over time, as ``update`` conflicts, and the groups that did not
    (to be cross-checked as usual); ``times``: each article's time (None when unknown)."""
    changed, rest = [], []
    for group in groups:
        path = _path(group, times, settings) if group.category is not None else None
        if path is None:
            rest.append(group)
        else:
            changed.append(Conflict(group.label, "update", tuple(path)))
    return changed, rest


def _path(group: Group, times: Mapping[str, datetime | None], settings: Settings) -> list[ValueSide] | None:
    sets = group.value_sets()
    if len(sets) < 2:
        return None
    first = [_first_day(vs, times) for vs in sets]
    if any(day is None for day in first) or len(set(first)) < len(first):
        return None
    ordered = [vs for _, vs in sorted(zip(first, sets), key=lambda pair: pair[0])]
    values = [vs.representative.value for vs in ordered]
    steps = [b / a for a, b in zip(values, values[1:])]
    one_way = all(s > 1 for s in steps) or all(s < 1 for s in steps)
    if not one_way or any(max(s, 1 / s) > settings.apart for s in steps):
        return None
    return [ValueSide(value=vs.representative.value, qualifier=vs.representative.qualifier,
                      articles=tuple(vs.articles), sources=vs.sources, as_of=day)
            for day, vs in sorted(zip(first, sets), key=lambda pair: pair[0])]


def _first_day(value_set: ValueSet, times: Mapping[str, datetime | None]) -> str | None:
    """The calendar day (ISO) of the set's earliest dated report, as written where it was reported."""
    dated = [wall_clock(t) for a in value_set.articles if (t := times.get(a)) is not None]
    return min(dated).date().isoformat() if dated else None


__all__ = ["updates"]
