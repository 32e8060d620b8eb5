"""What a reader brings to a summary: the articles already read, and the question asked.

Two classic settings of multi-document summarization, both on top of concept
coverage (:mod:`~newsbrief.summarize.concepts`):

* **Update summaries** (DUC 2007 update pilot, TAC 2008-2011): summarize the new
  articles for a reader of the earlier ones. The strongest classic systems
  (ICSI's concept ILP at TAC 2008-9) kept their concept weights and lowered those
  of concepts the earlier articles carry; a sentence that repeats an earlier one
  is not news at all. Here a concept loses weight with the share of earlier
  articles that use it (:func:`novelty`) and by how much more it mattered to them
  than it matters now (:func:`salience`), a passage whose sentence is a
  near-duplicate of an earlier article's is no candidate (``Focus.repeated``), and
  the newest report's lead opens the summary when it leads nearly as well as the best.
* **Question-focused summaries** (DUC 2005-2007): the summary answers a topic
  statement. Query terms are few, and the answer's words are often not theirs;
  so, as in pseudo-relevance feedback, each concept is weighted by how strongly
  it co-occurs with the query's concepts in the cluster's own sentences
  (:func:`relevance`), and concepts that answer the question gain weight; what only one article
  says gains less (:func:`spread`).

Both only re-weight concepts, so selection stays what it is: a faithful,
non-redundant coverage of the cluster, leaning towards what is new and what
was asked. Every figure behind the settings is in ``bench/focus.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from newsbrief.lang.en import QUESTION_WORDS
from newsbrief.lang.tokens import stemmed_stop, tokens
from newsbrief.model import Article, Conflict, Since, Source, TimelineEntry

Key = tuple[str, int]
"""A sentence of the cluster: (article id, sentence index)."""


@dataclass(frozen=True)
class Focus:
    """What a summary should favour beyond the cluster itself: what the reader has read and asked, and,
    for a developing story, which reports are the latest and when what they report happened.

    ``earlier``: the usable articles the reader has already read (segmented), never cited;
    ``repeated``: the cluster's sentences that say what an earlier article said (their near-duplicate
    group holds an earlier sentence); ``since``: what an update briefing is compared with (None for
    another briefing); ``query``: the question the summary should answer; ``superseded`` and ``latest``:
    the sentences that give a figure later reports changed, and those that give its latest value;
    ``when``: the day of the happening a sentence reports, where the facts resolved it.
    """

    earlier: tuple[Article, ...] = ()
    repeated: frozenset[Key] = frozenset()
    since: Since | None = None
    query: str | None = None
    superseded: frozenset[Key] = frozenset()
    latest: frozenset[Key] = frozenset()
    when: Mapping[Key, date] = field(default_factory=dict)


NO_FOCUS = Focus()


def developing(focus: Focus, articles: Sequence[Article], conflicts: Sequence[Conflict],
               timeline: Sequence[TimelineEntry]) -> Focus:
    """``focus`` with what the facts tell of a developing story told by ``articles``: the sentences that
    give a figure since changed (an ``update`` conflict's earlier sides) and those that give its latest
    value (its last side), and the day of each sentence's happening (the story's own timeline entries
    with a whole date; background is left to its article's day)."""
    place = _Places(articles)
    superseded: set[Key] = set()
    latest: set[Key] = set()
    for conflict in conflicts:
        if conflict.kind == "update" and conflict.sides:
            latest.update(place.keys(conflict.sides[-1].sources))
            superseded.update(k for side in conflict.sides[:-1] for k in place.keys(side.sources))
    when: dict[Key, date] = {}
    for entry in timeline:
        if not entry.background and len(entry.date) == 10:
            try:
                day = date.fromisoformat(entry.date)
            except ValueError:
                continue
            for key in place.keys(entry.sources):
                when.setdefault(key, day)
    return replace(focus, superseded=frozenset(superseded - latest), latest=frozenset(latest), when=when)


class _Places:
    """Which sentence of which article holds a span."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.starts = {a.id: [s.start for s in a.sentences] for a in articles}
        self.indexes = {a.id: [s.index for s in a.sentences] for a in articles}

    def keys(self, sources: Sequence[Source]) -> list[Key]:
        """The sentences the spans start in (spans of other articles, or before the first sentence, have none)."""
        out = []
        for span in sources:
            starts = self.starts.get(span.article, [])
            at = bisect_right(starts, span.start) - 1
            if at >= 0:
                out.append((span.article, self.indexes[span.article][at]))
        return out


@dataclass(frozen=True)
class FocusSettings:
    """How much what the reader read and asked moves the concept weights. Two-fold cross-validation on
    DUC 2007 dev (``bench/focus.py --folds``): the question settings fitted on one half scored 46.14 / 13.17
    (R-1 / R-2 recall at 250 words) on the other, these 46.19 / 13.31, the former ones (``query`` 4,
    ``expansion`` 2, no ``lone``) 45.54 / 12.84 (no query: 44.62 / 11.87); the update settings fitted on
    one half 37.78 / 9.51 against the references' sentences new to the reader, these 38.58 / 9.87 in
    sample, the former ones (no ``salience``, the earliest lead) 37.32 / 8.37 (30 summaries: noisy).

    ``novelty``: how much of its weight a concept the earlier articles carry loses when the new
    articles only recall it (see :func:`novelty`); ``fresh``: the least share of a passage's concepts
    that no earlier article uses (see :func:`news`); ``query``: a concept as relevant as can be gains
    ``query`` times its weight; ``expansion``: a concept whose sentences are ``1 / expansion`` as relevant
    to the query as the most relevant concept's already counts as fully relevant (see :func:`relevance`);
    ``lone``: under a query, a concept only one article uses loses this share of its weight (see
    :func:`spread`); ``salience``: how steeply a concept that mattered more to the earlier articles than
    to the new ones loses weight (see :func:`salience`); ``newest``: for an update, of the leads that
    score within this share of the best, the newest report's opens the summary.
    """

    novelty: float = 1.0
    fresh: float = 0.1
    query: float = 8.0
    expansion: float = 1.0
    lone: float = 0.5
    salience: float = 0.5
    newest: float = 0.8


def novelty(earlier: np.ndarray, now: np.ndarray, settings: FocusSettings) -> np.ndarray:
    """Per concept, the share of its weight it keeps for a reader of the earlier articles.

    ``earlier`` and ``now``: per concept, the share of the earlier and of the new articles that use it.
    What the earlier articles said and the new ones only recall (background re-told in a few of them) is
    not news and loses its weight; what runs through both (the subject itself, which an update still
    names) keeps it; what only the new articles say keeps it all. ``novelty`` above 1 takes it from more
    concepts, down to none of their weight (``bench/focus.py --folds`` tries 0 to 4).
    """
    return np.maximum(1.0 - settings.novelty * earlier * (1.0 - now), 0.0)


def salience(now: np.ndarray, before: np.ndarray, settings: FocusSettings) -> np.ndarray:
    """Per concept, the share of its weight it keeps for a reader of the earlier articles: its weight among
    the new articles (``now``) over its weight among the earlier ones (``before``, 0 for a concept none of
    them uses), at most 1, to the power ``salience``.

    :func:`novelty` asks only whether the earlier articles used a concept; this asks how much it mattered
    to them against how much it matters now. A detail the earlier reports led with and the new ones only
    mention is not news; one they mentioned in passing and the new ones lead with, or build on, is
    (the ICSI update systems removed the earlier concepts outright, which loses the story's subject).
    """
    return np.minimum(now / np.maximum(before, 1e-12), 1.0) ** settings.salience


def news(concepts: np.ndarray, read: np.ndarray, settings: FocusSettings) -> bool:
    """Whether a passage that uses ``concepts`` (ids) adds to what the reader read (``read`` flags the
    concepts some earlier article uses): at least ``fresh`` of its concepts are not among them. A
    sentence told again in other words is not news even when it is no near-duplicate of an earlier one.
    """
    return bool(len(concepts)) and float(np.mean(~read[concepts])) >= settings.fresh


def relevance(query: np.ndarray, pair_concept: np.ndarray, pair_sentence: np.ndarray, n_concepts: int,
              settings: FocusSettings) -> np.ndarray:
    """Per concept id, how strongly it bears on the query, from 0 to 1.

    ``query``: the concept ids the query uses; ``pair_concept``/``pair_sentence``: which sentence of the
    cluster uses which concept. A sentence is as relevant as the query concepts it uses, each counted by
    its inverse sentence frequency (the story's own name, in every sentence, tells none apart); a
    concept, as the sentences that use it on average (so the answer's words count, not only the
    question's), scaled so that the most relevant concept has ``1 * expansion``, capped at 1.
    """
    if not len(query) or not n_concepts or not len(pair_sentence):
        return np.zeros(n_concepts)
    n_sentences = int(pair_sentence.max()) + 1
    used = np.bincount(pair_concept, minlength=n_concepts).astype(float)
    asked = np.zeros(n_concepts)
    asked[query] = np.log(n_sentences / np.maximum(used[query], 1))
    per_sentence = np.bincount(pair_sentence, weights=asked[pair_concept], minlength=n_sentences)
    out = np.bincount(pair_concept, weights=per_sentence[pair_sentence], minlength=n_concepts) / np.maximum(used, 1)
    top = out.max()
    return np.minimum(settings.expansion * out / top, 1.0) if top > 0 else out


def spread(share: np.ndarray, n_articles: int, settings: FocusSettings) -> np.ndarray:
    """Per concept, the share of its weight it keeps under a query: ``1 - lone`` when only one of the
    cluster's ``n_articles`` uses it (``share``: the share of them that do), else all of it.

    The query's expansion (:func:`relevance`) lifts whatever shares sentences with the question's words,
    one report's passing details as much as what the reports agree on, and the answers humans write tell
    what several reports carry (dev: ``lone`` 0.5 raises R-1 and R-2 at every ``query`` and ``expansion``
    tried). Without a query the learned weights already count the articles a concept is in, and this is
    not applied: a run without a question does not change.
    """
    single = np.rint(share * n_articles) <= 1 if n_articles > 1 else np.zeros(len(share), bool)
    return np.where(single, 1.0 - settings.lone, 1.0)


def bearing(query: str, texts: Sequence[str], share: float = 0.5) -> list[bool]:
    """Which of ``texts`` (the lines of a briefing's facts) bear on ``query``: they use one of its content
    words (stemmed) that at most ``share`` of the texts use; the story's own name, on every line, tells
    none apart."""
    asked = set(tokens(question_text(query))) - stemmed_stop()
    used = [asked.intersection(tokens(t)) for t in texts]
    counts = Counter(w for found in used for w in found)
    telling = {w for w, n in counts.items() if n <= share * len(texts)}
    return [bool(found & telling) for found in used]


def question_text(query: str) -> str:
    """The query without the words that only ask ("Describe", "What", "Give examples of"): what it is about."""
    return " ".join(w for w in query.split() if w.strip(".,;:?!\"'()").lower() not in QUESTION_WORDS)


__all__ = ["NO_FOCUS", "Focus", "FocusSettings", "Key", "bearing", "developing", "news", "novelty", "question_text", "relevance", "salience", "spread"]
