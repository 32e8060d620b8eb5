"""Facts across sources: who, what, how many, when, and where the sources disagree.

One module per kind of fact, each reading the same :class:`~newsbrief.facts.nlp.Unit`
list (titles and sentences with offsets into the article text):
:mod:`entities` (people, organisations, places), :mod:`quantities` (numbers and
what they count), :mod:`dates`, :mod:`claims` (who said what); then
:mod:`offevent` sets aside articles about another incident, :mod:`crosscheck`
compares what the rest say, and :mod:`timeline` orders the dated happenings.

The pipeline calls :func:`read` on the usable articles before summarising (so
off-event articles feed neither the summary nor the cross-check), then
:meth:`Reading.sheet` for the briefing. Nothing heavy is imported until then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsbrief.facts import claims as claims_mod
from newsbrief.facts import dates as dates_mod
from newsbrief.facts import nlp
from newsbrief.facts import quantities as quantities_mod
from newsbrief.facts.claims import Claim
from newsbrief.facts.crosscheck import (
    agency_conflicts,
    claim_facts,
    group_quantities,
    quantity_conflicts,
    quantity_facts,
)
from newsbrief.facts.dates import DateMention
from newsbrief.facts.entities import Entity, Gazetteer, acronyms
from newsbrief.facts.offevent import off_event
from newsbrief.facts.quantities import Quantity, nouns_of
from newsbrief.facts.timeline import timeline
from newsbrief.model import Article, Cluster, Conflict, Fact, Source, TimelineEntry


@dataclass
class FactSheet:
    """What the briefing shows of the facts."""

    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass
class Reading:
    """Every fact read from a cluster's articles, and which articles are off-event (id -> reason)."""

    units: dict[tuple[str, int], nlp.Unit]
    gazetteer: Gazetteer
    entities: list[Entity]
    quantities: list[Quantity]
    dates: list[DateMention]
    claims: list[Claim]
    off_event: dict[str, str]

    def sheet(self, cluster: Cluster) -> FactSheet:
        """Facts, conflicts and timeline of the articles that are not off-event."""
        off = self.off_event
        main = [q for q in self.quantities if q.article not in off]
        groups = group_quantities(main)
        said = [c for c in self.claims if c.article not in off]
        dated = [d for d in self.dates if d.article not in off]
        facts = [
            *self._entity_facts(), *quantity_facts(groups), *self._context_facts(),
            *_date_facts(dated), *claim_facts(said),
        ]
        victims = next((nouns_of(g.kind) for g in groups if g.category and g.kind), [])
        conflicts = [*quantity_conflicts(groups), *agency_conflicts(said, self.gazetteer, victims)]
        return FactSheet(facts, conflicts, timeline(dated, self.units, cluster))

    def _entity_facts(self) -> list[Fact]:
        facts = []
        for entity in self.entities:
            sources = [s for s in entity.sources if s.article not in self.off_event]
            if sources:
                facts.append(Fact("entity", entity.name, sorted(entity.variants), entity.kind, None, sources))
        return sorted(facts, key=lambda f: -len({s.article for s in f.sources}))

    def _context_facts(self) -> list[Fact]:
        """The counts of off-event articles, shown as context with the reason."""
        facts = []
        for article, reason in self.off_event.items():
            mine = [q for q in self.quantities if q.article == article and q.category]
            facts += quantity_facts(group_quantities(mine), context=f"{article} is {reason}")
        return facts


def _date_facts(dates: Sequence[DateMention]) -> list[Fact]:
    merged: dict[tuple[str, str | None], Fact] = {}
    for d in dates:
        fact = merged.setdefault((d.value, d.qualifier), Fact("date", d.text, d.value, d.period, d.qualifier))
        fact.sources.append(Source(d.article, d.start, d.end, d.text))
    return sorted(merged.values(), key=lambda f: -len({s.article for s in f.sources}))


def read(articles: Sequence[Article]) -> Reading:
    """Read every kind of fact from ``articles`` (segmented, in reading order) and find the off-event ones."""
    by_article = [nlp.units(a) for a in articles]
    every = [u for units in by_article for u in units]
    bodies = acronyms(every)
    mentions = nlp.names(by_article, bodies)
    found = claims_mod.attributions(every)
    people = claims_mod.people(found, Gazetteer(mentions, organisations=bodies))
    gazetteer = Gazetteer(mentions, people, bodies)
    said = claims_mod.read(found, every, gazetteer)
    counted = quantities_mod.read(every, gazetteer)
    dated = [d for a, units in zip(articles, by_article) for d in dates_mod.read(units, a.time)]
    entities = gazetteer.locate(every)
    return Reading(
        {(u.article, u.position): u for u in every}, gazetteer, entities, counted, dated, said,
        off_event([a.id for a in articles], counted, dated, _names(entities)),
    )


def _names(entities: Sequence[Entity]) -> dict[str, set[str]]:
    """The entities each article names."""
    out: dict[str, set[str]] = {}
    for entity in entities:
        for article in entity.articles:
            out.setdefault(article, set()).add(entity.name)
    return out


__all__ = ["FactSheet", "Reading", "read"]
