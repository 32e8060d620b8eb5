"""The Typer application and what every command shares: global options, messages, exit codes,
progress display and output files.

Messages go to stderr so that stdout carries only the briefing (pipe-friendly).
``--quiet`` leaves errors only; ``--verbose`` adds what was done and how long it took;
progress is drawn only for a person watching (stderr is a terminal) and never under
``--quiet``, so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import typer

import newsbrief

app = typer.Typer(
    name="newsbrief",
    help="Turn a pile of news articles into a briefing you can trust: every line points to its source.",
    epilog="Examples:  newsbrief brief ../shared/seeds/ --format html -o brief.html  ·  "
           "newsbrief serve --port 8000  ·  newsbrief COMMAND --help",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2
EXIT_IO = 3
"""Cannot write the output, listen on the address, or open the store."""


@dataclass
class Settings:
    """The global options of this run (set by the callback before any command runs)."""

    quiet: bool = False
    verbose: bool = False


settings = Settings()


def _print_version(value: bool) -> None:
    if value:
        print(f"newsbrief {newsbrief.__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Errors only: no warnings, no progress."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what was done and how long it took."),
) -> None:
    """Turn a pile of news articles into a briefing you can trust: every line points to its source."""
    if quiet and verbose:
        raise fail("--quiet and --verbose exclude each other")
    settings.quiet, settings.verbose = quiet, verbose


def _say(message: str) -> None:
    print(f"newsbrief: {message}", file=sys.stderr)


def warn(message: str) -> None:
    """A one-line warning on stderr, prefixed with the program name (silent under --quiet)."""
    if not settings.quiet:
        _say(message)


def info(message: str) -> None:
    """A one-line note on stderr shown only under --verbose."""
    if settings.verbose:
        _say(message)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line error (even under --quiet) and return the Exit to raise (``raise fail(...)``)."""
    _say(message)
    return typer.Exit(code)


def show_progress() -> bool:
    """Whether to draw progress: only for a person watching (stderr is a terminal), never under --quiet."""
    return sys.stderr.isatty() and not settings.quiet


@contextmanager
def progress(label: str) -> Iterator[Callable[[], None]]:
    """A spinner with the elapsed time on stderr while the block runs, when :func:`show_progress`;
    under --verbose, a line with the time taken afterwards. Yields ``tick``, which counts a done item."""
    started = time.perf_counter()
    if show_progress():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:.0f} done"), TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task(label, total=None)
            yield lambda: bar.advance(task)
    else:
        yield lambda: None
    info(f"{label}: {time.perf_counter() - started:.1f} s")


@contextmanager
def open_output(output: Path | None) -> Iterator[IO[str]]:
    """A text stream to ``output``, or stdout when it is None or '-'; a one-line error if it cannot be opened."""
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    try:
        fh = output.open("w", encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_IO) from None
    with fh:
        yield fh


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to stdout when it is None or '-'."""
    with open_output(output) as out:
        out.write(text)
    if out is not sys.stdout:
        info(f"wrote {output} ({len(text.encode('utf-8')):,} bytes)")


def open_store(path: Path, existing: bool = False, max_words: int = 100) -> Any:
    """The ``newsbrief.store.Store`` at ``path``; with ``existing``, a missing file is refused
    (a mistyped path must not create an empty store). Failures are one line, exit code 3."""
    from newsbrief.store import Store, StoreError

    if existing and not path.is_file():
        raise fail(f"{path}: no such store", EXIT_IO)
    try:
        return Store(path, max_words=max_words)
    except StoreError as exc:
        raise fail(str(exc), EXIT_IO) from None
