"""The data model every stage shares, and nothing else: it imports nothing from the rest of newsbrief.

* :mod:`~newsbrief.model.spans`: :class:`Span`, the one located-annotation type;
* :mod:`~newsbrief.model.document`: the reading model (Article -> Paragraph -> Sentence, a Cluster);
* :mod:`~newsbrief.model.briefing`: what a briefing holds (summary lines, typed facts, conflicts,
  timeline, the account of every article).
"""

from newsbrief.model.briefing import (
    ArticleRecord,
    Briefing,
    Conflict,
    ConflictValue,
    Fact,
    Source,
    Status,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.model.document import Article, Cluster, Paragraph, Removed, Sentence, outlet
from newsbrief.model.spans import Span, squash

__all__ = [
    "Article", "ArticleRecord", "Briefing", "Cluster", "Conflict", "ConflictValue", "Fact", "Paragraph",
    "Removed", "Sentence", "Source", "Span", "Status", "SummarySentence", "TimelineEntry", "outlet", "squash",
]
