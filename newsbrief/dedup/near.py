"""Near-duplicate detection as an exact similarity join on sparse matrices (no hashing luck).

Each set (an article's 3-word shingles, a sentence's content words) is a row
of a sparse 0/1 matrix. The prefix filter of the all-pairs join (Bayardo et
al., WWW 2007) finds the candidates: order every set's items rarest first; two
sets that share at least ``share`` of the smaller one must share an item among
the first ``len - ceil(share * len) + 1`` items of the smaller one. Rare items
have short posting lists, so the product of the prefix rows with the item rows
(scipy, in C) lists few candidates, in about linear time on real text; each
candidate is then confirmed by its real overlap, counted exactly. Unlike
MinHash LSH it misses nothing and needs no random permutations; unlike a
Python loop over posting lists it costs a few array passes, whatever the
cluster's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import scipy.sparse as sp

from newsbrief.lang.en import FUNCTION_WORDS
from newsbrief.lang.tokens import words
from newsbrief.model import Article, Sentence

ARTICLE_SHARE = 0.7
"""Share of the shorter article's 3-word shingles found in the other: above it, one is a copy."""

SENTENCE_JACCARD = 0.6
"""Jaccard of content-word sets above which two sentences say the same thing."""

SHINGLE = 3
"""Words per shingle when comparing articles."""

PREFIX_EXTRA = 0.5
"""How much longer than the minimal prefix the probed prefix is. A longer prefix costs a larger product
but requires more shared items (see :func:`prefix_rows`), which leaves far fewer candidates to confirm:
on a pooled 5,000-article cluster 0.5 left 3,000 article pairs where the minimal prefix left 216,000."""

ROWS_PER_PRODUCT = 2048
"""Rows of the candidate product computed at once: bounds its memory on clusters of any size."""

PAIRS_PER_CHECK = 1 << 16
"""Candidate pairs whose overlap is counted at once (two gathered row blocks of this many rows)."""


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and each input's index among them, by sorting (numpy's hashing path for
    large integer keys is many times slower)."""
    order = np.argsort(values)
    ordered = values[order]
    new = np.empty(len(values), bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(values), np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def item_rows(sizes: np.ndarray, items: np.ndarray) -> sp.csr_matrix:
    """Sets as the rows of a sparse 0/1 matrix: set ``k`` holds the ``k``-th run of ``sizes[k]`` entries of
    ``items`` (integer ids, repeats allowed). Columns are numbered rarest item first (ties by id) and each
    row's columns sorted, so a row's rarest items are its first entries."""
    frequency = np.bincount(items) if len(items) else np.zeros(0, np.int64)
    rank = np.empty(len(frequency), np.int64)
    rank[np.argsort(frequency * len(frequency) + np.arange(len(frequency)))] = np.arange(len(frequency))
    rows = sp.csr_matrix((np.ones(len(items), np.int32), rank[items], np.r_[0, np.cumsum(sizes)]),
                         shape=(len(sizes), len(frequency)))
    rows.sum_duplicates()  # sorts each row and merges repeats (in C)
    rows.data[:] = 1
    return rows


def _sizes(rows: sp.csr_matrix) -> np.ndarray:
    return np.diff(rows.indptr).astype(np.int64)


def prefix_rows(rows: sp.csr_matrix, share: float) -> tuple[sp.csr_matrix, np.ndarray]:
    """Each row's extended prefix (its first, rarest items) and how many of them a similar pair must share.

    Sets sharing ``t = ceil(share * len)`` items of the smaller one share an
    item among its first ``m = len - t + 1`` items; more generally, they share
    ``k <= t`` among its first ``m + k - 1``. The prefix is :data:`PREFIX_EXTRA`
    times longer than the minimal one, and ``k`` grows with it.
    """
    sizes = _sizes(rows)
    shared = np.ceil(share * sizes - 1e-9).astype(np.int64)  # the fewest items a similar pair shares
    minimal = sizes - shared + 1
    extra = np.ceil(PREFIX_EXTRA * minimal).astype(np.int64)
    kept = np.minimum(minimal + extra, sizes)
    position = np.arange(rows.nnz) - np.repeat(rows.indptr[:-1], sizes)
    inside = position < np.repeat(kept, sizes)
    prefix = sp.csr_matrix((rows.data[inside], rows.indices[inside], np.r_[0, np.cumsum(kept)]), shape=rows.shape)
    return prefix, np.minimum(extra + 1, shared)  # a short set's prefix is all of it: it shares ``shared``


def _candidates(probe: sp.csr_matrix, index: sp.csr_matrix, sizes: np.ndarray, need: np.ndarray,
                longest: float, both: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) where the row of ``probe`` (extended prefix) of the smaller set (or of ``a`` for equal
    sizes) shares ``need`` items with the other's row of ``index`` (the other's extended prefix when
    ``both``: then the smaller ``need`` of the two counts), and the larger set is at most ``longest``
    times the smaller."""
    found = []
    n = max(probe.shape[0], 1)
    index_t = index.T.tocsr()
    for start in range(0, probe.shape[0], ROWS_PER_PRODUCT):
        hits = (probe[start:start + ROWS_PER_PRODUCT] @ index_t).tocoo()
        a, b = hits.row.astype(np.int64) + start, hits.col.astype(np.int64)
        small, large = sizes[a], sizes[b]
        keep = hits.data >= (np.minimum(need[a], need[b]) if both else need[a])
        keep &= (a != b) & ((small < large) | ((small == large) & (a < b))) & (large <= small * longest + 1e-9)
        a, b = a[keep], b[keep]
        found.append(np.minimum(a, b) * n + np.maximum(a, b))
    pairs = _distinct(np.concatenate(found))[0] if found else np.zeros(0, np.int64)
    return pairs // n, pairs % n


