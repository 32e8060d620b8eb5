"""Per-cluster time and peak memory of newsbrief for clusters of 10 to 10,000 articles.

Clusters are pooled from the Multi-News dev articles (690 of them): the first
``N`` articles in file order, and past the 690th, articles stitched from
random sentences of the dev articles (seeded; each line a new mix), so that big
clusters hold distinct texts whose sentences recur across articles, the way
wire copy does, rather than exact copies that cleaning would drop as templates. Each size runs in a
fresh process through the batch mode's per-cluster path (clean, split,
de-duplicate, summarize at 100 words), as ``newsbrief summarize`` runs a cluster
alone: a big one is cleaned and split on every core. Peak memory is the
process's own plus its largest worker's (an upper bound of what ran at once).
The baseline, in the same run, is a process that only imports newsbrief; time
ratios are against the first size, so linear growth shows as time ratio ~ size
ratio::

    .venv/bin/python bench/scaling.py                     # 10, 100, 1000, 5000, 10000
    .venv/bin/python bench/scaling.py --sizes 10 100 1000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from machine import cache_bytecode, load_average

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews_val.jsonl"


def pooled_cluster(size: int, data: Path = DATA) -> dict[str, Any]:
    """A cluster record of ``size`` articles pooled from the dev clusters (see module doc)."""
    with data.open(encoding="utf-8") as fh:
        articles = [a for line in fh for a in json.loads(line)["articles"]]
    rng = random.Random(size)
    sentences = [s for a in articles for s in re.split(r"(?<=[.!?])\s+", a["text"]) if len(s.split()) > 3]
    pool = [dict(a) for a in articles[:size]]
    while len(pool) < size:
        lines = (" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(8, 20)))
        pool.append({"title": None, "text": "\n".join(lines), "url": None, "time": None})
    return {"id": f"pooled-{size}", "articles": pool}


def child(size: int, max_words: int) -> None:
    """Run one cluster in this process and print seconds, CPU seconds and peak RSS (own, workers') as JSON."""
    from newsbrief.batch import summarize_cluster

    seconds = cpu = 0.0
    if size:
        record = pooled_cluster(size)
        start, used = time.perf_counter(), _cpu()
        result = summarize_cluster(record, max_words)
        seconds, cpu = time.perf_counter() - start, _cpu() - used
        assert "error" not in result, result
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"size": size, "seconds": seconds, "cpu": cpu, "rss_mb": own + workers}))


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (the machine may be shared: wall time is noisy)."""
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime


def measure(size: int, max_words: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(size), "--max-words", str(max_words)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000, 10000])
    parser.add_argument("--max-words", type=int, default=100)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.max_words)
        return 0
    print(cache_bytecode())
    print(load_average("at the start"))
    base = measure(0, args.max_words)
    print(f"baseline process (imports only): peak {base['rss_mb']:.0f} MB")
    print(f"{'articles':>8} {'seconds':>9} {'cpu s':>7} {'ms/article':>11} {'time ratio':>11} {'size ratio':>11} "
          f"{'peak MB':>8} {'over base':>10}")
    first = None
    for size in args.sizes:
        m = measure(size, args.max_words)
        first = first or m
        print(f"{size:>8} {m['seconds']:>9.2f} {m['cpu']:>7.2f} {1000 * m['seconds'] / size:>11.1f} "
              f"{m['seconds'] / first['seconds']:>11.1f} {size / first['size']:>11.0f} "
              f"{m['rss_mb']:>8.0f} {m['rss_mb'] - base['rss_mb']:>10.0f}")
    print(load_average("at the end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
