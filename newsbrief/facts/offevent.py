"""Off-event articles: about a different incident than the one most of the cluster reports.

An article is set aside only on evidence both ways:

* it *differs*: it gives a count of the same thing (Turkish soldiers killed)
  that cannot be true together with a count at least two other sources agree
  on, or its lead dates its story on another weekday than the others' leads do;
* and nothing ties it to the main event: none of its counts is shared with
  another source, its lead does not name the same calendar day as another
  lead, and (when only the date differs) it names fewer than half of the
  people, places and organisations that most other articles name. Naming the same *weekday* ties it too, unless the counts are far apart
  (a factor of :data:`FAR` or more) or the sentence puts them in the past
  ("last week"): weekdays repeat, and a toll revised from 30 to 33 is a
  conflict, not another incident.

So an early report ("two workers killed", later three) stays, with a conflict,
while a report of an earlier strike with two dead is set aside; its numbers are
kept as context. With fewer than three articles there is no majority to tell
the main event by, and nothing is set aside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsbrief.facts.crosscheck import Group, ValueSet, group_quantities
from newsbrief.facts.dates import DateMention
from newsbrief.facts.quantities import Quantity

MIN_ARTICLES = 3
LEAD_POSITIONS = 4
"""Title and first three sentences: where an article says when its story happened."""
FAR = 2.0


@dataclass(frozen=True)
class _Clash:
    """An article's count that contradicts a count other sources agree on."""

    group: Group
    said: Quantity
    others: ValueSet

    @property
    def ratio(self) -> float:
        low, high = self.said.interval
        return max(self.others.low / max(high, 1e-9), low / max(self.others.high, 1e-9))

    def describe(self) -> str:
        rep = self.others.representative
        when = f" ({self.said.earlier})" if self.said.earlier else ""
        return (f"it reports {self.said.shown} {self.group.label}{when} where {len(self.others.articles)} "
                f"other sources report {rep.shown}")


def off_event(articles: Sequence[str], quantities: Sequence[Quantity], dates: Sequence[DateMention],
              names: Mapping[str, set[str]]) -> dict[str, str]:
    """Ids of off-event articles with the reason for each; ``names``: the entities each article names."""
    if len(articles) < MIN_ARTICLES:
        return {}
    groups = [g for g in group_quantities(quantities) if g.category is not None]
    sets = [(g, g.value_sets()) for g in groups]
    leads = _lead_days(dates)
    flagged = {}
    for art in articles:
        clashes = _clashes(art, sets)
        shares = any(art in vs.articles and len(vs.articles) > 1 for _, vss in sets for vs in vss)
        if not clashes and _shares_names(art, articles, names):
            continue
        reason = _judge(art, clashes, shares, leads)
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


def _lead_days(dates: Sequence[DateMention]) -> dict[str, tuple[set[str], set[str]]]:
    """Per article: (weekdays, resolved days) its lead names."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for d in dates:
        if d.position < LEAD_POSITIONS and d.weekday:
            days, resolved = out.setdefault(d.article, (set(), set()))
            days.add(d.weekday)
            if d.period == "day":
                resolved.add(d.value)
    return out


def _judge(article: str, clashes: list[_Clash], shares: bool,
           leads: dict[str, tuple[set[str], set[str]]]) -> str | None:
    days, resolved = leads.get(article, (set(), set()))
    others = {a: v for a, v in leads.items() if a != article}
    usual = Counter(day for d, _ in others.values() for day in d).most_common(1)
    main_day = usual[0][0] if usual and usual[0][1] >= 2 else None
    other_days = bool(days) and main_day is not None and main_day not in days
    if shares or not (clashes or other_days):
        return None
    if resolved & {r for _, rs in others.values() for r in rs}:
        return None
    if days and main_day in days and not any(c.ratio >= FAR or c.said.earlier for c in clashes):
        return None
    reasons = [c.describe() for c in clashes[:2]]
    if other_days:
        reasons.append(f"its lead is dated {', '.join(sorted(days))} where the others say {main_day}")
    return "; ".join(reasons)

