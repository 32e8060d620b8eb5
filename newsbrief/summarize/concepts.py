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

import numpy as np

from newsbrief.model import Cluster, Sentence
from newsbrief.summarize.base import Summarizer, candidates
from newsbrief.lang.tokens import stemmed_stop, tokens

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

def unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and, for each input, the index of its value among them.

    ``np.unique`` does this too, but numpy 2.4 hashes when no inverse is asked
    for, which is 20x slower than sorting on large integer keys.
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.empty(len(values), bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(values), np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


class ClusterConcepts:
    """The concepts of a cluster in arrays: one id per distinct concept, and which sentences use which.

    Concept ids come from :func:`unique` over integer keys (a unigram is its
    word id; a bigram is ``V + a * V + b``), so everything after tokenizing is
    vectorised and a 1,000-article cluster costs well under a second.
    """

    def __init__(self, cluster: Cluster) -> None:
        self.sentences = [s for a in cluster.articles for s in a.sentences]
        self.n_articles = len(cluster.articles)
        vocab: dict[str, int] = {}
        words = [tokens(s.text) for s in self.sentences]
        tok = np.fromiter((vocab.setdefault(w, len(vocab)) for ws in words for w in ws), dtype=np.int64)
        sid = np.repeat(np.arange(len(words)), [len(ws) for ws in words])
        stop_set = stemmed_stop()
        self.vocab_size = v = max(len(vocab), 1)
        self.is_stop = np.array([w in stop_set for w in vocab] or [False])
        self.word_len = np.array([len(w) for w in vocab] or [0])
        self.is_number = np.array([w.isdigit() for w in vocab] or [False])
        uni = ~self.is_stop[tok] & (self.word_len[tok] > 1)
        a, b = tok[:-1], tok[1:]
        bi = (sid[:-1] == sid[1:]) & ~(self.is_stop[a] & self.is_stop[b])
        keys = np.concatenate([tok[uni], v + a[bi] * v + b[bi]])
        owners = np.concatenate([sid[uni], sid[:-1][bi]])
        self.keys, occurrence = unique(keys)
        self.tf = np.bincount(occurrence, minlength=len(self.keys))
        n = max(len(self.sentences), 1)
        pairs = unique(occurrence * n + owners)[0]
        self.pair_concept, self.pair_sentence = pairs // n, pairs % n

    def features(self) -> np.ndarray:
        """One row a concept, in the order of :data:`COEFFICIENTS`."""
        if not len(self.keys):
            return np.empty((0, len(COEFFICIENTS)))
        pc, ps = self.pair_concept, self.pair_sentence
        index = np.array([s.index for s in self.sentences])
        art_no = {}
        for s in self.sentences:
            art_no.setdefault(s.article, len(art_no))
        article = np.array([art_no[s.article] for s in self.sentences])
        length = np.bincount(article)[article]
        starts = np.flatnonzero(np.r_[True, pc[1:] != pc[:-1]])
        n_keys = len(self.keys)

        def articles_where(mask: np.ndarray) -> np.ndarray:
            pairs = unique(pc[mask] * self.n_articles + article[ps][mask])[0]
            return np.bincount(pairs // self.n_articles, minlength=n_keys)

        v = self.vocab_size
        bigram = self.keys >= v
        first_word = np.where(bigram, (self.keys - v) // v, self.keys)
        second_word = np.where(bigram, (self.keys - v) % v, self.keys)
        n_art = self.n_articles
        arts = articles_where(np.ones(len(pc), bool))
        return np.column_stack([
            bigram,
            arts / n_art,
            np.log(arts),
            np.log(self.tf),
            10 * np.bincount(pc, minlength=n_keys) / len(self.sentences),
            np.log1p(np.minimum.reduceat(index[ps], starts)),
            np.minimum.reduceat(index[ps] / length[ps], starts),
            articles_where(index[ps] == 0) / n_art,
            articles_where(index[ps] < 3) / n_art,
            self.is_number[first_word] | self.is_number[second_word],
            np.where(bigram, (self.is_stop[first_word].astype(float) + self.is_stop[second_word]) / 2, 0.0),
            np.minimum(self.word_len[first_word], self.word_len[second_word]) / 10,
        ])

    def weights(self) -> np.ndarray:
        """P(a human summary uses the concept), per concept id."""
        rows = self.features()
        return 1.0 / (1.0 + np.exp(-(rows @ COEFFICIENTS + INTERCEPT)))

    def of_sentences(self) -> dict[tuple[str, int], np.ndarray]:
        """The distinct concept ids of each sentence, keyed by (article, index)."""
        order = np.argsort(self.pair_sentence, kind="stable")
        owners = self.pair_sentence[order]
        bounds = np.searchsorted(owners, np.arange(len(self.sentences) + 1))
        ids = self.pair_concept[order]
        return {(s.article, s.index): ids[bounds[i]:bounds[i + 1]] for i, s in enumerate(self.sentences)}


def lazy_greedy(pool: list[tuple[Sentence, np.ndarray]], weight: np.ndarray, budget: int,
                chosen: list[Sentence], covered: np.ndarray, length_power: float) -> None:
    """Add to ``chosen`` the best gain-per-word sentences of ``pool`` that fit ``budget`` words (in place).

    ``covered`` flags concept ids already in the summary. Gains only shrink as it
    grows (submodularity), so a stale gain is an upper bound: a sentence is
    re-scored only when it reaches the top of the heap. Taken sentences leave ``pool``.
    """
    used = sum(s.words for s in chosen)

    def gain(item: int) -> float:
        s, cs = pool[item]
        return float(weight[cs[~covered[cs]]].sum()) / s.words ** length_power

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
        covered[cs] = True
        used += s.words
        taken.add(i)
    pool[:] = [item for i, item in enumerate(pool) if i not in taken]


class ConceptCoverage(Summarizer):
    """Budgeted lazy-greedy coverage of concepts weighted by a learned summary-worthiness (the default)."""

    name = "concepts"

    def __init__(self, length_power: float = 0.8, min_probability: float = 0.2) -> None:
        self.length_power = length_power
        self.min_probability = min_probability

    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        found = ClusterConcepts(cluster)
        weight = found.weights()
        strong = np.where(weight >= self.min_probability, weight, 0.0)
        of = found.of_sentences()
        pool = [(s, of[(s.article, s.index)]) for s in candidates(cluster)]
        chosen: list[Sentence] = []
        covered = np.zeros(len(weight), bool)
        for weights in (strong, weight):
            lazy_greedy(pool, weights, max_words, chosen, covered, self.length_power)
        return chosen
