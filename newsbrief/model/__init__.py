"""The data model every stage shares, and nothing else: it imports nothing from the rest of newsbrief.

* :mod:`~newsbrief.model.spans`: :class:`Span`, the one located-annotation type;
* :mod:`~newsbrief.model.document`: the reading model (Article -> Paragraph -> Sentence, a Cluster);
* :mod:`~newsbrief.model.briefing`: what a briefing holds (summary lines, typed facts, conflicts with
  typed sides, timeline, the account of every article).
"""

from newsbrief.model.briefing import (
    ArticleRecord,
    Briefing,
    ClaimFact,
    Conflict,
    ConflictKind,
    DateFact,
    EntityFact,
    EntityKind,
    Fact,
    PartySide,
    QuantityFact,
    Side,
    Since,
    Source,
    Status,
    Story,
    SummarySentence,
    TimelineEntry,
    ValueSide,
    figure,
    hedged,
    number,
    plain,
)
from newsbrief.model.document import Article, Cluster, Paragraph, Removed, Sentence, TimeSource, outlet
from newsbrief.model.spans import REPLACEMENT, Span, clipped, encodable, squash

__all__ = [
    "REPLACEMENT", "Article", "ArticleRecord", "Briefing", "ClaimFact", "Cluster", "Conflict", "ConflictKind", "DateFact",
    "EntityFact", "EntityKind", "Fact", "Paragraph", "PartySide", "QuantityFact", "Removed", "Sentence", "Side",
    "Since", "Source", "Span", "Status", "Story", "SummarySentence", "TimeSource", "TimelineEntry", "ValueSide", "figure",
    "clipped", "encodable", "hedged", "number", "outlet", "plain", "squash",
]
