"""The facts of a briefing arranged for reading: the view model every report renders.

Sections are keyed by :class:`Part`, not by their titles, so a format can place
each one (the HTML page puts agreed and disputed facts side by side) without
matching strings. Order: what the sources agree on, the figures that changed as
the story developed (the latest first, with the path to it), what they dispute,
the claims, the counts of off-event articles (context, not compared), the
people, organisations and places most sources name, the timeline of the story
and its background (what happened before it). Lists are cut to what a reader
takes in, and a cut section says how many lines it left out; the JSON briefing
keeps everything.

An update briefing (``briefing.since``: the articles the reader had read) marks
what was first given since ("(new) ") and puts it first, so a cut keeps the news;
the timeline stays in date order, its cut keeping the new entries first. The
facts of a briefing that answers a question come in the order the pipeline gave
them: those that bear on the question first.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence, Set
from dataclasses import dataclass, replace
from enum import Enum

from newsbrief.model import (
    Briefing,
    ClaimFact,
    Conflict,
    EntityFact,
    PartySide,
    QuantityFact,
    Source,
    Story,
    TimelineEntry,
    ValueSide,
)
from newsbrief.report.dates import as_read, short_date

MAX_FACTS = 8
MAX_CLAIMS = 6
MAX_ENTITIES = 12
MAX_TIMELINE = 15
MAX_BACKGROUND = 5
CLAIM_WORDS = 30
STATEMENT_WORDS = 45
NEW = "(new) "
"""What marks a line of an update briefing that no article the reader had read gives."""


class Part(Enum):
    """A section of the facts part of a briefing; the value is its heading, ``{subject}`` what the briefing
    covers (see :func:`subject`)."""

    AGREED = "Key facts"
    UPDATES = "Figures that changed (latest first)"
    DISPUTED = "Disputed"
    CLAIMS = "Claims"
    CONTEXT = "Context (other incidents, not compared)"
    NAMES = "People, organisations, places"
    TIMELINE = "Timeline"
    BACKGROUND = "Background (before the {subject})"

    def heading(self, covered: str) -> str:
        """The section's heading in a briefing that covers ``covered`` (a story, an incident)."""
        return self.value.format(subject=covered)


@dataclass(frozen=True)
class Item:
    """A line of a section, the articles behind it, and its sub-lines (a dispute's sides).

    ``sources`` are the spans the line was read from, for formats that link to them
    (HTML); ``quotes`` are the sources that word it their own way ("at least 33"
    where the line says 33), each shown with its article's citation; ``name`` is
    what a narrow place (a grid cell) shows of it: a dispute side's party or value.
    """

    text: str
    articles: tuple[str, ...] = ()
    children: tuple[Item, ...] = ()
    sources: tuple[Source, ...] = ()
    quotes: tuple[Source, ...] = ()
    name: str | None = None
    new: bool = False
    """In an update briefing: no article the reader had read gives it (its text then opens with :data:`NEW`)."""


@dataclass(frozen=True)
class Section:
    """The lines of one part of a briefing; ``omitted`` counts the lines cut to keep it short."""

    part: Part
    items: tuple[Item, ...]
    omitted: int = 0
    covered: str = "story"
    """What the briefing covers, as its headings name it (see :func:`subject`)."""

    @property
    def title(self) -> str:
        """The section's heading."""
        return self.part.heading(self.covered)

    @property
    def more(self) -> str | None:
        """What a cut section says after its lines: "… and 12 more in the JSON"."""
        return f"… and {self.omitted} more in the JSON" if self.omitted else None


