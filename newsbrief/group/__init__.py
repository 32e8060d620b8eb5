"""Group a stream of articles into events and stories: ``newsbrief.group(articles)``.

Two levels: an *event* is one incident (what, where, when); a *story* is a
subject followed over time and holds one or more whole events. Each block of
the stream is grouped on its own (events: time-aware TF-IDF of words, names and
numbers, locally scaled average link; stories: the block's events linked by the
words of their subject, whatever the time between them), then its events join
the open events of a sliding window and its stories the stories seen so far, or
open new ones; where new articles show two earlier groups to be one, they merge
(the older id lives on, the other points to it). Every input article ends in exactly one event and one story, or
unassigned with the reason::

    import newsbrief
    for a in newsbrief.group([{"id": "1", "title": "...", "text": "...", "time": "2024-05-01"}, ...]):
        print(a.id, a.event, a.story, a.reason)

``newsbrief.group`` is both this package and its main function: the package
object is callable, so ``newsbrief.group(...)`` works whichever was loaded first.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from newsbrief.parallel import Engine, LocalEngine, make_engine
from newsbrief.group.settings import Settings
from newsbrief.group.link import Linker
from newsbrief.group.memory import InMemory
from newsbrief.group.stream import Assignment, blocks, group_block, to_item
from newsbrief.ingest import Problem, iter_load
from newsbrief.model import Article


def group_stream(items: Iterable[Article | Problem], settings: Settings | None = None,
                 engine: Engine | None = None, linker: Linker | None = None) -> Iterator[Assignment]:
    """Assignments for a stream of read articles, in input order, a block at a time.

    A later block may move an article to another event, an event to another
    story, or merge them; pass your own ``linker`` (with an :class:`InMemory`)
    and ``memory.current(id, event)`` gives where an article is at the end
    (:func:`group` does it for you).
    """
    settings = settings or Settings()
    linker = linker or Linker(InMemory(settings), settings)
    work = partial(group_block, settings=settings)
    for result in (engine or LocalEngine()).map(work, blocks(map(to_item, items), settings.block_size)):
        yield from linker.link(result)


def group(articles: Any, **options: Any) -> list[Assignment]:
    """Group articles into events and stories; one :class:`Assignment` per input, in input order,
    with the ids current once the whole input is grouped.

    ``articles``: Article objects, dicts ``{"id", "title", "text", "time", ...}``
    (any ``event`` key is ignored) or paths. ``options``: any :class:`Settings`
    field (``threshold``, ``block_size``, ``window_days``, ...) and
    ``engine="local"|"dask"``, ``scheduler`` (Dask address), ``workers``.
    ValueError on an unknown or bad option.
    """
    engine = make_engine(options.pop("engine", "local"), options.pop("scheduler", None),
                         options.pop("workers", None))
    settings = Settings().with_options(**options)
    memory = InMemory(settings)
    found = list(group_stream(iter_load(articles), settings, engine, Linker(memory, settings)))
    return [replace(a, **dict(zip(("event", "story"), memory.current(a.id, a.event)))) for a in found]


class _CallableModule(types.ModuleType):
    """Lets ``newsbrief.group(...)`` call :func:`group` once the package itself is the attribute."""

    def __call__(self, articles: Any, **options: Any) -> list[Assignment]:
        return group(articles, **options)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["Assignment", "InMemory", "Linker", "Settings", "group", "group_stream"]
