"""Measure summaries against references, side by side with the peers, in one process on the same clusters.

``evaluate(records, max_words, systems)`` runs each system over every cluster,
times it, and scores it with the protocol of :mod:`newsbrief.evaluate.rouge`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsbrief.evaluate.peers import SYSTEMS
from newsbrief.evaluate.rouge import METRICS, score

DEFAULT_SYSTEMS = ("newsbrief", "lead", "lexrank", "textrank", "oracle")


@dataclass
class Result:
    """One system's scores (ROUGE x100, keys like ``rouge1_r``) and its seconds over all clusters."""

    system: str
    scores: dict[str, float]
    seconds: float


def run_system(name: str, records: Sequence[dict[str, Any]], max_words: int) -> tuple[list[list[str]], float]:
    """Summary lines of every record by system ``name``, and the seconds it took."""
    system = SYSTEMS[name]
    start = time.perf_counter()
    lines = [system(record, max_words) for record in records]
    return lines, time.perf_counter() - start


def evaluate(records: Sequence[dict[str, Any]], max_words: int,
             systems: Sequence[str] = DEFAULT_SYSTEMS) -> list[Result]:
    """Each system's ROUGE and time on ``records`` (clusters with ``summaries``)."""
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
    references = [record.get("summaries") or [] for record in records]
    results = []
    for name in systems:
        lines, seconds = run_system(name, records, max_words)
        results.append(Result(name, score(lines, references, max_words), seconds))
    return results


def table(results: Sequence[Result], max_words: int, clusters: int) -> str:
    """The results as one plain-text table."""
    names = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "R-Lsum"}
    heads = [f"{names[m]} {k}" for m in METRICS for k in ("R", "F1")]
    head = f"{'system':<10}" + "".join(f"{h:>10}" for h in heads) + f"{'seconds':>10}"
    rows = [f"ROUGE x100 at {max_words} words, {clusters} clusters", head, "-" * len(head)]
    for r in results:
        values = [r.scores[f"{m}_{k}"] for m in METRICS for k in ("r", "f")]
        rows.append(f"{r.system:<10}" + "".join(f"{v:>10.2f}" for v in values) + f"{r.seconds:>10.2f}")
    return "\n".join(rows) + "\n"


__all__ = ["DEFAULT_SYSTEMS", "Result", "evaluate", "run_system", "table"]
