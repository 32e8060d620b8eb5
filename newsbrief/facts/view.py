"""The facts of a briefing arranged for reading; the text and Markdown reports only add markup.

Order: what the sources agree on, then what they dispute, then the claims,
the counts of off-event articles (context, not conflicts), the people,
organisations and places most sources name, and the timeline. Lists are cut
to what a reader takes in; the JSON briefing keeps everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsbrief.facts.quantities import number
from newsbrief.model import Briefing, ConflictValue, Fact, Source

MAX_FACTS = 8
MAX_CLAIMS = 6
MAX_ENTITIES = 12
MAX_TIMELINE = 15
CLAIM_WORDS = 30
CLAIM_START = 60
"""Characters of a claim that identify it in a party's account."""


@dataclass(frozen=True)
class Item:
    """A line of a section, the articles behind it, an optional note, and sub-lines (a dispute's sides).

    ``sources`` are the spans the line was read from, for formats that link to them (HTML).
    """

    text: str
    articles: list[str] = field(default_factory=list)
    note: str | None = None
    children: list[Item] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """A titled list of lines of the facts part of a briefing."""

    title: str
    items: list[Item]


def sections(briefing: Briefing) -> list[Section]:
    """The non-empty fact sections of a briefing, in reading order."""
    quantities = [f for f in briefing.facts if f.kind == "quantity"]
    disputed = {c.about for c in briefing.conflicts if c.kind == "quantity"}
    found = [
        Section("Key facts (sources agree)", [_quantity(f) for f in quantities
                                              if not f.context and f.what not in disputed][:MAX_FACTS]),
        Section("Disputed", [Item(c.about, children=[_side(v) for v in c.values]) for c in briefing.conflicts]),
        Section("Claims", _claims([f for f in briefing.facts if f.kind == "claim"], _disputes(briefing))),
        Section("Context (other incidents, not compared)", _context(quantities)),
        Section("People, organisations, places",
                [Item(f"{f.text} ({f.what})", _articles(f), sources=f.sources) for f in briefing.facts
                 if f.kind == "entity"]
                [:MAX_ENTITIES]),
        Section("Timeline", [Item(f"{e.date}: {e.text}", e.articles) for e in briefing.timeline][:MAX_TIMELINE]),
    ]
    return [s for s in found if s.items]


def _articles(fact: Fact) -> list[str]:
    return list(dict.fromkeys(s.article for s in fact.sources))


def _quantity(fact: Fact) -> Item:
    """ "33 Turkish soldiers killed", noting how sources that hedge it word it ("002: at least 33 of its troops")."""
    hedged: dict[str, str] = {}
    for s in fact.sources:
        if s.qualifier and s.qualifier != fact.qualifier:
            hedged.setdefault(s.article, f"{s.article}: {s.text}")
    return Item(fact.text, _articles(fact), "; ".join(hedged.values()) or None, sources=fact.sources)


def _context(quantities: list[Fact]) -> list[Item]:
    """One line per off-event article (its reason), its counts below it."""
    by_reason: dict[str, list[Fact]] = {}
    for fact in quantities:
        if fact.context:
            by_reason.setdefault(fact.context, []).append(fact)
    return [Item(reason, children=[Item(f.text, _articles(f), sources=f.sources) for f in facts])
            for reason, facts in by_reason.items()]


def _disputes(briefing: Briefing) -> str:
    """The parties' accounts in the disputes, to not show their claims twice."""
    return " ".join(str(v.value) for c in briefing.conflicts if c.kind == "agency" for v in c.values)


def _claims(claims: list[Fact], disputed: str) -> list[Item]:
    """The most-sourced claims not already in a dispute, at most two per speaker."""
    shown: list[Item] = []
    per_speaker: dict[str | None, int] = {}
    for fact in claims:
        if str(fact.value)[:CLAIM_START] in disputed:
            continue
        if per_speaker.get(fact.what, 0) < 2 and len(shown) < MAX_CLAIMS:
            per_speaker[fact.what] = per_speaker.get(fact.what, 0) + 1
            shown.append(_claim(fact))
    return shown


def _side(value: ConflictValue) -> Item:
    if isinstance(value.value, (int, float)):
        text = f"{value.qualifier + ' ' if value.qualifier else ''}{number(value.value)}"
    else:
        text = str(value.value)
    return Item(text, value.articles)


def _claim(fact: Fact) -> Item:
    words = str(fact.value).split()
    content = " ".join(words[:CLAIM_WORDS]) + ("…" if len(words) > CLAIM_WORDS else "")
    if fact.qualifier == "according to":
        return Item(f"{content} (according to {fact.what})", _articles(fact), sources=fact.sources)
    return Item(f"{fact.what} {fact.qualifier} {content}", _articles(fact), sources=fact.sources)
