"""Concept coverage: pick the sentences that cover the most weighted concepts per word.

The classic strongest family of extractive multi-document summarizers (Gillick
& Favre's ICSI system; Lin & Bilmes' submodular coverage). A concept is a
content word or a bigram; its weight grows with the number of articles that
use it and with how early they do (news puts what matters first). Selection is
the budgeted greedy for monotone submodular coverage: the sentence with the best
uncovered weight per word^r is added until nothing else fits, so a concept
counts once and repeated information is not paid for twice.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from newsbrief.model import Sentence
from newsbrief.summarize.base import Cluster, Summarizer, fits

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a about after all also an and any are as at be been before but by can could did do does for from "
    "had has have he her his how i if in into is it its just more most mr ms new no not of on one or "
    "other our out over said says she so some than that the their them then there these they this "
    "to up was we were what when where which while who will with would you".split()
)


def concepts(text: str) -> set[str]:
    """Content words and bigrams of a sentence (a bigram needs one content word)."""
    words = _WORD.findall(text.lower())
    out = {w for w in words if w not in _STOP and len(w) > 1}
    for a, b in zip(words, words[1:]):
        if a not in _STOP or b not in _STOP:
            out.add(f"{a} {b}")
    return out


class ConceptCoverage(Summarizer):
    """Budgeted greedy coverage of position- and source-weighted concepts (the default)."""

    name = "concepts"

    def __init__(self, length_power: float = 0.6, position_decay: float = 0.25) -> None:
        self.length_power = length_power
        self.position_decay = position_decay

    def weights(self, cluster: Cluster) -> dict[str, float]:
        """Weight of a concept: over articles, the best position weight of a sentence using it."""
        best: dict[tuple[str, str], float] = {}
        for group in cluster.groups:
            for s in group:
                pos = math.exp(-self.position_decay * s.index)
                for c in concepts(s.text):
                    key = (c, s.article)
                    if best.get(key, 0.0) < pos:
                        best[key] = pos
        weight: dict[str, float] = defaultdict(float)
        for (c, _), w in best.items():
            weight[c] += w
        return weight

    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        weight = self.weights(cluster)
        pool = [(s, concepts(s.text)) for s in cluster.candidates]
        covered: set[str] = set()
        chosen: list[Sentence] = []
        while pool:
            best, best_gain = None, 0.0
            for i, (s, cs) in enumerate(pool):
                if not fits(chosen, s, max_words):
                    continue
                gain = sum(weight[c] for c in cs - covered) / (s.words ** self.length_power)
                if gain > best_gain:
                    best, best_gain = i, gain
            if best is None:
                break
            s, cs = pool.pop(best)
            chosen.append(s)
            covered |= cs
        return chosen
