"""What newsbrief produces: a briefing, with the account of every input article, and what it is made of.

Every output format (text, Markdown, JSON, HTML; the HTTP API) renders this one
object; ``Briefing.to_dict()`` is the JSON documented in the README.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["used", "duplicate", "empty", "off-event", "unreadable"]


@dataclass
class ArticleRecord:
    """The account of one input article in a briefing: what became of it and why."""

    id: str
    status: Status
    reason: str
    title: str | None = None
    url: str | None = None
    time: str | None = None
    source: str | None = None
    text: str | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SummarySentence:
    """A summary line with its provenance: the article and span it was taken from."""

    text: str
    article: str
    start: int
    end: int
    support: list[str] = field(default_factory=list)


@dataclass
class Source:
    """Where a fact was read: an article and a span of its original text.

    ``text`` is the span as that source words it and ``qualifier`` its own
    qualifier ("at least"), since sources agreeing on a value may hedge it differently.
    """

    article: str
    start: int
    end: int
    text: str | None = None
    qualifier: str | None = None


@dataclass
class Fact:
    """An extracted fact (entity, quantity, date or claim) with every place it was found."""

    kind: Literal["entity", "quantity", "date", "claim"]
    text: str
    value: Any = None
    what: str | None = None
    qualifier: str | None = None
    sources: list[Source] = field(default_factory=list)
    context: str | None = None
    """Set for facts from off-event articles: why they are context, not part of the cross-check."""


@dataclass
class ConflictValue:
    """One side of a conflict: a value (or a party's account) and the articles that give it."""

    value: Any
    articles: list[str]
    qualifier: str | None = None


@dataclass
class Conflict:
    """One subject on which the sources give different values."""

    about: str
    values: list[ConflictValue]
    kind: Literal["quantity", "agency"] = "quantity"


@dataclass
class TimelineEntry:
    """A dated happening: ``date`` is ISO ("2020-02-27", "2019-12", "2016") or, unresolved, relative ("Thursday")."""

    date: str
    text: str
    articles: list[str]


@dataclass
class Briefing:
    """What newsbrief produces for one event; every output format renders this one object."""

    title: str
    summary: list[SummarySentence]
    articles: list[ArticleRecord]
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the schema documented in the README)."""
        return asdict(self)

    def counts(self) -> dict[str, int]:
        """How many input articles ended in each status."""
        out: dict[str, int] = {}
        for rec in self.articles:
            out[rec.status] = out.get(rec.status, 0) + 1
        return out
