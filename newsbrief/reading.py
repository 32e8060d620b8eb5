"""What needs spaCy, read in a second process that loads it while the first reads the articles.

Why this exists: a one-shot ``newsbrief brief`` spends about as long importing spaCy and loading its model
as on all it does before it needs them (loading, cleaning, splitting, near-duplicates, the story split).
In one process the two add up, and no cut inside either can bring a briefing of a few articles near the
start-up of the command itself. On two cores they need not: :class:`Worker` forks one process before the
articles are read; that process imports spaCy and loads the model meanwhile, then gets the story's
articles once they are known and runs what needs spaCy, the off-event check and the facts readers
(:func:`read_story`). It sends back plain values (:class:`StoryReading`: the off-event reasons and the
:class:`~newsbrief.facts.Reading`, never a spaCy object), so the main process never imports spaCy; it then
checks the facts and summarizes. This module imports nothing heavy itself: the facts readers load once,
just before the fork (:data:`SHARED`), and not at all for a command that never briefs.

:func:`read_story` is the same work in-process: the Python and HTTP APIs use it (the API's own workers
keep a loaded model), and the worker falls back to it whenever it cannot start (no ``fork`` start method,
threads already running), dies, or fails: the output never depends on which process read the story, and
an error is met again in-process and reported as it is without the worker. ``NEWSBRIEF_WORKER=0`` in the
environment turns the worker off (``bench/startup.py`` measures the brief both ways).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from types import TracebackType
from typing import TYPE_CHECKING

from newsbrief.model import Article

if TYPE_CHECKING:
    from newsbrief.facts import Reading

SWITCH = "NEWSBRIEF_WORKER"
"""The environment variable that turns the worker off when it is ``0``: everything is read in-process."""

SHARED = ("newsbrief.facts", "newsbrief.facts.check.incidents")
"""What both processes import, loaded once before the fork: the worker reads with them, the main process
checks the facts it sends back. Loaded in each after the fork, they would cost the same wall time (each
process's path has them either way) and their CPU twice (0.28 CPU s a briefing of the seeds, median of 7
interleaved pairs)."""


@dataclass(frozen=True)
class StoryReading:
    """What the readers found in one story: which articles report another incident (id -> reason) and,
    with facts, the :class:`Reading` of the articles (None without facts, or when every article is
    off-event)."""

    off_event: dict[str, str] = field(default_factory=dict)
    reading: Reading | None = None


Reader = Callable[[Sequence[Article], Sequence[Article] | None], StoryReading]
"""Reads a story: ``(story, facts_from)``, the story's articles and, with facts, every article to read facts
from in reading order (the story's and those the reader read before), None without facts."""


def read_story(story: Sequence[Article], facts_from: Sequence[Article] | None = None) -> StoryReading:
    """The off-event check of ``story`` and, unless ``facts_from`` is None, the facts read from
    ``facts_from`` with the off-event articles named (their parses made once, for both)."""
    from newsbrief.facts import read_facts  # the facts readers and scipy: loaded only to brief (see SHARED)
    from newsbrief.facts.check.incidents import off_event  # (this module imports nothing heavy)

    elsewhere, parses = off_event(story)
    if facts_from is None or all(a.id in elsewhere for a in story):
        return StoryReading(elsewhere)
    return StoryReading(elsewhere, read_facts(facts_from, off_event=elsewhere, parses=parses))


def _needs_model(story: Sequence[Article], facts_from: Sequence[Article] | None) -> bool:
    """Whether reading the story loads spaCy: the off-event check parses only a story it judges, the facts
    readers any story with an article."""
    from newsbrief.facts.check.incidents import judged  # the facts package: loaded only to brief (SHARED)

    return judged(story) or (facts_from is not None and bool(story))


class Worker:
    """A :data:`Reader` that reads in a forked process, started on entering (see the module doc) and ended
    on leaving, whatever ends the block (an error, Ctrl-C). Without a process it reads in-process."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._process: multiprocessing.process.BaseProcess | None = None

    def __enter__(self) -> Worker:
        self._start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @property
    def running(self) -> bool:
        """Whether a worker process was started and has not been closed."""
        return self._process is not None

    def _start(self) -> None:
        """Fork the worker, unless it is turned off or forking is unsafe: no ``fork`` start method, or
        threads running whose locks a fork could copy held (numpy's OpenBLAS pool is no such thread: it
        shuts itself down before a fork)."""
        if os.environ.get(SWITCH) == "0" or "fork" not in multiprocessing.get_all_start_methods():
            return
        if threading.active_count() > 1:
            return
        for name in SHARED:  # heavy (the facts readers, scipy), loaded here so that both processes share them
            importlib.import_module(name)
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, ours), name="newsbrief-reader", daemon=True)
        # Forked with Ctrl-C ignored, which the worker keeps: Ctrl-C reaches the whole process group, and the
        # main process alone reports it (and ends the worker), with no traceback from the worker.
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            process.start()
        except OSError:  # no process to be had (a process limit, no memory): read in-process
            ours.close()
            return
        finally:
            signal.signal(signal.SIGINT, interrupt)
            theirs.close()
        self._conn, self._process = ours, process

    def __call__(self, story: Sequence[Article], facts_from: Sequence[Article] | None = None) -> StoryReading:
        """The story read by the worker; in-process if there is none, the story needs no spaCy, or the
        worker died or failed (its error then met again here)."""
        if self._conn is None or not _needs_model(story, facts_from):
            return read_story(story, facts_from)
        try:
            self._conn.send((list(story), None if facts_from is None else list(facts_from)))
            done, found = self._conn.recv()
        except (EOFError, OSError):  # the worker died: nothing lost but its warm-up
            done, found = False, None
        if not done:
            self.close()
            return read_story(story, facts_from)
        return found

    def close(self) -> None:
        """End the worker: it never outlives the command, and it has nothing left to finish."""
        if self._process is None or self._conn is None:
            return
        self._conn.close()
        self._process.terminate()
        self._process.join(timeout=5)
        if self._process.is_alive():  # SIGTERM ignored: no process is left behind
            self._process.kill()
            self._process.join()
        self._process.close()
        self._conn, self._process = None, None


def _serve(conn: Connection, theirs: Connection) -> None:
    """The worker: load the model, then read each story sent until the main process closes its end.

    ``theirs``, the main process's end as forked, is closed here, so that the worker sees the end of
    input if the main process dies. It ignores Ctrl-C (see :meth:`Worker._start`). A model that fails to
    load ends the worker: the main process then reads in-process. What fails in a reading is answered as a
    failure and met again in-process, where it is reported as it is without the worker."""
    theirs.close()
    try:
        from newsbrief.facts.read.ner import model  # spaCy and the facts readers load here, in the worker

        model()  # the warm-up: spaCy's import and the model's load, while the main process reads the articles
        while True:
            story, facts_from = conn.recv()
            try:
                conn.send((True, read_story(story, facts_from)))
            except Exception:  # noqa: BLE001 - any failure is met again, and reported, in the main process
                conn.send((False, None))
    except Exception:  # noqa: BLE001 - the end of input (EOFError), or the model did not load
        return
