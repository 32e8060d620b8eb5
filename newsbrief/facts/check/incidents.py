"""Off-event articles: reports of another incident than the one most of a story's articles report.

A story holds one or more incidents (what happened, where, when). An article
is set aside only when the story has a *clear main incident*, one that most of
its articles report, and the article reports another one instead: the seeds'
report of an earlier strike, the example's fire of 2022. A story of many
incidents spread over months, with none that most articles report, is briefed
whole. What tells a main incident:

* a *count* most other articles give in their lead (title and first sentences:
  what they report), "33 Turkish soldiers killed";
* a *day* most other leads name ("late on Tuesday").

And what tells that an article reports another incident:

* it counts the same thing with a value that cannot be true with the main
  count, and never gives the main count: decisively off (a factor of
  :attr:`Settings.far` to :attr:`Settings.apart`, or put in the past: "last
  week"), or its lead names another day too. A *later* report with a higher
  count, or an earlier one with a lower count, is the same incident's figure
  developing (32 -> 231 -> 9,000 dead), never evidence;
* its lead names a day two or more days off the main one, and it names fewer
  than half of the names most other articles give. When both articles have
  times, only an *earlier* day counts: a later report names a later day.

Nothing sets aside an article that shares a count with another source or whose
lead names the same calendar day as another lead. With fewer than
:attr:`Settings.min_articles` articles there is no majority to tell the main
incident by.

The evidence is read here from the articles' text alone (dates, counts, and the
capitalised names :mod:`newsbrief.group` reads), never from the facts stage's
NER, so that which articles are used is the same with and without facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from newsbrief.facts.check.quantities import Group, ValueSet, group_quantities
from newsbrief.facts.read import dates as dates_mod
from newsbrief.facts.read import quantities as quantities_mod
from newsbrief.facts.read.dates import WEEKDAYS, DateMention
from newsbrief.facts.read.entities import Gazetteer
from newsbrief.facts.read.quantities import Parses, Quantity
from newsbrief.facts.read.units import units
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.group.features import Bag, read_parts
from newsbrief.ingest import days
from newsbrief.model import Article


@dataclass(frozen=True)
class _Clash:
    """An article's count that contradicts the main incident's count."""

    group: Group
    said: Quantity
    others: ValueSet

    @property
    def ratio(self) -> float:
        """How many times the article's count is off the main one (either way)."""
        low, high = self.said.interval
        return max(self.others.low / max(high, 1e-9), low / max(self.others.high, 1e-9))

    def describe(self) -> str:
        """The reason, for the article's record."""
        rep = self.others.representative
        when = f" ({self.said.earlier})" if self.said.earlier else ""
        return (f"it reports {self.said.shown} {self.group.label}{when} where {len(self.others.articles)} "
                f"other sources report {rep.shown}")


@dataclass(frozen=True)
class _Lead:
    """What an article's lead says of when: the weekdays and the calendar days it names."""

    weekdays: frozenset[str]
    resolved: frozenset[str]

    @property
    def days(self) -> frozenset[str]:
        """The days it names: calendar days when resolved, else weekdays."""
        return self.resolved or self.weekdays


def judged(articles: Sequence[Article], settings: Settings = DEFAULT) -> bool:
    """Whether the check reads these articles at all: fewer than :attr:`Settings.min_articles` have no
    majority to tell the main incident by (and the reader that forks a process for spaCy asks this first)."""
    return len(articles) >= settings.min_articles


def off_event(articles: Sequence[Article], settings: Settings = DEFAULT) -> tuple[dict[str, str], Parses]:
    """Ids of the articles (one story's, segmented) that report another incident, with the reason for each,
    and the parses made to read their counts (the facts stage reads them instead of parsing again)."""
    if not judged(articles, settings):
        return {}, Parses()
    read = [units(a) for a in articles]
    every = [u for found in read for u in found]
    parses, counted = quantities_mod.parse_and_read(every, Gazetteer(()), settings)  # one parse
    dated = [d for a, found in zip(articles, read) for d in dates_mod.read(found, a.time)]
    names = {a.id: {n for bag in _parts(a) for n in bag.name} for a in articles}
    return judge(articles, counted, dated, names, settings), parses


def judge(articles: Sequence[Article], quantities: Sequence[Quantity], dates: Sequence[DateMention],
          names: Mapping[str, set[str]], settings: Settings = DEFAULT) -> dict[str, str]:
    """The off-event articles given what was read of them (see the module doc); ``names``: the names each
    article gives."""
    if not judged(articles, settings):
        return {}
    when = {a.id: days(a.time) for a in articles}
    ids = [a.id for a in articles]
    groups = [g for g in group_quantities(quantities) if g.category is not None]
    sets = [(g, g.value_sets()) for g in groups]
    leads = _leads(dates, settings.lead_positions)
    headline = {(q.article, q.start) for q in quantities if q.position < settings.lead_positions}
    flagged = {}
    for art in ids:
        others = len(ids) - 1
        clashes = [c for c in _clashes(art, sets, headline, others) if not _develops(c, when)]
        shares = any(art in vs.articles and len(vs.articles) > 1 for _, vss in sets for vs in vss)
        reason = _judge(art, clashes, shares, _shares_names(art, ids, names), leads, when, others, settings)
        if reason:
            flagged[art] = f"about a different incident: {reason}"
    return flagged


