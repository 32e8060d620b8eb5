"""The summarizer contract: one algorithm per module behind :class:`Summarizer`.

A summarizer sees a :class:`Cluster` (the usable articles and their sentences
grouped into near-duplicates) and selects sentences within a word budget.
Ordering and support are shared here, so an algorithm is only its selection.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from newsbrief.model import Cluster, Sentence

MIN_WORDS = 6
"""Shorter sentences (datelines, stray labels) are not summary candidates."""

MAX_WORDS = 80
"""Longer "sentences" are almost always run-ons from missing punctuation."""


def candidates(cluster: Cluster) -> list[Sentence]:
    """What a summary may use: one sentence per near-duplicate group (its first from a usable article, as
    a duplicate article's sentences are only support), of a sensible length."""
    usable = {a.id for a in cluster.articles}
    out = []
    for group in cluster.groups:
        rep = next((s for s in group if s.article in usable), None)
        if rep is not None and MIN_WORDS <= rep.words <= MAX_WORDS:
            out.append(rep)
    return out


class Summarizer(ABC):
    """Selects sentences for a summary; subclasses implement :meth:`select` only."""

    name: ClassVar[str]

    @abstractmethod
    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        """Sentences whose words add up to at most ``max_words``, most important first."""

    def summarize(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        """The selection in reading order."""
        return order(cluster, self.select(cluster, max_words))


def order(cluster: Cluster, chosen: Sequence[Sentence]) -> list[Sentence]:
    """Chronological when every chosen line's article carries a time, otherwise by relative position, leads first.

    ``cluster.articles`` are already in reading order (earliest first), so
    chronological order is article rank, then position in the article.
    """
    rank = cluster.rank()
    by_id = {a.id: a for a in cluster.articles}
    if all(by_id[s.article].time for s in chosen):
        return sorted(chosen, key=lambda s: (rank[s.article], s.index))
    lengths = {a.id: max(len(a.sentences), 1) for a in cluster.articles}
    return sorted(chosen, key=lambda s: (round(s.index / lengths[s.article], 1), rank[s.article], s.index))


def fits(chosen: Sequence[Sentence], sentence: Sentence, max_words: int) -> bool:
    """Whether ``sentence`` can join ``chosen`` within the word budget."""
    return sum(s.words for s in chosen) + sentence.words <= max_words
