"""Key figures on hand-labelled dev clusters: how many the facts recover, how many of those reported are key.

Six Multi-News dev clusters (``../shared/data/multinews_val.jsonl``; a Syrian crackdown's daily tolls,
a clash in Damascus, a winter storm, two days of the search for a missing airliner, a baby's death in an
elevator) were read by hand, and each article's key figures written down below as (article index, value):
deaths, injured, missing, arrests, people affected, money, the size of the event (people aboard, flights
cancelled, ships searching, snow fallen), never ages, times, dates or figures of background. ``DISPUTES``
lists the values sources give for one thing that cannot all be true (a real disagreement or a change).

For each cluster, ``brief`` runs on its articles (ids are their indices) and four figures are taken, as on
the held-out clusters:

* **recall**: labelled (value, article) pairs that a quantity fact or a side of a conflict gives for that
  article;
* **precision**: distinct values reported (quantity facts and conflict sides, off-event context left out)
  that are labelled values of the cluster;
* **disputes caught**: labelled disagreements both of whose values are sides of one reported conflict;
* **disputes real**: reported quantity or update conflicts two of whose sides are a labelled disagreement.

Beside them, in the same run, the naive baseline the issue names: every number of the text (digits or
number words) read as a figure of its article. ::

    .venv/bin/python bench/facts_figures.py            # the table
    .venv/bin/python bench/facts_figures.py --verbose  # and what was missed and what was not a key figure
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path

from newsbrief.facts.read.numbers import parse_words
from newsbrief.model import Briefing, QuantityFact, ValueSide
from newsbrief.pipeline import brief

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews_val.jsonl"

LABELS: dict[str, list[tuple[int, float]]] = {
    "multinews_validation_sample_047": [
        (0, 2), (0, 125), (0, 15), (0, 9),
        (1, 4), (1, 144), (1, 64), (1, 47), (1, 17), (1, 68), (1, 104), (1, 20), (1, 12_000), (1, 2), (1, 8),
        (1, 14), (1, 9_000), (1, 2_000),
        (2, 7_500), (2, 4), (2, 3), (2, 125), (2, 65), (2, 1_800_000),
    ],
    "multinews_validation_sample_076": [
        (0, 3), (0, 2), (0, 8_000), (0, 18), (0, 27), (0, 30), (0, 60),
        (1, 9_100), (1, 3), (1, 4), (1, 27), (1, 25), (1, 5), (1, 9),
        (2, 3), (2, 18), (2, 27), (2, 8_000), (2, 2_000),
    ],
    "multinews_validation_sample_234": [
        (0, 2), (0, 100), (0, 15.2),
        (1, 1_000), (1, 5), (1, 350), (1, 150), (1, 19), (1, 2), (1, 7),
        (2, 5), (2, 1_000), (2, 8), (2, 600), (2, 2), (2, 30_900), (2, 25_000), (2, 13), (2, 88),
    ],
    "multinews_validation_sample_218": [
        (0, 239), (0, 4), (0, 11), (0, 15), (0, 2.8),
        (1, 239), (1, 12), (1, 15), (1, 4),
        (2, 12), (2, 15),
    ],
    "multinews_validation_sample_209": [
        (0, 300), (0, 239), (0, 150),
        (1, 300), (1, 122), (1, 239),
        (2, 122), (2, 12), (2, 3), (2, 239),
    ],
    "multinews_validation_sample_017": [
        (0, 45), (0, 159), (0, 31),
        (1, 8),
        (2, 8), (2, 6),
    ],
}
"""Cluster id -> the key figures of each article, as (article index, value)."""

DISPUTES: dict[str, list[tuple[float, float]]] = {
    "multinews_validation_sample_047": [(125, 144)],
    "multinews_validation_sample_076": [(3, 4), (8_000, 9_100), (2, 3)],
    "multinews_validation_sample_234": [],
    "multinews_validation_sample_218": [],
    "multinews_validation_sample_209": [],
    "multinews_validation_sample_017": [(6, 8)],
}
"""Cluster id -> pairs of values the sources give for one thing that cannot both be true."""

_NAIVE = re.compile(r"\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                    r"sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b", re.I)


def same(a: float, b: float) -> bool:
    """Two figures are the same value (to rounding)."""
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1)


def reported(b: Briefing) -> list[tuple[float, float | None, list[str]]]:
    """(value, upper end, articles) of every quantity fact and every side of a value conflict."""
    out = [(f.value, getattr(f, "high", None), f.articles) for f in b.facts
           if isinstance(f, QuantityFact) and not f.context]
    out += [(s.value, None, list(s.articles)) for c in b.conflicts for s in c.sides if isinstance(s, ValueSide)]
    return out


def naive(records: list[dict]) -> list[tuple[float, float | None, list[str]]]:
    """Every number of each article's text, as a figure of that article."""
    out = []
    for i, rec in enumerate(records):
        for match in _NAIVE.finditer(rec["text"] or ""):
            text = match.group().rstrip(",")
            value = float(text.replace(",", "")) if text[0].isdigit() else parse_words(text)
            if value is not None:
                out.append((value, None, [str(i)]))
    return out


