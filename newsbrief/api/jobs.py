"""The pipeline work of the HTTP API, as the worker processes run it.

Module-level functions, so that they pickle by name; what they return (a Briefing,
Assignments) pickles too. The pipeline is imported on first call, not with the API,
and is already loaded in workers (the fork server preloads this module's imports).
"""

from __future__ import annotations

from typing import Any

from newsbrief.model import Briefing


def brief(items: list[Any], max_words: int, method: str) -> Briefing:
    """The briefing of ``items`` (article records or file paths), facts included."""
    from newsbrief.pipeline import brief as run  # the pipeline's libraries: loaded in the worker, not the API

    return run(items, max_words=max_words, method=method)


def group(records: list[dict[str, Any]], options: dict[str, Any]) -> list[Any]:
    """One Assignment per record, grouped in this process (a worker of the API's pool).

    Raises ValueError for a bad grouping option.
    """
    from newsbrief.group import group as run  # the grouping libraries: loaded in the worker, not the API

    return run(records, **options, workers=1)
