"""The worker pool of the HTTP API: pipeline work in worker processes, a bounded queue, a time limit,
and a worker kept free for small requests.

Requests wait here (in the event loop, costing nothing) until a worker is free, and are
then handed to a pebble process pool. Processes, not threads: the pipeline is Python and
would share one core under the GIL, and a thread cannot be stopped, while a process
whose request ran past its time limit is killed and replaced.

Fairness: large requests (many articles or a large body; see
:class:`~newsbrief.api.settings.ServerSettings`) may use every worker but one, so a
10-article request never waits behind two 1,000-article ones. Waiting requests start in
arrival order, except that a small one passes large ones that have no worker they may use.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pebble import ProcessPool

from newsbrief.api.settings import ServerSettings

T = TypeVar("T")

PRELOAD = ["newsbrief.api.jobs", "newsbrief.pipeline", "newsbrief.group"]
"""Imported once by the fork server, so a new (or replaced) worker starts with them loaded."""


class Overloaded(Exception):
    """Refused: the queue is full. ``retry_after`` is the wait, in seconds, to suggest."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the server is busy ({retry_after} s suggested before retrying)")
        self.retry_after = retry_after


class TooSlow(Exception):
    """The request passed its time limit (waiting or working); its work was stopped."""

    def __init__(self, limit: float, retry_after: int) -> None:
        super().__init__(f"the request took longer than the server's limit of {limit:g} s")
        self.retry_after = retry_after


@dataclass
class _Waiter:
    large: bool
    granted: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class WorkerPool:
    """Runs functions in worker processes, at most ``settings.workers`` at a time (see the module doc).

    Use from one event loop; :meth:`close` stops the workers.
    """

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.running = 0
        self.running_large = 0
        self._waiting: deque[_Waiter] = deque()
        self._seconds = 1.0  # running mean of a request's work, for Retry-After
        self._pool: ProcessPool | None = None

    @property
    def waiting(self) -> int:
        """Requests waiting for a worker."""
        return len(self._waiting)

    def _processes(self) -> ProcessPool:
        """The process pool, started on first use (a server that only lists events never starts one).

        Workers come from a fork server: forking the server itself, which runs threads, could copy
        a lock another thread holds; a fork server is single-threaded and has PRELOAD imported.
        """
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPool(max_workers=self.settings.workers, context=context)
        return self._pool

    async def run(self, fn: Callable[..., T], *args: Any, large: bool) -> T:
        """``fn(*args)`` in a worker process, within the time limit counted from now.

        Raises :class:`Overloaded` when the queue is full, :class:`TooSlow` past the time limit,
        and whatever ``fn`` raised.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.time_limit
        await self._slot(large, deadline)
        started = time.perf_counter()
        try:
            future = self._processes().schedule(fn, args=args, timeout=max(deadline - loop.time(), 0.001))
            try:
                return await asyncio.wrap_future(future)
            except FutureTimeout:
                raise TooSlow(self.settings.time_limit, self.retry_after()) from None
            except asyncio.CancelledError:
                future.cancel()  # pebble kills the worker running it
                raise
        finally:
            self._seconds += 0.3 * (time.perf_counter() - started - self._seconds)
            self._release(large)

    async def _slot(self, large: bool, deadline: float) -> None:
        """Wait for a worker this request may use; Overloaded when too many wait, TooSlow past ``deadline``.

        No waiting request can ever start (each release starts all that can), so one that can
        start now is not passing anyone it should not.
        """
        if self._may_start(large):
            self._take(large)
            return
        if len(self._waiting) >= self.settings.queue:
            raise Overloaded(self.retry_after())
        waiter = _Waiter(large)
        self._waiting.append(waiter)
        try:
            await asyncio.wait_for(waiter.granted, deadline - asyncio.get_running_loop().time())
        except BaseException as exc:
            if waiter.granted.done() and not waiter.granted.cancelled():  # granted as it gave up: give back
                self._release(large)
            elif waiter in self._waiting:
                self._waiting.remove(waiter)
            if isinstance(exc, asyncio.TimeoutError):
                raise TooSlow(self.settings.time_limit, self.retry_after()) from None
            raise

    def _may_start(self, large: bool) -> bool:
        if self.running >= self.settings.workers:
            return False
        return not large or self.running_large < max(1, self.settings.workers - 1)

    def _take(self, large: bool) -> None:
        self.running += 1
        self.running_large += large

    def _release(self, large: bool) -> None:
        self.running -= 1
        self.running_large -= large
        for waiter in list(self._waiting):
            if not waiter.granted.done() and self._may_start(waiter.large):
                self._take(waiter.large)
                self._waiting.remove(waiter)
                waiter.granted.set_result(None)

    def retry_after(self) -> int:
        """Seconds to suggest before retrying: the waiting requests' share of the work, at least 1."""
        estimate = self._seconds * (len(self._waiting) + 1) / self.settings.workers
        return max(1, min(math.ceil(estimate), math.ceil(self.settings.time_limit)))

    def close(self) -> None:
        """Stop the workers (a request still running gets an error)."""
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None
