"""What the dev-set benches share: where the data is, their options, and newsbrief's scored run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsbrief.evaluate import Result
from newsbrief.evaluate.batchrun import read_clusters, summarize_process
from newsbrief.evaluate.rouge import score

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DATA = SHARED / "data" / "multinews_val.jsonl"


def options(doc: str) -> tuple[argparse.Namespace, list[dict[str, Any]]]:
    """The parsed ``--data``, ``--max-words`` (230) and ``--limit`` options, and the clusters they name."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=230)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    return args, read_clusters(args.data, args.limit)


def newsbrief_run(records: list[dict[str, Any]], max_words: int,
                  cores: set[int] | None = None) -> tuple[list[dict[str, Any]], Result]:
    """``newsbrief summarize`` run as a user runs it (its own process, on ``cores`` if given),
    its output lines and its scores."""
    outputs, seconds = summarize_process(records, max_words, cores)
    lines = [[s["text"] for s in o.get("sentences", [])] for o in outputs]
    references = [r["summaries"] for r in records]
    return outputs, Result("newsbrief", score(lines, references, max_words), seconds)
