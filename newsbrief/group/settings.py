"""Every setting of grouping in one place, with why it has the value it has.

What decides "one event" was never tuned on the labels it is scored on:
``floor`` was chosen on Multi-News; ``neighbours``, ``threshold`` and the feature
weights by leave-topics-out cross-validation on ECB+, where these values are the
folds' usual choice; ``bench/group_quality.py`` reruns that choice and prints it.
What decides "one story" (``story_*``) was chosen by cross-validation over the
stories of the dev stream (DUC 2007, Multi-News and ECB+ topics; ``bench/group_stories.py``).
The time settings and ``copies`` are priors about news, not tuned: no labelled
data with reliable dates was at hand for events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsbrief.group.features import Weights

STORY_WEIGHTS = Weights(title=2.0, lead=1.0, names=0.5, numbers=0.0)


@dataclass(frozen=True)
class Settings:
    """How articles are grouped into events."""

    threshold: float = 0.56
    """Average scaled similarity above which two groups are one event."""
    neighbours: int = 3
    """An article's similarity to its k-th nearest neighbour sets its local scale: in a crowded topic
    (many reports of similar events) two articles must be closer than in a sparse one."""
    floor: float = 0.2
    """The local scale never drops below this, so lone articles are not pulled into weak matches."""
    copies: float = 0.8
    """Articles this similar are copies of one story (a wire report run by many outlets): they are
    grouped together and count once, so copies neither outweigh nor crowd out other reports."""
    weights: Weights = field(default_factory=Weights)
    same_days: float = 14.0
    """Articles this close in time compare on text alone; further apart, similarity is scaled by
    sqrt(same_days / gap): two months apart needs about twice the evidence, a year apart five times."""
    window_days: float = 60.0
    """Events with no new article for this long (in stream time) leave memory and take no more articles."""
    max_active: int = 5000
    """At most this many events are kept open (the least recently grown leave first): memory stays
    bounded even when articles carry no times."""
    block_size: int = 2000
    """Articles grouped together in one pass (and one unit of parallel work); larger inputs are streamed
    block by block, each block's groups joining the open events."""
    keep_features: int = 400
    """An event is remembered by its centroid's strongest features only."""
    keep_story_features: int = 1000
    """Story units and centroids keep more: a subject is spread over more words than one incident
    (with 400, larger events lose enough of their unit to fall apart from their story)."""
    story_threshold: float = 0.30
    """Average story similarity (each article's vector divided by the square root of its local scale)
    above which two events are one story. Time plays no part: a story may resume years later."""
    story_neighbours: int = 1
    """At the story level an article's local scale is its similarity to its k-th nearest other article
    (copies aside): a report with close relatives needs more to join a story than a lone one."""
    story_weights: Weights = field(default_factory=lambda: STORY_WEIGHTS)
    """What a story is about is its subject's words more than one incident's names and numbers."""
    max_stories: int = 10000
    """Stories a stream keeps for new articles to join (the least recently grown leave first); a store
    keeps every story and searches them."""
    neighbourhood: int = 2000
    """At most this many remembered articles are regrouped with each block or batch (the closest events first)."""
    per_event: int = 200
    """Of a remembered event, only its latest articles, this many, are regrouped with new ones (the others stay
    in it); a stream keeps no more of an open event's articles."""

    def with_options(self, **options: Any) -> Settings:
        """A copy with some settings changed (ValueError naming an unknown or bad one)."""
        names = {f.name for f in fields(self)} | {f.name for f in fields(Weights)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise ValueError(f"unknown grouping option(s): {', '.join(unknown)}")
        weight_opts = {k: v for k, v in options.items() if k in {f.name for f in fields(Weights)}}
        own = {k: v for k, v in options.items() if k not in weight_opts}
        result = replace(self, **own, weights=replace(self.weights, **weight_opts))
        result.check()
        return result

    def check(self) -> None:
        """ValueError when a setting is out of range."""
        if not 0 < self.threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")
        for name in ("floor", "copies", "story_threshold"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in (0, 1], got {getattr(self, name)}")
        for name in ("neighbours", "story_neighbours", "block_size", "max_active", "keep_features",
                     "keep_story_features", "max_stories", "neighbourhood", "per_event"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.same_days <= 0 or self.window_days <= 0:
            raise ValueError("same_days and window_days must be positive")
