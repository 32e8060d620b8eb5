"""What grouping remembers between blocks, and the in-memory kind a stream uses.

Linking a new block (:mod:`.link`) needs four things of the past: the events
still open around the block's time, the articles of some of them (to regroup
them with the block), the events of some stories (to regroup stories), and the
stories whose subject is close to the block's articles, however old. A
:class:`Memory` answers those and takes the changes back. :class:`InMemory`
keeps them in this process for a stream: articles only while their event is
open (``window_days`` of stream time, at most ``max_active`` events, the
``per_event`` latest of each), events
and stories while the story is among the ``max_stories`` most recently grown,
so memory stays bounded however long the stream. A store keeps them in SQLite
(``newsbrief.store``), without those limits.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from newsbrief.group.aliases import Aliases
from newsbrief.group.features import DIM
from newsbrief.group.settings import Settings


@dataclass
class ArticleState:
    """One grouped article as linking needs it: its vectors (event and story level), time (days, NaN when
    unknown), story-level local scale, and the event it is in."""

    id: str
    vector: sp.csr_matrix
    story_vector: sp.csr_matrix
    time: float
    title: str | None
    story_scale: float
    event: str | None = None


@dataclass
class EventState:
    """An event: centroid of its articles' vectors, story unit (mean of their scaled story vectors) and
    centroid of their story vectors (all pruned), size, mean local scale, time span, title, story, and
    when it last grew."""

    id: str
    story: str | None
    vector: sp.csr_matrix
    unit: sp.csr_matrix
    story_vector: sp.csr_matrix
    size: int
    scale: float
    first: float
    last: float
    title: str | None
    touched: int = 0


@dataclass
class StoryState:
    """A story: its unit (as an event's), the centroid of its articles' story vectors, size, time span,
    title, and when it last grew."""

    id: str
    unit: sp.csr_matrix
    vector: sp.csr_matrix
    size: int
    first: float
    last: float
    title: str | None
    touched: int = 0


@dataclass
class Changes:
    """What linking one block changed: articles new or moved (their final state), events and stories
    new or grown, and the ids merged into others (old id, id it lives on as)."""

    articles: list[ArticleState] = field(default_factory=list)
    events: list[EventState] = field(default_factory=list)
    stories: list[StoryState] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)
    now: float = math.nan  # stream time after the block (days)


class Memory(Protocol):
    """Where linking reads the past and writes what changed."""

    tick: int

    def open_events(self, since: float) -> list[EventState]:
        """The events that may still take articles: grown since ``since`` (or of unknown time), at most
        ``max_active`` of them, the most recently grown first. Only their ``id``, ``vector``, ``first`` and
        ``last`` need be set (:meth:`events` gives the rest)."""
        ...

    def events(self, ids: Sequence[str]) -> list[EventState]:
        """The events of these ids, in full."""
        ...

    def members(self, events: Sequence[str], per_event: int, limit: int) -> list[ArticleState]:
        """The articles of ``events`` (at most the ``per_event`` latest of each), event after event,
        leaving out the events that would take the total past ``limit``."""
        ...

    def story_events(self, stories: Sequence[str], limit: int) -> list[EventState]:
        """Every event of ``stories`` (at most ``limit`` in all, the latest first)."""
        ...

    def find_stories(self, vectors: sp.csr_matrix, bound: float, per_row: int) -> list[StoryState]:
        """For each row (an article's story vector), the ``per_row`` stories whose centroid is most similar
        to it, when at least ``bound``."""
        ...

    def stories(self, ids: Sequence[str]) -> list[StoryState]:
        """The stories of these ids (those it has)."""
        ...

    def new_id(self, kind: str) -> str:
        """A fresh id: ``e<n>`` for an event, ``s<n>`` for a story."""
        ...

    def save(self, changes: Changes) -> None:
        """Apply what linking one block changed."""
        ...

    def resolve(self, name: str) -> str:
        """The id that ``name`` lives on as (itself when it was never merged)."""
        ...


EMPTY = sp.csr_matrix((1, DIM), dtype=np.float32)
"""A vector with no features."""


def stack(rows: Sequence[sp.csr_matrix]) -> sp.csr_matrix:
    """Sparse rows as one matrix (0 rows when there are none)."""
    return sp.vstack(rows, format="csr") if rows else sp.csr_matrix((0, DIM), dtype=np.float32)


TERMS = 100
"""Features of each story kept in the search index (its strongest)."""
QUERY_TERMS = 30
"""Features of each new article looked up in it (its strongest)."""
SHORTLIST = 20
"""Stories per article compared in full after the lookup."""


def top_terms(vector: sp.csr_matrix, count: int, row: int = 0) -> list[tuple[int, float]]:
    """The ``count`` strongest (feature, weight) of a row of a sparse matrix."""
    lo, hi = vector.indptr[row], vector.indptr[row + 1]
    data, indices = vector.data[lo:hi], vector.indices[lo:hi]
    return [(int(indices[j]), float(data[j])) for j in np.argsort(-data, kind="stable")[:count]]


def shortlist(vectors: sp.csr_matrix, postings: Callable[[list[int]], Iterable[tuple[int, str, float]]],
              ) -> list[str]:
    """The stories worth comparing in full with some row: for each row, the ``SHORTLIST`` stories whose
    indexed features (``postings(features)`` gives (feature, story, weight)) best match its strongest ones."""
    wanted: dict[int, list[tuple[int, float]]] = defaultdict(list)
    vectors = vectors.tocsr()
    for row in range(vectors.shape[0]):
        for feature, weight in top_terms(vectors, QUERY_TERMS, row):
            wanted[feature].append((row, weight))
    partial: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for feature, story, weight in postings(list(wanted)):
        for row, mine in wanted[feature]:
            partial[row][story] += mine * weight
    return list(dict.fromkeys(story for scores in partial.values()
                              for story in sorted(scores, key=lambda s: (-scores[s], s))[:SHORTLIST]))


def top_stories(vectors: sp.csr_matrix, stories: Sequence[StoryState], bound: float, per_row: int,
                ) -> list[StoryState]:
    """The stories among ``stories`` that are among the ``per_row`` most similar to some row, at least ``bound``."""
    if not stories or vectors.shape[0] == 0:
        return []
    sims = (vectors @ stack([s.vector for s in stories]).T).toarray()
    found: dict[int, None] = {}
    for row in sims:
        best = np.argsort(-row, kind="stable")[:per_row]
        found.update(dict.fromkeys(int(j) for j in best if row[j] >= bound))
    return [stories[j] for j in found]


class InMemory:
    """A stream's memory, bounded: see the module's docstring. Events that have closed are kept (without
    their articles) for their stories to be regrouped, at most ``max_active`` of them, the most recently
    grown; an event no longer kept stays part of its story."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tick = 0
        self.now = math.nan
        self.events_by_id: dict[str, EventState] = {}
        self.articles: dict[str, list[ArticleState]] = {}  # of open events
        self.by_story: dict[str, StoryState] = {}
        self.events_of: dict[str, list[str]] = {}  # story -> its events
        self.postings: dict[int, dict[str, float]] = defaultdict(dict)  # feature -> story -> weight
        self.aliases = Aliases()
        self.moved: dict[str, str] = {}  # article -> the event it moved to after it was assigned
        self.story_of: dict[str, str] = {}  # event -> its story (every event seen: a few bytes each)
        self._numbers = {"e": 0, "s": 0}

    def open_events(self, since: float) -> list[EventState]:
        """See :meth:`Memory.open_events`."""
        found = [self.events_by_id[e] for e in self.articles
                 if math.isnan(self.events_by_id[e].last) or self.events_by_id[e].last >= since]
        return sorted(found, key=lambda e: (-e.touched, e.id))[:self.settings.max_active]

    def events(self, ids: Sequence[str]) -> list[EventState]:
        """See :meth:`Memory.events`."""
        return [self.events_by_id[i] for i in ids if i in self.events_by_id]

    def members(self, events: Sequence[str], per_event: int, limit: int) -> list[ArticleState]:
        """See :meth:`Memory.members`."""
        out: list[ArticleState] = []
        for name in events:
            found = self.articles.get(name, [])[-per_event:]
            if len(out) + len(found) <= limit:
                out += found
        return out

    def story_events(self, stories: Sequence[str], limit: int) -> list[EventState]:
        """See :meth:`Memory.story_events`."""
        found = [self.events_by_id[e] for s in stories for e in self.events_of.get(s, [])]
        return sorted(found, key=lambda e: (-e.touched, e.id))[:limit]

    def find_stories(self, vectors: sp.csr_matrix, bound: float, per_row: int) -> list[StoryState]:
        """See :meth:`Memory.find_stories`."""
        found = shortlist(vectors, lambda features: ((f, s, w) for f in features for s, w in self.postings[f].items()))
        return top_stories(vectors, self.stories(found), bound, per_row)

    def stories(self, ids: Sequence[str]) -> list[StoryState]:
        """See :meth:`Memory.stories`."""
        return [self.by_story[i] for i in ids if i in self.by_story]

    def new_id(self, kind: str) -> str:
        """See :meth:`Memory.new_id`."""
        self._numbers[kind] += 1
        return f"{kind}{self._numbers[kind]}"

    def save(self, changes: Changes) -> None:
        """Apply the changes, then let go of what fell out of the window or out of the stories kept."""
        self.tick += 1
        for old, new in changes.merged:
            self.aliases.add(old, new)
            self._merge(old, new)
        for story in changes.stories:
            self._unindex(story.id)
            self.by_story[story.id] = story
            self.events_of.setdefault(story.id, [])
            for feature, weight in top_terms(story.vector, TERMS):
                self.postings[feature][story.id] = weight
        for event in changes.events:
            self.story_of[event.id] = event.story or ""
            before = self.events_by_id.get(event.id)
            if before is not None and before.story != event.story and before.story in self.events_of:
                self.events_of[before.story].remove(event.id)
            if before is None or before.story != event.story:
                self.events_of.setdefault(event.story or "", []).append(event.id)
            self.events_by_id[event.id] = event
        self._place(changes.articles)
        self.now = float(np.fmax(self.now, changes.now))
        self._forget()

    def _merge(self, old: str, new: str) -> None:
        """``old`` (an event or a story) lives on as ``new``: its articles or events go there."""
        if old in self.events_by_id:
            del self.events_by_id[old]
            moved = [replace(a, event=new) for a in self.articles.pop(old, [])]
            if moved:
                self.articles.setdefault(new, []).extend(moved)
            for events in self.events_of.values():
                if old in events:
                    events.remove(old)
        elif old in self.by_story:
            self._unindex(old)
            del self.by_story[old]
            for e in self.events_of.pop(old, []):
                self.events_by_id[e].story = new
                self.events_of.setdefault(new, []).append(e)

    def _unindex(self, story: str) -> None:
        if story in self.by_story:
            for feature, _ in top_terms(self.by_story[story].vector, TERMS):
                self.postings[feature].pop(story, None)
                if not self.postings[feature]:
                    del self.postings[feature]

    def _place(self, articles: Sequence[ArticleState]) -> None:
        """Put new and moved articles in their events' lists (latest last)."""
        moving = {a.id: a for a in articles}
        for name, listed in self.articles.items():
            self.moved.update((a.id, moving[a.id].event or "") for a in listed
                              if a.id in moving and moving[a.id].event != name)
        for name in list(self.articles):
            self.articles[name] = [a for a in self.articles[name] if a.id not in moving]
        for a in articles:
            if a.event is not None:
                self.articles.setdefault(a.event, []).append(a)
        for name in {a.event for a in articles if a.event is not None}:
            del self.articles[name][:-self.settings.per_event]  # only the latest are ever regrouped

    def _forget(self) -> None:
        """Close events silent for ``window_days`` of stream time (or beyond the ``max_active`` most recently
        grown), then drop the least recently grown stories beyond ``max_stories`` with their events."""
        horizon = self.now - self.settings.window_days
        by_touch = sorted(self.articles, key=lambda e: (-self.events_by_id[e].touched, e))
        for rank, name in enumerate(by_touch):
            if rank >= self.settings.max_active or self.events_by_id[name].last < horizon or not self.articles[name]:
                del self.articles[name]
        closed = sorted((e for e in self.events_by_id.values() if e.id not in self.articles),
                        key=lambda e: (-e.touched, e.id))
        for event in closed[self.settings.max_active:]:
            del self.events_by_id[event.id]
            listed = self.events_of.get(event.story or "", [])
            if event.id in listed:
                listed.remove(event.id)
        extra = len(self.by_story) - self.settings.max_stories
        if extra > 0:
            for story in sorted(self.by_story.values(), key=lambda s: (s.touched, s.id))[:extra]:
                self._unindex(story.id)
                del self.by_story[story.id]
                for e in self.events_of.pop(story.id, []):
                    self.events_by_id.pop(e, None)
                    self.articles.pop(e, None)

    def resolve(self, name: str) -> str:
        """See :meth:`Memory.resolve`."""
        return self.aliases.resolve(name) or name

    def current(self, article: str, event: str | None) -> tuple[str | None, str | None]:
        """Where an article assigned to ``event`` (None: unassigned) is now: its event and that event's story
        (it may have moved to another event, its event into another story, either been merged away)."""
        if event is None:
            return None, None
        now = self.resolve(self.moved.get(article, event))
        return now, self.resolve(self.story_of.get(now, ""))