def sections(briefing: Briefing) -> list[Section]:
    """The non-empty fact sections of a briefing, in reading order."""
    facts = briefing.facts
    seen = _seen(briefing)
    quantities = [f for f in facts if isinstance(f, QuantityFact)]
    disputed = {(s.article, s.start) for c in briefing.conflicts for side in c.sides for s in side.sources}
    claims = sorted((f for f in facts if isinstance(f, ClaimFact)), key=lambda f: not _new(f.articles, seen))
    timeline = [_marked(_dated(e), seen) for e in briefing.timeline if not e.background]
    found = [
        _cut(Part.AGREED, _news([_quantity(f) for f in quantities if f.key and not f.context
                                 and not any((s.article, s.start) in disputed for s in f.sources)], seen), MAX_FACTS),
        _cut(Part.UPDATES, _news([_update(c) for c in briefing.conflicts if c.kind == "update"], seen)),
        _cut(Part.DISPUTED, _news([_conflict(c, seen) for c in briefing.conflicts if c.kind != "update"], seen)),
        _claims(claims, disputed, seen),
        _cut(Part.CONTEXT, _context(quantities)),
        _cut(Part.NAMES, _news([_entity(f) for f in facts if isinstance(f, EntityFact)], seen), MAX_ENTITIES),
        _cut(Part.TIMELINE, timeline, MAX_TIMELINE, first=[i.new for i in timeline]),
        _cut(Part.BACKGROUND, [_dated(e) for e in briefing.timeline if e.background][::-1], MAX_BACKGROUND),
    ]
    covered = subject(briefing)
    return [replace(s, covered=covered) for s in found if s.items]


def subject(briefing: Briefing) -> str:
    """What a briefing covers, as its headings and notes name it: "incident" when it covers one incident of
    a story told in two (:attr:`Story.is_incident`), else "story"."""
    return "incident" if briefing.stories and briefing.stories[0].is_incident else "story"


def notice(briefing: Briefing) -> str | None:
    """The line that opens a briefing: what it was compared with (an update), the question it answers,
    and whether the input holds several stories; None when there is nothing to say."""
    said = []
    if briefing.since is not None:
        n = len(briefing.since.articles)
        when = f", held by {briefing.since.time}" if briefing.since.time else ""
        said.append(f"What is new for a reader of {n} earlier article{'s' * (n != 1)}{when}: the summary cites "
                    f"none of them and leaves out what they already said; facts first given since are marked {NEW.strip()}.")
    if briefing.query:
        said.append(f"Asked: {briefing.query.strip()} The summary and the facts put what bears on it first.")
    if len(briefing.stories) >= 2:
        said.append(_several(briefing.stories))
    elif briefing.stories and briefing.stories[0].is_incident:
        said.append(_incident(briefing.stories[0]))
    return " ".join(said) or None


def holds(stories: Sequence[Story]) -> str:
    """What an input of several stories holds, counted as a reader counts stories: two incidents of one story
    (see :attr:`Story.kin`) are one story told in two incidents ("3 stories, one of them told in two
    incidents")."""
    twice = sum(any(s.incident_of(t) for t in stories[:i]) for i, s in enumerate(stories))
    subjects = len(stories) - twice
    if subjects == 1:
        return "one story told in two incidents" if twice else "one story"
    which = "one" if twice == 1 else "both" if twice == subjects == 2 else str(twice)
    return f"{subjects} stories" + (f", {which} of them told in two incidents" if twice else "")


def _several(stories: Sequence[Story]) -> str:
    """The notice of an input of several stories: what it holds (:func:`holds`) and which this briefing
    covers: the first story, which has the most articles of any one part, though a story told in two
    incidents may have more in all ("one of the stories" then)."""
    first, n = stories[0], len(stories[0].articles)
    if len(stories) == 2 and first.incident_of(stories[1]):
        covered = "the larger incident" if n > len(stories[1].articles) else "the incident read first"
        rest = "the other incident's"
    elif any(first.incident_of(s) for s in stories[1:]):
        covered, rest = "one of a story's two incidents", "the others'"
    else:
        largest = all(n >= sum(len(t.articles) for t in stories if t.incident_of(s)) for s in stories[1:])
        covered, rest = ("the largest story" if largest else "one of the stories"), "the others'"
    return (f"This input holds {holds(stories)}; this briefing covers {covered} ({n} article{'s' * (n != 1)}) "
            f"and sets {rest} articles aside as off-event. Brief each with `newsbrief brief --per-story`, or "
            f"sort a stream with `newsbrief group`.")


def _incident(story: Story) -> str:
    """The notice of a briefing that lists only the incident it covers (one briefing per story, so the
    other incident has a briefing of its own; what else the input held, and why each article was set aside,
    the articles table says)."""
    n = len(story.articles)
    return (f"This briefing covers one of a story's two incidents ({n} article{'s' * (n != 1)}); the other "
            f"incident has a briefing of its own.")


