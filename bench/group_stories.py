"""Stories on the dev stream: B-cubed at both levels, the story settings chosen by cross-validation over stories.

The dev stream (``group_dev.py``) shuffles together ECB+ (982 articles: 86
events in 43 topics), DUC 2007 (375 dated articles: 15 stories over months to
years) and Multi-News (690 articles: 250 small stories). Story labels: a DUC
cluster, a Multi-News cluster, an ECB+ topic. An ECB+ topic holds two similar
but *different* events of one kind (two earthquakes, two actors' deaths), so it
is at best a proxy for a story: ECB+ labels never choose a setting here; they
are reported on their own.

* The story settings (``story_weights``: headline, lead, names, numbers;
  ``story_neighbours``; ``story_threshold``) are chosen by ``--folds``-fold
  cross-validation over the DUC and Multi-News stories: stories go round robin
  into folds; for each fold the grid point with the best story-level B-cubed F1
  on the *other* folds' DUC and Multi-News articles is chosen, and the fold is
  scored with ``newsbrief.group`` run with it on the whole stream (only labels
  are held out). The event settings are the shipped ones (``group_quality.py``).
* The baseline is sklearn TF-IDF (English stop words, sublinear tf) on title and
  text with cosine average link over the articles, its threshold chosen on the
  same folds, and also tuned on all the labels it is scored on (an upper bound).
* Then the shipped settings (the folds' usual choice) on each source and on the
  whole stream, as ``newsbrief group`` runs them, at both levels, and how many
  ECB+ events lie inside one story.

Run::

    .venv/bin/python bench/group_stories.py             # about 7 minutes on a busy 2-core machine
    .venv/bin/python bench/group_stories.py --blocks 50 # and the stream read 50 articles a block
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from group_dev import DATA, NAMES, SOURCES, Corpus, dev_stream, events_in_one_story, held_out_bcubed, level_scores

from newsbrief.group import InMemory, Linker, group_stream
from newsbrief.group.cluster import cluster_block, cut, link_tree
from newsbrief.group.features import Weights, combine, hashed, prune, read_parts, weigh
from newsbrief.group.memory import stack
from newsbrief.group.metrics import Scores
from newsbrief.group.settings import Settings
from newsbrief.group.stories import link_units, scaled, story_scale
from newsbrief.group.stream import to_item, vectorize
from newsbrief.ingest import article_from_record, iter_load

THRESHOLDS = np.round(np.arange(0.16, 0.401, 0.02), 2)
NEIGHBOURS = (1, 2, 3)
WEIGHT_GRID = tuple(Weights(title=t, lead=lead, names=names, numbers=numbers)
                    for t in (1.0, 2.0) for lead in (1.0, 2.0) for names in (0.5, 1.0) for numbers in (0.0, 0.5))
BASELINE_THRESHOLDS = np.round(np.arange(0.02, 0.301, 0.01), 2)

Point = tuple[Weights, int, float]  # story weights, story neighbours, story threshold


def story_folds(corpus: Corpus, k: int) -> list[np.ndarray]:
    """Article indexes of each fold: the DUC and Multi-News stories, round robin in name order."""
    names = sorted({t for t, s in zip(corpus.topic, corpus.source) if s != "ecb"})
    fold_of = {t: n % k for n, t in enumerate(names)}
    return [np.array([i for i, t in enumerate(corpus.topic) if fold_of.get(t) == f]) for f in range(k)]


def labelings(corpus: Corpus) -> dict[Point, np.ndarray]:
    """Story labels of the whole stream (one block, shipped event settings) for every grid point."""
    base = Settings()
    docs = [to_item(article_from_record(r, r["id"])) for r in corpus.records]
    _, vec = vectorize(docs, base)
    assert vec is not None and len(vec.rows) == len(docs), "every dev article has words"
    events, _ = cluster_block(vec.event, vec.times, base)
    count = int(events.max()) + 1
    sizes = np.bincount(events, minlength=count).astype(np.float64)
    membership = _membership(events, count)
    raw = hashed([read_parts(d.title, d.text) for d in docs])
    out = {}
    for weights in WEIGHT_GRID:
        vectors = weigh(combine(raw, weights), weights)
        for k in NEIGHBOURS:
            units = scaled(vectors, story_scale(vectors, k, base.floor, base.copies))
            means = membership @ units
            pruned = stack([prune(means[e], base.keep_story_features) for e in range(count)])
            for threshold in THRESHOLDS:
                out[(weights, k, float(threshold))] = link_units(pruned, sizes, float(threshold))[events]
    return out


def _membership(labels: np.ndarray, count: int) -> sp.csr_matrix:
    """The matrix that takes each group's mean of rows."""
    sizes = np.bincount(labels, minlength=count).astype(np.float32)
    return sp.csr_matrix(((1.0 / sizes[labels]), (labels, np.arange(len(labels)))), shape=(count, len(labels)))


