"""The pipeline work of the HTTP API, as the worker processes run it.

Module-level functions, so that they pickle by name; what they return (a Briefing,
Assignments) pickles too. The pipeline is imported on first call, not with the API,
and is already loaded in workers (the fork server preloads this module's imports).
"""

from __future__ import annotations

from typing import Any

from newsbrief.model import Briefing


def brief(items: list[Any], max_words: int, method: str, since: list[Any] | None = None,
          query: str | None = None, since_time: str | None = None) -> Briefing:
    """The briefing of ``items`` (article records and Problems from JSON, or the paths of uploaded files),
    facts included; ``since``: what the reader has read (an update briefing), ``query``: the question it
    answers first."""
    from newsbrief.pipeline import brief as run  # the pipeline's libraries: loaded in the worker, not the API

    return run(items, max_words=max_words, method=method, since=since, query=query, since_time=since_time)


def group(records: list[Any], options: dict[str, Any]) -> list[Any]:
    """One Assignment per record (or Problem, for an item that is no object), grouped in this process (a
    worker of the API's pool).

    Raises ValueError for a bad grouping option.
    """
    from newsbrief.group import group as run  # the grouping libraries: loaded in the worker, not the API

    return run(records, **options, workers=1)
