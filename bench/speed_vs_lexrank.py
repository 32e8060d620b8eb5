"""Whole-process time of ``newsbrief summarize`` against sumy's LexRank on the same clusters, in one run.

newsbrief runs as a user runs it (a separate process: start-up, reading,
cleaning, splitting, de-duplication, summary, writing). LexRank runs in this
process with its imports already paid, on each cluster as one text (the
``lexrank`` peer of ``newsbrief evaluate``), which only flatters it. Both are
then scored with the same ROUGE protocol, so the ratio comes with the quality::

    .venv/bin/python bench/speed_vs_lexrank.py                 # all 250 dev clusters at 230 words
    .venv/bin/python bench/speed_vs_lexrank.py --max-words 100 --limit 100
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsbrief.evaluate import Result, run_system, table
from newsbrief.evaluate.batchrun import read_clusters, summarize_process
from newsbrief.evaluate.rouge import score

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews_val.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=230)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    records = read_clusters(args.data, args.limit)
    references = [r["summaries"] for r in records]
    run_system("lexrank", records[:1], args.max_words)  # imports and set-up, not counted
    lexrank_lines, lexrank_seconds = run_system("lexrank", records, args.max_words)
    outputs, seconds = summarize_process(records, args.max_words)
    ours_lines = [[s["text"] for s in o.get("sentences", [])] for o in outputs]
    results = [Result("newsbrief", score(ours_lines, references, args.max_words), seconds),
               Result("lexrank", score(lexrank_lines, references, args.max_words), lexrank_seconds)]
    print(table(results, args.max_words, len(records)), end="")
    print(f"newsbrief summarize (whole process): {seconds:.2f} s; sumy LexRank (in process): "
          f"{lexrank_seconds:.2f} s; newsbrief is {lexrank_seconds / seconds:.1f}x faster")
    better = results[0].scores["rouge1_f"] > results[1].scores["rouge1_f"]
    print(f"ROUGE-1 F1 {'higher' if better else 'NOT higher'} than LexRank")
    return 0


if __name__ == "__main__":
    sys.exit(main())
