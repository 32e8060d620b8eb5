"""Group a stream of articles into events: ``newsbrief.group(articles)``.

Each block of the stream is grouped on its own (time-aware TF-IDF of words,
names and numbers; locally scaled average link), then its groups join the
open events of a sliding window or open new ones. Every input article ends in
exactly one event, or unassigned with the reason::

    import newsbrief
    for a in newsbrief.group([{"id": "1", "title": "...", "text": "...", "time": "2024-05-01"}, ...]):
        print(a.id, a.event, a.reason)

``newsbrief.group`` is both this package and its main function: the package
object is callable, so ``newsbrief.group(...)`` works whichever was loaded first.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from newsbrief.parallel import Engine, LocalEngine, make_engine
from newsbrief.group.settings import Settings
from newsbrief.group.stream import Assignment, assignments, blocks, group_block, to_item
from newsbrief.group.window import Window
from newsbrief.ingest import Problem, iter_load
from newsbrief.model import Article


def group_stream(items: Iterable[Article | Problem], settings: Settings | None = None,
                 engine: Engine | None = None) -> Iterator[Assignment]:
    """Assignments for a stream of read articles, in input order, a block at a time."""
    settings = settings or Settings()
    window = Window(settings)
    work = partial(group_block, settings=settings)
    for result in (engine or LocalEngine()).map(work, blocks(map(to_item, items), settings.block_size)):
        yield from assignments(result, window)


def group(articles: Any, **options: Any) -> list[Assignment]:
    """Group articles into events; one :class:`Assignment` per input, in input order.

    ``articles``: Article objects, dicts ``{"id", "title", "text", "time", ...}``
    (any ``event`` key is ignored) or paths. ``options``: any :class:`Settings`
    field (``threshold``, ``block_size``, ``window_days``, ...) and
    ``engine="local"|"dask"``, ``scheduler`` (Dask address), ``workers``.
    ValueError on an unknown or bad option.
    """
    engine = make_engine(options.pop("engine", "local"), options.pop("scheduler", None),
                         options.pop("workers", None))
    settings = Settings().with_options(**options)
    return list(group_stream(iter_load(articles), settings, engine))


class _CallableModule(types.ModuleType):
    """Lets ``newsbrief.group(...)`` call :func:`group` once the package itself is the attribute."""

    def __call__(self, articles: Any, **options: Any) -> list[Assignment]:
        return group(articles, **options)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["Assignment", "Settings", "group", "group_stream"]
