"""Off-event articles: about a different incident than the one most of the cluster reports.

Evidence that an article reports another incident:

* a *clash*: it counts the same thing (Turkish soldiers killed) with a value
  that cannot be true together with a value at least two other sources agree on,
  and never gives the agreed value;
* a different *day*: its lead names a weekday, and not the one most other leads name.

It is set aside when a clash is decisive (the values are a factor of
:attr:`Settings.far` to :attr:`Settings.apart` apart, or its sentence puts them in the past:
"last week"), or when its day differs and it clashes too, or its day is two or
more days off and it names fewer than half of the people, places and
organisations most other articles name (a story told the day after often dates
its lead by that day). Nothing sets aside an article that shares a count with
another source or whose lead names the same calendar day as another lead.

So an early report ("two workers killed", later three) stays, and the sources
are shown in conflict; a report of an earlier strike with two dead is set aside,
and its numbers are kept as context. With fewer than three articles there is
no majority to tell the main event by, and nothing is set aside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsbrief.facts.check.quantities import Group, ValueSet, group_quantities
from newsbrief.facts.read.dates import WEEKDAYS, DateMention
from newsbrief.facts.read.quantities import Quantity
from newsbrief.facts.settings import DEFAULT, Settings


@dataclass(frozen=True)
class _Clash:
    """An article's count that contradicts a count other sources agree on."""

    group: Group
    said: Quantity
    others: ValueSet

    @property
    def ratio(self) -> float:
        """How many times the article's count is off the agreed one (either way)."""
        low, high = self.said.interval
        return max(self.others.low / max(high, 1e-9), low / max(self.others.high, 1e-9))

    def describe(self) -> str:
        """The reason, for the article's record."""
        rep = self.others.representative
        when = f" ({self.said.earlier})" if self.said.earlier else ""
        return (f"it reports {self.said.shown} {self.group.label}{when} where {len(self.others.articles)} "
                f"other sources report {rep.shown}")


def off_event(articles: Sequence[str], quantities: Sequence[Quantity], dates: Sequence[DateMention],
              names: Mapping[str, set[str]], settings: Settings = DEFAULT) -> dict[str, str]:
    """Ids of off-event articles with the reason for each; ``names``: the entities each article names."""
    if len(articles) < settings.min_articles:
        return {}
    groups = [g for g in group_quantities(quantities) if g.category is not None]
    sets = [(g, g.value_sets()) for g in groups]
    leads = _lead_days(dates, settings.lead_positions)
    flagged = {}
    for art in articles:
        clashes = _clashes(art, sets)
        shares = any(art in vs.articles and len(vs.articles) > 1 for _, vss in sets for vs in vss)
        reason = _judge(art, clashes, shares, _shares_names(art, articles, names), leads, settings)
        if reason:
            flagged[art] = f"about a different incident: {reason}"
    return flagged


def _shares_names(article: str, articles: Sequence[str], names: Mapping[str, set[str]]) -> bool:
    """Whether the article names at least half of the entities most other articles name."""
    others = [a for a in articles if a != article]
    counts = Counter(n for a in others for n in names.get(a, set()))
    core = {n for n, c in counts.items() if c >= max(2, len(others) / 2)}
    return not core or len(core & names.get(article, set())) >= len(core) / 2


def _clashes(article: str, sets: Sequence[tuple[Group, list[ValueSet]]]) -> list[_Clash]:
    out = []
    for group, value_sets in sets:
        mine = [q for q in group.members if q.article == article]
        if not mine:
            continue
        for vs in value_sets:
            others = [a for a in vs.articles if a != article]
            if len(others) >= 2 and not any(vs.admits(q) for q in mine):
                out.append(_Clash(group, mine[0], vs))
    return out


def _lead_days(dates: Sequence[DateMention], positions: int) -> dict[str, tuple[set[str], set[str]]]:
    """Per article: (weekdays, resolved days) its lead names."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for d in dates:
        if d.position < positions and d.weekday:
            days, resolved = out.setdefault(d.article, (set(), set()))
            days.add(d.weekday)
            if d.period == "day":
                resolved.add(d.value)
    return out


def _judge(article: str, clashes: list[_Clash], shares: bool, near: bool,
           leads: dict[str, tuple[set[str], set[str]]], settings: Settings) -> str | None:
    """The reason an article is off-event, or None (see the module doc)."""
    days, resolved = leads.get(article, (set(), set()))
    others = {a: v for a, v in leads.items() if a != article}
    if shares or resolved & {r for _, rs in others.values() for r in rs}:
        return None
    usual = Counter(day for d, _ in others.values() for day in d).most_common(1)
    main_day = usual[0][0] if usual and usual[0][1] >= 2 else None
    gap = min((_days_apart(d, main_day) for d in days), default=0) if main_day else 0
    far, apart = settings.far, settings.apart
    decisive = [c for c in clashes if far <= c.ratio <= apart or (c.said.earlier and c.ratio <= apart)]
    if not decisive and not (gap > 1 and not near) and not (gap and clashes):
        return None
    reasons = [c.describe() for c in (decisive or clashes)[:2]]
    if gap:
        reasons.append(f"its lead is dated {', '.join(sorted(days))} where the others say {main_day}")
    return "; ".join(reasons)


def _days_apart(a: str, b: str) -> int:
    """Days between two weekdays, either way round the week: Friday and Monday are 3 apart."""
    step = abs(WEEKDAYS.index(a) - WEEKDAYS.index(b))
    return min(step, 7 - step)
