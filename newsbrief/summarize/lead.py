"""Lead baseline: the first sentences of the first article, as a news editor would cut it."""

from __future__ import annotations

from newsbrief.model import Cluster, Sentence
from newsbrief.summarize.base import Summarizer, candidates, fits


class Lead(Summarizer):
    """First sentences of the first article; moves to the next article when one runs out."""

    name = "lead"

    def select(self, cluster: Cluster, max_words: int) -> list[Sentence]:
        allowed = {(s.article, s.index) for s in candidates(cluster)}
        chosen: list[Sentence] = []
        for article in cluster.articles:
            for sentence in article.sentences:
                if (sentence.article, sentence.index) not in allowed:
                    continue
                if not fits(chosen, sentence, max_words):
                    return chosen
                chosen.append(sentence)
        return chosen
