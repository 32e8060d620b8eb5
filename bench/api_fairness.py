"""A small POST /brief behind two large ones: does it still get a fair chance?

Starts ``newsbrief serve`` in its own process on 127.0.0.1 (a free port, never another host)
and times a 10-article ``POST /brief`` three ways in the same run:

* alone (median of three, after warm-up requests that load the models);
* sent while two 1,000-article requests are being served (the case of issue 16: it waited
  113 s behind them when every request shared one first-come queue);

and prints the ratio of the two, with each large request's status and time. The articles
are the dev articles of ``../shared/data`` (Multi-News, then ECB+), read as they are::

    .venv/bin/python bench/api_fairness.py
    .venv/bin/python bench/api_fairness.py --large 500 --small 10
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from api_load import server

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def dev_articles(limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` dev articles: Multi-News cluster articles, then ECB+ documents."""
    out: list[dict[str, Any]] = []
    with (DATA / "multinews_val.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            out += [{"title": a.get("title"), "text": a["text"]} for a in json.loads(line)["articles"]]
    with (DATA / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        out += [{"title": d.get("title"), "text": d["text"]} for d in map(json.loads, fh)]
    if len(out) < limit:
        raise SystemExit(f"bench: only {len(out)} dev articles, {limit} asked for")
    return out[:limit]


def timed(url: str, articles: list[dict[str, Any]]) -> tuple[int, float]:
    """(status, seconds) of one POST /brief of ``articles`` as JSON, on a connection of its own."""
    started = time.perf_counter()
    with httpx.Client(base_url=url, timeout=900) as client:
        status = client.post("/brief", json={"articles": articles}).status_code
    return status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", type=int, default=1000, help="articles in each of the two large requests")
    parser.add_argument("--small", type=int, default=10, help="articles in the small request")
    parser.add_argument("--head-start", type=float, default=2.0,
                        help="seconds the large requests are given before the small one is sent")
    args = parser.parse_args()
    pool = dev_articles(args.large)
    small = pool[:args.small]
    with server() as url:
        warm = [threading.Thread(target=timed, args=(url, small)) for _ in range(2)]
        for t in warm:
            t.start()
        for t in warm:
            t.join()
        alone = [timed(url, small) for _ in range(3)]
        large: list[tuple[int, float]] = []
        threads = [threading.Thread(target=lambda: large.append(timed(url, pool))) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(args.head_start)
        behind = timed(url, small)
        for t in threads:
            t.join()
    base = statistics.median(s for _, s in alone)
    print(f"small request: {args.small} articles; large requests: 2 x {args.large} articles "
          f"({sum(len(a['text']) for a in pool):,} characters each)")
    print(f"small alone (median of 3):        {base:8.2f} s  statuses {[c for c, _ in alone]}")
    print(f"small behind two large requests:  {behind[1]:8.2f} s  status {behind[0]}")
    for n, (code, secs) in enumerate(sorted(large, key=lambda r: r[1]), start=1):
        print(f"large request {n}:                  {secs:8.2f} s  status {code}")
    print(f"ratio: the small request took {behind[1] / base:.1f}x its time alone")


if __name__ == "__main__":
    main()
