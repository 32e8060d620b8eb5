"""What newsbrief produces: a briefing, with the account of every input article, and what it is made of.

Every output format (text, Markdown, JSON, HTML; the HTTP API) renders this one
object; :meth:`Briefing.to_dict` is the JSON documented in the README.

Facts are typed, one class per kind (:class:`EntityFact`, :class:`QuantityFact`,
:class:`DateFact`, :class:`ClaimFact`), and so are the sides of a conflict
(:class:`ValueSide`: a value and its qualifier; :class:`PartySide`: a party and
its account), so that no consumer has to parse a string back into its parts.
Each keeps the spans it was read from (:class:`Source`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from newsbrief.model.document import Removed
from newsbrief.model.spans import Span

Status = Literal["used", "duplicate", "empty", "off-event", "unreadable", "seen"]
EntityKind = Literal["person", "organisation", "place", "event", "vessel"]
ConflictKind = Literal["quantity", "agency", "update"]


def plain(value: float) -> int | float:
    """A number for JSON and display: 33, not 33.0."""
    return int(value) if float(value).is_integer() else value


def number(value: float) -> str:
    """A number as shown: 950000 -> "950,000", 3.5 -> "3.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def hedged(value: float, qualifier: str | None) -> str:
    """A number with its qualifier, as shown: "at least 33"."""
    return f"{qualifier} {number(value)}" if qualifier else number(value)


def figure(value: float, qualifier: str | None, high: float | None = None, currency: str | None = None) -> str:
    """A figure as shown, with its qualifier, currency and the upper end of a range: "at least 33",
    "about $300,000", "8 to 12"."""
    amount = f"{currency.upper()}{number(value)}" if currency else number(value)
    upper = f" to {number(high)}" if high is not None else ""
    return f"{qualifier} {amount}{upper}" if qualifier else f"{amount}{upper}"


@dataclass(frozen=True)
class Source(Span):
    """Where a fact was read: ``text`` is the span as that source words it, ``qualifier`` its own hedge
    ("at least"), since sources agreeing on a value may hedge it differently."""

    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON of one source: ``{article, start, end, text, qualifier}``."""
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text,
                "qualifier": self.qualifier}


def _articles(sources: tuple[Source, ...]) -> list[str]:
    return list(dict.fromkeys(s.article for s in sources))


@dataclass(frozen=True, kw_only=True)
class Fact:
    """What every fact has: the spans it was read from and, for the counts of an off-event article, why
    it is context rather than part of the cross-check."""

    kind: ClassVar[str]
    sources: tuple[Source, ...] = ()
    context: str | None = None

    @property
    def text(self) -> str:
        """The fact as a reader sees it."""
        raise NotImplementedError

    @property
    def articles(self) -> list[str]:
        """Ids of the articles it was read in, in first-mention order."""
        return _articles(self.sources)

    def _fields(self) -> tuple[Any, str | None, str | None]:
        """(value, what, qualifier) in the JSON's terms (see the README's schema)."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """The JSON of a fact: ``{kind, text, value, what, qualifier, sources, context}``."""
        value, what, qualifier = self._fields()
        return {"kind": self.kind, "text": self.text, "value": value, "what": what, "qualifier": qualifier,
                "sources": [s.to_dict() for s in self.sources], "context": self.context}


@dataclass(frozen=True, kw_only=True)
class EntityFact(Fact):
    """A person, organisation or place, with every variant of its name the articles use."""

    kind: ClassVar[str] = "entity"
    name: str
    category: EntityKind
    variants: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The name as shown."""
        return self.name

    def _fields(self) -> tuple[Any, str | None, str | None]:
        return list(self.variants), self.category, None


@dataclass(frozen=True, kw_only=True)
class QuantityFact(Fact):
    """A count and what it counts ("33", "Turkish soldiers killed"). ``qualifier`` is set when every
    source hedges it the same way; ``hedge`` is how it is shown (the wording most sources use), since
    "about 950,000" and "around 950,000" agree without sharing a qualifier."""

    kind: ClassVar[str] = "quantity"
    value: float
    counts: str
    qualifier: str | None = None
    hedge: str | None = None
    high: float | None = None
    """The upper end of a range ("8 to 12 inches of snow"), else None."""
    currency: str | None = None
    """The currency symbol of an amount of money ("$"), else None."""
    incident: str | None = None
    """Set when the figure belongs to another, earlier incident than the one reported ("in 1974")."""
    key: bool = True
    """Whether a briefing needs it among its key facts: a toll or harm (killed, injured, missing, ...),
    an amount of money, or a figure several sources give; other single-source figures stay in the JSON."""
    reported: str | None = None
    """The day (ISO) it was first reported, set when the story spans more than a few days: which of the
    story's days it belongs to."""

    @property
    def text(self) -> str:
        """ "at least 33 Turkish soldiers killed"."""
        return f"{figure(self.value, self.hedge, self.high, self.currency)} {self.counts}"

    @property
    def sourcing(self) -> str:
        """How it is sourced, as a reader is told: "3 sources agree", "1 source"."""
        n = len(self.articles)
        return "1 source" if n == 1 else f"{n} sources agree"

    def to_dict(self) -> dict[str, Any]:
        """The JSON of a fact, with ``high``, ``currency``, ``incident``, ``sourcing``, ``key`` and ``reported``."""
        return {**super().to_dict(), "high": None if self.high is None else plain(self.high),
                "currency": self.currency, "incident": self.incident, "sourcing": self.sourcing, "key": self.key,
                "reported": self.reported}

    def _fields(self) -> tuple[Any, str | None, str | None]:
        return plain(self.value), self.counts, self.qualifier


