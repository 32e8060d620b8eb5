"""Where blocks are grouped: in this process, on local worker processes, or on a Dask cluster.

Every engine returns block results in input order and keeps only a few blocks
in flight, so memory stays bounded however long the stream; linking happens
afterwards, in order, in the calling process, which makes the events the same
on every engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from newsbrief.parallel import ordered, process_map, worker_count

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Maps a function over blocks, yielding results in order."""

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each block, in input order, however the engine spreads the work."""
        ...


class LocalEngine:
    """Worker processes on this machine (one block needs no pool: it runs here)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = worker_count(workers)

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each block in input order, in a process pool when there is more than one block."""
        return process_map(fn, blocks, self.workers)


class DaskEngine:
    """A Dask distributed cluster at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``)."""

    connect_timeout = "20s"

    def __init__(self, scheduler: str) -> None:
        self.scheduler = scheduler

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each block in input order, on the cluster's workers (two blocks in flight per worker)."""
        from distributed import Client

        with Client(self.scheduler, timeout=self.connect_timeout) as client:
            workers = max(1, len(client.scheduler_info()["workers"]))
            yield from ordered(lambda b: client.submit(fn, b, pure=False), blocks, 2 * workers)


def make_engine(engine: str = "local", scheduler: str | None = None, workers: int | None = None) -> Engine:
    """The engine by name (ValueError for an unknown one, or dask without a scheduler address)."""
    if engine == "local":
        return LocalEngine(workers)
    if engine == "dask":
        if not scheduler:
            raise ValueError("the dask engine needs a scheduler address (--scheduler tcp://HOST:8786)")
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
