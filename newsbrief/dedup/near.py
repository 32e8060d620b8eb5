"""Near-duplicate detection with an exact, prefix-filtered similarity join (no hashing luck).

The classic all-pairs join (Bayardo et al., WWW 2007): order every set's items
rarest first; two sets that share at least ``share`` of the smaller one must
share an item among the first ``len - ceil(share * len) + 1`` items of the
smaller one. Probing an inverted index with only those prefixes finds every
qualifying pair in about linear time on real text (rare items have short
posting lists), and each candidate is then checked exactly. Unlike MinHash LSH
it misses nothing, needs no random permutations and imports nothing heavy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.lang.en import FUNCTION_WORDS
from newsbrief.lang.tokens import words
from newsbrief.model import Article, Sentence

ARTICLE_SHARE = 0.7
"""Share of the shorter article's 3-word shingles found in the other: above it, one is a copy."""

SENTENCE_JACCARD = 0.6
"""Jaccard of content-word sets above which two sentences say the same thing."""

ALL_PAIRS_UP_TO = 24
"""Up to this many sets, checking every pair costs less than building the index."""

def _shingles(found: list[str], n: int) -> set[tuple[str, ...]]:
    if len(found) < n:
        return {tuple(found)} if found else set()
    return set(zip(*(found[k:] for k in range(n))))


def _rarest_first(sets: Sequence[set]) -> list[list[int]]:
    """Each set as item ranks, rarest item first (ties broken by first appearance, so runs are deterministic)."""
    ids: dict[str, int] = {}
    flat = np.fromiter((ids.setdefault(item, len(ids)) for items in sets for item in items), dtype=np.int64)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(np.bincount(flat, minlength=len(ids)), kind="stable")] = np.arange(len(ids))
    owner = np.repeat(np.arange(len(sets)), [len(items) for items in sets])
    ranked = rank[flat]
    ranked = ranked[np.lexsort((ranked, owner))]
    bounds = np.cumsum([0] + [len(items) for items in sets]).tolist()
    flat_list = ranked.tolist()
    return [flat_list[bounds[i]:bounds[i + 1]] for i in range(len(sets))]


def _candidate_pairs(sets: Sequence[set], share: float, contained: bool) -> set[tuple[int, int]]:
    """Index pairs (i < j) that may share ``share`` of the smaller set (``contained``) or of each set (Jaccard).

    For a containment share the larger sets are indexed whole and probed by the
    smaller ones' prefixes; for Jaccard ``share`` (which bounds the overlap by
    ``share`` times the larger set) prefixes on both sides suffice, and sets
    longer than ``len / share`` can be skipped.
    """
    if len(sets) <= ALL_PAIRS_UP_TO:
        filled = [i for i, items in enumerate(sets) if items]
        return {(i, j) for n, i in enumerate(filled) for j in filled[n + 1:]}
    ranked = _rarest_first(sets)
    order = sorted(range(len(sets)), key=lambda i: -len(ranked[i]))
    index: dict[int, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for i in order:
        items = ranked[i]
        if not items:
            continue
        prefix = items[:len(items) - math.ceil(share * len(items) - 1e-9) + 1]
        longest = math.inf if contained else len(items) / share + 1e-9
        for item in prefix:
            for j in reversed(index.get(item, ())):  # shortest first: sets arrive longest first
                if len(ranked[j]) > longest:
                    break  # Jaccard >= share needs the longer set within len / share
                pairs.add((min(i, j), max(i, j)))
        for item in items if contained else prefix:
            index.setdefault(item, []).append(i)
    return pairs


@dataclass(frozen=True)
class Duplicate:
    """An article that repeats another (``of``); ``share`` is how much of it is found there."""

    id: str
    of: str
    share: float


def duplicate_articles(articles: Sequence[Article], texts: Sequence[str]) -> list[Duplicate]:
    """Copies among ``articles`` (whose cleaned texts are ``texts``); the first of a set is kept.

    Articles should come in preference order (earliest first): the later copy is
    the one reported as a duplicate.
    """
    sets = [_shingles(words(t, clitics=True), 3) for t in texts]
    dups: dict[int, Duplicate] = {}
    for i, j in sorted(_candidate_pairs(sets, ARTICLE_SHARE, contained=True)):
        if i in dups or j in dups:
            continue
        share = len(sets[i] & sets[j]) / (min(len(sets[i]), len(sets[j])) or 1)
        if share >= ARTICLE_SHARE:
            dups[j] = Duplicate(articles[j].id, articles[i].id, round(share, 3))
    return [dups[k] for k in sorted(dups)]


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text, clitics=True) if w not in FUNCTION_WORDS)


def sentence_groups(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Group sentences that say the same thing; each group keeps input order, first is its representative.

    Two sentences of different articles say the same when the Jaccard of their
    content words reaches :data:`SENTENCE_JACCARD`. Sentences with identical word
    sets are joined first (together when they span two articles or more), so the
    similarity join runs once per distinct set.
    """
    classes: dict[frozenset[str], int] = {}
    class_of = [classes.setdefault(_content(s.text), len(classes)) for s in sentences]
    class_sets = list(classes)
    articles_of: list[set[str]] = [set() for _ in class_sets]
    for c, sent in zip(class_of, sentences):
        articles_of[c].add(sent.article)
    # A class is linked when its sentences join others: it spans two articles, or it is similar to
    # another class and they are not both from one same article. Linked classes are unioned.
    linked = [len(arts) > 1 and bool(items) for arts, items in zip(articles_of, class_sets)]
    parent = list(range(len(class_sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidate_pairs(class_sets, SENTENCE_JACCARD, contained=False):
        if len(articles_of[a]) == len(articles_of[b]) == 1 and articles_of[a] == articles_of[b]:
            continue
        inter = len(class_sets[a] & class_sets[b])
        if inter / (len(class_sets[a]) + len(class_sets[b]) - inter) >= SENTENCE_JACCARD:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)
            linked[a] = linked[b] = True
    groups: dict[tuple[bool, int], list[Sentence]] = {}
    for i, (c, sent) in enumerate(zip(class_of, sentences)):
        groups.setdefault((True, find(c)) if linked[c] else (False, i), []).append(sent)
    return list(groups.values())
