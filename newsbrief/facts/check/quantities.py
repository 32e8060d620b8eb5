"""The cross-check of counts: grouped by what they count, where the sources agree and where they differ.

Quantities are grouped by what they count: the category of what happened
(killed, injured, displaced, ...), the kind of thing counted (soldiers, people,
workers), whose they are (Turkish, Syrian), what a measure measures and in which
unit, and whether the figure is the reported incident's or an earlier one's (its
clause names an earlier year: "In 1974, Fifi killed 2,000"). An addition ("two
more") is never compared with a total. A quantity that leaves the kind or whose
open ("Thirty-three of our soldiers", "the death toll rose to three") joins the
group it agrees with, or the only group it could belong to. Within a group, the
values that can all be true together form one *value set*; two value sets in one
group are a conflict, each with the articles that give it.

Facts are ranked by what a briefing on the event needs (deaths, injured, missing,
displaced, ..., money, then the rest) and, within that, by how many sources give
them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsbrief.facts.read.quantities import Quantity, compatible
from newsbrief.model import Conflict, QuantityFact, Source, ValueSide


@dataclass
class ValueSet:
    """Readings in one group that can all be true together."""

    members: list[Quantity]
    low: float
    high: float

    @property
    def articles(self) -> list[str]:
        """The articles of the readings, each once, in reading order."""
        return list(dict.fromkeys(q.article for q in self.members))

    @property
    def sources(self) -> tuple[Source, ...]:
        """Where each reading was found, with that source's own qualifier."""
        return tuple(Source(q.article, q.start, q.end, q.text, q.qualifier) for q in self.members)

    def admits(self, quantity: Quantity) -> bool:
        """Whether ``quantity`` can be true together with every reading already in the set."""
        return compatible((self.low, self.high), quantity.interval)

    def add(self, quantity: Quantity) -> None:
        """Take ``quantity`` in, narrowing the interval all readings allow."""
        low, high = quantity.interval
        self.members.append(quantity)
        self.low, self.high = max(self.low, low), min(self.high, high)

    @property
    def representative(self) -> Quantity:
        """The reading to show: the most repeated one, unqualified readings first."""
        counts = Counter((q.value, q.high, q.qualifier) for q in self.members)
        value, high, qualifier = max(counts, key=lambda k: (counts[k], k[2] is None))
        return next(q for q in self.members if (q.value, q.high, q.qualifier) == (value, high, qualifier))


@dataclass
class Group:
    """Quantities about one thing: (category, kind, side), and what :func:`_apart` keeps apart; built once,
    then read. ``background``: the figures of an earlier incident, named by the year their clause gives."""

    category: str | None
    kind: str | None
    side: str | None
    members: list[Quantity] = field(default_factory=list)
    background: str | None = None

    @property
    def rank(self) -> int:
        """Where its facts come in a briefing (see :attr:`Quantity.rank`)."""
        return min(q.rank for q in self.members)

    @cached_property
    def label(self) -> str:
        """What the group counts, in the words most sources use."""
        full = [q for q in self.members if q.noun] or self.members
        shown = Counter(q.what for q in full if (q.side is not None) == (self.side is not None)) or Counter(
            q.what for q in full)
        return shown.most_common(1)[0][0]

    @property
    def articles(self) -> list[str]:
        """The articles of the group's readings, each once, in reading order."""
        return list(dict.fromkeys(q.article for q in self.members))

    def value_sets(self) -> list[ValueSet]:
        """Greedy: the most repeated readings first, each joining the first set it agrees with."""
        return self._sets

    @cached_property
    def _sets(self) -> list[ValueSet]:
        counts = Counter((q.value, q.qualifier) for q in self.members)
        ordered = sorted(self.members, key=lambda q: (-counts[(q.value, q.qualifier)], q.qualifier is not None))
        sets: list[ValueSet] = []
        for q in ordered:
            home = next((s for s in sets if s.admits(q)), None)
            if home is None:
                sets.append(ValueSet([q], *q.interval))
            else:
                home.add(q)
        return sorted(sets, key=lambda s: -len(s.articles))


_Key = tuple[str | None, str | None, str | None, tuple[object, ...]]


def _apart(q: Quantity) -> tuple[object, ...]:
    """What keeps quantities of one (category, kind, side) apart: measured thing and unit, an addition, an
    earlier incident's year."""
    return (q.unit, q.currency, q.measured if q.unit else None, q.increment, q.year if q.background else None)


def group_quantities(quantities: Iterable[Quantity]) -> list[Group]:
    """Group quantities by what they count; open ones join the group they fit (see module doc)."""
    members: dict[_Key, list[Quantity]] = {}
    pending = []
    for q in sorted(quantities, key=lambda q: (q.side is None, q.kind is None)):
        if q.side is not None or (q.kind is not None and q.category is None):
            members.setdefault((q.category, q.kind, q.side, _apart(q)), []).append(q)
        else:
            pending.append(q)
    for q in pending:
        members.setdefault(_home(members, q) or (q.category, q.kind, None, _apart(q)), []).append(q)
    groups = [Group(c, k, s, found, f"in {apart[-1]}" if apart[-1] else None)
              for (c, k, s, apart), found in members.items()]
    return sorted(groups, key=lambda g: (-len(g.articles), g.category is None, g.label))


def _home(members: dict[_Key, list[Quantity]], q: Quantity) -> _Key | None:
    """The group an open quantity belongs to: the biggest it agrees with, else the only candidate."""
    candidates = [k for k in members if k[0] == q.category and (q.kind is None or k[1] == q.kind)
                  and k[3] == _apart(q)]
    agreeing = [k for k in candidates if any(compatible(m.interval, q.interval) for m in members[k])]
    if agreeing:
        return max(agreeing, key=lambda k: len({m.article for m in members[k]}))
    return candidates[0] if len(candidates) == 1 else None


def quantity_facts(groups: Sequence[Group], context: str | None = None) -> list[QuantityFact]:
    """One fact per value set of each group, ranked by what a briefing needs, then by sources; an earlier
    incident's figures last."""
    ranked = sorted(((group, vs) for group in groups for vs in group.value_sets()),
                    key=lambda p: (p[0].background is not None, p[0].rank, -len(p[1].articles)))
    facts = []
    for group, vs in ranked:
        rep = vs.representative
        qualifiers = {q.qualifier for q in vs.members}
        facts.append(QuantityFact(
            value=rep.value, counts=group.label, qualifier=qualifiers.pop() if len(qualifiers) == 1 else None,
            hedge=rep.qualifier, high=rep.high, currency=rep.currency, incident=group.background,
            sources=vs.sources, context=context,
        ))
    return facts


def quantity_conflicts(groups: Sequence[Group]) -> list[Conflict]:
    """Groups about something that happened whose sources give values that cannot all be true.

    A group where one article gives values of two sets is left out (see :func:`_mixed`).
    """
    conflicts = []
    for group in groups:
        sets = group.value_sets()
        if group.category is None or len(sets) < 2 or _mixed(sets):
            continue
        sides = tuple(ValueSide(value=vs.representative.value, qualifier=vs.representative.qualifier,
                                articles=tuple(vs.articles), sources=vs.sources) for vs in sets)
        conflicts.append(Conflict(group.label, "quantity", sides))
    return conflicts


def _mixed(sets: Sequence[ValueSet]) -> bool:
    """An article giving values of two sets counts two things under one label (a day's toll and a war's):
    the group cannot be cross-checked."""
    seen: set[str] = set()
    for vs in sets:
        mine = set(vs.articles)
        if seen & mine:
            return True
        seen |= mine
    return False
