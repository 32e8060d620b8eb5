"""The dev ROUGE tables of the README's "Summary quality and speed", each in one process beside the peers.

Four dev settings, each scored by ``newsbrief evaluate``'s own code
(:func:`newsbrief.evaluate.evaluate`: the protocol of ``../shared/data/README.md``):

* Multi-News dev (``multinews_val.jsonl``, 250 clusters) at 230 and at 100 words;
* DUC 2007 dev (``duc2007_dev.jsonl``, 15 developing stories of 25 articles, four references) at 250 words;
* ``duc10`` at 100 words: three 10-article samples of each DUC 2007 cluster (seeded by the cluster id,
  articles kept in input order, the cluster's four references), the closest stand-in for the classic
  10-article newswire clusters of the held-out 100-word benchmark. ``--write-samples PATH`` writes them,
  so that ``newsbrief evaluate PATH --max-words 100`` gives the same table::

    .venv/bin/python bench/rouge_tables.py                                 # all four tables, every system
    .venv/bin/python bench/rouge_tables.py --systems newsbrief,lead --only duc10
    .venv/bin/python bench/rouge_tables.py --write-samples /tmp/duc10.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from devset import SHARED

from newsbrief.evaluate import DEFAULT_SYSTEMS, evaluate, table
from newsbrief.evaluate.batchrun import read_clusters

MULTINEWS = SHARED / "data" / "multinews_val.jsonl"
DUC = SHARED / "data" / "duc2007_dev.jsonl"
SAMPLE_ARTICLES = 10
SAMPLES_PER_CLUSTER = 3


def ten_article_samples(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Three seeded 10-article samples of each cluster (input order kept), with the cluster's references."""
    out = []
    for record in records:
        rng = random.Random(record["id"])
        articles = record["articles"]
        for k in range(SAMPLES_PER_CLUSTER):
            keep = sorted(rng.sample(range(len(articles)), min(SAMPLE_ARTICLES, len(articles))))
            out.append({"id": f"{record['id']}/{k}", "articles": [articles[i] for i in keep],
                        "summaries": record["summaries"]})
    return out


def settings() -> dict[str, tuple[list[dict[str, Any]], int]]:
    """name -> (clusters, word budget) for each dev table."""
    multinews, duc = read_clusters(MULTINEWS), read_clusters(DUC)
    return {"multinews230": (multinews, 230), "multinews100": (multinews, 100),
            "duc250": (duc, 250), "duc10": (ten_article_samples(duc), 100)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS))
    parser.add_argument("--only", nargs="+", choices=["multinews230", "multinews100", "duc250", "duc10"])
    parser.add_argument("--write-samples", type=Path, help="write the duc10 clusters here and stop")
    args = parser.parse_args()
    if args.write_samples:
        samples = ten_article_samples(read_clusters(DUC))
        args.write_samples.write_text("".join(json.dumps(r) + "\n" for r in samples), encoding="utf-8")
        print(f"{len(samples)} clusters written to {args.write_samples}")
        return 0
    systems = [s for s in args.systems.split(",") if s]
    for name, (records, max_words) in settings().items():
        if args.only and name not in args.only:
            continue
        print(f"{name}: ", end="")
        print(table(evaluate(records, max_words, systems), max_words, len(records)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
