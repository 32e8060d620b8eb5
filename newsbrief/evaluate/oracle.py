"""A greedy extractive oracle: the upper bound of picking whole sentences, given the references.

It adds, one at a time, the sentence that most raises ROUGE-1 + ROUGE-2 recall
(mean over the references, the tokens rouge-score uses: lower case, Porter
stemmed) while the word budget holds, and stops when nothing raises it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from newsbrief.batch import cluster_articles
from newsbrief.lang.tokens import tokens as stemmed
from newsbrief.model import Sentence
from newsbrief.pipeline import prepare
from newsbrief.summarize import order


def ngrams(text: str) -> Counter[tuple[str, ...]]:
    """Unigram and bigram counts of ``text`` in rouge-score's tokens."""
    tokens = stemmed(text)
    return Counter([(t,) for t in tokens] + list(zip(tokens, tokens[1:])))


class _Target:
    """One reference: its n-gram counts, what the selection already matches, and the recall denominators."""

    def __init__(self, reference: str) -> None:
        self.counts = ngrams(reference)
        self.have: Counter[tuple[str, ...]] = Counter()
        uni = sum(n for g, n in self.counts.items() if len(g) == 1)
        self.norm = {1: 1 / max(uni, 1), 2: 1 / max(sum(self.counts.values()) - uni, 1)}

    def gain(self, grams: Counter[tuple[str, ...]]) -> float:
        total = 0.0
        for g, n in grams.items():
            want = self.counts.get(g, 0)
            if want:
                had = self.have[g]
                total += (min(want, had + n) - min(want, had)) * self.norm[len(g)]
        return total


def greedy(sentences: Sequence[Sentence], references: Sequence[str], max_words: int) -> list[Sentence]:
    """Sentences (most useful first) that greedily maximise ROUGE-1+2 recall within ``max_words``."""
    targets = [_Target(r) for r in references]
    pool = [(s, ngrams(s.text)) for s in sentences]
    chosen: list[Sentence] = []
    words = 0
    while True:
        best, best_gain = None, 0.0
        for i, (s, grams) in enumerate(pool):
            if words + s.words <= max_words:
                gain = sum(t.gain(grams) for t in targets)
                if gain > best_gain:
                    best, best_gain = i, gain
        if best is None:
            return chosen
        s, grams = pool.pop(best)
        chosen.append(s)
        words += s.words
        for t in targets:
            t.have.update(grams)


def oracle(record: dict[str, Any], max_words: int) -> list[str]:
    """The oracle summary lines of a cluster record, in newsbrief's reading order."""
    cluster = prepare(cluster_articles(record)).cluster
    sentences = [s for a in cluster.articles for s in a.sentences]
    return [s.text for s in order(cluster, greedy(sentences, record.get("summaries") or [], max_words))]
