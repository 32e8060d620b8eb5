"""The summarizer contract: one algorithm per module behind :class:`Summarizer`.

A summarizer sees a :class:`Cluster` (the usable articles and their sentences
grouped into near-duplicates) and selects sentences within a word budget.
Ordering and support are shared here, so an algorithm is only its selection.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from newsbrief.model import Article, Sentence

MIN_WORDS = 6
"""Shorter sentences (datelines, stray labels) are not summary candidates."""

MAX_WORDS = 80
"""Longer "sentences" are almost always run-ons from missing punctuation."""


@dataclass
class Cluster:
    """Usable articles (in reading order) and their sentences grouped by near-duplication."""

    articles: list[Article]
    groups: list[list[Sentence]]
    _group_of: dict[tuple[str, int], int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._group_of = {(s.article, s.index): g for g, group in enumerate(self.groups) for s in group}

    @property
    def candidates(self) -> list[Sentence]:
        """One sentence per group (its first), of a sensible length, from a usable article."""
        usable = {a.id for a in self.articles}
        out = []
        for group in self.groups:
            rep = next((s for s in group if s.article in usable), None)
            if rep is not None and MIN_WORDS <= rep.words <= MAX_WORDS:
                out.append(rep)
        return out

    def support(self, sentence: Sentence) -> list[str]:
        """Ids of the other articles that say the same as ``sentence``."""
        group = self.groups[self._group_of[(sentence.article, sentence.index)]]
        seen: list[str] = []
        for s in group:
            if s.article != sentence.article and s.article not in seen:
                seen.append(s.article)
        return seen

    def article_rank(self) -> dict[str, int]:
        """Article id -> its place in the cluster (reading order), for ordering and tie-breaks."""
        return {a.id: i for i, a in enumerate(self.articles)}


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
    rank = cluster.article_rank()
    by_id = {a.id: a for a in cluster.articles}
    if all(by_id[s.article].time for s in chosen):
        return sorted(chosen, key=lambda s: (rank[s.article], s.index))
    lengths = {a.id: max(len(a.sentences), 1) for a in cluster.articles}
    return sorted(chosen, key=lambda s: (round(s.index / lengths[s.article], 1), rank[s.article], s.index))


def fits(chosen: Sequence[Sentence], sentence: Sentence, max_words: int) -> bool:
    """Whether ``sentence`` can join ``chosen`` within the word budget."""
    return sum(s.words for s in chosen) + sentence.words <= max_words
