"""The one bounded, ordered map over worker processes, how many workers a run gets, the engines
(this machine's processes or a Dask cluster) that commands choose between, and how one piece of work
spends its process (:func:`collector_paused`).

Batch summaries and stream grouping both spread independent pieces of work
(clusters, blocks) over processes while reading their input as a stream: at most
a few pieces per worker are in flight, so memory stays bounded however long the
input, and results come back in input order, so output never depends on timing
or on the engine.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

AHEAD = 4
"""Pieces of work in flight per worker: enough to keep every worker busy, few enough to bound memory."""


def worker_count(requested: int | None = None) -> int:
    """``requested`` workers, or every core this process may use (its CPU affinity, not the machine's count)."""
    if requested:
        return max(1, requested)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cores_for_one_job() -> int:
    """Workers one job (a cluster) may spread its own work over: every core from the main thread of the
    main process; one inside a worker process (its pool already uses the cores: no nested pools) or in a
    server's worker thread (forking a threaded process can copy a held lock)."""
    if multiprocessing.parent_process() is not None or threading.current_thread() is not threading.main_thread():
        return 1
    return worker_count()


_PAUSE_LOCK = threading.Lock()
_pauses = [0, False]
"""How many pieces of work run with the collector paused (threads of a server may overlap), and whether
it was on when the first of them began."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector off, then back as it was.

    A cluster's work allocates millions of small objects (sentences, spans, token lists) that form no
    reference cycles: reference counting frees them, but the collector, triggered by every 700
    allocations, traverses the young ones again and again and the whole heap now and then. That was a
    fifth of the CPU of a 1,000-article cluster. Nothing is lost: cycles made in the block are
    collected by the first collection after it. It wraps a whole piece of work (one cluster of batch
    mode, :func:`newsbrief.batch.summarize_cluster`; one briefing, :func:`newsbrief.pipeline.brief` and
    :func:`~newsbrief.pipeline.brief_stories`), never one stage: resumed while a stage's output is
    still alive, the collector's first pass would traverse all of it. Overlapping blocks (server threads) share one pause:
    the collector comes back when the last ends.
    """
    with _PAUSE_LOCK:
        if not _pauses[0]:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses[0] -= 1
            if not _pauses[0] and _pauses[1]:
                gc.enable()


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in consecutive pieces of ``size`` (the last may be shorter): few, cheap messages to workers."""
    return [items[start:start + size] for start in range(0, len(items), size)]


def ordered(submit: Callable[[T], Future[R]], items: Iterable[T], ahead: int) -> Iterator[R]:
    """Submit items as futures with at most ``ahead`` pending; yield their results in input order."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def process_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None) -> Iterator[R]:
    """``map(fn, items)`` on worker processes, in input order, reading ``items`` as it goes.

    One worker, or fewer than two items, runs here: a pool costs more than it saves.
    Workers are forked where the platform can (no re-import of the models loaded so far).
    """
    workers = worker_count(workers)
    it = iter(items)
    head = list(islice(it, 2))
    if workers == 1 or len(head) < 2:
        yield from map(fn, chain(head, it))
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        submit: Callable[[Any], Future[R]] = lambda item: pool.submit(fn, item)  # noqa: E731
        yield from ordered(submit, chain(head, it), AHEAD * workers)


ENGINES = ("local", "dask")


class Engine(Protocol):
    """Maps a function over independent pieces of work (clusters, blocks), yielding results in order."""

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each piece, in input order, however the engine spreads the work."""
        ...


class LocalEngine:
    """Worker processes on this machine (one piece needs no pool: it runs here)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = worker_count(workers)

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each piece in input order, in a process pool when there is more than one."""
        return process_map(fn, blocks, self.workers)


class DaskEngine:
    """A Dask distributed cluster at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``)."""

    connect_timeout = "20s"

    def __init__(self, scheduler: str) -> None:
        self.scheduler = scheduler

    def map(self, fn: Callable[[Any], Any], blocks: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each piece in input order, on the cluster's workers (two pieces in flight per worker)."""
        from distributed import Client  # Dask is an extra, loaded only for this engine

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
