"""A stream of articles into events and stories, block by block, in bounded memory.

The stream is cut into blocks of consecutive articles (a feed arrives in time
order, so each block is a window of time). Grouping a block on its own
(:func:`group_block`: vectors, events, story-level scales) needs nothing but
the block, so blocks are the unit of parallel work, on local processes or Dask
workers. Linking each block to what came before (:mod:`.link`) runs in order
in one place, so every engine gives the same events and stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
import scipy.sparse as sp

from newsbrief.group.cluster import cluster_block
from newsbrief.group.features import Prior, combine, document_frequency, hashed, read_parts, weigh
from newsbrief.group.settings import Settings
from newsbrief.group.stories import story_scale
from newsbrief.ingest import Problem, days
from newsbrief.model import Article

EMPTY = "empty text: no title and no article text"
NO_WORDS = "no words to compare: the title and text hold only punctuation or symbols"


@dataclass
class Assignment:
    """Where one input article ended: an event and the story that holds it, or unassigned
    (``event`` and ``story`` None) with the reason."""

    id: str
    event: str | None
    story: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Doc:
    """What grouping needs of an article (small, so blocks travel cheaply to other processes)."""

    id: str
    title: str | None
    text: str
    time: float  # days since 1970-01-01 UTC; NaN when unknown


@dataclass(frozen=True)
class Unreadable:
    """An input that could not be read; it stays in the output, unassigned, with this reason."""

    id: str
    reason: str


Item = Doc | Unreadable


@dataclass
class Vectors:
    """The articles of a block that have words, as vectors for both levels."""

    rows: list[int]  # their positions in the block
    event: sp.csr_matrix  # unit TF-IDF vectors, event weights
    story: sp.csr_matrix  # unit TF-IDF vectors, story weights
    times: np.ndarray
    titles: list[str | None]
    df: sp.csr_matrix  # document frequencies of these articles (for a store's IDF)


@dataclass
class BlockResult:
    """One block grouped on its own: each item's reason for having no vector (None when it has one), the
    vectors of the others, their event group (0..m-1) and local scale, and their story-level local scale."""

    ids: list[str]
    reasons: list[str | None]
    vectors: Vectors | None = None
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    scales: np.ndarray = field(default_factory=lambda: np.zeros(0))
    story_scales: np.ndarray = field(default_factory=lambda: np.zeros(0))


def to_item(item: Article | Problem) -> Item:
    """The grouping view of a read article, or of an input that could not be read."""
    if isinstance(item, Problem):
        return Unreadable(item.id, f"unreadable: {item.message} at {item.where}")
    return Doc(item.id, item.title, item.text, days(item.time))


def blocks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive blocks of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while block := list(islice(it, size)):
        yield block


def vectorize(items: Sequence[Item], settings: Settings, prior: Prior | None = None,
              ) -> tuple[list[str | None], Vectors | None]:
    """Each item's reason for having no vector (None when it has one), and the vectors of the others.

    Each article is read once; the event and story levels weigh its headline,
    lead, names and numbers differently. The IDF is that of the items plus ``prior``.
    """
    reasons: list[str | None] = [it.reason if isinstance(it, Unreadable) else None for it in items]
    rows, docs, parts = [], [], []
    for i, it in enumerate(items):
        if isinstance(it, Unreadable):
            continue
        read = read_parts(it.title, it.text, settings.weights.lead_sentences)
        if read:
            rows.append(i)
            docs.append(it)
            parts.append(read)
        else:
            reasons[i] = NO_WORDS if (it.title or "").strip() or it.text.strip() else EMPTY
    if not rows:
        return reasons, None
    raw = hashed(parts)
    counts = combine(raw, settings.weights)
    story_counts = combine(raw, settings.story_weights)
    vectors = Vectors(rows, weigh(counts, settings.weights, prior), weigh(story_counts, settings.story_weights, prior),
                      np.array([d.time for d in docs]), [d.title or _first_words(d.text) for d in docs],
                      document_frequency(counts))
    return reasons, vectors


def group_block(items: list[Item], settings: Settings, prior: Prior | None = None) -> BlockResult:
    """Group one block on its own: its events (see :mod:`.cluster`) and the story-level local scale of its
    articles (see :mod:`.stories`); the costly part of grouping, so it runs wherever blocks are sent."""
    reasons, vec = vectorize(items, settings, prior)
    ids = [it.id for it in items]
    if vec is None:
        return BlockResult(ids, reasons)
    labels, scales = cluster_block(vec.event, vec.times, settings)
    return BlockResult(ids, reasons, vec, labels, scales,
                       story_scale(vec.story, settings.story_neighbours, settings.floor, settings.copies))


def _first_words(text: str, words: int = 12) -> str | None:
    """A stand-in title for an article without one: its first words."""
    head = text.split()[:words]
    return " ".join(head) + (" ..." if len(text.split()) > words else "") if head else None
