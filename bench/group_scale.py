"""Grouping at scale: wall time and peak memory of ``newsbrief group`` at 1k, 10k and 100k articles.

The streams pool and repeat ECB+ (``../shared/data/ecbplus_docs.jsonl``, 982
articles) with changed ids: copy ``c`` gets ids ``ID~c`` and ISO publication
times two years after copy ``c - 1``, spread over a week in stream order, so a long
stream looks like a feed of many similar stories, and old events leave the
sliding window as they would in a feed, while their stories (the same subjects,
two years later) stay and keep growing. (Gold labels are not used.)

Each run is a separate process (``python -m newsbrief.cli group FILE -o OUT``);
peak memory is the largest sum of resident memory over the process and its
workers, sampled every 0.1 s. The baseline, run by this script in the same way,
is the all-in-memory approach: sklearn TF-IDF + average-link clustering of the
whole set at once (its condensed distance matrix alone needs 8 n^2/2 bytes, so it
is not run at 100k: about 40 GB). Ratios are newsbrief / baseline.

Run::

    .venv/bin/python bench/group_scale.py                  # 1k, 10k, 100k (a few minutes on 2 cores)
    .venv/bin/python bench/group_scale.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psutil

ECB = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ecbplus_docs.jsonl"
BASELINE_MAX = 20_000
"""Largest stream the all-in-memory baseline is run on (3.2 GB of distances at 20k)."""
START = datetime(2020, 1, 1, tzinfo=timezone.utc)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    events: int
    stories: int


def stream(n: int) -> Iterator[dict]:
    """``n`` articles: ECB+ repeated with new ids and feed-like times (no gold keys)."""
    rows = [json.loads(line) for line in ECB.open(encoding="utf-8")]
    for i in range(n):
        copy, k = divmod(i, len(rows))
        row = rows[k]
        when = START + timedelta(days=730 * copy + 7 * k / len(rows))
        yield {"id": f"{row['id']}~{copy}", "title": row["title"], "text": row["text"], "time": when.isoformat()}


def write_stream(n: int, folder: Path) -> Path:
    path = folder / f"stream-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for rec in stream(n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def measure(cmd: Sequence[str], out: Path) -> Run:
    """Run ``cmd`` to completion; wall time, peak summed RSS of its process tree, and events in ``out``."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"group_scale: {' '.join(cmd)} failed with exit code {proc.returncode}")
    lines = [json.loads(line) for line in out.open(encoding="utf-8")]
    events = {line["event"] for line in lines} - {None}
    stories = {line.get("story") for line in lines} - {None}
    return Run(seconds, peak / 1e6, len(events), len(stories))


def baseline(data: Path, out: Path) -> None:
    """All in memory: TF-IDF of every article, then one average-link clustering of the whole set."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsbrief.group.cluster import cut, link_tree

    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{r['title'] or ''}\n{r['text']}" for r in rows])
    labels = cut(link_tree((vectors @ vectors.T).toarray()), 0.18)
    with out.open("w", encoding="utf-8") as fh:
        for r, label in zip(rows, labels):
            fh.write(json.dumps({"id": r["id"], "event": f"b{label}"}) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--baseline-run", nargs=2, metavar=("DATA", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_run:
        baseline(Path(args.baseline_run[0]), Path(args.baseline_run[1]))
        return
    if not ECB.is_file():
        sys.exit(f"group_scale: {ECB} is not there")
    print(f"{'articles':>9} {'newsbrief s':>12} {'peak MB':>8} {'events':>7} {'stories':>7} | {'baseline s':>10} "
          f"{'peak MB':>8} | {'time ratio':>10} {'memory ratio':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            data, out = write_stream(n, folder), folder / "out.jsonl"
            ours = measure([sys.executable, "-m", "newsbrief.cli", "group", str(data), "-o", str(out),
                            "--workers", str(args.workers)], out)
            line = f"{n:>9,} {ours.seconds:>12.1f} {ours.peak_mb:>8.0f} {ours.events:>7,} {ours.stories:>7,} | "
            if n <= BASELINE_MAX:
                base = measure([sys.executable, __file__, "--baseline-run", str(data), str(out)], out)
                line += (f"{base.seconds:>10.1f} {base.peak_mb:>8.0f} | {ours.seconds / base.seconds:>10.2f} "
                         f"{ours.peak_mb / base.peak_mb:>12.2f}")
            else:
                line += f"{'not run: needs ~' + format(8 * n * n / 2 / 1e9, '.0f') + ' GB':>19} |"
            print(line, flush=True)
            data.unlink()


if __name__ == "__main__":
    main()
