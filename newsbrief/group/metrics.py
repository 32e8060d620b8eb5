"""How well a grouping matches gold events: B-cubed precision, recall, F1 and the adjusted Rand index.

B-cubed (Bagga and Baldwin, 1998) scores each article: precision is the share
of its predicted group that shares its gold event, recall the share of its gold
event that is in its predicted group; both are averaged over articles, so a big
event weighs by its size and merging two events costs precision at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    ari: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  ARI {self.ari:.3f}"


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold`` (same articles, same order)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    if len(gold) == 0:
        raise ValueError("no articles to score")
    pairs = Counter(zip(gold, predicted))
    gold_size = Counter(gold)
    pred_size = Counter(predicted)
    precision = sum(n * n / pred_size[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (g, _), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    """B-cubed precision, recall, F1 and the adjusted Rand index together."""
    from sklearn.metrics import adjusted_rand_score  # scikit-learn loads only when scoring

    p, r, f = bcubed(gold, predicted)
    return Scores(p, r, f, float(adjusted_rand_score([str(g) for g in gold], [str(p) for p in predicted])))
