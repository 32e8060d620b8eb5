"""A stream of articles into events, block by block, in bounded memory.

The stream is cut into blocks of consecutive articles (a feed arrives in time
order, so each block is a window of time). Grouping a block
(:func:`group_block`) needs nothing but the block, so blocks are the unit of
parallel work, on local processes or Dask workers. Linking the blocks' groups
to the open events (:class:`~newsbrief.group.window.Window`) is cheap and runs
in order in one place, so every engine gives the same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
import scipy.sparse as sp

from newsbrief.group.cluster import cluster_block
from newsbrief.group.features import Prior, bag_of, document_frequency, hashed, weigh
from newsbrief.group.settings import Settings
from newsbrief.group.window import Summary, Window, summaries
from newsbrief.ingest import Problem, days
from newsbrief.model import Article

EMPTY = "empty text: no title and no article text"
NO_WORDS = "no words to compare: the title and text hold only punctuation or symbols"


@dataclass
class Assignment:
    """Where one input article ended: an event, or unassigned (``event`` None) with the reason."""

    id: str
    event: str | None
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
class BlockResult:
    """One block grouped: for each item its group (index into ``groups``) or the reason it has none."""

    ids: list[str]
    group_of: list[int | None]
    reasons: list[str | None]
    groups: list[Summary] = field(default_factory=list)
    df: sp.csr_matrix | None = None  # document frequencies of the block (for a store's IDF)


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


def group_block(items: list[Item], settings: Settings, prior: Prior | None = None,
                context: Window | None = None) -> BlockResult:
    """Group one block: which articles belong together, and a summary of each group.

    Blocks of a stream are grouped on their own (in parallel); a store passes its
    open events as ``context``, so that a small batch in a crowded topic is judged
    against that crowd, as it would be inside one large block.
    """
    reasons: list[str | None] = [it.reason if isinstance(it, Unreadable) else None for it in items]
    docs = [(i, it) for i, it in enumerate(items) if isinstance(it, Doc)]
    bags = [(i, doc, bag_of(doc.title, doc.text, settings.weights)) for i, doc in docs]
    for i, doc, bag in bags:
        if not bag:
            reasons[i] = NO_WORDS if (doc.title or "").strip() or doc.text.strip() else EMPTY
    kept = [(i, doc, bag) for i, doc, bag in bags if bag]
    group_of: list[int | None] = [None] * len(items)
    if not kept:
        return BlockResult([it.id for it in items], group_of, reasons)
    counts = hashed([bag for _, _, bag in kept])
    vectors = weigh(counts, settings.weights, prior)
    times = np.array([doc.time for _, doc, _ in kept])
    near = context.context_scale(vectors, times) if context is not None else None
    labels, scales = cluster_block(vectors, times, settings, near)
    for (i, _, _), label in zip(kept, labels):
        group_of[i] = int(label)
    titles = [doc.title or _first_words(doc.text) for _, doc, _ in kept]
    groups = summaries(vectors, labels, scales, times, titles, settings.keep_features)
    return BlockResult([it.id for it in items], group_of, reasons, groups, document_frequency(counts))


def _first_words(text: str, words: int = 12) -> str | None:
    """A stand-in title for an article without one: its first words."""
    head = text.split()[:words]
    return " ".join(head) + (" ..." if len(text.split()) > words else "") if head else None


def assignments(result: BlockResult, window: Window) -> list[Assignment]:
    """Link a grouped block into the window; one Assignment per item, in block order."""
    window.advance(result.groups)
    events = window.link(result.groups)
    return [Assignment(i, events[g].id if g is not None else None, reason)
            for i, g, reason in zip(result.ids, result.group_of, result.reasons)]
