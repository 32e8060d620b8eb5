"""The grouping benches' dev data: ECB+, DUC 2007 and Multi-News as labelled streams, and the scores they share.

Each article gets a gold *event* where the data set says which incident it
reports (ECB+ events; a Multi-News cluster is one event) and a gold *story*
(a DUC 2007 cluster, a subject followed over months to years; a Multi-News
cluster; an ECB+ topic, two similar events of one kind, which is only a proxy
for a story). The grouping input never carries the labels.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from collections import Counter

from newsbrief.group.metrics import Scores, scores

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SOURCES = ("ecb", "duc", "mn")
NAMES = {"ecb": "ECB+ (topics as stories)", "duc": "DUC 2007", "mn": "Multi-News"}


@dataclass
class Corpus:
    records: list[dict]  # without the gold keys
    gold: list[str | None]  # event, None where the data set does not say
    topic: list[str]  # story
    source: list[str]

    def part(self, keep: Sequence[int]) -> Corpus:
        return Corpus([self.records[i] for i in keep], [self.gold[i] for i in keep],
                      [self.topic[i] for i in keep], [self.source[i] for i in keep])

    def of(self, source: str) -> Corpus:
        return self.part([i for i, s in enumerate(self.source) if s == source])


def load_ecb() -> Corpus:
    rows = [json.loads(line) for line in (DATA / "ecbplus_docs.jsonl").open(encoding="utf-8")]
    records = [{k: v for k, v in r.items() if k not in ("event", "topic")} for r in rows]
    return Corpus(records, [r["event"] for r in rows], [f"ecb/{r['topic']}" for r in rows], ["ecb"] * len(rows))


def _clusters(name: str, source: str, events: bool) -> Corpus:
    records, gold, topic = [], [], []
    for line in (DATA / name).open(encoding="utf-8"):
        cluster = json.loads(line)
        for i, art in enumerate(cluster["articles"]):
            records.append({"id": f"{cluster['id']}/{i}", "title": art.get("title"), "text": art["text"],
                            "time": art.get("time"), "url": art.get("url")})
            gold.append(cluster["id"] if events else None)
            topic.append(cluster["id"])
    return Corpus(records, gold, topic, [source] * len(records))


def load_multinews() -> Corpus:
    """Multi-News: 250 small clusters, each one event and one story."""
    return _clusters("multinews_val.jsonl", "mn", events=True)


def load_duc() -> Corpus:
    """DUC 2007: 15 stories of 25 dated articles each, spanning months to years (events not labelled)."""
    return _clusters("duc2007_dev.jsonl", "duc", events=False)


def dev_stream(seed: int = 0) -> Corpus:
    """ECB+, DUC 2007 and Multi-News shuffled into one stream (a fixed order)."""
    parts = [load_ecb(), load_duc(), load_multinews()]
    whole = Corpus(*([x for p in parts for x in getattr(p, f)] for f in ("records", "gold", "topic", "source")))
    return whole.part(random.Random(seed).sample(range(len(whole.records)), len(whole.records)))


def level_scores(corpus: Corpus, predicted: Sequence[str | None], story: bool) -> Scores:
    """Scores against the gold stories (``story``) or the gold events, over the articles that have them;
    an unassigned article (None) counts as alone."""
    gold = corpus.topic if story else corpus.gold
    keep = [i for i, g in enumerate(gold) if g is not None]
    return scores([gold[i] for i in keep], [predicted[i] if predicted[i] is not None else f"alone/{i}" for i in keep])


def events_in_one_story(corpus: Corpus, stories: Sequence[str | None]) -> tuple[int, int]:
    """How many gold events have all their articles in one predicted story, out of how many."""
    seen: dict[str, set[str | None]] = {}
    for event, story in zip(corpus.gold, stories):
        if event is not None:
            seen.setdefault(event, set()).add(story)
    return sum(len(s) == 1 for s in seen.values()), len(seen)


def held_out_bcubed(gold: Sequence[str | None], predicted: Sequence[str | None], scored: Sequence[int],
                    ) -> tuple[float, float, float]:
    """B-cubed over the ``scored`` articles only, each judged in the whole grouping: its predicted group's
    other articles count against its precision whatever their fold (those without a gold label aside), its
    gold group's against its recall. A grouping of held-out articles is thus charged for merging them
    with the articles its settings were chosen on."""
    pairs = Counter((g, p) for g, p in zip(gold, predicted) if g is not None and p is not None)
    pred_size = Counter(p for g, p in zip(gold, predicted) if g is not None and p is not None)
    gold_size = Counter(g for g in gold if g is not None)
    precision = recall = 0.0
    for i in scored:
        g, p = gold[i], predicted[i]
        precision += pairs[(g, p)] / pred_size[p] if p is not None else 1.0
        recall += pairs[(g, p)] / gold_size[g] if p is not None else 1.0 / gold_size[g]
    precision, recall = precision / len(scored), recall / len(scored)
    return precision, recall, 2 * precision * recall / (precision + recall)
