"""Near-duplicate detection as an exact similarity join on sparse rows, in numpy (no hashing luck).

Each set (an article's 3-word shingles, a sentence's content words) is a row
of a sparse 0/1 matrix. The prefix filter of the all-pairs join (Bayardo et
al., WWW 2007) finds the candidates: order every set's items rarest first; two
sets that share at least ``share`` of the smaller one must share an item among
the first ``len - ceil(share * len) + 1`` items of the smaller one. Rare items
have short posting lists, so the sparse product of the prefix rows with the
item rows (expanded and counted by sorting, in numpy) lists few candidates, in
about linear time on real text; each candidate is then confirmed by its real
overlap, counted exactly. Unlike MinHash LSH it misses nothing and needs no
random permutations; unlike a Python loop over posting lists it costs a few
array passes, whatever the cluster's size; and it needs no scipy, whose import
alone (0.1 s) would cost more than de-duplicating a small cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Literal

import numpy as np

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

PIECE = 1 << 22
"""Most (row, row) hits or pair items expanded at once: bounds memory on clusters of any size."""


def sort_by(keys: np.ndarray, payload: np.ndarray, bound: int, span: int) -> tuple[np.ndarray, np.ndarray]:
    """``keys`` sorted and ``payload`` in the same order (among equal keys, in any order).

    When every key is below ``bound``, every payload item below ``span`` and the product fits in 62
    bits, each key is packed with its payload item and the packed keys are plain-sorted: numpy's sort is
    over ten times faster than its argsort on millions of keys.
    """
    span = max(span, 1)
    if bound * span < 1 << 62:
        packed = np.sort(keys * span + payload)
        return packed // span, packed % span
    order = np.argsort(keys)
    return keys[order], payload[order]


def firsts(ordered: np.ndarray) -> np.ndarray:
    """Flags of the items of sorted ``ordered`` that differ from the one before (the first of each run).

    Built in place rather than with ``np.r_``, whose index machinery costs more than the comparison on the
    small arrays the summarizer passes here once per passage."""
    new = np.empty(len(ordered), bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    return new


def distinct(values: np.ndarray, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and each input's index among them, by sorting (numpy's hashing path for
    large integer keys is many times slower); ``bound``: all values are below it (:func:`sort_by`)."""
    n = len(values)
    ordered, order = sort_by(values, np.arange(n), bound, n)
    new = firsts(ordered)
    inverse = np.empty(n, np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def sorted_set(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a plain sort: no argsort, no inverse)."""
    ordered = np.sort(values)
    return ordered[firsts(ordered)] if len(ordered) > 1 else ordered


@dataclass(frozen=True)
class Rows:
    """Sets as rows of column ids, each row sorted (a sparse 0/1 matrix in CSR form, without its values):
    row ``k`` is ``indices[indptr[k]:indptr[k + 1]]``."""

    indptr: np.ndarray
    indices: np.ndarray
    width: int

    @cached_property
    def sizes(self) -> np.ndarray:
        """Number of items of each set (worked out once: the joins ask for it again and again)."""
        return self.indptr[1:] - self.indptr[:-1]


def run_bounds(counts: np.ndarray) -> np.ndarray:
    """Where each of consecutive runs of ``counts[k]`` items begins, and where the last ends: ``[0,
    *cumsum(counts)]``, built in place (``np.r_`` costs more than the sum on the small arrays of a small
    cluster, where these joins run a few times per cluster)."""
    out = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=out[1:])
    return out


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions ``starts[k] .. starts[k] + lengths[k] - 1`` for every ``k``, one after another."""
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(len(offsets))


def _pieces(weights: np.ndarray) -> list[slice]:
    """Consecutive slices of ``weights``, each summing to :data:`PIECE` or less, plus at most one item."""
    cuts = np.searchsorted(np.cumsum(weights), np.arange(PIECE, int(weights.sum()), PIECE), side="left") + 1
    edges = [0, *sorted(set(cuts.tolist()) - {0, len(weights)}), len(weights)]
    return [slice(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs."""
    ordered = np.sort(values)
    starts = np.flatnonzero(firsts(ordered))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def item_rows(sizes: np.ndarray, items: np.ndarray) -> Rows:
    """Sets as :class:`Rows`: set ``k`` holds the ``k``-th run of ``sizes[k]`` entries of ``items`` (integer
    ids, repeats allowed). Columns are numbered rarest item first (ties by id), so a row's rarest items are
    its first entries."""
    frequency = np.bincount(items) if len(items) else np.zeros(0, np.int64)
    width = len(frequency)
    rank = np.empty(width, np.int64)
    rank[np.argsort(frequency * width + np.arange(width))] = np.arange(width)
    entries = sorted_set(np.repeat(np.arange(len(sizes), dtype=np.int64), sizes) * width + rank[items])
    counts = np.bincount(entries // max(width, 1), minlength=len(sizes))
    return Rows(run_bounds(counts), entries % max(width, 1), width)


def prefix_rows(rows: Rows, share: float) -> tuple[Rows, np.ndarray]:
    """Each row's extended prefix (its first, rarest items) and how many of them a similar pair must share.

    Sets sharing ``t = ceil(share * len)`` items of the smaller one share an
    item among its first ``m = len - t + 1`` items; more generally, they share
    ``k <= t`` among its first ``m + k - 1``. The prefix is :data:`PREFIX_EXTRA`
    times longer than the minimal one, and ``k`` grows with it.
    """
    sizes = rows.sizes
    shared = np.ceil(share * sizes - 1e-9).astype(np.int64)  # the fewest items a similar pair shares
    minimal = sizes - shared + 1
    extra = np.ceil(PREFIX_EXTRA * minimal).astype(np.int64)
    kept = np.minimum(minimal + extra, sizes)
    position = np.arange(len(rows.indices)) - np.repeat(rows.indptr[:-1], sizes)
    inside = position < np.repeat(kept, sizes)
    prefix = Rows(run_bounds(kept), rows.indices[inside], rows.width)
    return prefix, np.minimum(extra + 1, shared)  # a short set's prefix is all of it: it shares ``shared``


def _positions(ordered: np.ndarray, needles: np.ndarray, side: Literal["left", "right"], bound: int) -> np.ndarray:
    """``np.searchsorted(ordered, needles, side)``, the needles (all below ``bound``) looked up in sorted
    order: each search then starts near the one before, in memory the one before just read (4 times
    faster on big joins)."""
    sorted_needles, order = sort_by(needles, np.arange(len(needles)), bound, len(needles))
    out = np.empty(len(needles), np.int64)
    out[order] = np.searchsorted(ordered, sorted_needles, side=side)
    return out


def _candidates(probe: Rows, index: Rows, sizes: np.ndarray, need: np.ndarray,
                longest: float, both: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) where the row of ``probe`` (extended prefix) of the smaller set (or of ``a`` for equal
    sizes) shares ``need`` items with the other's row of ``index`` (the other's extended prefix when
    ``both``: then the smaller ``need`` of the two counts), and the larger set is at most ``longest``
    times the smaller.

    This is the sparse product of the probe rows with the index columns, by expansion: each probe entry
    meets every index row holding its item (rare items, short lists), and hits are counted by sorting.
    """
    n = max(len(sizes), 1)
    top = int(sizes.max(initial=0)) + 1
    # Index entries by (item, size of their set): each probe entry meets only sets no smaller than its own
    # and at most ``longest`` times larger, one contiguous run of this order.
    bound = max(index.width, probe.width, 1) * top  # of every key below
    holder_of = np.repeat(np.arange(len(sizes)), index.sizes)
    # the holders of one key are counted, not listed in order: any order among them will do
    keys, holders = sort_by(index.indices * top + sizes[holder_of], holder_of, bound, n)
    owner = np.repeat(np.arange(len(sizes)), probe.sizes)
    own = sizes[owner]
    most = np.minimum(np.floor(own * longest + 1e-9), top - 1).astype(np.int64) if np.isfinite(longest) else top - 1
    low = _positions(keys, probe.indices * top + own, "left", bound)
    meets = _positions(keys, probe.indices * top + most, "right", bound) - low
    found = []
    per_row = np.bincount(owner, weights=meets, minlength=len(sizes)).astype(np.int64)
    for rows in _pieces(per_row):  # whole probe rows at a time, so each pair's hits are counted together
        entries = slice(probe.indptr[rows.start], probe.indptr[rows.stop])
        a = np.repeat(owner[entries], meets[entries])
        b = holders[_ranges(low[entries], meets[entries])]
        keep = (sizes[a] < sizes[b]) | (a < b)  # equal sizes: each pair once
        pairs, hits = _counted(a[keep] * n + b[keep])
        a, b = pairs // n, pairs % n
        enough = hits >= (np.minimum(need[a], need[b]) if both else need[a])
        found.append(np.minimum(a, b)[enough] * n + np.maximum(a, b)[enough])
    pairs = _counted(np.concatenate(found))[0] if found else np.zeros(0, np.int64)
    return pairs // n, pairs % n


def _overlaps(rows: Rows, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many items sets ``a[k]`` and ``b[k]`` share, counted exactly: both rows' items, tagged by pair,
    sorted together, and the repeats counted (a block of pairs at a time)."""
    out = np.zeros(len(a), np.int64)
    sizes = rows.sizes
    width = max(rows.width, 1)
    for part in _pieces(sizes[a] + sizes[b]):
        pair = np.arange(part.start, part.stop)
        tags = np.concatenate([np.repeat(pair, sizes[a[part]]), np.repeat(pair, sizes[b[part]])])
        items = np.concatenate([rows.indices[_ranges(rows.indptr[a[part]], sizes[a[part]])],
                                rows.indices[_ranges(rows.indptr[b[part]], sizes[b[part]])]])
        keys = np.sort(tags * width + items)
        repeated = keys[1:][keys[1:] == keys[:-1]]
        out += np.bincount(repeated // width, minlength=len(a))
    return out


def similar_pairs(rows: Rows, share: float, contained: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, overlap) of every pair of rows a < b sharing ``share`` of the smaller set (``contained``) or
    with Jaccard at least ``share``; ``overlap`` is the number of shared items.

    For a containment share the smaller set's prefix is probed against the
    larger one's items; for Jaccard (which bounds the overlap by ``share`` times
    the larger set) prefixes on both sides suffice, and the larger set can be at
    most ``len / share``.
    """
    sizes = rows.sizes
    prefix, need = prefix_rows(rows, share)
    a, b = _candidates(prefix, rows if contained else prefix, sizes, need, np.inf if contained else 1 / share,
                       both=not contained)
    overlap = _overlaps(rows, a, b)
    small, large = np.minimum(sizes[a], sizes[b]), np.maximum(sizes[a], sizes[b])
    similar = overlap / np.maximum(small, 1) if contained else overlap / np.maximum(small + large - overlap, 1)
    keep = (similar >= share) & (small > 0)
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

    number: Mapping[str, int]
    """Text -> its place among the distinct texts (in order of first use)."""
    flat: np.ndarray
    """The word ids of the distinct texts, one text after another."""
    bounds: np.ndarray
    """Text ``k``'s word ids are ``flat[bounds[k]:bounds[k + 1]]``."""
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
        bounds = run_bounds(np.fromiter(map(len, found), np.int64, count=len(found)))
        return cls(dict(zip(texts, range(len(texts)))), every, bounds, word_id)

    def ids(self, text: str) -> np.ndarray:
        """The word ids of ``text``, one of the vocabulary's, in order."""
        k = self.number[text]
        return self.flat[self.bounds[k]:self.bounds[k + 1]]

    def of_texts(self, texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """The word ids of ``texts`` (the vocabulary's), one text after another, and how many each has."""
        k = np.fromiter(map(self.number.__getitem__, texts), np.int64)
        sizes = np.diff(self.bounds)[k]
        return self.flat[_ranges(self.bounds[k], sizes)], sizes


def shingle_rows(ids: np.ndarray, sizes: np.ndarray, vocabulary_size: int, n: int = SHINGLE) -> Rows:
    """The distinct ``n``-word shingles of each text, given as word ids (texts one after another in ``ids``,
    ``sizes[k]`` words each), as :func:`item_rows` (a text of fewer words is one shingle of them all, padded
    with the id ``vocabulary_size``)."""
    ids = np.concatenate([ids, np.zeros(n, np.int64)])
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
        if bound * base * max(len(key), 1) >= 1 << 62:  # renumber, order kept, while keys can be packed
            key = distinct(key, bound)[1]
            bound = len(key)
        word = ids[starts + k]
        word[padded[sizes[short] <= k]] = vocabulary_size  # past the end of a short text: "no word"
        key, bound = key * base + word, bound * base
    counts = np.maximum(sizes - n + 1, 0) + short
    return item_rows(counts, distinct(key, bound)[1])


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
    sentences = [a.sentences for a in articles]
    vocabulary = vocabulary or Vocabulary.of(chain.from_iterable(sentences))
    ids, lengths = vocabulary.of_texts(s.text for s in chain.from_iterable(sentences))
    ends = np.cumsum(np.fromiter(map(len, sentences), np.int64, count=len(sentences)))
    words_before = run_bounds(lengths)
    rows = shingle_rows(ids, np.diff(words_before[ends], prepend=0), len(vocabulary.word_id))
    sizes = rows.sizes.tolist()
    a, b, overlap = similar_pairs(rows, ARTICLE_SHARE, contained=True)
    dups: dict[int, Duplicate] = {}
    for i, j, inter in zip(a.tolist(), b.tolist(), overlap.tolist()):  # a, b come sorted
        if i in dups or j in dups:
            continue
        dups[j] = Duplicate(articles[j].id, articles[i].id, round(inter / (min(sizes[i], sizes[j]) or 1), 3))
    return [dups[k] for k in sorted(dups)]


def _content_classes(vocabulary: Vocabulary) -> tuple[np.ndarray, Rows]:
    """The class of each distinct text (texts with the same set of content words are one class, numbered in
    order of first use) and each class's content words as :func:`item_rows`."""
    width = max(len(vocabulary.word_id), 1)
    function = np.zeros(width, bool)
    function[[vocabulary.word_id[w] for w in FUNCTION_WORDS if w in vocabulary.word_id]] = True
    lengths = np.diff(vocabulary.bounds)
    text_of = np.repeat(np.arange(len(lengths)), lengths)
    content = ~function[vocabulary.flat]
    entries = sorted_set(text_of[content] * width + vocabulary.flat[content])  # by text, words sorted
    per_text = np.bincount(entries // width, minlength=len(lengths))
    words_of = entries % width
    blob, edges = words_of.tobytes(), (run_bounds(per_text) * words_of.itemsize).tolist()
    classes: dict[bytes, int] = {}
    class_of = np.fromiter((classes.setdefault(blob[a:b], len(classes)) for a, b in zip(edges, edges[1:])),
                           np.int64, count=len(lengths))
    first = np.ones(len(class_of), bool)  # a class's first text: its number is above every one before
    first[1:] = class_of[1:] > np.maximum.accumulate(class_of)[:-1]
    first_texts = np.flatnonzero(first)
    sizes = per_text[first_texts]
    begins = np.cumsum(per_text) - per_text
    return class_of, item_rows(sizes, words_of[_ranges(begins[first_texts], sizes)])


def sentence_groups(sentences: Sequence[Sentence], vocabulary: Vocabulary | None = None) -> list[list[Sentence]]:
    """Group sentences that say the same thing; each group keeps input order, first is its representative.

    Two sentences of different articles say the same when the Jaccard of their
    content words reaches :data:`SENTENCE_JACCARD`. Sentences with identical word
    sets are joined first (together when they span two articles or more), so the
    similarity join runs once per distinct set.
    """
    vocabulary = vocabulary or Vocabulary.of(sentences)
    texts, rows = _content_classes(vocabulary)
    numbers = np.fromiter(map(vocabulary.number.__getitem__, (s.text for s in sentences)), np.int64,
                          count=len(sentences))
    class_of = texts[numbers]
    article_ids: dict[str, int] = {}
    article_of = np.fromiter((article_ids.setdefault(s.article, len(article_ids)) for s in sentences),
                             np.int64, count=len(sentences))
    n = len(rows.sizes)
    # The one article a class's sentences come from, or -1 when they come from several.
    lowest, highest = np.full(n, np.iinfo(np.int64).max), np.full(n, -1)
    np.minimum.at(lowest, class_of, article_of)
    np.maximum.at(highest, class_of, article_of)
    single = np.where(lowest == highest, lowest, -1)
    sizes = rows.sizes
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