def _seen(briefing: Briefing) -> frozenset[str]:
    """The articles the reader of an update briefing had read (none for another briefing)."""
    return frozenset(briefing.since.articles) if briefing.since else frozenset()


def as_news(text: str, articles: Collection[str], briefing: Briefing) -> str:
    """``text`` marked ``(new)`` when the line is news to the reader of an update briefing (the HTML
    timeline lists every entry itself, and marks them as the sections do)."""
    return NEW + text if _new(articles, _seen(briefing)) else text


def _new(articles: Collection[str], seen: frozenset[str]) -> bool:
    """Whether a line given by ``articles`` is news to the reader of an update briefing: no article they
    had read gives it."""
    return bool(seen) and bool(articles) and not seen.intersection(articles)


def _marked(item: Item, seen: frozenset[str]) -> Item:
    """``item`` marked new when it is news to the reader (see :func:`_new`)."""
    return replace(item, text=NEW + item.text, new=True) if _new(item.articles, seen) else item


def _news(items: Sequence[Item], seen: frozenset[str]) -> list[Item]:
    """``items`` marked, the new ones first (in their order), then the rest."""
    marked = [_marked(i, seen) for i in items]
    return sorted(marked, key=lambda i: not i.new)


def _cut(part: Part, items: Sequence[Item], limit: int | None = None, first: Sequence[bool] = ()) -> Section:
    """At most ``limit`` of ``items``, in their order; the items ``first`` flags are kept before the others."""
    if limit is None or len(items) <= limit:
        return Section(part, tuple(items))
    flags = list(first) or [False] * len(items)
    kept = sorted(sorted(range(len(items)), key=lambda i: not flags[i])[:limit])
    return Section(part, tuple(items[i] for i in kept), len(items) - limit)


def _quantity(fact: QuantityFact) -> Item:
    """ "33 Turkish soldiers killed (3 sources agree)": the line says how it is sourced, the day it was first
    reported over a story of several days ("1 source, 22 Aug 1998") and, when it is another incident, which
    ("in 1974"); the sources that hedge it otherwise than the line are quoted ("at
    least 33 of its troops" under 33, "more than 7,500 people have died" under 9,000, "33" under "at least
    33")."""
    hedges: dict[str, Source] = {}
    for s in fact.sources:
        if s.qualifier != fact.hedge:
            hedges.setdefault(s.article, s)
    when = [f"{'first ' if len(fact.articles) > 1 else ''}{short_date(fact.reported)}"] if fact.reported else []
    how = "; ".join([", ".join([fact.sourcing, *when]), *([f"another incident, {fact.incident}"] if fact.incident
                                                          else [])])
    return Item(f"{fact.text} ({how})", tuple(fact.articles), sources=fact.sources, quotes=tuple(hedges.values()))


def _conflict(conflict: Conflict, seen: frozenset[str] = frozenset()) -> Item:
    """A dispute and its sides; in an update briefing, new when one of its sides is (the dispute arose since)."""
    sides = tuple(_marked(_side(s), seen) for s in conflict.sides)
    fresh = any(side.new for side in sides)
    return Item(NEW + conflict.about if fresh else conflict.about, children=sides, new=fresh)


def _side(side: ValueSide | PartySide) -> Item:
    name = side.party if isinstance(side, PartySide) else side.shown
    return Item(side.shown, side.articles, sources=side.sources, name=name)


def _update(conflict: Conflict) -> Item:
    """ "people killed: 9,000 as of 4 Nov 1998 — 32 (29 Oct) → 231 (31 Oct) → 9,000 (4 Nov)": the latest
    figure first, then the path to it (each day with its year when the path spans years); each side below
    with its articles."""
    sides = [s for s in conflict.sides if isinstance(s, ValueSide)]
    latest = sides[-1]
    one_year = len({(s.as_of or "")[:4] for s in sides}) == 1  # "(29 Oct)", but "(25 Jun 1996) → (10 Sep 2000)"
    path = " → ".join(f"{s.shown} ({_day(s.as_of, latest.as_of if one_year else None)})" for s in sides)
    return Item(f"{conflict.about}: {latest.shown} as of {_day(latest.as_of)} — {path}", latest.articles,
                children=tuple(_side(s) for s in sides), sources=latest.sources, name=latest.shown)


