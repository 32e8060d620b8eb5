"""Key figures on hand-labelled dev clusters: how many the facts recover, how many of those reported are key.

Six Multi-News dev clusters (``../shared/data/multinews_val.jsonl``; a Syrian crackdown's daily tolls,
a clash in Damascus, a winter storm, two days of the search for a missing airliner, a baby's death in an
elevator) and eleven or ten articles of three DUC 2007 dev stories (``../shared/data/duc2007_dev.jsonl``;
wire copy of 1996-2000 on a plane crash, a bombing suspect's manhunt, a separatist group's attacks, whose
figures are mostly told in passing and in background clauses: harder text) were read by hand, and each
article's key figures written down below as (article index, value):
deaths, injured, missing, arrests, people affected, money, the size of the event (people aboard, flights
cancelled, ships searching, snow fallen), never ages, times, dates or figures of background. ``DISPUTES``
lists the values sources give for one thing that cannot all be true (a real disagreement or a change).

For each cluster, ``brief`` runs on its articles (those of :data:`SUBSETS` for a DUC story; ids are their
indices in the cluster) and four figures are taken, as on the held-out clusters:

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

from newsbrief.facts.read.numbers import numbers, parse_words
from newsbrief.model import Briefing, QuantityFact, ValueSide
from newsbrief.pipeline import brief

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DATA = (SHARED / "multinews_val.jsonl", SHARED / "duc2007_dev.jsonl")

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
    "duc2007_D0742J": [
        (5, 1_000), (13, 3), (14, 3), (16, 350), (17, 287_402), (19, 8), (22, 3),
    ],
    "duc2007_D0729G": [
        (0, 1_000_000), (0, 1), (0, 100), (5, 200),
        (12, 6), (12, 1_000_000), (12, 1), (12, 100),
        (12, 3), (13, 9), (13, 2), (13, 100), (13, 1_000_000), (13, 200),
        (15, 1), (15, 3), (16, 1), (16, 3), (17, 4), (17, 2), (17, 124), (17, 1_000_000),
        (21, 6), (21, 1), (21, 100), (22, 1_000_000), (22, 3), (23, 1_000_000), (23, 200), (23, 15), (23, 3),
    ],
    "duc2007_D0705A": [
        (1, 17), (1, 2), (1, 100), (1, 5),
        (14, 750), (14, 600), (14, 30), (15, 750), (16, 3), (16, 800), (17, 2), (17, 800), (18, 2), (18, 800),
        (21, 4), (21, 800), (21, 13), (21, 12), (21, 11), (22, 12), (22, 5), (22, 800),
        (23, 12), (23, 800), (23, 2), (24, 12),
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
    "duc2007_D0742J": [],
    "duc2007_D0729G": [(1, 2), (4, 6)],
    "duc2007_D0705A": [(750, 800)],
}
"""Cluster id -> pairs of values the sources give for one thing that cannot both be true (or that changed:
a toll told as about 750 in 1996 and nearly 800 in 2000)."""

SUBSETS: dict[str, list[int]] = {
    "duc2007_D0742J": [5, 6, 12, 13, 14, 16, 17, 19, 21, 22, 24],
    "duc2007_D0729G": [0, 5, 12, 13, 15, 16, 17, 21, 22, 23],
    "duc2007_D0705A": [1, 4, 14, 15, 16, 17, 18, 21, 22, 23, 24],
}
"""The articles of a DUC story that were labelled (a story holds 25): the cluster briefed is these alone."""

_NAIVE = re.compile(r"\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                    r"sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b", re.I)


def same(a: float, b: float) -> bool:
    """Two figures are the same value (to rounding)."""
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1)


def reported(b: Briefing) -> list[tuple[float, float | None, list[str]]]:
    """(value, upper end, articles) of every quantity fact, of each source a fact quotes in its own words
    (another hedge: "more than 7,500" under "9,000 killed", as the briefing shows it), and of every side of a
    value conflict."""
    out = []
    for f in b.facts:
        if isinstance(f, QuantityFact) and not f.context:
            out.append((f.value, f.high, f.articles))
            out += [(own.value, own.high, [s.article]) for s in f.sources if s.qualifier != f.hedge
                    for own in numbers(s.text)[:1]]
    out += [(s.value, None, list(s.articles)) for c in b.conflicts for s in c.sides if isinstance(s, ValueSide)]
    return out


def naive(records: list[dict]) -> list[tuple[float, float | None, list[str]]]:
    """Every number of each article's text, as a figure of that article."""
    out = []
    for rec in records:
        i = rec["id"]
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
    parser.add_argument("--data", type=Path, nargs="+", default=DATA)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    clusters = {}
    for path in args.data:
        with path.open(encoding="utf-8") as fh:
            clusters.update({c["id"]: c for c in map(json.loads, fh) if c["id"] in LABELS})
    totals: dict[str, dict[str, list[int]]] = {"facts": {}, "naive": {}}
    by_set: dict[str, dict[str, list[int]]] = {}
    for cid in LABELS:
        articles = clusters[cid]["articles"]
        records = [{**articles[i], "id": str(i)} for i in SUBSETS.get(cid, range(len(articles)))]
        b = brief(records, max_words=100)
        conflicts = [tuple(s.value for s in c.sides if isinstance(s, ValueSide)) for c in b.conflicts
                     if c.kind in ("quantity", "update")]
        for name, found, disputed in (("facts", reported(b), conflicts), ("naive", naive(records), [])):
            for metric, (h, n) in score(found, cid, disputed).items():
                for tally in (totals[name].setdefault(metric, [0, 0]),
                              by_set.setdefault(f"{cid.split('_')[0]} {name}", {}).setdefault(metric, [0, 0])):
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
    for name, found in by_set.items():  # each data set apart: the wire copy is the harder text
        print(f"  {name:16}" + "  ".join(f"{m} {h}/{n}" for m, (h, n) in found.items()))


if __name__ == "__main__":
    main()
