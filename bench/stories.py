"""Developing stories on the dev data: off-event rates, where article times come from, several stories in one input.

Prints, each with the data it was measured on:

* the share of articles set aside as off-event on ``duc2007_dev`` (15 one-story
  clusters over months to years) and ``multinews_val`` (250 one-event clusters),
  split by reason (another story of the input, another incident of the story);
  statuses are the same with and without facts, so briefs run without them;
* how many articles got a time and from where (``time_source``), as read, and
  with parts hidden to test each fallback against the record's own time:
  ``duc2007_dev`` without its ``time`` field (document numbers), without
  ``time`` and ``doc_id`` (datelines), and the ``wcxb`` pages (page metadata,
  URL) against their gold date;
* ten unrelated articles briefed together (from ten different Multi-News
  clusters, and ten ``wcxb`` pages): stories found (target at least 8) and
  articles in the summary (target at most 2), over seeded random draws;
* one-story inputs of 5 to 10 articles (random subsets of the ``duc2007_dev``
  clusters and of the ``multinews_val`` clusters of 5 or more): articles set
  aside as another story (inputs too small for a core story and too large for
  the small-input rule, where :data:`newsbrief.stories.STRICT` decides);
* three ``duc2007_dev`` clusters shuffled into one input: stories found (target
  exactly 3, each at least 90% one cluster), over seeded random draws;
* ECB+ topics (each holds two similar but different incidents, ``event`` the
  gold label) briefed whole: the purity of the briefed story (share of its
  articles from its main incident), topics briefed from one incident only, and
  articles of the other incident in the briefed story, with and without the
  stories stage parting a story's incidents (:func:`newsbrief.stories._incidents`),
  for all topics and for the odd and even halves; with it, the same figures
  for the articles the briefing uses (after the off-event check);
* the update and quantity conflicts found on ``duc2007_dev`` (none of its
  stories has a toll that develops, so each one found is listed for reading).

    .venv/bin/python bench/stories.py [--draws 30] [--list]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsbrief.ingest import days, load, parse_time, wall_clock
from newsbrief.ingest.dating import in_context
from newsbrief.pipeline import brief, prepare_stories, story_briefing
from newsbrief.stories import STORY_LEVEL, _stories, _whole

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def lines(name: str) -> list[dict[str, Any]]:
    """The records of a dev file (gzip or not)."""
    path = DATA / name
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")) as fh:
        return [json.loads(line) for line in fh]


def off_event_rates(name: str, clusters: list[dict[str, Any]], listed: bool = False) -> None:
    """Articles set aside as off-event, by reason; ``listed``: each one, with its reason and first words."""
    start = time.perf_counter()
    total, why, touched = 0, Counter(), 0
    for cluster in clusters:
        records = brief(cluster["articles"], max_words=100, facts=False).articles
        total += len(records)
        off = [r.reason.split(":")[0] for r in records if r.status == "off-event"]
        why.update(off)
        touched += bool(off)
        for r in (r for r in records if listed and r.status == "off-event"):
            print(f"  {cluster['id']} {r.id}: {r.reason[:90]}\n      {' '.join((r.text or '').split())[:150]}")
    off = sum(why.values())
    print(f"{name}: {off} of {total} articles off-event ({off / total:.2%}), in {touched} of {len(clusters)} "
          f"clusters; {dict(why)}  [{time.perf_counter() - start:.0f} s]")


def time_sources(name: str, inputs: list[list[dict[str, Any]]], truth: list[list[Any]] | None = None,
                 only: list[list[bool]] | None = None) -> None:
    """How many articles got a time and from where, each input dated in its own context; given ``truth``,
    how many of them are within two days of it (``only``: the articles to count)."""
    sources, right, checked = Counter(), 0, 0
    for n, records in enumerate(inputs):
        articles = in_context(load(records)[0])
        for i, art in enumerate(articles):
            if only is not None and not only[n][i]:
                continue
            sources[art.time_source] += 1
            true = truth[n][i] if truth is not None else None
            if art.time is not None and true is not None:
                checked += 1
                right += abs(days(wall_clock(art.time)) - days(wall_clock(true))) <= 2
    line = f"{name}: {sum(sources.values())} articles; " + ", ".join(f"{k} {v}" for k, v in sources.most_common())
    if truth is not None:
        line += f"; within 2 days of the true date: {right} of {checked}"
    print(line)


def time_checks(duc: list[dict[str, Any]], mn: list[dict[str, Any]], pages: list[dict[str, Any]]) -> None:
    """Where times come from, as read and with the record's own fields hidden."""
    inputs = [c["articles"] for c in duc]
    truth = [[parse_time(a["time"]) for a in c] for c in inputs]
    time_sources("duc2007_dev as read", inputs)
    time_sources("duc2007_dev without `time`", [[_without(a, "time") for a in c] for c in inputs], truth)
    xinhua = [[a["doc_id"].startswith("XIE") for a in c] for c in inputs]
    hidden = [[_without(a, "time", "doc_id") if x else a for a, x in zip(c, xs)] for c, xs in zip(inputs, xinhua)]
    time_sources("duc2007_dev Xinhua reports without `time` and `doc_id` (the others dated)", hidden, truth, xinhua)
    records = [[{"id": p["id"], "text": p["html"], "url": p["url"]}] for p in pages]
    time_sources("wcxb pages (HTML, with URL)", records, [[parse_time(p.get("date"))] for p in pages])
    time_sources("multinews_val as read", [c["articles"] for c in mn])


def _without(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in keys}


