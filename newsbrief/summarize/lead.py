"""Lead baseline: the first sentences of the first article, as a news editor would cut it."""

from __future__ import annotations

from newsbrief.model import Cluster, Sentence
from newsbrief.summarize.base import Summarizer, candidates, fits, ready
from newsbrief.summarize.focus import NO_FOCUS, Focus


class Lead(Summarizer):
    """First passages of the first article; moves to the next article when one runs out."""

    name = "lead"

    def select(self, cluster: Cluster, max_words: int, focus: Focus = NO_FOCUS) -> list[Sentence]:
        chosen: list[Sentence] = []
        for passage in candidates(cluster, focus):
            if not ready(chosen, passage):
                continue
            if not fits(chosen, passage, max_words):
                return chosen
            chosen.append(passage)
        return chosen