def _day(iso: str | None, beside: str | None = None) -> str:
    """ "4 Nov 1998"; the year left out when ``beside`` is of the same year ("29 Oct")."""
    shown = short_date(iso)
    if not shown:
        return "undated"
    return shown.removesuffix(f" {iso[:4]}") if beside and beside[:4] == iso[:4] else shown


def _context(quantities: Sequence[QuantityFact]) -> list[Item]:
    """One line per off-event article (its reason), its counts below it."""
    by_reason: dict[str, list[QuantityFact]] = {}
    for fact in quantities:
        if fact.context:
            by_reason.setdefault(fact.context, []).append(fact)
    return [Item(reason, children=tuple(Item(f.text, tuple(f.articles), sources=f.sources) for f in found))
            for reason, found in by_reason.items()]


def _claims(claims: Sequence[ClaimFact], quoted: Set[tuple[str, int]], seen: frozenset[str]) -> Section:
    """The most central claims (in the order given: the facts' rank, news first in an update briefing) not
    already quoted in a dispute (``quoted``: the spans the disputes show), at most two per party, so that one side's many statements do not crowd out
    the others'."""
    fresh = [f for f in claims if not any((s.article, s.start) in quoted for s in f.sources)]
    shown: list[Item] = []
    per_party: dict[str, int] = {}
    for fact in fresh:
        party = fact.party or fact.speaker
        if per_party.get(party, 0) < 2 and len(shown) < MAX_CLAIMS:
            per_party[party] = per_party.get(party, 0) + 1
            shown.append(_marked(_claim(fact), seen))
    return Section(Part.CLAIMS, tuple(shown), len(fresh) - len(shown))


WITHOUT_LISTENER = {"told": "said"}
"""Reporting verbs (as the claims give them: in the past) that need whom they were said to, and what a cut
claim, which leaves the listener out, says instead ("Obama told Khloe he thought ..." cut to "Obama said he thought ...", not "Obama told he")."""


def _claim(fact: ClaimFact) -> Item:
    """The claim as its source words it, whole: the sentence, with the clause that may change its meaning
    ("Although Hamas initially claimed ...") and the speaker where the writer put them. A sentence too long
    to show, or one whose speaker is a pronoun ("It also denied ..."), is cut to what was claimed, with the
    speaker after it ("..., sources said") or before it as written."""
    sentence = fact.statement.split()
    if fact.statement and len(sentence) <= STATEMENT_WORDS and _names_speaker(fact):
        return Item(fact.statement, tuple(fact.articles), sources=fact.sources)
    words = fact.content.split()
    content = " ".join(words[:CLAIM_WORDS]) + ("…" if len(words) > CLAIM_WORDS else "")
    if fact.verb == "according to":
        return Item(f"{content} (according to {fact.speaker})", tuple(fact.articles), sources=fact.sources)
    said = fact.statement.find(fact.content[:20])
    verb = WITHOUT_LISTENER.get(fact.verb, fact.verb)
    if 0 <= said <= 2:  # "..., sources said": the claim came first
        return Item(f"{content} ({fact.speaker} {verb})", tuple(fact.articles), sources=fact.sources)
    colon = ":" if content[:1].isupper() else ""  # a quote: never glued to its speaker
    return Item(f"{fact.speaker} {verb}{colon} {content}", tuple(fact.articles), sources=fact.sources)


def _names_speaker(fact: ClaimFact) -> bool:
    """Whether the claim's sentence names its speaker by a capitalised word of their name ("Burnstein said"
    for Cliff Burnstein), so that the sentence shown whole says who claims it."""
    names = {w.removesuffix("’s").removesuffix("'s") for w in fact.speaker.split() if w[:1].isupper()}
    return bool(names.intersection(w.strip(",.;:!?\"“”‘’'()") for w in fact.statement.split()))


def _entity(fact: EntityFact) -> Item:
    return Item(f"{fact.name} ({fact.category})", tuple(fact.articles), sources=fact.sources)


def _dated(entry: TimelineEntry) -> Item:
    """ "week of 26 Oct 1998: ...": the date as a reader reads it (the model keeps the ISO value)."""
    return Item(f"{as_read(entry.date)}: {entry.text}", entry.articles, sources=entry.sources)


__all__ = ["Item", "Part", "Section", "as_news", "holds", "notice", "sections", "subject"]
