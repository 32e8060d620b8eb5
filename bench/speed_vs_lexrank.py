"""Whole-process time of ``newsbrief summarize`` against sumy's LexRank on the same clusters, in one run.

newsbrief runs as a user runs it (a separate process: start-up, reading,
cleaning, splitting, de-duplication, summary, writing). LexRank runs in this
process with its imports already paid, on each cluster as one text (the
``lexrank`` peer of ``newsbrief evaluate``), which only flatters it. Both are
then scored with the same ROUGE protocol, so the ratio comes with the quality.
newsbrief uses every core it may (two here); LexRank uses one, so newsbrief is also
timed pinned to one core, for the like-for-like ratio. On a shared machine wall
time depends on what else runs, so CPU seconds (newsbrief's process and its
workers; LexRank's) are compared too. The floor, in the same run, is a process that only imports numpy,
reads the clusters and lists each article's lower-cased words sentence by sentence (blingfire), with
no cleaning, de-duplication or summary: what no pipeline on this stack can go below::

    .venv/bin/python bench/speed_vs_lexrank.py                 # all 250 dev clusters at 230 words
    .venv/bin/python bench/speed_vs_lexrank.py --max-words 100 --limit 100
    .venv/bin/python bench/speed_vs_lexrank.py --data ../shared/data/duc2007_dev.jsonl --max-words 250  # newswire
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from devset import newsbrief_run, options
from machine import cache_bytecode, children_cpu, load_average

from newsbrief.evaluate import Result, run_system, table
from newsbrief.evaluate.rouge import score


def main() -> int:
    args, records = options(__doc__)
    print(cache_bytecode())
    print(load_average("at the start"))
    references = [r["summaries"] for r in records]
    run_system("lexrank", records[:1], args.max_words)  # imports and set-up, not counted
    used = time.process_time()
    lexrank_lines, lexrank_seconds = run_system("lexrank", records, args.max_words)
    lexrank_cpu = time.process_time() - used
    used = children_cpu()
    _, ours = newsbrief_run(records, args.max_words)
    ours_cpu = children_cpu() - used
    _, one_core = newsbrief_run(records, args.max_words, cores={0})
    floor_cpu = _floor_cpu(records)
    lexrank = Result("lexrank", score(lexrank_lines, references, args.max_words), lexrank_seconds)
    print(table([ours, lexrank], args.max_words, len(records)), end="")
    print(f"newsbrief summarize (whole process): {ours.seconds:.2f} s; sumy LexRank (in process): "
          f"{lexrank_seconds:.2f} s; newsbrief is {lexrank_seconds / ours.seconds:.1f}x faster")
    print(f"pinned to one core (LexRank uses one): {one_core.seconds:.2f} s, "
          f"{lexrank_seconds / one_core.seconds:.1f}x faster")
    print(f"CPU seconds: newsbrief {ours_cpu:.2f} (process and workers), LexRank {lexrank_cpu:.2f}: "
          f"{lexrank_cpu / ours_cpu:.1f}x less")
    print(f"floor (read, split, list words; a process of its own): {floor_cpu:.2f} CPU s, "
          f"{lexrank_cpu / floor_cpu:.1f}x less than LexRank; 50x LexRank is {lexrank_cpu / 50:.2f} CPU s")
    better = ours.scores["rouge1_f"] > lexrank.scores["rouge1_f"]
    print(f"ROUGE-1 F1 {'higher' if better else 'NOT higher'} than LexRank")
    print(load_average("at the end"))
    return 0


FLOOR = """
import json, re, sys
import blingfire, numpy
word = re.compile(r"[a-z0-9]+")
with open(sys.argv[1], encoding="utf-8") as fh:
    count = sum(len(word.findall(s.lower())) for line in fh for a in json.loads(line)["articles"]
                for s in blingfire.text_to_sentences(a.get("text") or "").split("\\n"))
print(count)
"""


def _floor_cpu(records: list[dict[str, Any]]) -> float:
    """CPU seconds of the floor process (see module doc) on ``records``."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "in.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        used = children_cpu()
        subprocess.run([sys.executable, "-c", FLOOR, str(data)], check=True, capture_output=True)
        return children_cpu() - used


if __name__ == "__main__":
    sys.exit(main())
