"""Facts throughput, and the cost of facts in ``brief``, over the Multi-News dev clusters.

For each cluster (in one process, models loaded once by a warm-up before timing):

* ``brief(..., facts=False)`` and ``brief(..., facts=True)``, timed alternately cluster
  by cluster so that load from other processes hits both alike; their ratio must stay
  at most 3 (the facts budget);
* the facts stage alone (read + off-event + cross-check + timeline, on the prepared
  cluster), reported in articles per second.

It also prints what the facts stage found (off-event articles, conflicts, facts),
a check that it does not set aside articles of clusters that are about one event::

    .venv/bin/python bench/facts_throughput.py                 # the 250 dev clusters
    .venv/bin/python bench/facts_throughput.py --clusters 50
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from newsbrief.facts import read
from newsbrief.facts.nlp import model
from newsbrief.pipeline import brief, load, prepare

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews_val.jsonl"
BUDGET = 3.0


def clusters(path: Path, limit: int) -> list[list[dict]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["articles"] for _, line in zip(range(limit), fh)]


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def facts_stage(records: list[dict]) -> tuple[float, int, object]:
    """Seconds of the facts stage alone on one prepared cluster, its article count, and the sheet."""
    prep = prepare(*load(records))
    articles = len(prep.cluster.articles)
    start = time.perf_counter()
    reading = read(prep.cluster.articles)
    prep.set_aside(reading.off_event, "off-event")
    sheet = reading.sheet(prep.cluster)
    return time.perf_counter() - start, articles, (reading, sheet)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=250)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    data = clusters(args.data, args.clusters)

    load_s, _ = timed(model)
    warm_s, _ = timed(brief, data[0], facts=True)
    print(f"spaCy load {load_s:.2f} s; warm-up brief (dateparser etc.) {warm_s:.2f} s; not counted below")

    off_s = on_s = stage_s = 0.0
    articles = 0
    found: Counter[str] = Counter()
    for records in data:
        t, _ = timed(brief, records, facts=False)
        off_s += t
        t, briefing = timed(brief, records, facts=True)
        on_s += t
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
    for key, value in sorted(found.items()):
        print(f"  {key:<36} {value:6d}  ({value / n:.2f} per cluster)")


if __name__ == "__main__":
    main()