def _overlaps(rows: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many items sets ``a[k]`` and ``b[k]`` share, counted exactly, a block of pairs at a time."""
    out = np.empty(len(a), np.int64)
    for s in range(0, len(a), PAIRS_PER_CHECK):
        block = rows[a[s:s + PAIRS_PER_CHECK]].multiply(rows[b[s:s + PAIRS_PER_CHECK]])
        out[s:s + PAIRS_PER_CHECK] = np.asarray(block.sum(axis=1)).ravel()
    return out


def similar_pairs(rows: sp.csr_matrix, share: float, contained: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, overlap) of every pair of rows a < b (from :func:`item_rows`) sharing ``share`` of the
    smaller set (``contained``) or with Jaccard at least ``share``; ``overlap`` is the number of shared items.

    For a containment share the smaller set's prefix is probed against the
    larger one's items; for Jaccard (which bounds the overlap by ``share`` times
    the larger set) prefixes on both sides suffice, and the larger set can be at
    most ``len / share``.
    """
    sizes = _sizes(rows)
    prefix, need = prefix_rows(rows, share)
    a, b = _candidates(prefix, rows if contained else prefix, sizes, need, np.inf if contained else 1 / share,
                       both=not contained)
    overlap = _overlaps(rows, a, b)
    small, large = np.minimum(sizes[a], sizes[b]), np.maximum(sizes[a], sizes[b])
    similar = overlap / np.maximum(small, 1) if contained else overlap / (small + large - overlap)
    keep = similar >= share
    return a[keep], b[keep], overlap[keep]


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The connected component of each of ``n`` nodes joined by edges ``a[k] - b[k]``, as the smallest node
    of the component: labels spread along edges, with pointer jumping, until nothing changes (a few
    array passes; scipy's csgraph would cost more to import than this costs to run)."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[a], label[b])
        spread = label.copy()
        np.minimum.at(spread, label[a], low)
        np.minimum.at(spread, label[b], low)
        spread = spread[spread]
        if np.array_equal(spread, label):
            return label
        label = spread


@dataclass(frozen=True)
class Vocabulary:
    """The words of each distinct sentence text (clitics kept: "don't" and "Turkey's" stay one word, as
    near-duplicates are about exact wording), as integer ids. A sentence repeated word for word, as wire
    copy is, is read once."""

    ids: Mapping[str, np.ndarray]
    """Text -> its word ids, in order."""
    word_id: Mapping[str, int]

    @classmethod
    def of(cls, sentences: Iterable[Sentence]) -> Vocabulary:
        """The vocabulary of ``sentences``; ids follow sorted word order, so runs are deterministic."""
        texts = dict.fromkeys(s.text for s in sentences)
        found = [words(t, clitics=True) for t in texts]
        flat = list(chain.from_iterable(found))
        distinct = sorted(set(flat))
        word_id = dict(zip(distinct, range(len(distinct))))
        every = np.fromiter(map(word_id.__getitem__, flat), np.int64, count=len(flat))
        ends = np.cumsum([len(ws) for ws in found], dtype=np.int64).tolist()
        return cls(dict(zip(texts, np.split(every, ends[:-1]))) if texts else {}, word_id)


def shingle_rows(texts: Sequence[np.ndarray], vocabulary_size: int, n: int = SHINGLE) -> sp.csr_matrix:
    """The distinct ``n``-word shingles of each text, given as its word ids, as :func:`item_rows` (a text
    of fewer words is one shingle of them all, padded with the id ``vocabulary_size``)."""
    sizes = np.fromiter(map(len, texts), np.int64, count=len(texts))
    ids = np.concatenate([*texts, np.zeros(n, np.int64)]) if texts else np.zeros(n, np.int64)
    ends = np.cumsum(sizes)
    begins = ends - sizes
    # A shingle starts at every word with n - 1 words after it in its text, and at the first word of a short one.
    starts = np.ones(len(ids) - n, bool)
    for back in range(1, n):
        starts[(ends - back)[sizes >= back]] = False
    short = (sizes > 0) & (sizes < n)
    starts[begins[short]] = True
    starts = np.flatnonzero(starts)
    padded = np.searchsorted(starts, begins[short])
    key, bound, base = np.zeros(len(starts), np.int64), 1, vocabulary_size + 1
    for k in range(n):
        if bound * base >= 1 << 62:  # renumber before the key could overflow
            key = _distinct(key)[1]
            bound = len(key)
        word = ids[starts + k]
        word[padded[sizes[short] <= k]] = vocabulary_size  # past the end of a short text: "no word"
        key, bound = key * base + word, bound * base
    counts = np.maximum(sizes - n + 1, 0) + short
    return item_rows(counts, _distinct(key)[1])


@dataclass(frozen=True)
class Duplicate:
    """An article that repeats another (``of``); ``share`` is how much of it is found there."""

    id: str
    of: str
    share: float


def near_duplicates(articles: Sequence[Article]) -> tuple[list[Duplicate], list[list[Sentence]]]:
    """The copies among ``articles`` (:func:`duplicate_articles`) and the groups of all their sentences
    (:func:`sentence_groups`), each sentence read once for both."""
    sentences = [s for a in articles for s in a.sentences]
    vocabulary = Vocabulary.of(sentences)
    return duplicate_articles(articles, vocabulary), sentence_groups(sentences, vocabulary)


def duplicate_articles(articles: Sequence[Article], vocabulary: Vocabulary | None = None) -> list[Duplicate]:
    """Copies among ``articles`` (compared on their kept sentences); the first of a set is kept.

    Articles should come in preference order (earliest first): the later copy is
    the one reported as a duplicate. Pairs are taken in order, and an article
    already found a copy is neither kept against nor compared again.
    """
    vocabulary = vocabulary or Vocabulary.of(s for a in articles for s in a.sentences)
    empty = np.zeros(0, np.int64)
    texts = [np.concatenate([vocabulary.ids[s.text] for s in a.sentences]) if a.sentences else empty
             for a in articles]
    rows = shingle_rows(texts, len(vocabulary.word_id))
    sizes = _sizes(rows).tolist()
    a, b, overlap = similar_pairs(rows, ARTICLE_SHARE, contained=True)
    dups: dict[int, Duplicate] = {}
    for i, j, inter in zip(a.tolist(), b.tolist(), overlap.tolist()):  # a, b come sorted
        if i in dups or j in dups:
            continue
        dups[j] = Duplicate(articles[j].id, articles[i].id, round(inter / (min(sizes[i], sizes[j]) or 1), 3))
    return [dups[k] for k in sorted(dups)]


def sentence_groups(sentences: Sequence[Sentence], vocabulary: Vocabulary | None = None) -> list[list[Sentence]]:
    """Group sentences that say the same thing; each group keeps input order, first is its representative.

    Two sentences of different articles say the same when the Jaccard of their
    content words reaches :data:`SENTENCE_JACCARD`. Sentences with identical word
    sets are joined first (together when they span two articles or more), so the
    similarity join runs once per distinct set.
    """
    vocabulary = vocabulary or Vocabulary.of(sentences)
    function_ids = {vocabulary.word_id[w] for w in FUNCTION_WORDS if w in vocabulary.word_id}
    classes: dict[frozenset[int], int] = {}
    by_text = {text: classes.setdefault(frozenset(ids.tolist()) - function_ids, len(classes))
               for text, ids in vocabulary.ids.items()}
    class_of = np.fromiter(map(by_text.__getitem__, (s.text for s in sentences)), np.int64, count=len(sentences))
    article_ids: dict[str, int] = {}
    article_of = np.fromiter((article_ids.setdefault(s.article, len(article_ids)) for s in sentences),
                             np.int64, count=len(sentences))
    n = len(classes)
    # The one article a class's sentences come from, or -1 when they come from several.
    lowest, highest = np.full(n, np.iinfo(np.int64).max), np.full(n, -1)
    np.minimum.at(lowest, class_of, article_of)
    np.maximum.at(highest, class_of, article_of)
    single = np.where(lowest == highest, lowest, -1)
    sizes = np.fromiter(map(len, classes), np.int64, count=n)
    rows = item_rows(sizes, np.fromiter((i for c in classes for i in c), np.int64, count=int(sizes.sum())))
    a, b, _ = similar_pairs(rows, SENTENCE_JACCARD, contained=False)
    joined = (single[a] < 0) | (single[a] != single[b])  # two classes of one same article are not joined
    a, b = a[joined], b[joined]
    # A class is linked when its sentences join others: it spans two articles (and has words), or it is
    # similar to a class of another article. Linked classes are joined in connected components.
    linked = (single < 0) & (sizes > 0)
    linked[a] = linked[b] = True
    component = components(n, a, b)
    # Group key: the component of a linked class; otherwise the sentence alone.
    key = np.where(linked[class_of], component[class_of], n + np.arange(len(sentences)))
    groups: dict[int, list[Sentence]] = {}
    for k, sent in zip(key.tolist(), sentences):
        groups.setdefault(k, []).append(sent)
    return list(groups.values())
