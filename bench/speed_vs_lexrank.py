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

import sys

from devset import newsbrief_run, options

from newsbrief.evaluate import Result, run_system, table
from newsbrief.evaluate.rouge import score


def main() -> int:
    args, records = options(__doc__)
    references = [r["summaries"] for r in records]
    run_system("lexrank", records[:1], args.max_words)  # imports and set-up, not counted
    lexrank_lines, lexrank_seconds = run_system("lexrank", records, args.max_words)
    _, ours = newsbrief_run(records, args.max_words)
    lexrank = Result("lexrank", score(lexrank_lines, references, args.max_words), lexrank_seconds)
    print(table([ours, lexrank], args.max_words, len(records)), end="")
    print(f"newsbrief summarize (whole process): {ours.seconds:.2f} s; sumy LexRank (in process): "
          f"{lexrank_seconds:.2f} s; newsbrief is {lexrank_seconds / ours.seconds:.1f}x faster")
    better = ours.scores["rouge1_f"] > lexrank.scores["rouge1_f"]
    print(f"ROUGE-1 F1 {'higher' if better else 'NOT higher'} than LexRank")
    return 0


if __name__ == "__main__":
    sys.exit(main())
