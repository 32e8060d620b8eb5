"""Stage 6, facts: who, what, how many, when, and where the sources disagree.

Two halves, one way through:

* **reading** (:mod:`newsbrief.facts.read`): text -> located mentions. One
  module per kind, each reading the same :class:`~newsbrief.facts.read.units.Unit`
  list (titles and sentences with offsets into the article text):
  :mod:`~.read.entities` (people, organisations, places; spaCy NER in
  :mod:`~.read.ner`), :mod:`~.read.quantities` (numbers and what they count),
  :mod:`~.read.dates`, :mod:`~.read.claims` (who said what);
* **checking** (:mod:`newsbrief.facts.check`): mentions -> what the briefing
  shows. :mod:`~.check.incidents` decides which articles report another
  incident (the pipeline runs it with and without facts, on the text alone),
  :mod:`~.check.quantities` and :mod:`~.check.agency` compare what the rest
  say (facts and conflicts), :mod:`~.check.updates` tells a figure that
  changed over time from one the sources disagree on, :mod:`~.check.timeline`
  orders the dated happenings.

The pipeline sets the off-event articles aside (so they feed neither the
summary nor the cross-check), calls :func:`read_facts` on the story's articles with
them named, then :meth:`Reading.sheet` for the briefing's typed facts,
conflicts and timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsbrief.facts.check.agency import agency_conflicts, claim_facts
from newsbrief.facts.check.quantities import Focus, group_quantities, quantity_conflicts, quantity_facts
from newsbrief.facts.check.timeline import timeline
from newsbrief.facts.check.updates import updates
from newsbrief.facts.read import claims as claims_mod
from newsbrief.facts.read import dates as dates_mod
from newsbrief.facts.read import quantities as quantities_mod
from newsbrief.facts.read.claims import Claim
from newsbrief.facts.read.dates import DateMention
from newsbrief.facts.read.entities import SHOWN_KINDS, Entity, Gazetteer, acronyms, frequent_names
from newsbrief.facts.read.ner import names
from newsbrief.facts.read.quantities import Parses, Quantity, nouns_of
from newsbrief.facts.read.units import Unit, units
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.lang.tokens import stemmed_stop, tokens, words
from newsbrief.model import Article, Cluster, Conflict, DateFact, EntityFact, Fact, Source, TimelineEntry


@dataclass(frozen=True)
class FactSheet:
    """What the briefing shows of the facts."""

    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True)
class Reading:
    """Every mention read from a cluster's articles, and which articles are off-event (id -> reason)."""

    units: dict[tuple[str, int], Unit]
    gazetteer: Gazetteer
    entities: tuple[Entity, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    claims: tuple[Claim, ...]
    off_event: dict[str, str]
    settings: Settings = DEFAULT

    def sheet(self, cluster: Cluster) -> FactSheet:
        """Facts, conflicts and timeline of the articles that are not off-event."""
        off = self.off_event
        main = [q for q in self.quantities if q.article not in off]
        times = {a.id: a.time for a in cluster.articles}
        groups = group_quantities(main, self.settings, times)
        said = [c for c in self.claims if c.article not in off]
        dated = [d for d in self.dates if d.article not in off]
        keywords = self._keywords()
        focus = Focus(frozenset(keywords), {k: u.text for k, u in self.units.items()}, times)
        facts = [
            *self._entity_facts(), *quantity_facts(groups, focus=focus, settings=self.settings),
            *self._context_facts(), *_date_facts(dated), *claim_facts(said, self.settings, keywords),
        ]
        victims = next((nouns_of(g.kind) for g in groups if g.category and g.kind), [])
        changed, steady = updates(groups, times, self.settings)
        speakers = {(c.article, c.position): c.speaker.key for c in said}
        conflicts = [*changed, *quantity_conflicts(steady, self.settings, speakers),
                     *agency_conflicts(said, self.gazetteer, victims, self.settings)]
        return FactSheet(tuple(facts), tuple(conflicts), tuple(timeline(dated, self.units, cluster, self.settings)))

    def _keywords(self) -> set[str]:
        """Stems that most articles (not off-event) use: what the cluster is about."""
        used: dict[str, set[str]] = {}
        for unit in self.units.values():
            if unit.article not in self.off_event:
                used.setdefault(unit.article, set()).update(words(unit.text))
        seen: Counter[str] = Counter()
        for found in used.values():
            seen.update(set(tokens(" ".join(found))))
        least = max(2.0, self.settings.keyword_share * len(used))
        return {stem for stem, n in seen.items() if n >= least} - stemmed_stop()

    def _entity_facts(self) -> list[EntityFact]:
        facts = []
        for entity in self.entities:
            sources = tuple(s for s in entity.sources if s.article not in self.off_event)
            if sources and entity.kind in SHOWN_KINDS:
                facts.append(EntityFact(name=entity.name, category=entity.kind, variants=tuple(sorted(entity.variants)),
                                        sources=sources))
        return sorted(facts, key=lambda f: -len(f.articles))

    def _context_facts(self) -> list[Fact]:
        """The counts of off-event articles, shown as context with the reason."""
        facts: list[Fact] = []
        for article, reason in self.off_event.items():
            mine = [q for q in self.quantities if q.article == article and q.category]
            facts += quantity_facts(group_quantities(mine, self.settings), context=f"{article} is {reason}")
        return facts


def _date_facts(dates: Sequence[DateMention]) -> list[DateFact]:
    merged: dict[tuple[str, str | None], list[DateMention]] = {}
    for d in dates:
        merged.setdefault((d.value, d.qualifier), []).append(d)
    facts = [DateFact(phrase=ds[0].text, value=ds[0].value, period=ds[0].period, qualifier=ds[0].qualifier,
                      sources=tuple(Source(d.article, d.start, d.end, d.text) for d in ds)) for ds in merged.values()]
    return sorted(facts, key=lambda f: -len(f.articles))


def read_facts(articles: Sequence[Article], settings: Settings = DEFAULT,
         off_event: Mapping[str, str] | None = None, parses: Parses | None = None) -> Reading:
    """Read every kind of fact from ``articles`` (segmented, in reading order); ``off_event`` names those of
    them that report another incident (id -> reason): their counts are context, not compared. ``parses``:
    the parses the off-event check made of them (not made again)."""
    by_article = [units(a) for a in articles]
    every = [u for found in by_article for u in found]
    bodies = acronyms(every)
    mentions = names(by_article, bodies, settings)
    found = claims_mod.attributions(every)
    people = claims_mod.people(found, Gazetteer(mentions, organisations=bodies))
    missed = frequent_names(every, [*(m.text for m in mentions), *people, *bodies], settings.name_share)
    gazetteer = Gazetteer(mentions, people, bodies, missed)
    said = claims_mod.read(found, every, gazetteer, {a.id: a.text for a in articles})
    years = {a.id: a.time.year for a in articles if a.time}
    counted = quantities_mod.read(every, gazetteer, years, settings, parses)
    dated = [d for a, mine in zip(articles, by_article) for d in dates_mod.read(mine, a.time)]
    entities = gazetteer.locate(every)
    return Reading(
        {(u.article, u.position): u for u in every}, gazetteer, tuple(entities), tuple(counted), tuple(dated),
        tuple(said), dict(off_event or {}), settings,
    )


__all__ = ["FactSheet", "Reading", "read_facts"]
