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

    @classmethod
    def of(cls, vectors: sp.csr_matrix, scales: np.ndarray, times: np.ndarray,
           titles: Sequence[str | None], keep: int) -> Summary:
        """The summary of the articles whose rows are ``vectors``; the title is the most central one's."""
        n = vectors.shape[0]
        centroid = sp.csr_matrix(np.full((1, n), 1.0 / n, dtype=np.float32)) @ vectors
        central = np.asarray((vectors @ centroid.T).todense()).ravel()
        titled = [i for i in np.argsort(-central, kind="stable") if titles[i]]
        known = times[~np.isnan(times)]
        return cls(prune(centroid, keep), vectors.shape[0], float(scales.mean()),
                   float(known.min()) if known.size else np.nan,
                   float(known.max()) if known.size else np.nan,
                   titles[titled[0]] if titled else None)

    def absorb(self, other: Summary, keep: int) -> None:
        """Grow by ``other``'s articles: size-weighted centroid and scale, widened time span."""
        total = self.size + other.size
        self.vector = prune((self.vector * self.size + other.vector * other.size) / total, keep)
        self.scale = (self.scale * self.size + other.scale * other.size) / total
        self.size = total
        self.first = float(np.fmin(self.first, other.first))
        self.last = float(np.fmax(self.last, other.last))
        self.title = self.title or other.title


@dataclass
class Event(Summary):
    """An open event: a summary with an id and the tick at which it last grew."""

    id: str = ""
    touched: int = 0


def _gaps(groups: Sequence[Summary], events: Sequence[Summary]) -> np.ndarray:
    """Days between each group's and each event's time spans (0 when they overlap, NaN if unknown)."""
    g_first = np.array([g.first for g in groups])[:, None]
    g_last = np.array([g.last for g in groups])[:, None]
    e_first = np.array([e.first for e in events])[None, :]
    e_last = np.array([e.last for e in events])[None, :]
    return np.maximum(np.maximum(g_first - e_last, e_first - g_last), 0.0)


def _stack(items: Sequence[Summary]) -> sp.csr_matrix:
    return sp.vstack([s.vector for s in items], format="csr") if items else sp.csr_matrix((0, DIM))


class Window:
    """Open events, in memory; ``link`` assigns a block's groups, ``retire`` lets old events go."""

    def __init__(self, settings: Settings, events: Iterable[Event] = (), next_number: int = 1,
                 tick: int = 0) -> None:
        self.settings = settings
        self.events: dict[str, Event] = {e.id: e for e in events}
        self.next_number = next_number
        self.tick = tick
        self.now = max((e.last for e in self.events.values() if not np.isnan(e.last)), default=np.nan)

    def scores(self, groups: Sequence[Summary], events: Sequence[Event]) -> np.ndarray:
        """Scaled, time-discounted average similarity of each group to each event."""
        sims = (_stack(groups) @ _stack(events).T).toarray().astype(np.float64)
        sims *= time_factor(_gaps(groups, events), self.settings.same_days)
        scales = np.sqrt(np.outer([g.scale for g in groups], [e.scale for e in events]))
        return sims / scales

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
            self.now = np.fmax(self.now, group.last)
        return joined

    def _open(self, group: Summary) -> Event:
        event = Event(group.vector, group.size, group.scale, group.first, group.last, group.title,
                      id=f"e{self.next_number}")
        self.next_number += 1
        self.events[event.id] = event
        return event

    def retire(self) -> list[Event]:
        """Close events silent for ``window_days`` of stream time, then the least recent beyond ``max_active``."""
        horizon = self.now - self.settings.window_days
        old = [e for e in self.events.values() if e.last < horizon]
        for event in old:
            del self.events[event.id]
        extra = len(self.events) - self.settings.max_active
        if extra > 0:
            stale = sorted(self.events.values(), key=lambda e: (e.touched, e.id))[:extra]
            for event in stale:
                del self.events[event.id]
            old += stale
        return old
