"""Refit the concept model of newsbrief/summarize/concepts.py and cross-validate it over clusters.

    .venv/bin/python bench/fit_concepts.py                     # all 250 dev clusters, 5 folds, 230 words
    .venv/bin/python bench/fit_concepts.py --folds 10 --limit 100 --max-words 100

concepts.py ships INTERCEPT and COEFFICIENTS "fitted once on the Multi-News
validation sample" without the script that fitted them; this is that script, so
the claim can be checked. Each cluster is read as batch mode reads it
(``cluster_articles`` + ``prepare``); its concepts and features are
``ClusterConcepts(prep.cluster)``'s own. A concept is labelled 1 when the
cluster's references use it: the references (split by the segmenter) go through
the same ``ClusterConcepts`` key building, and concepts are compared as words.
The fit is sklearn's ``LogisticRegression`` (L2, C=1, lbfgs) on the raw features.

``ConceptCoverage`` takes no coefficients, so the summarizer is run with the
fitted ones by temporarily setting the module's INTERCEPT / COEFFICIENTS
in-process (:func:`patched`); they are restored afterwards.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from devset import DATA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from newsbrief.batch import cluster_articles
from newsbrief.evaluate.batchrun import read_clusters
from newsbrief.evaluate.rouge import score
from newsbrief.model import Article, Cluster, Paragraph, Sentence, squash
from newsbrief.pipeline import Prepared, prepare, summarize_prepared
from newsbrief.segment import split_spans
from newsbrief.summarize import concepts
from newsbrief.summarize.concepts import ClusterConcepts

Model = tuple[float, np.ndarray]
"""(intercept, coefficients) of the logistic concept model."""


@dataclass
class Example:
    """One cluster: its prepared form, its references, and its concepts' features and labels."""

    prep: Prepared
    references: list[str]
    features: np.ndarray
    labels: np.ndarray


def concept_words(found: ClusterConcepts) -> list[tuple[str, ...]]:
    """Each concept id of ``found`` as its word(s), decoding its integer keys (word ids index its vocabulary)."""
    words = list(found.vocab)
    v = found.vocab_size
    return [(words[k],) if k < v else (words[(k - v) // v], words[(k - v) % v]) for k in found.keys.tolist()]


def reference_concepts(references: list[str]) -> set[tuple[str, ...]]:
    """The concepts the references use, built by ClusterConcepts over their segmented sentences."""
    articles = [Article(str(r), ref, paragraphs=[Paragraph(0, len(ref), [
        Sentence(str(r), s, e, squash(ref[s:e]), i) for i, (s, e) in enumerate(split_spans(ref))])])
        for r, ref in enumerate(references)]
    return set(concept_words(ClusterConcepts(Cluster(articles, []))))


def example(record: dict) -> Example:
    """A cluster record read as batch mode reads it, with its concepts labelled by the references."""
    prep = prepare(cluster_articles(record))
    found = ClusterConcepts(prep.cluster)
    used = reference_concepts(record["summaries"])
    labels = np.array([c in used for c in concept_words(found)], dtype=int)
    return Example(prep, record["summaries"], found.features(), labels)


def fit(examples: list[Example]) -> Model:
    """The logistic model of P(a reference uses the concept) over the concepts of ``examples``."""
    model = LogisticRegression(max_iter=2000)
    model.fit(np.vstack([e.features for e in examples]), np.concatenate([e.labels for e in examples]))
    return float(model.intercept_[0]), model.coef_[0]


@contextmanager
def patched(model: Model) -> Iterator[None]:
    """concepts.py's INTERCEPT / COEFFICIENTS set to ``model`` for the block, then restored."""
    saved = concepts.INTERCEPT, concepts.COEFFICIENTS
    concepts.INTERCEPT, concepts.COEFFICIENTS = model
    try:
        yield
    finally:
        concepts.INTERCEPT, concepts.COEFFICIENTS = saved


def summaries(examples: list[Example], model: Model, max_words: int) -> list[list[str]]:
    """The concepts summarizer's lines for each cluster, with ``model``'s weights."""
    with patched(model):
        return [[s.text for s in summarize_prepared(e.prep, max_words, "concepts")] for e in examples]


def cross_validated(examples: list[Example], folds: int, max_words: int) -> list[list[str]]:
    """Each cluster's summary with coefficients fitted on the other folds' clusters only."""
    lines: list[list[str]] = [[] for _ in examples]
    for train, test in KFold(folds, shuffle=True, random_state=0).split(examples):
        model = fit([examples[i] for i in train])
        for i, out in zip(test, summaries([examples[i] for i in test], model, max_words)):
            lines[i] = out
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=230)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    examples = [example(r) for r in read_clusters(args.data, args.limit)]
    labels = np.concatenate([e.labels for e in examples])
    print(f"{len(examples)} clusters, {len(labels)} concepts, {labels.mean():.1%} used by a reference")
    intercept, coef = fitted = fit(examples)
    print(f"{'term':>12} {'fitted':>8} {'shipped':>8} {'diff':>8}")
    rows = [("intercept", intercept, concepts.INTERCEPT)]
    rows += [(f"feature {i:2d}", c, s) for i, (c, s) in enumerate(zip(coef, concepts.COEFFICIENTS))]
    for name, new, old in rows:
        print(f"{name:>12} {new:8.3f} {old:8.3f} {new - old:+8.3f}")
    references = [e.references for e in examples]
    runs = [(f"{args.folds}-fold out of fold", cross_validated(examples, args.folds, args.max_words)),
            ("fitted, in sample", summaries(examples, fitted, args.max_words)),
            ("shipped coefficients", summaries(examples, (concepts.INTERCEPT, concepts.COEFFICIENTS),
                                                args.max_words))]
    print(f"ROUGE-1 at {args.max_words} words   recall      F1")
    for name, lines in runs:
        result = score(lines, references, args.max_words)
        print(f"{name:<24} {result['rouge1_r']:8.2f} {result['rouge1_f']:8.2f}")


if __name__ == "__main__":
    main()
