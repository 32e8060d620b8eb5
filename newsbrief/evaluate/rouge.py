"""The ROUGE protocol of the summarization literature, in one place so every figure is comparable.

rouge-score-rs (bit-identical to Google's rouge-score, about 70x faster) with
the Porter stemmer on; each system summary cut to ``max_words`` whitespace
words first; ROUGE-1, ROUGE-2 and ROUGE-Lsum, recall and F1, averaged over a
cluster's references and then over clusters. ROUGE-Lsum compares sentence by
sentence, so summaries and references both carry one sentence a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsbrief.model import squash
from newsbrief.segment import split_spans

METRICS = ("rouge1", "rouge2", "rougeLsum")
"""The ROUGE variants reported, in table order."""


@lru_cache(maxsize=1)
def scorer() -> Any:
    """The rouge-score-rs scorer with stemming (loaded once)."""
    from rouge_score_rs import (
        RougeScorer,  # native scorer: loaded only when something is scored
    )

    return RougeScorer(list(METRICS), use_stemmer=True)


def cut(lines: Sequence[str], max_words: int) -> str:
    """The first ``max_words`` whitespace words of ``lines``, one sentence a line (as ROUGE-Lsum needs)."""
    out: list[str] = []
    left = max_words
    for line in lines:
        words = line.split()[:left]
        if not words:
            continue
        out.append(" ".join(words))
        left -= len(words)
        if left <= 0:
            break
    return "\n".join(out)


def reference_lines(reference: str) -> str:
    """A reference with one sentence a line, split by the same segmenter as the articles."""
    return "\n".join(squash(reference[s:e]) for s, e in split_spans(reference))


def score(summaries: Sequence[Sequence[str]], references: Sequence[Sequence[str]],
          max_words: int) -> dict[str, float]:
    """Mean ROUGE (x100) of ``summaries`` (lines per cluster) against each cluster's references.

    Keys are ``rouge1_r``, ``rouge1_f``, ... for every metric of :data:`METRICS`.
    """
    pairs = [(reference_lines(ref), cut(lines, max_words), c)
             for c, (lines, refs) in enumerate(zip(summaries, references)) for ref in refs]
    if not pairs:
        raise ValueError("no cluster has a reference summary to score against")
    results = scorer().score_batch([p[0] for p in pairs], [p[1] for p in pairs])
    per_cluster: dict[int, list[dict[str, float]]] = {}
    for (_, _, c), result in zip(pairs, results):
        per_cluster.setdefault(c, []).append(
            {f"{m}_{k}": getattr(result[m], attr) for m in METRICS
             for k, attr in (("r", "recall"), ("f", "fmeasure"))})
    means = [{k: sum(r[k] for r in rows) / len(rows) for k in rows[0]} for rows in per_cluster.values()]
    return {k: 100 * sum(m[k] for m in means) / len(means) for k in means[0]}