@dataclass(frozen=True, kw_only=True)
class DateFact(Fact):
    """A date the articles name: ``value`` is ISO ("2020-02-27", "2019-12", "2016") or, unresolved, the
    phrase ("Thursday"); ``period`` is day, week, month, year or relative."""

    kind: ClassVar[str] = "date"
    phrase: str
    value: str
    period: str
    qualifier: str | None = None

    @property
    def text(self) -> str:
        """The date as the first source words it ("late on Thursday")."""
        return self.phrase

    def _fields(self) -> tuple[Any, str | None, str | None]:
        return self.value, self.period, self.qualifier


@dataclass(frozen=True, kw_only=True)
class ClaimFact(Fact):
    """Who said what: the speaker (normalised), the verb (said, denied, blamed, ...), what was claimed,
    and the party the speaker speaks for (a country, an organisation, or the speaker), if known."""

    kind: ClassVar[str] = "claim"
    speaker: str
    verb: str
    content: str
    party: str | None = None
    statement: str = ""
    """The sentence the claim was read from, as written."""

    @property
    def text(self) -> str:
        """The sentence the claim was read from."""
        return self.statement or f"{self.speaker} {self.verb} {self.content}"

    def _fields(self) -> tuple[Any, str | None, str | None]:
        return self.content, self.speaker, self.verb


@dataclass(frozen=True, kw_only=True)
class Side:
    """One side of a conflict: the articles that give it and the spans where they do."""

    articles: tuple[str, ...]
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ValueSide(Side):
    """A value some sources give ("at least 33"); ``as_of`` is when they gave it (for updates)."""

    value: float
    qualifier: str | None = None
    as_of: str | None = None

    @property
    def shown(self) -> str:
        """ "at least 33"."""
        return hedged(self.value, self.qualifier)

    def to_dict(self) -> dict[str, Any]:
        """``{value, qualifier, articles, as_of}``."""
        return {"value": plain(self.value), "qualifier": self.qualifier, "articles": list(self.articles),
                "as_of": self.as_of}


@dataclass(frozen=True, kw_only=True)
class PartySide(Side):
    """A party (a country, an organisation, a person) and its account, in its own words: each statement
    is what one of its speakers said, verb first ("denied its aircraft had carried out ...")."""

    party: str
    account: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """ "Russia: denied ...; blamed ..."."""
        return f"{self.party}: {'; '.join(self.account)}"

    def to_dict(self) -> dict[str, Any]:
        """``{value, party, account, articles}``; ``value`` is the party's account as one line."""
        return {"value": self.shown, "party": self.party, "account": list(self.account),
                "articles": list(self.articles), "qualifier": None}


