"""The sliding window of open events: where each new block's groups join an event or open one.

Events are remembered by a summary (centroid of their articles' unit vectors,
pruned to the strongest features; size; mean local scale; time span), not by
their articles, so linking a block costs the same on day one and on day 300.
The dot product of two centroids is the average similarity between their
articles, so the rule is the one used inside a block: join when the average
similarity, discounted for the time gap and divided by the local scales,
clears the threshold. Events that stop growing for ``window_days`` of stream
time, or that fall out of the ``max_active`` most recently grown, leave.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsbrief.group.cluster import time_factor
from newsbrief.group.features import DIM, prune
from newsbrief.group.settings import Settings


@dataclass
class Summary:
    """A group of articles as the window sees it: centroid, size, local scale, time span (days) and title."""

    vector: sp.csr_matrix
    size: int
    scale: float
    first: float
    last: float
    title: str | None

    def absorb(self, other: Summary, keep: int) -> None:
        """Grow by ``other``'s articles: size-weighted centroid and scale, widened time span."""
        total = self.size + other.size
        self.vector = prune((self.vector * self.size + other.vector * other.size) / total, keep)
        self.scale = (self.scale * self.size + other.scale * other.size) / total
        self.size = total
        self.first = float(np.fmin(self.first, other.first))
        self.last = float(np.fmax(self.last, other.last))
        self.title = self.title or other.title


def summaries(vectors: sp.csr_matrix, labels: np.ndarray, scales: np.ndarray, times: np.ndarray,
              titles: Sequence[str | None], keep: int) -> list[Summary]:
    """The summary of each group of a block (labels 0..m-1); a group's title is its most central titled article's."""
    n, m = len(labels), int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=m)
    membership = sp.csr_matrix(((1.0 / sizes[labels]).astype(np.float32), (labels, np.arange(n))), shape=(m, n))
    centroids = (membership @ vectors).tocsr()
    centrality = np.asarray((vectors @ centroids.T).tocsr()[np.arange(n), labels]).ravel()
    out = []
    for group in range(m):
        members = np.flatnonzero(labels == group)
        titled = [i for i in members[np.argsort(-centrality[members], kind="stable")] if titles[i]]
        known = times[members][~np.isnan(times[members])]
        out.append(Summary(prune(centroids[group], keep), int(sizes[group]), float(scales[members].mean()),
                           float(known.min()) if known.size else np.nan,
                           float(known.max()) if known.size else np.nan,
                           titles[titled[0]] if titled else None))
    return out


@dataclass
class Event(Summary):
    """An open event: a summary with an id and the tick at which it last grew."""

    id: str = ""
    touched: int = 0


def _gaps(first: np.ndarray, last: np.ndarray, events: Sequence[Summary]) -> np.ndarray:
    """Days between each of the spans [first, last] and each event's span (0 when they overlap, NaN if unknown)."""
    e_first = np.array([e.first for e in events])[None, :]
    e_last = np.array([e.last for e in events])[None, :]
    return np.maximum(np.maximum(first[:, None] - e_last, e_first - last[:, None]), 0.0)


def _stack(items: Sequence[Summary]) -> sp.csr_matrix:
    return sp.vstack([s.vector for s in items], format="csr") if items else sp.csr_matrix((0, DIM))


class Window:
    """Open events, in memory; ``advance`` lets old events go, ``link`` assigns a block's groups."""

    def __init__(self, settings: Settings, events: Iterable[Event] = (), next_number: int = 1,
                 tick: int = 0) -> None:
        self.settings = settings
        self.events: dict[str, Event] = {e.id: e for e in events}
        self.next_number = next_number
        self.tick = tick
        self.now = np.nan

    def _similarity(self, vectors: sp.csr_matrix, first: np.ndarray, last: np.ndarray,
                    events: Sequence[Event]) -> np.ndarray:
        """Average similarity of each row's articles to each event's, discounted for the time gap."""
        sims = (vectors @ _stack(events).T).toarray().astype(np.float64)
        return sims * time_factor(_gaps(first, last, events), self.settings.same_days)

    def _kth(self, sims: np.ndarray, events: Sequence[Event]) -> np.ndarray:
        """For each row, the k-th highest similarity among the events' articles (an event of m articles
        offers min(m, k) of them at the row's average similarity to it); 0 when there are fewer than k."""
        k = self.settings.neighbours
        order = np.argsort(-sims, axis=1, kind="stable")
        copies = np.minimum([e.size for e in events], k)[order]
        reached = np.argmax(np.cumsum(copies, axis=1) >= k, axis=1)
        kth = np.take_along_axis(sims, order, axis=1)[np.arange(len(sims)), reached]
        return np.where(copies.sum(axis=1) >= k, kth, 0.0)

    def context_scale(self, vectors: sp.csr_matrix, times: np.ndarray) -> np.ndarray:
        """Local scale each article would get from the open events' articles (see :meth:`scores`)."""
        events = list(self.events.values())
        if not events:
            return np.zeros(vectors.shape[0])
        return self._kth(self._similarity(vectors, times, times, events), events)

    def scores(self, groups: Sequence[Summary], events: Sequence[Event]) -> np.ndarray:
        """Scaled, time-discounted average similarity of each group to each event.

        A group's local scale counts the open events' articles as neighbours too,
        so that a group arriving in a crowded topic meets the same higher bar as it
        would have inside one block with those articles.
        """
        sims = self._similarity(_stack(groups), np.array([g.first for g in groups]),
                                np.array([g.last for g in groups]), events)
        group_scale = np.maximum([g.scale for g in groups], self._kth(sims, events))
        return sims / np.sqrt(np.outer(group_scale, [e.scale for e in events]))

    def link(self, groups: Sequence[Summary]) -> list[Event]:
        """The event each group joins (an open one, or a new one), in order of the groups."""
        self.tick += 1
        open_events = list(self.events.values())
        scores = self.scores(groups, open_events) if open_events and groups else None
        keep = self.settings.keep_features
        joined = []
        for i, group in enumerate(groups):
            best = int(np.argmax(scores[i])) if scores is not None else -1
            if best >= 0 and scores[i, best] >= self.settings.threshold:
                event = open_events[best]
                event.absorb(group, keep)
            else:
                event = self._open(group)
            event.touched = self.tick
            joined.append(event)
        return joined

    def _open(self, group: Summary) -> Event:
        event = Event(group.vector, group.size, group.scale, group.first, group.last, group.title,
                      id=f"e{self.next_number}")
        self.next_number += 1
        self.events[event.id] = event
        return event

    def advance(self, groups: Sequence[Summary]) -> None:
        """Move stream time on to the groups' median time and close the events silent for ``window_days``
        before it, then the least recently grown beyond ``max_active``.

        A median, so that one article with a wrong date cannot close every event.
        """
        known = [g.last for g in groups if not np.isnan(g.last)]
        if known:
            self.now = np.fmax(self.now, float(np.median(known)))
        horizon = self.now - self.settings.window_days
        for event in [e for e in self.events.values() if e.last < horizon]:
            del self.events[event.id]
        extra = len(self.events) - self.settings.max_active
        if extra > 0:
            for event in sorted(self.events.values(), key=lambda e: (e.touched, e.id))[:extra]:
                del self.events[event.id]
