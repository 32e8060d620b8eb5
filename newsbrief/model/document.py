"""The reading model every stage shares, as sumy's: Article -> Paragraph -> Sentence, and a Cluster of them.

An :class:`Article` keeps its *original* text untouched. Every later result
(removed boilerplate, sentences, summary lines, facts) is a
:class:`~newsbrief.model.spans.Span` of it, so that any line of a briefing can
be highlighted in its source: ``article.text[start:end]``.

Everything here is frozen: a stage that adds to an article (cleaning finds its
paragraphs, segmenting their sentences) returns a new one with
:func:`dataclasses.replace`, so no stage can change what an earlier one produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Literal

from newsbrief.model.spans import Span


@dataclass(frozen=True)
class Removed(Span):
    """A span that cleaning took out of the text, and why (so nothing is lost silently)."""

    reason: str = ""


@dataclass(frozen=True)
class Sentence(Span):
    """One sentence; ``text`` is ``squash(original[start:end])`` and ``index`` its place among the article's
    kept sentences."""

    index: int = 0


@dataclass(frozen=True)
class Paragraph:
    """A kept block of the original text (a line or a run of lines) and, once segmented, its sentences."""

    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()


TimeSource = Literal["record", "page", "url", "document number", "dateline", "unknown"]
"""Where an article's time came from: the record's ``time`` field, the web page's metadata (htmldate), a
date in its URL, a document number that embeds one (``APW19981016.0312``), its dateline (``BRUSSELS,
May 2 (Xinhua) --``, the year from its context), or nowhere."""


@dataclass(frozen=True)
class Article:
    """An input article. ``text`` is the original text that all offsets point into; ``body_start`` is where
    the body begins (after a title line that is part of the text).

    ``time_source`` says where ``time`` came from (None until ingest has dated the article); ``outlet`` is
    who published it ("AP", "bbc.co.uk"): given by ingest, else the host of the URL.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    time: datetime | None = None
    source: str | None = None
    body_start: int = 0
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[Removed, ...] = ()
    time_source: TimeSource | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        if self.outlet is None and self.url:
            object.__setattr__(self, "outlet", outlet(self.url))

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every kept sentence, in reading order across paragraphs."""
        return [s for p in self.paragraphs for s in p.sentences]


def outlet(url: str | None) -> str | None:
    """The host of a URL without ``www.``, lower-cased; None without a URL."""
    if not url:
        return None
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I).split("/")[0].split("?")[0].lower()
    return host.removeprefix("www.") or None


@dataclass(frozen=True)
class Cluster:
    """The usable articles of one briefing, in reading order, and their sentences grouped by near-duplication.

    ``groups`` lists every sentence once, duplicate articles' included: a group's
    first sentence from a usable article stands for the group, and the other
    articles in it are its support (they say the same).
    """

    articles: tuple[Article, ...]
    groups: tuple[tuple[Sentence, ...], ...]
    _group_of: dict[tuple[str, int], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        group_of = {(s.article, s.index): g for g, group in enumerate(self.groups) for s in group}
        object.__setattr__(self, "_group_of", group_of)

    def support(self, sentence: Sentence) -> list[str]:
        """Ids of the other articles that say the same as ``sentence``."""
        group = self.groups[self._group_of[(sentence.article, sentence.index)]]
        return list(dict.fromkeys(s.article for s in group if s.article != sentence.article))

    def rank(self) -> dict[str, int]:
        """Article id -> its place in the cluster (reading order), for ordering and tie-breaks."""
        return {a.id: i for i, a in enumerate(self.articles)}

    def without(self, ids: set[str] | frozenset[str]) -> Cluster:
        """The cluster without the articles ``ids`` (and their sentences)."""
        if not ids:
            return self
        groups = (tuple(s for s in g if s.article not in ids) for g in self.groups)
        return Cluster(tuple(a for a in self.articles if a.id not in ids), tuple(g for g in groups if g))