@dataclass(frozen=True)
class Conflict:
    """A subject on which the sources differ: counts that cannot all be true (``quantity``), a figure that
    changed as the story developed (``update``, sides in time order), or parties that disagree about who
    did it or is to blame (``agency``)."""

    about: str
    kind: ConflictKind
    sides: tuple[ValueSide | PartySide, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{about, kind, values: [side, ...]}``."""
        return {"about": self.about, "kind": self.kind, "values": [s.to_dict() for s in self.sides]}


@dataclass(frozen=True)
class TimelineEntry:
    """A dated happening: ``date`` is ISO ("2020-02-27", "2019-12", "2016") or, unresolved, relative
    ("Thursday"); ``sources`` are the sentences that tell it."""

    date: str
    text: str
    articles: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    background: bool = False
    """Dated before the story began (history, an earlier incident): shown apart from the story's own dates."""

    def to_dict(self) -> dict[str, Any]:
        """``{date, text, articles, sources, background}``."""
        return {"date": self.date, "text": self.text, "articles": list(self.articles),
                "sources": [s.to_dict() for s in self.sources], "background": self.background}


@dataclass(frozen=True)
class Story:
    """A subject the input's articles follow: its title and its articles (ids, in reading order).

    ``kin``: stories with the same key are two incidents of one story, told by one cast (a navy's two
    captures of pirates, years apart), kept apart so that no summary reads them as one; None (a story made
    by hand) is a story of its own. ``incidents``: how many incidents the story it is part of is told in
    (2 for each of two incidents of one story, else 1), so that a briefing that lists only this one (one
    briefing per story) still says it covers an incident; the stories stage sets it with ``kin``, and the
    two must agree (a story of its own has 1).
    """

    title: str
    articles: tuple[str, ...]
    kin: int | None = None
    incidents: int = 1

    def incident_of(self, other: Story) -> bool:
        """Whether this story and ``other`` are two incidents of one story (see ``kin``)."""
        return self.kin is not None and self.kin == other.kin

    @property
    def is_incident(self) -> bool:
        """Whether this is one incident of a story told in several (see ``incidents``)."""
        return self.incidents > 1

    def to_dict(self) -> dict[str, Any]:
        """``{title, articles, kin, incidents}``."""
        return {"title": self.title, "articles": list(self.articles), "kin": self.kin, "incidents": self.incidents}


@dataclass(frozen=True)
class SummarySentence(Span):
    """A summary line with its provenance: the span it was taken from and the other articles that say
    the same (``support``)."""

    support: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{text, article, start, end, support}``."""
        return {"text": self.text, "article": self.article, "start": self.start, "end": self.end,
                "support": list(self.support)}


@dataclass(frozen=True)
class ArticleRecord:
    """The account of one input article in a briefing: what became of it and why. ``outlet`` is who
    published it, as ingest found it (a site, an agency), for reports to cite it by."""

    id: str
    status: Status
    reason: str
    title: str | None = None
    url: str | None = None
    time: str | None = None
    source: str | None = None
    text: str | None = None
    removed: tuple[Removed, ...] = ()
    time_source: str | None = None
    """Where ``time`` came from: record, page, url, document number, dateline or unknown."""
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON of one article's account (``removed`` as ``{start, end, reason}``)."""
        return {"id": self.id, "status": self.status, "reason": self.reason, "title": self.title, "url": self.url,
                "time": self.time, "time_source": self.time_source, "outlet": self.outlet, "source": self.source,
                "text": self.text,
                "removed": [{"start": r.start, "end": r.end, "reason": r.reason} for r in self.removed]}


@dataclass(frozen=True)
class Since:
    """What an update briefing was compared with: the articles the reader had read (ids, status ``seen``)
    and, when they were chosen by time (a store's articles held by then), that time (ISO 8601)."""

    articles: tuple[str, ...]
    time: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{articles, time}``."""
        return {"articles": list(self.articles), "time": self.time}


@dataclass(frozen=True)
class Briefing:
    """What newsbrief produces for one event; every output format renders this one object."""

    title: str
    summary: tuple[SummarySentence, ...]
    articles: tuple[ArticleRecord, ...]
    facts: tuple[EntityFact | QuantityFact | DateFact | ClaimFact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    stories: tuple[Story, ...] = ()
    """The stories the input holds, largest first; the summary covers the first."""
    since: Since | None = None
    """For an update briefing, what the reader had read: the summary tells only what is new since."""
    query: str | None = None
    """The question the briefing answers first, if one was asked."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the schema documented in the README)."""
        return {"title": self.title, "stories": [s.to_dict() for s in self.stories],
                "since": self.since.to_dict() if self.since else None, "query": self.query,
                "summary": [s.to_dict() for s in self.summary],
                "articles": [a.to_dict() for a in self.articles], "facts": [f.to_dict() for f in self.facts],
                "conflicts": [c.to_dict() for c in self.conflicts],
                "timeline": [t.to_dict() for t in self.timeline]}

    def seen(self, article: str) -> bool:
        """Whether the reader had read ``article`` before this (update) briefing."""
        return self.since is not None and article in self.since.articles

    def counts(self) -> dict[str, int]:
        """How many input articles ended in each status."""
        out: dict[str, int] = {}
        for rec in self.articles:
            out[rec.status] = out.get(rec.status, 0) + 1
        return out

    def record(self, article: str) -> ArticleRecord | None:
        """The account of the article with id ``article``."""
        return next((r for r in self.articles if r.id == article), None)


__all__ = ["ArticleRecord", "Briefing", "ClaimFact", "Conflict", "ConflictKind", "DateFact", "EntityFact",
           "EntityKind", "Fact", "PartySide", "QuantityFact", "Side", "Since", "Source", "Status", "Story",
           "SummarySentence",
           "TimelineEntry", "ValueSide", "figure", "hedged", "number", "plain"]
