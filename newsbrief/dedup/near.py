"""Near-duplicate detection with MinHash LSH (datasketch), verified on exact shingle sets.

LSH proposes candidate pairs in about linear time, so a 1,000-article cluster
costs no all-pairs comparison; every candidate is then checked exactly, so the
result does not depend on hashing luck.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsbrief.model import Article, Sentence

ARTICLE_SHARE = 0.7
"""Share of the shorter article's 3-word shingles found in the other: above it, one is a copy."""

SENTENCE_JACCARD = 0.6
"""Jaccard of content-word sets above which two sentences say the same thing."""

_PERM = 64
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been has have had "
    "it its this that these those he she they we you i his her their our said says will would "
    "not no s".split()
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingles(words: list[str], n: int) -> set[str]:
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _minhashes(sets: Sequence[set[str]]) -> list[MinHash]:
    return MinHash.bulk([[s.encode("utf-8") for s in shingles] for shingles in sets], num_perm=_PERM)


@lru_cache(maxsize=8)
def _lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows) for a threshold; datasketch integrates for these, so do it once per threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=_PERM)
    return lsh.b, lsh.r


def _candidate_pairs(sets: Sequence[set[str]], threshold: float) -> set[tuple[int, int]]:
    """Index pairs (i < j) that LSH thinks may overlap at about ``threshold`` Jaccard or more."""
    lsh = MinHashLSH(num_perm=_PERM, params=_lsh_params(threshold))
    pairs: set[tuple[int, int]] = set()
    for i, mh in enumerate(_minhashes(sets)):
        if not sets[i]:
            continue
        for j in lsh.query(mh):
            pairs.add((j, i))
        lsh.insert(i, mh)
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
    sets = [_shingles(_words(t), 3) for t in texts]
    dups: dict[int, Duplicate] = {}
    for i, j in sorted(_candidate_pairs(sets, 0.3)):
        if i in dups or j in dups:
            continue
        share = len(sets[i] & sets[j]) / (min(len(sets[i]), len(sets[j])) or 1)
        if share >= ARTICLE_SHARE:
            dups[j] = Duplicate(articles[j].id, articles[i].id, round(share, 3))
    return [dups[k] for k in sorted(dups)]


def sentence_groups(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Group sentences that say the same thing; each group keeps input order, first is its representative."""
    sets = [{w for w in _words(s.text) if w not in _STOP} for s in sentences]
    parent = np.arange(len(sentences))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return int(i)

    for i, j in _candidate_pairs(sets, 0.45):
        if sentences[i].article == sentences[j].article:
            continue
        inter = len(sets[i] & sets[j])
        if inter and inter / len(sets[i] | sets[j]) >= SENTENCE_JACCARD:
            a, b = find(i), find(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Sentence]] = {}
    for i, sent in enumerate(sentences):
        groups.setdefault(find(i), []).append(sent)
    return list(groups.values())
