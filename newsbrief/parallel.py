"""The one bounded, ordered map over worker processes, and how many workers a run gets.

Batch summaries and stream grouping both spread independent pieces of work
(clusters, blocks) over processes while reading their input as a stream: at most
a few pieces per worker are in flight, so memory stays bounded however long the
input, and results come back in input order, so output never depends on timing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

AHEAD = 4
"""Pieces of work in flight per worker: enough to keep every worker busy, few enough to bound memory."""


def worker_count(requested: int | None = None) -> int:
    """``requested`` workers, or every core this process may use (its CPU affinity, not the machine's count)."""
    if requested:
        return max(1, requested)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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
