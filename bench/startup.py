"""Whole-process time of ``newsbrief brief`` on the seeds, start-up included, and where start-up goes.

Each command runs in a fresh process, ``--runs`` times after one warm-up run
(which also writes the bytecode caches a user's second run would find); the
median is reported beside the baseline measured in the same run, a Python that
imports nothing (``python -c pass``), as a ratio. The briefs run twice: as a
user runs them (spaCy loaded by the reading worker while the main process reads
the articles, :mod:`newsbrief.reading`) and with the worker turned off
(``NEWSBRIEF_WORKER=0``: all in one process, as before the worker), the two
interleaved run by run so that both meet the same load; the last column is the
worker's run over the one-process run. The spaCy part of the facts
stage is then split into its import and its model load, as ``newsbrief.facts.read.ner.model`` loads it
(the pipes it excludes, the bare tokenizer the model's own is loaded into)::

    .venv/bin/python bench/startup.py
    .venv/bin/python bench/startup.py --runs 9 --seeds ../shared/seeds
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from machine import cache_bytecode, children_cpu, load_average

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
WORKER = "NEWSBRIEF_WORKER"
"""Set to 0, it turns the reading worker off (:mod:`newsbrief.reading`)."""

SPACY = """
import time
from newsbrief.facts.read.ner import model
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
nlp = model()
t2 = time.perf_counter()
list(nlp.pipe(["Turkey said on Thursday that 33 soldiers were killed in Idlib."]))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def seconds(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``command`` in a fresh process, after one warm-up run (CPU
    seconds depend less on what else a shared machine runs)."""
    return interleaved(command, runs, [{}])[0]


def interleaved(command: list[str], runs: int, settings: list[dict[str, str]]) -> list[tuple[float, float]]:
    """Median wall-clock and CPU seconds of ``command`` run with each of ``settings`` (environment
    variables), the settings taking turns run by run (in the reverse order every other run, so that
    neither always goes first), after one warm-up run of each."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", WORKER)}
    times: list[list[float]] = [[] for _ in settings]
    cpus: list[list[float]] = [[] for _ in settings]
    for n in range(runs + 1):
        for i, extra in (reversed if n % 2 else iter)(list(enumerate(settings))):
            start, used = time.perf_counter(), children_cpu()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**base, **extra})
            if n:
                times[i].append(time.perf_counter() - start)
                cpus[i].append(children_cpu() - used)
    return [(statistics.median(t), statistics.median(c)) for t, c in zip(times, cpus)]


def spacy_parts(runs: int) -> tuple[float, float, float]:
    """Median (import, load, first call) seconds of the facts model, loaded as the facts readers load it."""
    parts = [tuple(map(float, subprocess.run([sys.executable, "-c", SPACY], check=True, capture_output=True,
                                             text=True).stdout.split())) for _ in range(runs)]
    return tuple(statistics.median(p[i] for p in parts) for i in range(3))  # type: ignore[return-value]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "newsbrief.cli"]
    print(f"median of {args.runs} runs after a warm-up, each a fresh process")
    print(cache_bytecode())
    print(load_average("at the start"))
    base = seconds([sys.executable, "-c", "pass"], args.runs)
    rows = [
        ("python -c pass (baseline)", base, None),
        ("newsbrief --version", seconds([*cli, "--version"], args.runs), None),
    ]
    for name, extra in (("brief SEEDS --no-facts", ["--no-facts"]), ("brief SEEDS (facts on)", [])):
        worker, alone = interleaved([*cli, "brief", str(args.seeds), *extra], args.runs, [{}, {WORKER: "0"}])
        rows += [(f"newsbrief {name}", worker, alone), ("  the same, worker off", alone, None)]
    print(f"{'command':<36} {'seconds':>8} {'ratio':>6} {'CPU s':>7} {'ratio':>6} {'worker/off':>10}")
    for name, (wall, cpu), alone in rows:
        against = f"{wall / alone[0]:>10.2f}" if alone else ""
        print(f"{name:<36} {wall:>8.3f} {wall / base[0]:>6.1f} {cpu:>7.3f} {cpu / max(base[1], 1e-3):>6.1f} {against}")
    imported, loaded, first = spacy_parts(args.runs)
    print(f"\nspaCy as the facts readers load it (median of {args.runs}): import {imported:.3f} s, "
          f"model load {loaded:.3f} s, first call {first:.3f} s")
    print(load_average("at the end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
