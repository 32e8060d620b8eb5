"""How many summary sentences cannot stand alone, with the check the held-out judgement uses.

Runs ``newsbrief summarize`` exactly as a user does (its own process, the batch
output) on the dev clusters at each budget, and applies
``../shared/tools/standalone.py`` to every summary it wrote: the rate of summary
sentences that open with a bare pronoun, a connective or a quotation fragment
(and do not sit right after their own predecessor), and how many summaries open
with one. The target is at most 3% and no first sentence::

    .venv/bin/python bench/standalone.py                          # multinews_val and duc2007_dev, 100 and 250 words
    .venv/bin/python bench/standalone.py --max-words 100 --show 10  # and print 10 summaries (flagged lines marked)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from devset import SHARED

from newsbrief.evaluate.batchrun import read_clusters, summarize_process

sys.path.insert(0, str(SHARED / "tools"))
from standalone import summary_problems  # noqa: E402  (the shared check, not part of newsbrief)

DATASETS = (SHARED / "data" / "multinews_val.jsonl", SHARED / "data" / "duc2007_dev.jsonl")


def problems(outputs: list[dict[str, Any]]) -> list[list[str | None]]:
    """Per summary, the reason each sentence cannot stand alone (None where it can)."""
    return [summary_problems(o["sentences"]) if "sentences" in o else [] for o in outputs]


def report(name: str, max_words: int, outputs: list[dict[str, Any]]) -> None:
    """One line: sentences flagged, the rate, first sentences flagged, and the reasons."""
    found = problems(outputs)
    flagged = [why for summary in found for why in summary if why]
    total = sum(len(summary) for summary in found)
    first = sum(1 for summary in found if summary and summary[0])
    reasons = ", ".join(f"{why} {n}" for why, n in Counter(flagged).most_common())
    print(f"{name:<22} {max_words:>5} {len(outputs):>8} {total:>9} {len(flagged):>7} "
          f"{100 * len(flagged) / max(total, 1):>6.2f}% {first:>6}   {reasons}")


def show(outputs: list[dict[str, Any]], count: int) -> None:
    """The first ``count`` summaries, a line a sentence, flagged ones marked with their reason."""
    for output, found in list(zip(outputs, problems(outputs)))[:count]:
        print(f"\n== {output['id']}")
        for sentence, why in zip(output.get("sentences", []), found):
            print(f"  {'[' + why + '] ' if why else ''}{sentence['text']}  ({sentence['article']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(DATASETS))
    parser.add_argument("--max-words", type=int, nargs="+", default=[100, 250])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0, help="print this many summaries of each run")
    args = parser.parse_args()
    print(f"{'data':<22} {'words':>5} {'clusters':>8} {'sentences':>9} {'flagged':>7} {'rate':>7} {'first':>6}   reasons")
    for data in args.data:
        records = read_clusters(data, args.limit)
        for max_words in args.max_words:
            outputs, _ = summarize_process(records, max_words)
            report(data.stem, max_words, outputs)
            show(outputs, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