def unrelated(name: str, draws: list[list[dict[str, Any]]]) -> None:
    """Ten unrelated articles briefed together: stories found and articles in the summary."""
    found, used = [], []
    for records in draws:
        briefing = brief(records, max_words=100, facts=False)
        found.append(len(briefing.stories))
        used.append(len({line.article for line in briefing.summary}))
    ok = sum(f >= 8 and u <= 2 for f, u in zip(found, used))
    print(f"{name}: {ok} of {len(draws)} draws pass (>= 8 stories, <= 2 articles in the summary); stories "
          f"min {min(found)} mean {sum(found) / len(found):.1f}; summary articles max {max(used)}")


def mid_sized(duc: list[dict[str, Any]], mn: list[dict[str, Any]], rng: random.Random) -> None:
    """One-story inputs of 5 to 10 articles: how many articles are set aside as another story."""
    inputs = ([c["articles"] for c in duc for _ in range(10)]
              + [c["articles"] for c in mn if len(c["articles"]) >= 5 for _ in range(3)])
    total = aside = 0
    for records in inputs:
        picked = rng.sample(records, rng.randint(5, min(10, len(records))))
        prep, found = prepare_stories(picked)
        total += len(prep.cluster.articles)
        aside += sum(len(s.articles) for s in found.stories[1:])
    print(f"one-story inputs of 5 to 10 articles ({len(inputs)}): {aside} of {total} articles set aside as another "
          f"story ({aside / total:.2%})")


def shuffled(duc: list[dict[str, Any]], draws: int, rng: random.Random) -> None:
    """Three clusters shuffled into one input: exactly three stories, each at least 90% one cluster."""
    ok, counts, purities = 0, Counter(), []
    for _ in range(draws):
        picked = rng.sample(range(len(duc)), 3)
        records = [dict(a, id=f"{c}-{i}") for c in picked for i, a in enumerate(duc[c]["articles"])]
        rng.shuffle(records)
        _, found = prepare_stories(records)
        counts[len(found.stories)] += 1
        purity = min(Counter(a.split("-")[0] for a in s.articles).most_common(1)[0][1] / len(s.articles)
                     for s in found.stories)
        purities.append(purity)
        ok += len(found.stories) == 3 and purity >= 0.9
    print(f"three duc2007_dev clusters shuffled: {ok} of {draws} draws give exactly 3 stories each >= 90% one "
          f"cluster; stories found {dict(sorted(counts.items()))}; lowest purity {min(purities):.2f}")


def ecb_incidents(docs: list[dict[str, Any]]) -> None:
    """ECB+ topics briefed whole: how pure the briefed story is, with and without parting incidents."""
    topics: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        topics.setdefault(doc["topic"], []).append(doc)
    order = sorted(topics, key=int)
    names = ("story, incidents not parted", "story, incidents parted", "used articles")
    rows: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in names}
    for topic in order:
        records = [{k: d[k] for k in ("id", "title", "text", "time")} for d in topics[topic]]
        gold = {d["id"]: d["event"] for d in topics[topic]}
        prep, found = prepare_stories(records)
        plain = _stories(prep.cluster.articles, STORY_LEVEL, _whole)
        briefed = story_briefing(prep, found, 0, max_words=100, facts=False)
        used = [r.id for r in briefed.articles if r.status == "used"]
        for name, ids in zip(names, (plain.stories[0].articles, found.stories[0].articles, used)):
            main = Counter(gold[i] for i in ids).most_common(1)[0][1] if ids else 0
            rows[name][topic] = (main, len(ids))
    for name, row in rows.items():
        for half, picked in (("all", order), ("odd", order[0::2]), ("even", order[1::2])):
            pairs = [row[t] for t in picked]
            purity = sum(m / max(n, 1) for m, n in pairs) / len(pairs)
            print(f"ECB+ {half} ({len(pairs)} topics), briefed {name}: {sum(m == n for m, n in pairs)} from one "
                  f"incident only; mean purity {purity:.3f}; {sum(n - m for m, n in pairs)} of the other incident")


def conflicts(duc: list[dict[str, Any]]) -> None:
    """The update and quantity conflicts found on duc2007_dev, for reading."""
    kinds = Counter()
    for cluster in duc:
        briefing = brief(cluster["articles"], max_words=100)
        for c in briefing.conflicts:
            kinds[c.kind] += 1
            if c.kind != "agency":
                sides = " / ".join(f"{s.shown} ({getattr(s, 'as_of', None) or ','.join(s.articles)})"
                                   for s in c.sides)
                print(f"  {cluster['id']} {c.kind}: {c.about}: {sides}")
    print(f"duc2007_dev conflicts: {dict(kinds)}")


def main() -> None:
    """Print every figure of the module doc."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--draws", type=int, default=30)
    parser.add_argument("--list", action="store_true", help="print each article set aside as off-event")
    args = parser.parse_args()
    duc, mn, pages = lines("duc2007_dev.jsonl"), lines("multinews_val.jsonl"), lines("wcxb_dev_articles.jsonl.gz")
    off_event_rates("duc2007_dev", duc, args.list)
    off_event_rates("multinews_val", mn, args.list)
    time_checks(duc, mn, pages)
    rng = random.Random(0)
    ten = [[dict(rng.choice(c["articles"]), id=f"page{i}") for i, c in enumerate(rng.sample(mn, 10))]
           for _ in range(args.draws)]
    unrelated("ten articles of ten different multinews_val clusters", ten)
    ten = [[{"id": p["id"], "text": p["html"], "url": p["url"]} for p in rng.sample(pages, 10)]
           for _ in range(args.draws)]
    unrelated("ten wcxb pages", ten)
    shuffled(duc, args.draws, rng)
    mid_sized(duc, mn, random.Random(1))
    ecb_incidents(lines("ecbplus_docs.jsonl"))
    conflicts(duc)


if __name__ == "__main__":
    main()