def describe(point: Point) -> str:
    w, k, threshold = point
    return (f"title x{w.title:g} lead x{w.lead:g} names x{w.names:g} numbers x{w.numbers:g}, "
            f"story neighbours {k}, story threshold {threshold:.2f}")


def settings_at(point: Point) -> dict:
    w, k, threshold = point
    return {"story_weights": w, "story_neighbours": k, "story_threshold": threshold}


def run_group(corpus: Corpus, **changes: object) -> list:
    """``newsbrief.group`` on the whole stream, as a user runs it (default block size), with ``changes``."""
    settings = replace(Settings(), **changes)
    memory = InMemory(settings)
    found = list(group_stream(iter_load(corpus.records), settings, None, Linker(memory, settings)))
    return [replace(a, **dict(zip(("event", "story"), memory.current(a.id, a.event)))) for a in found]


def cross_validate(corpus: Corpus, k: int) -> tuple[dict[int, list[str | None]], list[np.ndarray], list[str],
                                                  Counter[Point]]:
    """For each fold, the story labels of the whole stream under the settings chosen on the other folds; the
    folds; notes; how often each setting was chosen."""
    grid = labelings(corpus)
    train_mask = np.array([s != "ecb" for s in corpus.source])
    tests = story_folds(corpus, k)
    labels: dict[int, list[str | None]] = {}
    notes, runs, chosen_count = [], {}, Counter()
    for f, test in enumerate(tests):
        train = np.setdiff1d(np.flatnonzero(train_mask), test)
        part = corpus.part(train)
        chosen = max(grid, key=lambda p: level_scores(part, list(grid[p][train]), story=True).f1)
        chosen_count[chosen] += 1
        if chosen not in runs:
            runs[chosen] = [a.story for a in run_group(corpus, **settings_at(chosen))]
        labels[f] = runs[chosen]
        notes.append(f"fold {f}: chose {describe(chosen)} "
                     f"(F1 {level_scores(part, list(grid[chosen][train]), story=True).f1:.3f} on the other folds)")
    return labels, tests, notes, chosen_count


