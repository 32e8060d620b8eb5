"""One block of articles into groups: time-aware similarity, local scaling, average link.

Plain cosine with one threshold fails where it matters: reports of one event
may share little wording, while two events of the same kind share a lot. What
separates them is that same-event reports are each other's *nearest*
neighbours. So each similarity is divided by the two articles' local scale
(their similarity to their k-th nearest neighbour, never below a floor): in a
crowded topic the bar rises, for a lone article it stays at the floor.
Average link then merges groups while their mean scaled similarity clears the
threshold.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from newsbrief.group.settings import Settings


def time_factor(gap_days: np.ndarray, same_days: float) -> np.ndarray:
    """1 for articles ``same_days`` apart or closer (or of unknown time), sqrt(same_days/gap) beyond.

    Works in place on ``gap_days`` (a float array it may overwrite), which blocks of
    thousands of articles need to stay small.
    """
    gap = np.nan_to_num(gap_days, copy=False, nan=0.0)
    np.maximum(gap, same_days, out=gap)
    np.divide(same_days, gap, out=gap)
    return np.sqrt(gap, out=gap)


def similarity(vectors: sp.csr_matrix, times: np.ndarray, same_days: float) -> np.ndarray:
    """Cosine similarity (float32) of every pair of articles, discounted for distance in time (days)."""
    sim = (vectors @ vectors.T).toarray().astype(np.float32, copy=False)
    if not np.all(np.isnan(times)):
        rel = (times - np.nanmin(times)).astype(np.float32)
        sim *= time_factor(np.abs(rel[:, None] - rel[None, :]), same_days)
    np.fill_diagonal(sim, 1.0)
    return sim


def copies(sim: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Near-copies (similarity ``level`` or more, e.g. one wire report run by many outlets) as one report:
    each article's report number (0..s-1, by first article) and each report's first article."""
    from scipy.sparse.csgraph import connected_components  # scipy's graph and clustering modules load on use

    _, label = connected_components(sp.csr_matrix(sim >= level), directed=False)
    _, first, report = np.unique(label, return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[report], first[order]


def local_scale(sim: np.ndarray, k: int, floor: float) -> np.ndarray:
    """Each article's similarity to its k-th nearest other article, at least ``floor``."""
    n = len(sim)
    if n <= k:
        return np.full(n, floor)
    np.fill_diagonal(sim, -np.inf)
    kth = np.partition(sim, n - k, axis=1)[:, n - k]
    np.fill_diagonal(sim, 1.0)
    return np.maximum(kth, floor)


def link_tree(scaled: np.ndarray) -> np.ndarray:
    """The average-link merge tree (scipy linkage) of a scaled similarity matrix (at least 2 articles).

    ``scaled`` is overwritten (with distances).
    """
    from scipy.cluster.hierarchy import linkage  # loaded on use (0.1 s of start-up otherwise)
    from scipy.spatial.distance import squareform

    dist = np.subtract(1.0, scaled, out=scaled)
    np.maximum(dist, 0.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    return linkage(squareform(dist, checks=False).astype(np.float64, copy=False), method="average")


def cut(tree: np.ndarray, threshold: float) -> np.ndarray:
    """Labels 0..m-1, numbered by first member, of the groups whose average similarity clears ``threshold``."""
    from scipy.cluster.hierarchy import fcluster  # loaded on use

    raw = fcluster(tree, t=1.0 - threshold, criterion="distance")
    _, first, inverse = np.unique(raw, return_index=True, return_inverse=True)
    return np.argsort(np.argsort(first))[inverse]


def scale_by(sim: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """``sim[i, j] / sqrt(scale[i] * scale[j])``, capped at 1, in place."""
    inverse = (1.0 / np.sqrt(scale)).astype(sim.dtype)
    sim *= inverse[:, None]
    sim *= inverse[None, :]
    return np.minimum(sim, 1.0, out=sim)


def cluster_block(vectors: sp.csr_matrix, times: np.ndarray, settings: Settings,
                  context: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Group labels (numbered by first article) and local scales of the articles of one block.

    Near-copies are grouped once, as one report, so that a report run by ten outlets
    counts once in every average and in every neighbourhood. ``context``: the
    scales articles get from neighbours outside the block (a store's open events).
    Times are in days, NaN when unknown.
    """
    sim = similarity(vectors, times, settings.same_days)
    report, first = copies(sim, settings.copies)
    sim = sim[np.ix_(first, first)]
    scale = local_scale(sim, settings.neighbours, settings.floor)
    if context is not None:
        scale = np.maximum(scale, context[first])
    if len(first) == 1:
        return np.zeros(len(report), dtype=np.int64), scale[report]
    return cut(link_tree(scale_by(sim, scale)), settings.threshold)[report], scale[report]
