"""Lead baseline: the first sentences of the first article, as a news editor would cut it."""

from __future__ import annotations

from newsbrief.model import Cluster, Sentence
from newsbrief.summarize.base import Summarizer, candidates, fits, ready


class Lead(Summarizer):
    """First passages of the first article; moves to the next article when one runs out."""

    name = "lead"

    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        chosen: list[Sentence] = []
        for passage in candidates(cluster):
            if not ready(chosen, passage):
                continue
            if not fits(chosen, passage, max_words):
                return chosen
            chosen.append(passage)
        return chosen
