"""Score ``newsbrief summarize`` on the Multi-News dev sample beside the Lead baseline, in one run.

Runs the batch command as a user does (a separate process) over every cluster of
``../shared/data/multinews_val.jsonl``, checks every span it wrote
(``squash(article.text[start:end]) == sentence text``, budget kept), then scores
it and Lead with the protocol of ``../shared/data/README.md``::

    .venv/bin/python bench/score_multinews.py                  # all 250 clusters at 230 words
    .venv/bin/python bench/score_multinews.py --max-words 100 --limit 50
"""

from __future__ import annotations

import sys

from devset import newsbrief_run, options

from newsbrief.evaluate import Result, run_system, table
from newsbrief.evaluate.batchrun import span_errors
from newsbrief.evaluate.rouge import score


def main() -> int:
    args, records = options(__doc__)
    outputs, ours = newsbrief_run(records, args.max_words)
    errors = [e for r, o in zip(records, outputs, strict=True) for e in span_errors(r, o, args.max_words)]
    spans = sum(len(o.get("sentences", [])) for o in outputs)
    print(f"newsbrief summarize: {len(outputs)} clusters, {spans} sentences, "
          f"{len(errors)} span or budget errors, {ours.seconds:.2f} s (whole process)")
    for error in errors[:20]:
        print("  " + error)
    references = [r["summaries"] for r in records]
    lead_lines, lead_seconds = run_system("lead", records, args.max_words)
    lead = Result("lead", score(lead_lines, references, args.max_words), lead_seconds)
    print(table([ours, lead], args.max_words, len(records)), end="")
    gain = ours.scores["rouge1_f"] - lead.scores["rouge1_f"]
    print(f"ROUGE-1 F1: newsbrief - lead = {gain:+.2f}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
