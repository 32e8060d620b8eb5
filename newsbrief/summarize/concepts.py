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
from collections.abc import Callable, Sequence
from itertools import chain
from dataclasses import dataclass
from functools import partial

import numpy as np

from newsbrief.dedup.near import distinct, firsts, sorted_set
from newsbrief.model import Article, Cluster, Sentence
from newsbrief.summarize.base import Summarizer, candidates, near_repeat
from newsbrief.summarize.focus import NO_FOCUS, Focus, FocusSettings, news, novelty, question_text, relevance, salience, spread
from newsbrief.summarize.passages import Passage
from newsbrief.lang.tokens import numbered, stemmed_stop, tokens

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


class ClusterConcepts:
    """The concepts of a cluster in arrays: one id per distinct concept, and which sentences use which.

    Concept ids come from :func:`~newsbrief.dedup.near.distinct` over integer keys (a unigram is its
    word id; a bigram is ``V + a * V + b``), so everything after tokenizing is
    vectorised and a 1,000-article cluster costs well under a second.
    """

    def __init__(self, cluster: Cluster) -> None:
        self.sentences = [s for a in cluster.articles for s in a.sentences]
        self.n_articles = len(cluster.articles)
        self.vocab, each = numbered([s.text for s in self.sentences])
        lengths = list(map(len, each))
        tok = np.fromiter(chain.from_iterable(each), np.int64, count=sum(lengths))
        stop_set = stemmed_stop()
        self.vocab_size = max(len(self.vocab), 1)
        self.is_stop = np.array([w in stop_set for w in self.vocab] or [False])
        self.word_len = np.array([len(w) for w in self.vocab] or [0])
        self.is_number = np.array([w.isdigit() for w in self.vocab] or [False])
        keys, owners = self._keys(tok, lengths)
        self.keys, occurrence = distinct(keys, self.vocab_size * (self.vocab_size + 1))
        self.tf = np.bincount(occurrence, minlength=len(self.keys))
        n = max(len(self.sentences), 1)
        pairs = sorted_set(occurrence * n + owners)
        self.pair_concept, self.pair_sentence = pairs // n, pairs % n
        article_no: dict[str, int] = {}
        self.sentence_article = np.array([article_no.setdefault(s.article, len(article_no)) for s in self.sentences],
                                         np.int64)
        """Per sentence, its article's number (in cluster order)."""

    def _keys(self, tok: np.ndarray, lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The concept keys of texts given as word ids ``tok`` (``lengths`` words each; -1 for a word this
        cluster's sentences never use), and the text each key comes from."""
        owner = np.repeat(np.arange(len(lengths)), lengths)
        known = tok >= 0
        word = np.where(known, tok, 0)
        v = self.vocab_size
        uni = known & ~self.is_stop[word] & (self.word_len[word] > 1)
        a, b = word[:-1], word[1:]
        bi = (owner[:-1] == owner[1:]) & known[:-1] & known[1:] & ~(self.is_stop[a] & self.is_stop[b])
        return np.concatenate([tok[uni], v + a[bi] * v + b[bi]]), np.concatenate([owner[uni], owner[:-1][bi]])

    def ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """The distinct concept ids each of ``texts`` uses (the cluster's concepts only)."""
        words = [tokens(t) for t in texts]
        tok = np.fromiter((self.vocab.get(w, -1) for ws in words for w in ws), dtype=np.int64)
        keys, owners = self._keys(tok, [len(ws) for ws in words])
        at = np.minimum(np.searchsorted(self.keys, keys), max(len(self.keys) - 1, 0))
        found = (self.keys[at] == keys) if len(self.keys) else np.zeros(len(keys), bool)
        order = np.lexsort((at[found], owners[found]))
        concept, owner = at[found][order], owners[found][order]
        fresh = firsts(concept) | firsts(owner)  # sorted by text, then id: a repeat follows its first
        concept, owner = concept[fresh], owner[fresh]
        bounds = np.searchsorted(owner, np.arange(len(texts) + 1))
        return [concept[bounds[i]:bounds[i + 1]] for i in range(len(texts))]

    def of_passages(self, passages: Sequence[Passage]) -> list[np.ndarray]:
        """The distinct concept ids each passage uses: its sentences' own, or, for a passage that does
        not start where its first sentence does (a connective or dateline left out), its text's."""
        # (sentence, concept) pairs in that order: a sort of plain keys, no argsort (a few times faster)
        width = max(len(self.keys), 1)
        by_sentence = np.sort(self.pair_sentence * width + self.pair_concept)
        bounds = np.searchsorted(by_sentence // width, np.arange(len(self.sentences) + 1))
        ids = by_sentence % width
        place = {(s.article, s.index): i for i, s in enumerate(self.sentences)}
        out = []
        for p in passages:
            if p.trimmed:
                out.extend(self.ids([p.text]))
                continue
            first, last = place[(p.article, p.index)], place[(p.article, p.last)]
            own = ids[bounds[first]:bounds[last + 1]]
            out.append(own if first == last else sorted_set(own))  # one sentence's ids are distinct
        return out

    def read_in(self, other: ClusterConcepts) -> tuple[np.ndarray, np.ndarray]:
        """Per concept id, the share of ``other``'s articles that use the same concept and the weight
        (:meth:`weights`) it has among them, 0 where none of them uses it: what a reader of those articles
        read, and how much it mattered to them. The two vocabularies are mapped once, and ``other``'s
        articles were tokenized once, for its own concepts."""
        if not len(self.keys) or not len(other.keys):
            return np.zeros(len(self.keys)), np.zeros(len(self.keys))
        word = np.fromiter((other.vocab.get(w, -1) for w in self.vocab), np.int64, count=len(self.vocab))
        v, w = self.vocab_size, other.vocab_size
        bigram = self.keys >= v
        first = word[np.where(bigram, (self.keys - v) // v, self.keys)]
        second = word[np.where(bigram, (self.keys - v) % v, 0)]
        keys = np.where(bigram, w + first * w + second, first)
        at = np.minimum(np.searchsorted(other.keys, keys), len(other.keys) - 1)
        found = (first >= 0) & (~bigram | (second >= 0)) & (other.keys[at] == keys)
        return np.where(found, other.own_share()[at], 0.0), np.where(found, other.weights()[at], 0.0)

    def own_share(self) -> np.ndarray:
        """Per concept id, the share of this cluster's articles that use it, read off the (concept, sentence)
        pairs instead of tokenizing their sentences again."""
        return self.articles_where(np.ones(len(self.pair_concept), bool)) / max(self.n_articles, 1)

    def articles_where(self, mask: np.ndarray) -> np.ndarray:
        """Per concept id, how many articles use it in the (concept, sentence) pairs that ``mask`` flags."""
        pairs = sorted_set(self.pair_concept[mask] * self.n_articles + self.sentence_article[self.pair_sentence][mask])
        return np.bincount(pairs // self.n_articles, minlength=len(self.keys))

    def features(self) -> np.ndarray:
        """One row a concept, in the order of :data:`COEFFICIENTS`."""
        if not len(self.keys):
            return np.empty((0, len(COEFFICIENTS)))
        pc, ps = self.pair_concept, self.pair_sentence
        index = np.array([s.index for s in self.sentences])
        article = self.sentence_article
        length = np.bincount(article)[article]
        starts = np.flatnonzero(firsts(pc))
        articles_where = self.articles_where
        v = self.vocab_size
        bigram = self.keys >= v
        first_word = np.where(bigram, (self.keys - v) // v, self.keys)
        second_word = np.where(bigram, (self.keys - v) % v, self.keys)
        n_art = self.n_articles
        n_keys = len(self.keys)
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


Run = tuple[tuple[Passage, ...], np.ndarray]
"""Passages that may only be taken together (one that follows another, with the ones it follows) and the
concept ids they use."""


def runs(pool: Sequence[tuple[Passage, np.ndarray]], longest: int) -> list[Run]:
    """Each passage of ``pool`` (candidates, in article order) as a run: alone when it follows nothing,
    else with the passages it follows (at most ``longest`` in all), so that selection weighs a "He said"
    sentence together with the one that says who he is."""
    out: list[Run] = []
    for u in range(len(pool)):
        first = u
        while pool[first][0].follows and u - first < longest - 1:
            first -= 1
        if pool[first][0].follows:
            continue
        members = pool[first:u + 1]
        # a passage's ids are already distinct and sorted (ClusterConcepts.of_passages): only a run's need sorting
        ids = members[0][1] if len(members) == 1 else sorted_set(np.concatenate([cs for _, cs in members]))
        out.append((tuple(p for p, _ in members), ids))
    return out


def kept(pool: Sequence[tuple[Passage, np.ndarray]], keep: Sequence[bool]) -> list[tuple[Passage, np.ndarray]]:
    """The items of ``pool`` (candidates, in article order) that ``keep`` flags, less those that follow one
    it drops: a passage that follows is a candidate only right after the one before it (see
    :func:`~newsbrief.summarize.base.candidates`), which :func:`runs` relies on."""
    out = []
    before = False
    for item, wanted in zip(pool, keep):
        before = wanted and (before or not item[0].follows)
        if before:
            out.append(item)
    return out


def lazy_greedy(pool: list[Run], weight: np.ndarray, budget: int, chosen: list[Passage], covered: np.ndarray,
                length_power: float, repeats: Callable[[str, list[Passage]], bool]) -> None:
    """Add to ``chosen`` the best gain-per-word runs of ``pool`` that fit ``budget`` words (in place).

    ``covered`` flags concept ids already in the summary; a run costs the words of its passages not yet
    chosen. Gains only shrink as the summary grows (submodularity), so a stale gain is an upper bound:
    a run is re-scored only when it reaches the top of the heap, and re-queued when a passage it shares
    is chosen (its cost fell). Taken runs leave ``pool``, and so do runs that ``repeats`` says repeat a line
    already chosen (a near-repeat, :func:`~newsbrief.summarize.base.near_repeat`): chosen lines only grow,
    so a later pass would find the same repeat again.
    """
    used = sum(s.words for s in chosen)
    have = {(s.article, s.index) for s in chosen}
    sharing: dict[tuple[str, int], list[int]] = {}
    sized = [[((s.article, s.index), s.words) for s in members] for members, _ in pool]  # counted once
    for i, members in enumerate(sized):
        for key, _ in members:
            sharing.setdefault(key, []).append(i)

    def cost(item: int) -> int:
        return sum(words for key, words in sized[item] if key not in have)

    costs = [cost(i) for i in range(len(pool))]  # kept up to date as passages are chosen (see below)

    def gain(item: int) -> float:
        cs = pool[item][1]
        return float(weight[cs[~covered[cs]]].sum()) / max(costs[item], 1) ** length_power

    heap = [(-gain(i), i) for i in range(len(pool))]
    heapq.heapify(heap)
    taken: set[int] = set()
    dropped: set[int] = set()
    while heap:
        _, i = heapq.heappop(heap)
        words = costs[i]
        if i in taken or not words or used + words > budget:
            continue  # the budget only shrinks: it will never fit
        fresh = gain(i)
        if fresh <= 0.0:
            continue
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, i))
            continue
        members, cs = pool[i]
        new = [s for s in members if (s.article, s.index) not in have]
        if any(repeats(s.text, chosen) for s in new):
            dropped.add(i)  # chosen lines only grow: it will always repeat one
            continue
        chosen.extend(new)
        have.update((s.article, s.index) for s in new)
        covered[cs] = True
        used += words
        taken.add(i)
        for j in {j for s in new for j in sharing[(s.article, s.index)]} - taken:  # only their costs fell
            costs[j] = cost(j)
            heapq.heappush(heap, (-gain(j), j))
    pool[:] = [item for i, item in enumerate(pool) if i not in taken and i not in dropped]


@dataclass(frozen=True)
class CoverageSettings:
    """How :class:`ConceptCoverage` selects.

    ``length_power``: the greedy's gain is per word**this; ``min_probability``:
    concepts below it count only when filling the words left; ``lead_power``: the
    lead's covered weight is per word**this (lower favours a full lead sentence over a
    short one); ``lead_sentences``: how many of an article's first passages may lead;
    ``lead_tolerance``: how close to the best lead score an earlier article's lead may be (:func:`choose_lead`);
    ``longest_run``: the most passages a run takes together (:func:`runs`); ``repeat_words`` and
    ``repeat_share``: a passage sharing at least that many content words, and that share of the shorter
    line's, with a line already chosen is a near-repeat and not taken.
    """

    length_power: float = 0.8
    min_probability: float = 0.2
    lead_power: float = 0.7
    lead_sentences: int = 1
    lead_tolerance: float = 0.97
    longest_run: int = 3
    repeat_share: float = 0.6
    repeat_words: int = 5
    focus: FocusSettings = FocusSettings()


class ConceptCoverage(Summarizer):
    """Coverage of concepts weighted by a learned summary-worthiness (the default), led by the passage
    that best states what happened."""

    name = "concepts"

    def __init__(self, settings: CoverageSettings | None = None) -> None:
        self.settings = settings or CoverageSettings()

    def select(self, cluster: Cluster, max_words: int, focus: Focus = NO_FOCUS) -> list[Sentence]:
        found = ClusterConcepts(cluster)
        earlier = tuple(a for a in focus.earlier if a.sentences)
        read, before = found.read_in(ClusterConcepts(Cluster(earlier, ()))) if earlier else (None, None)
        weight = self.focused(found, found.weights(), cluster.articles, read, focus.query, before)
        passages = candidates(cluster, focus)
        pool = list(zip(passages, found.of_passages(passages)))
        if read is None:
            return self.cover(pool, weight, max_words)
        pool = kept(pool, [news(cs, read > 0, self.settings.focus) for _, cs in pool])
        return self.cover(pool, weight, max_words, cluster.rank())  # reading order: the newest last

    def focused(self, found: ClusterConcepts, weight: np.ndarray, articles: Sequence[Article],
                read: np.ndarray | None, query: str | None, before: np.ndarray | None = None) -> np.ndarray:
        """``weight`` of the concepts of ``articles`` (the cluster's, which ``found`` was built from) for a
        reader of earlier articles (``read``: the share of them that use each concept; ``before``: each
        concept's weight among them; what they read and the new articles only recall weighs less) who asked
        ``query`` (what bears on it weighs more, what only one article says less); see
        :mod:`~newsbrief.summarize.focus`."""
        settings = self.settings.focus
        alone = weight  # the concepts' own weights, before any focus
        asking = bool(query and query.strip())
        if read is None and not asking:
            return weight
        share = found.own_share()
        if read is not None:
            weight = weight * novelty(read, share, settings)
        if before is not None:
            weight = weight * salience(alone, before, settings)
        if asking:
            asked = found.ids([question_text(query)])[0]
            weight = weight * (1.0 + settings.query * relevance(asked, found.pair_concept, found.pair_sentence,
                                                                len(weight), settings))
            weight = weight * spread(share, len(articles), settings)
        return weight

    def cover(self, pool: list[tuple[Passage, np.ndarray]], weight: np.ndarray, max_words: int,
              newest: dict[str, int] | None = None) -> list[Passage]:
        """The lead, then the passages that cover the most of ``weight`` within ``max_words`` words;
        ``newest`` (an update's articles, newest highest) lets the newest report lead."""
        settings = self.settings
        strong = np.where(weight >= settings.min_probability, weight, 0.0)
        lead = choose_lead(pool, strong, max_words, settings, newest)
        if lead is None:
            return []
        chosen, rest = [pool[lead][0]], runs(pool, settings.longest_run)
        covered = np.zeros(len(weight), bool)
        covered[pool[lead][1]] = True
        repeats = partial(near_repeat, share=settings.repeat_share, least=settings.repeat_words)
        for weights in (strong, weight):
            lazy_greedy(rest, weights, max_words, chosen, covered, settings.length_power, repeats)
        return chosen


def choose_lead(pool: list[tuple[Passage, np.ndarray]], weight: np.ndarray, max_words: int,
                settings: CoverageSettings, newest: dict[str, int] | None = None) -> int | None:
    """The position in ``pool`` of the passage that best states what happened; None when nothing fits.

    Candidates are the first ``lead_sentences`` passages of each article that follow nothing and fit
    the budget, scored by concept weight per word**``lead_power``. Of those within ``lead_tolerance``
    of the best, the earliest article's (reading order) leads: the first report of the incident,
    which later ones follow up. For a reader of earlier reports (``newest``: article id -> its rank
    in time, newest highest), of those within ``focus.newest`` of the best the newest report's leads:
    what happened since is what the latest report opens with, and a human update summary opens with it
    (``bench/focus.py --folds``).
    """
    scored: list[tuple[float, int]] = []
    seen: dict[str, int] = {}
    for u, (s, cs) in enumerate(pool):
        place = seen[s.article] = seen.get(s.article, 0) + 1
        if place <= settings.lead_sentences and not s.follows and s.words <= max_words:
            scored.append((float(weight[cs].sum()) / s.words ** settings.lead_power, u))
    if not scored:
        fitting = [u for u, (s, _) in enumerate(pool) if not s.follows and s.words <= max_words]
        return fitting[0] if fitting else None
    best = max(score for score, _ in scored)
    if newest is not None:
        near = [u for score, u in scored if score >= settings.focus.newest * best]
        return max(near, key=lambda u: newest[pool[u][0].article])  # max keeps the first of equals
    return next(u for score, u in scored if score >= settings.lead_tolerance * best)

