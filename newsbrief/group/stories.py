"""Events into stories: a story is a subject followed over time, and holds one or more whole events.

Two events are one story when their articles share the subject's words (people,
organisations, places, key terms, headlines), however far apart in time: the
story level ignores time. As at the event level, what counts is not raw
similarity but similarity relative to an article's neighbourhood: each article's
story vector is divided by the square root of its *local scale* (its similarity
to its nearest other article, copies aside, never below a floor), so a report
with close relatives must share more to join a story than a lone report.

With those scaled vectors, the average similarity between the articles of two
groups is the dot product of the groups' mean vectors (their *units*), so
events can be linked as units, weighted by their number of articles, by average
link: exactly what average link over the articles would do with every event
kept whole. Units are small and can be stored, which lets a store regroup the
stories around a new batch without reading their articles.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def story_scale(vectors: sp.csr_matrix, k: int, floor: float, copies: float) -> np.ndarray:
    """Each article's similarity to its k-th nearest other article that is not a near-copy of it
    (similarity ``copies`` or more), at least ``floor``."""
    sim = (vectors @ vectors.T).toarray().astype(np.float32, copy=False)
    return kth_below(sim, k, floor, copies)


def kth_below(sim: np.ndarray, k: int, floor: float, copies: float) -> np.ndarray:
    """Per row of ``sim`` (overwritten), the k-th highest value under ``copies``, at least ``floor``."""
    sim[sim >= copies] = -np.inf  # the diagonal too
    n = sim.shape[1]
    if n < k:
        return np.full(sim.shape[0], floor)
    kth = np.partition(sim, n - k, axis=1)[:, n - k]
    return np.maximum(kth, floor)


def scaled(vectors: sp.csr_matrix, scale: np.ndarray) -> sp.csr_matrix:
    """Each row divided by the square root of its local scale."""
    return (sp.diags((1.0 / np.sqrt(scale)).astype(np.float32)) @ vectors).tocsr()


def link_units(units: sp.csr_matrix, sizes: np.ndarray, threshold: float) -> np.ndarray:
    """Story labels (0..s-1, numbered by first unit) of units (an event's mean scaled story vector)
    of the given sizes, by weighted average link at ``threshold``."""
    if units.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    return average_link((units @ units.T).toarray(), sizes, threshold)


def average_link(sim: np.ndarray, sizes: np.ndarray, threshold: float) -> np.ndarray:
    """Groups of weighted average link (UPGMA) over a similarity matrix, cut at ``threshold``.

    ``sizes`` are the units' weights (articles per event), so merging two units
    averages like merging their articles would. scipy's ``linkage`` counts every
    row as one, hence this nearest-neighbour chain (O(n^2)): follow nearest
    neighbours until two are each other's nearest and merge them; average link
    never raises a similarity by merging, so a unit whose best is under the
    threshold is final. Labels are numbered by first unit.
    """
    n = len(sim)
    s = np.array(sim, dtype=np.float64)
    np.fill_diagonal(s, -np.inf)
    size = np.asarray(sizes, dtype=np.float64).copy()
    parent = np.arange(n)
    chain: list[int] = []
    start = 0
    done = np.zeros(n, dtype=bool)
    while True:
        if not chain:
            while start < n and done[start]:
                start += 1
            if start == n:
                break
            chain.append(start)
        a = chain[-1]
        b = int(np.argmax(s[a]))
        if not s[a, b] >= threshold:
            done[a] = True
            s[a, :] = s[:, a] = -np.inf
            chain.pop()
        elif len(chain) > 1 and s[a, chain[-2]] >= s[a, b]:
            b = chain[-2]
            del chain[-2:]
            merged = (size[a] * s[a] + size[b] * s[b]) / (size[a] + size[b])
            merged[a] = -np.inf
            s[a, :] = s[:, a] = merged
            s[b, :] = s[:, b] = -np.inf
            done[b] = True
            size[a] += size[b]
            parent[b] = a
        else:
            chain.append(b)
    for i in range(n):  # each unit to the unit its group was finally merged into
        root = i
        while parent[root] != root:
            root = parent[root]
        parent[i] = root
    _, first, inverse = np.unique(parent, return_index=True, return_inverse=True)
    return np.argsort(np.argsort(first))[inverse]