def baseline(corpus: Corpus, tests: Sequence[np.ndarray]) -> tuple[dict[int, list[str]], dict[float, np.ndarray]]:
    """TF-IDF + average link over the articles: each fold's labels at the threshold chosen on the other folds,
    and every threshold's labels."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # the baseline's own vectorizer, only here

    texts = [f"{r.get('title') or ''}\n{r['text']}" for r in corpus.records]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    tree = link_tree((vectors @ vectors.T).toarray())
    grid = {float(t): cut(tree, t) for t in BASELINE_THRESHOLDS}
    train_mask = np.array([s != "ecb" for s in corpus.source])
    labels = {}
    for f, test in enumerate(tests):
        train = np.setdiff1d(np.flatnonzero(train_mask), test)
        part = corpus.part(train)
        chosen = max(grid, key=lambda t: level_scores(part, list(grid[t][train]), story=True).f1)
        labels[f] = [str(x) for x in grid[chosen]]
    return labels, grid


def held_out(corpus: Corpus, labels: dict[int, Sequence[str | None]], tests: Sequence[np.ndarray],
             source: str | None) -> str:
    """Held-out B-cubed P, R and F1 (each fold's articles judged in that fold's grouping of the whole stream)."""
    totals = np.zeros(3)
    count = 0
    for f, test in enumerate(tests):
        scored = [int(i) for i in test if source is None or corpus.source[i] == source]
        if scored:
            totals += np.array(held_out_bcubed(corpus.topic, labels[f], scored)) * len(scored)
            count += len(scored)
    p, r, _ = totals / count
    return f"P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}"


def by_source(corpus: Corpus, labels: Sequence[str | None], story: bool) -> list[tuple[str, Scores]]:
    """Scores of ``labels`` against the gold events or stories, on each source and on the whole stream."""
    rows = []
    for source in (*SOURCES, None):
        keep = [i for i, s in enumerate(corpus.source) if source is None or s == source]
        part = corpus.part(keep)
        if any(g is not None for g in (part.topic if story else part.gold)):
            name = NAMES[source] if source else "whole stream"
            rows.append((name, level_scores(part, [labels[i] for i in keep], story)))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds over the DUC and Multi-News stories")
    parser.add_argument("--blocks", type=int, nargs="*", default=[], metavar="N",
                        help="also group the stream N articles a block (each block weighed with its own IDF)")
    args = parser.parse_args(argv)
    if not (DATA / "duc2007_dev.jsonl").is_file():
        sys.exit(f"group_stories: {DATA} does not hold the dev data")
    started = time.perf_counter()
    corpus = dev_stream()
    print(f"dev stream: {len(corpus.records)} articles; " + ", ".join(
        f"{NAMES[s]} {corpus.source.count(s)} articles in {len({t for t, x in zip(corpus.topic, corpus.source) if x == s})}"
        " stories" for s in SOURCES))
    labels, tests, notes, choices = cross_validate(corpus, args.folds)
    for note in notes:
        print(f"  {note}")
    base_cv, base_grid = baseline(corpus, tests)
    print(f"Story level, held out ({args.folds}-fold over the DUC and Multi-News stories; each held-out "
          "article judged in its fold's grouping of the whole stream):")
    for source in ("duc", "mn", None):
        label = NAMES[source] if source else "DUC + Multi-News"
        print(f"  {label:<18} newsbrief {held_out(corpus, labels, tests, source)}   "
              f"TF-IDF baseline {held_out(corpus, base_cv, tests, source)}")
    nonecb = corpus.part([i for i, s in enumerate(corpus.source) if s != "ecb"])
    keep = [i for i, s in enumerate(corpus.source) if s != "ecb"]
    tuned = max(base_grid, key=lambda t: level_scores(nonecb, list(base_grid[t][keep]), story=True).f1)
    print(f"  TF-IDF baseline tuned on these labels (threshold {tuned:.2f}): "
          f"{level_scores(nonecb, list(base_grid[tuned][keep]), story=True)}")
    usual = choices.most_common(1)[0][0]
    shipped = Settings()
    print(f"The folds' usual choice ({choices[usual]} of {args.folds}): {describe(usual)}; shipped: "
          f"{describe((shipped.story_weights, shipped.story_neighbours, shipped.story_threshold))}")
    result = run_group(corpus)
    events, stories = [a.event for a in result], [a.story for a in result]
    print("Shipped settings on the whole stream (newsbrief group, default block size):")
    for name, s in by_source(corpus, events, story=False):
        print(f"  events against gold events,  {name:<26} {s}")
    for name, s in by_source(corpus, events, story=True):
        print(f"  events against gold stories, {name:<26} {s}")
    for name, s in by_source(corpus, stories, story=True):
        print(f"  stories against gold stories, {name:<25} {s}")
    inside, total = events_in_one_story(corpus, stories)
    print(f"  gold events (ECB+, Multi-News) inside one story: {inside} of {total}; "
          f"ECB+ alone: {events_in_one_story(corpus.of('ecb'), [s for s, x in zip(stories, corpus.source) if x == 'ecb'])}")
    print(f"  {len(set(events))} events, {len(set(stories))} stories")
    for size in args.blocks:
        result = run_group(corpus, block_size=size)
        print(f"  in blocks of {size}: events against gold events "
              f"{level_scores(corpus, [a.event for a in result], story=False)}; stories against gold stories "
              f"{level_scores(corpus, [a.story for a in result], story=True)}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
