"""Run ``newsbrief summarize`` as a user does (a separate process) and check what it wrote.

The bench scripts time and score this exact run, so the figures they print are
those of the command that is judged on held-out data, start-up included.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsbrief.model import squash


def read_clusters(data: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` (or all) cluster records of a JSON Lines file."""
    with data.open(encoding="utf-8") as fh:
        lines = [line for line in itertools.islice(fh, limit) if line.strip()]
    return [json.loads(line) for line in lines]


def summarize_process(records: list[dict[str, Any]], max_words: int,
                      cores: set[int] | None = None) -> tuple[list[dict[str, Any]], float]:
    """``newsbrief summarize`` over ``records`` in a fresh process: its output lines and wall-clock seconds.

    ``cores`` pins the process to those CPUs (it then starts as many workers), e.g. ``{0}`` for one core.
    """
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        command = [sys.executable, "-m", "newsbrief.cli", "summarize", str(data), "-o", str(out),
                   "--max-words", str(max_words)]
        start = time.perf_counter()
        pin = (lambda: os.sched_setaffinity(0, cores)) if cores else None
        subprocess.run(command, check=True, preexec_fn=pin)
        seconds = time.perf_counter() - start
        with out.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh], seconds


def span_errors(record: dict[str, Any], output: dict[str, Any], max_words: int) -> list[str]:
    """Every way ``output`` breaks the batch contract for ``record`` (empty when it keeps it)."""
    where = output.get("id")
    if "error" in output:
        return [f"{where}: error {output['error']}"]
    errors = []
    articles = record["articles"]
    for s in output["sentences"]:
        text = (articles[s["article"]].get("text") or "") if 0 <= s["article"] < len(articles) else ""
        if squash(text[s["start"]:s["end"]]) != s["text"]:
            errors.append(f"{where}: span {s['article']}:{s['start']}-{s['end']} is not {s['text'][:40]!r}")
    words = sum(len(s["text"].split()) for s in output["sentences"])
    if words > max_words:
        errors.append(f"{where}: {words} words, over the budget of {max_words}")
    if output.get("id") != record.get("id"):
        errors.append(f"{where}: id differs from the input's {record.get('id')!r}")
    return errors