def covers(value: float, high: float | None, label: float) -> bool:
    """Whether a reported figure (or range) gives the labelled value."""
    return same(value, label) or (high is not None and value <= label <= high)


def score(found: list[tuple[float, float | None, list[str]]], cluster: str,
          conflicts: Iterable[tuple[float, ...]] = ()) -> dict[str, tuple[int, int]]:
    """(hits, total) for recall, precision, disputes caught and disputes real."""
    labels = LABELS[cluster]
    hit = [(a, v) for a, v in labels if any(str(a) in arts and covers(x, h, v) for x, h, arts in found)]
    values = {(x, h) for x, h, _ in found}
    key = [(x, h) for x, h in values if any(covers(x, h, v) for _, v in labels)]
    disputes = DISPUTES[cluster]
    sides = [list(c) for c in conflicts]
    caught = [d for d in disputes if any(all(any(same(s, v) for s in c) for v in d) for c in sides)]
    real = [c for c in sides if any(all(any(same(s, v) for s in c) for v in d) for d in disputes)]
    return {"recall": (len(hit), len(labels)), "precision": (len(key), len(values)),
            "disputes caught": (len(caught), len(disputes)), "disputes real": (len(real), len(sides))}


def main() -> None:
    """Brief each labelled cluster, score facts and the naive baseline, print both."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as fh:
        clusters = {c["id"]: c for c in map(json.loads, fh) if c["id"] in LABELS}
    totals: dict[str, dict[str, list[int]]] = {"facts": {}, "naive": {}}
    for cid in LABELS:
        records = clusters[cid]["articles"]
        b = brief(records, max_words=100)
        conflicts = [tuple(s.value for s in c.sides if isinstance(s, ValueSide)) for c in b.conflicts
                     if c.kind in ("quantity", "update")]
        for name, found, disputed in (("facts", reported(b), conflicts), ("naive", naive(records), [])):
            for metric, (h, n) in score(found, cid, disputed).items():
                tally = totals[name].setdefault(metric, [0, 0])
                tally[0] += h
                tally[1] += n
        if args.verbose:
            found = reported(b)
            missed = [(a, v) for a, v in LABELS[cid] if not any(str(a) in arts and covers(x, h, v)
                                                               for x, h, arts in found)]
            extra = sorted({f.text for f in b.facts if isinstance(f, QuantityFact) and not f.context
                            and not any(covers(f.value, getattr(f, "high", None), v) for _, v in LABELS[cid])})
            print(f"{cid}\n  missed: {missed}\n  not key: {extra}\n  conflicts: {conflicts}")
    print(f"{len(LABELS)} labelled dev clusters, {sum(len(v) for v in LABELS.values())} labelled figures, "
          f"{sum(len(v) for v in DISPUTES.values())} labelled disagreements")
    print(f"{'':18}{'facts':>16}{'naive':>16}")
    for metric in ("recall", "precision", "disputes caught", "disputes real"):
        cells = []
        for name in ("facts", "naive"):
            h, n = totals[name].get(metric, [0, 0])
            cells.append(f"{h}/{n} = {h / n:.2f}" if n else "-")
        print(f"{metric:18}{cells[0]:>16}{cells[1]:>16}")


if __name__ == "__main__":
    main()
