"""Concept coverage: the sentences that cover the most likely-summary-worthy concepts within the budget.

The strongest classic family of extractive multi-document summarizers is
coverage of weighted concepts (Gillick & Favre's ICSI system; Lin & Bilmes'
submodular coverage), and its best variants learn the concept weights
(Hong & Nenkova's RegSum; Li et al.'s supervised bigram ILP). Here a concept is
a stemmed content word or bigram, and its weight is the probability that a
human summary uses it, from a logistic model over general features: how many
articles and sentences use it, how often, how early (in each article and
relative to the article's length), whether it is a number, and how short or
stop-word-like it is. The coefficients were fitted once on the Multi-News
validation sample (``bench/score_multinews.py`` measures the result); nothing
depends on a data set's names or layout.

Selection is the budgeted greedy for monotone submodular coverage, evaluated
lazily (gains only shrink): the sentence with the best uncovered weight per
word**``length_power`` is added while it fits. Concepts below ``min_probability``
are ignored at first, which keeps noise out; the words left over are then
filled with the same greedy on all concepts, so the budget is used.
"""

from __future__ import annotations

import heapq
import math

import numpy as np

from newsbrief.model import Sentence
from newsbrief.summarize.base import Cluster, Summarizer
from newsbrief.summarize.terms import concepts, stemmed_stop, tokens

INTERCEPT = -1.366
COEFFICIENTS = np.array([
    -0.572,  # is a bigram
    0.968,   # share of articles using it
    0.501,   # log number of articles using it
    0.426,   # log number of occurrences
    1.006,   # share of sentences using it, x10
    -0.572,  # log(1 + first sentence index)
    0.474,   # earliest relative position in an article (index / sentences)
    -0.671,  # share of articles whose first sentence uses it
    -0.607,  # share of articles whose first three sentences use it
    -0.224,  # has a number
    -0.080,  # share of its words that are stop words
    -0.545,  # shortest word length / 10
])
"""Logistic model of P(a human summary uses the concept), fitted on Multi-News validation (see module doc)."""

Keyed = tuple[str, int]


def _key(s: Sentence) -> Keyed:
    return (s.article, s.index)


def sentence_concepts(cluster: Cluster) -> dict[Keyed, list[str]]:
    """Every sentence's concepts (with repeats), keyed by (article, index)."""
    return {_key(s): concepts(tokens(s.text)) for a in cluster.articles for s in a.sentences}


def concept_features(cluster: Cluster, found: dict[Keyed, list[str]]) -> tuple[list[str], np.ndarray]:
    """The concepts of a cluster and their feature rows (the order of :data:`COEFFICIENTS`)."""
    stats: dict[str, list] = {}
    for a_no, article in enumerate(cluster.articles):
        n_sent = max(len(article.sentences), 1)
        for s in article.sentences:
            cs = found[_key(s)]
            for c in set(cs):
                st = stats.get(c)
                if st is None:
                    # occurrences, sentences, first index, relative first, articles, leads, top-3s
                    st = stats[c] = [0, 0, s.index, 1.0, set(), set(), set()]
                st[1] += 1
                st[2] = min(st[2], s.index)
                st[3] = min(st[3], s.index / n_sent)
                st[4].add(a_no)
                if s.index < 3:
                    st[6].add(a_no)
                    if s.index == 0:
                        st[5].add(a_no)
            for c in cs:
                stats[c][0] += 1
    n_art = len(cluster.articles)
    n_sent_all = sum(len(a.sentences) for a in cluster.articles) or 1
    stop = stemmed_stop()
    keys = list(stats)
    rows = np.empty((len(keys), len(COEFFICIENTS)))
    for i, c in enumerate(keys):
        tf, sents, first, rel, arts, leads, tops = stats[c]
        parts = c.split()
        rows[i] = (len(parts) == 2, len(arts) / n_art, math.log(len(arts)), math.log(tf),
                   10 * sents / n_sent_all, math.log1p(first), rel, len(leads) / n_art, len(tops) / n_art,
                   any(p.isdigit() for p in parts), sum(p in stop for p in parts) / len(parts),
                   min(len(p) for p in parts) / 10)
    return keys, rows


def concept_weights(cluster: Cluster, found: dict[Keyed, list[str]]) -> dict[str, float]:
    """P(a summary uses the concept) for every concept of the cluster."""
    keys, rows = concept_features(cluster, found)
    if not keys:
        return {}
    probs = 1.0 / (1.0 + np.exp(-(rows @ COEFFICIENTS + INTERCEPT)))
    return dict(zip(keys, probs.tolist()))


def lazy_greedy(pool: list[tuple[Sentence, frozenset[str]]], weight: dict[str, float], budget: int,
                chosen: list[Sentence], covered: set[str], length_power: float) -> None:
    """Add to ``chosen`` the best gain-per-word sentences of ``pool`` that fit ``budget`` words (in place).

    Gains only shrink as ``covered`` grows (submodularity), so a stale gain is an
    upper bound: a sentence is re-scored only when it reaches the top of the heap.
    Taken sentences leave ``pool``.
    """
    used = sum(s.words for s in chosen)

    def gain(item: int) -> float:
        s, cs = pool[item]
        return sum(weight.get(c, 0.0) for c in cs - covered) / s.words ** length_power

    heap = [(-gain(i), i) for i in range(len(pool))]
    heapq.heapify(heap)
    taken: set[int] = set()
    while heap:
        _, i = heapq.heappop(heap)
        s, cs = pool[i]
        if used + s.words > budget:
            continue  # the budget only shrinks: it will never fit
        fresh = gain(i)
        if fresh <= 0.0:
            continue
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, i))
            continue
        chosen.append(s)
        covered |= cs
        used += s.words
        taken.add(i)
    pool[:] = [item for i, item in enumerate(pool) if i not in taken]


class ConceptCoverage(Summarizer):
    """Budgeted lazy-greedy coverage of concepts weighted by a learned summary-worthiness (the default)."""

    name = "concepts"

    def __init__(self, length_power: float = 0.6, min_probability: float = 0.2) -> None:
        self.length_power = length_power
        self.min_probability = min_probability

    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        found = sentence_concepts(cluster)
        weight = concept_weights(cluster, found)
        strong = {c: w for c, w in weight.items() if w >= self.min_probability}
        pool = [(s, frozenset(found[_key(s)])) for s in cluster.candidates]
        chosen: list[Sentence] = []
        covered: set[str] = set()
        for weights in (strong, weight):
            lazy_greedy(pool, weights, max_words, chosen, covered, self.length_power)
        return chosen