def _shares_names(article: str, articles: Sequence[str], names: Mapping[str, set[str]]) -> bool:
    """Whether the article names at least half of the names most other articles name."""
    others = [a for a in articles if a != article]
    counts = Counter(n for a in others for n in names.get(a, set()))
    core = {n for n, c in counts.items() if c >= max(2, len(others) / 2)}
    return not core or len(core & names.get(article, set())) >= len(core) / 2


def _clashes(article: str, sets: Sequence[tuple[Group, list[ValueSet]]], headline: set[tuple[str, int]],
             others: int) -> list[_Clash]:
    """The article's counts that no reading of a main count admits: a count most others give in their lead."""
    out = []
    for group, value_sets in sets:
        mine = [q for q in group.members if q.article == article]
        if not mine:
            continue
        for vs in value_sets:
            leading = {q.article for q in vs.members if q.article != article and (q.article, q.start) in headline}
            if len(leading) >= max(2, others / 2) and not any(vs.admits(q) for q in mine):
                out.append(_Clash(group, mine[0], vs))
    return out


def _develops(clash: _Clash, when: Mapping[str, float]) -> bool:
    """Whether the times say the clash is one figure developing: a later report higher, an earlier one lower."""
    mine = when[clash.said.article]
    theirs = [when[a] for a in clash.others.articles if when[a] == when[a]]
    if mine != mine or not theirs:
        return False
    low, high = clash.said.interval
    if all(mine > t for t in theirs):
        return low >= clash.others.high
    if all(mine < t for t in theirs):
        return high <= clash.others.low
    return False


def _leads(dates: Sequence[DateMention], positions: int) -> dict[str, _Lead]:
    """Per article: the weekdays and calendar days its lead names."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for d in dates:
        if d.position < positions and d.weekday:
            weekdays, resolved = found.setdefault(d.article, (set(), set()))
            weekdays.add(d.weekday)
            if d.period == "day":
                resolved.add(d.value)
    return {a: _Lead(frozenset(w), frozenset(r)) for a, (w, r) in found.items()}


def _judge(article: str, clashes: list[_Clash], shares: bool, near: bool, leads: Mapping[str, _Lead],
           when: Mapping[str, float], others: int, settings: Settings) -> str | None:
    """The reason an article is off-event, or None (see the module doc)."""
    mine = leads.get(article, _Lead(frozenset(), frozenset()))
    rest = {a: lead for a, lead in leads.items() if a != article}
    if shares or mine.resolved & {r for lead in rest.values() for r in lead.resolved}:
        return None
    main_day, gap = _main_day(article, mine, rest, when, others)
    decisive = [c for c in clashes if settings.far <= c.ratio <= settings.apart
                or (c.said.earlier and c.ratio <= settings.apart)]
    if not decisive and not (gap > 1 and not near) and not (gap and clashes):
        return None
    reasons = [c.describe() for c in (decisive or clashes)[:2]]
    if gap:
        reasons.append(f"its lead is dated {', '.join(sorted(mine.weekdays))} where the others say {main_day}")
    return "; ".join(reasons)


def _main_day(article: str, mine: _Lead, rest: Mapping[str, _Lead], when: Mapping[str, float],
              others: int) -> tuple[str | None, int]:
    """The day most other leads name (if most do) and how many days the article's lead is off it.

    A lead's day is its calendar day where its article has a time, else its weekday: "Thursday" in leads
    written months apart is not one day. A later report is never off: a follow-up names the day it reports.
    """
    usual = Counter(day for lead in rest.values() for day in sorted(lead.days)).most_common(1)  # a tie: the same
    if not usual or usual[0][1] < max(2, others / 2) or not mine.weekdays:
        return None, 0
    main_day = usual[0][0]
    naming = [when[a] for a, lead in rest.items() if main_day in lead.days]
    if when[article] == when[article] and all(t == t for t in naming) and when[article] >= min(naming):
        return main_day, 0
    if main_day[:1].isdigit():
        shown, gap = _weekday(main_day), min((_calendar_gap(d, main_day) for d in mine.resolved), default=0)
        return shown, gap or min(_days_apart(d, _weekday(main_day)) for d in mine.weekdays)
    return main_day, min(_days_apart(d, main_day) for d in mine.weekdays)


def _weekday(day: str) -> str:
    return datetime.strptime(day, "%Y-%m-%d").strftime("%A")


def _calendar_gap(a: str, b: str) -> int:
    return abs((datetime.strptime(a, "%Y-%m-%d") - datetime.strptime(b, "%Y-%m-%d")).days)


def _days_apart(a: str, b: str) -> int:
    """Days between two weekdays, either way round the week: Friday and Monday are 3 apart."""
    step = abs(WEEKDAYS.index(a) - WEEKDAYS.index(b))
    return min(step, 7 - step)


def _parts(article: Article) -> tuple[Bag, Bag, Bag]:
    """The headline's, lead's and body's counts of an article, as grouping reads them."""
    parts = read_parts(article.title, article.text[article.body_start:])
    return parts.title, parts.lead, parts.body


__all__ = ["judge", "off_event"]
