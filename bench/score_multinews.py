"""Score ``newsbrief summarize`` on the Multi-News dev sample beside the Lead baseline, in one run.

Runs the batch command as a user does (a separate process) over every cluster of
``../shared/data/multinews_val.jsonl``, checks every span it wrote
(``squash(article.text[start:end]) == sentence text``, budget kept), then scores
it and Lead with the protocol of ``../shared/data/README.md``::

    .venv/bin/python bench/score_multinews.py                  # all 250 clusters at 230 words
    .venv/bin/python bench/score_multinews.py --max-words 100 --limit 50
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsbrief.evaluate import Result, run_system, table
from newsbrief.evaluate.batchrun import read_clusters, span_errors, summarize_process
from newsbrief.evaluate.rouge import score

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews_val.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=230)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    records = read_clusters(args.data, args.limit)
    outputs, seconds = summarize_process(records, args.max_words)
    errors = [e for r, o in zip(records, outputs, strict=True) for e in span_errors(r, o, args.max_words)]
    spans = sum(len(o.get("sentences", [])) for o in outputs)
    print(f"newsbrief summarize: {len(outputs)} clusters, {spans} sentences, "
          f"{len(errors)} span or budget errors, {seconds:.2f} s (whole process)")
    for error in errors[:20]:
        print("  " + error)
    references = [r["summaries"] for r in records]
    ours = Result("newsbrief", score([[s["text"] for s in o.get("sentences", [])] for o in outputs],
                                     references, args.max_words), seconds)
    lead_lines, lead_seconds = run_system("lead", records, args.max_words)
    lead = Result("lead", score(lead_lines, references, args.max_words), lead_seconds)
    print(table([ours, lead], args.max_words, len(records)), end="")
    gain = ours.scores["rouge1_f"] - lead.scores["rouge1_f"]
    print(f"ROUGE-1 F1: newsbrief - lead = {gain:+.2f}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
