"""Facts throughput, and the cost of facts in ``brief``, over the Multi-News dev clusters.

For each cluster (in one process, models loaded once by a warm-up before timing):

* ``brief(..., facts=False)`` and ``brief(..., facts=True)``, timed alternately cluster
  by cluster so that load from other processes hits both alike; their ratio must stay
  at most 3 (the facts budget), over all clusters and per cluster (median and worst);
* the facts stage alone (read + off-event + cross-check + timeline, on the prepared
  cluster), reported in articles per second.

It also prints what the facts stage found (off-event articles, conflicts, facts),
a check that it does not set aside articles of clusters that are about one event.
With ``--ecbplus`` it then briefs each ECB+ topic (two similar but different events
each, gold labels) and reports how many articles were set aside as off-event, how
many of those belong to another event than most used articles, and how many such
articles there were::

    .venv/bin/python bench/facts_throughput.py                 # the 250 dev clusters
    .venv/bin/python bench/facts_throughput.py --clusters 50 --ecbplus
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsbrief.facts import FactSheet, Reading, read_facts
from newsbrief.facts.read.ner import model
from newsbrief.ingest import load
from newsbrief.pipeline import brief, prepare

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DATA = SHARED / "multinews_val.jsonl"
ECBPLUS = SHARED / "ecbplus_docs.jsonl"
BUDGET = 3.0


def clusters(path: Path, limit: int) -> list[list[dict]]:
    """The article lists of the first ``limit`` clusters."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["articles"] for _, line in zip(range(limit), fh)]


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """Seconds ``fn(*args, **kwargs)`` took, and its result."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def facts_stage(records: list[dict]) -> tuple[float, int, tuple[Reading, FactSheet]]:
    """Seconds of the facts stage alone on one prepared cluster, its article count, and what it found."""
    prep = prepare(*load(records))
    articles = len(prep.cluster.articles)
    start = time.perf_counter()
    reading = read_facts(prep.cluster.articles)
    sheet = reading.sheet(prep.setting_aside(reading.off_event, "off-event").cluster)
    return time.perf_counter() - start, articles, (reading, sheet)


def main() -> None:
    """Time brief with and without facts and the facts stage; print the figures and what was found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=250)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--ecbplus", action="store_true", help="also check off-event articles on ECB+ topics")
    args = parser.parse_args()
    data = clusters(args.data, args.clusters)

    load_s, _ = timed(model)
    warm_s, _ = timed(brief, data[0], facts=True)
    print(f"spaCy load {load_s:.2f} s; warm-up brief (dateparser etc.) {warm_s:.2f} s; not counted below")

    off_s = on_s = stage_s = 0.0
    articles = 0
    found: Counter[str] = Counter()
    ratios = []
    for records in data:
        t_off, _ = timed(brief, records, facts=False)
        off_s += t_off
        t, briefing = timed(brief, records, facts=True)
        on_s += t
        ratios.append(t / t_off)
        t, n, (reading, sheet) = facts_stage(records)
        stage_s += t
        articles += n
        found["off-event articles"] += len(reading.off_event)
        found["clusters with an off-event article"] += bool(reading.off_event)
        found["quantity conflicts"] += sum(c.kind == "quantity" for c in sheet.conflicts)
        found["agency conflicts"] += sum(c.kind == "agency" for c in sheet.conflicts)
        for fact in sheet.facts:
            found[f"{fact.kind} facts"] += 1
        found["timeline entries"] += len(sheet.timeline)

    n = len(data)
    total = sum(len(r) for r in data)
    print(f"{n} clusters, {total} articles ({articles} read by the facts stage: not empty, not duplicates)")
    print(f"facts stage alone        {stage_s:7.2f} s  {articles / stage_s:7.1f} articles/s  "
          f"{1000 * stage_s / n:6.1f} ms/cluster")
    print(f"brief, facts off         {off_s:7.2f} s  {total / off_s:7.1f} articles/s  {1000 * off_s / n:6.1f} ms/cluster")
    print(f"brief, facts on          {on_s:7.2f} s  {total / on_s:7.1f} articles/s  {1000 * on_s / n:6.1f} ms/cluster")
    ratio = on_s / off_s
    print(f"ratio on/off             {ratio:.2f}x  (budget {BUDGET:.0f}x: {'OK' if ratio <= BUDGET else 'OVER'})")
    ratios.sort()
    print(f"per cluster on/off       median {ratios[n // 2]:.2f}x, worst {ratios[-1]:.2f}x, "
          f"{sum(r > BUDGET for r in ratios)} of {n} over {BUDGET:.0f}x (one run each: noisy on a shared machine)")
    for key, value in sorted(found.items()):
        print(f"  {key:<36} {value:6d}  ({value / n:.2f} per cluster)")
    if args.ecbplus:
        offevent_check(ECBPLUS)


def offevent_check(path: Path) -> None:
    """Off-event articles on ECB+ topics against the gold events (the main event: most used articles')."""
    topics: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            topics.setdefault(doc["topic"], []).append(doc)
    flagged = right = other = 0
    for docs in topics.values():
        event = {d["id"]: d["event"] for d in docs}
        records = [{"id": d["id"], "title": d.get("title"), "text": d["text"]} for d in docs]
        status = {r.id: r.status for r in brief(records, max_words=60, facts=True).articles}
        used = {r.id for r in brief(records, max_words=60, facts=False).articles if r.status == "used"}
        main = Counter(event[i] for i in used).most_common(1)[0][0]
        other += sum(event[i] != main for i in used)
        off = [i for i, s in status.items() if s == "off-event"]
        flagged += len(off)
        right += sum(event[i] != main for i in off)
    print(f"ECB+ {len(topics)} topics: {flagged} articles set aside as off-event, {right} of them "
          f"({right / max(flagged, 1):.0%}) of another event than the main one; "
          f"{other} usable articles were of another event ({right / max(other, 1):.0%} of them set aside)")


if __name__ == "__main__":
    main()
