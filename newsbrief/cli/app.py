"""The Typer application and what every command shares: global options, messages, exit codes,
progress display and output files.

Messages go to stderr so that stdout carries only the briefing (pipe-friendly).
``--quiet`` leaves errors only; ``--verbose`` adds what was done and how long it took;
progress is drawn only for a person watching (stderr is a terminal) and never under
``--quiet``, so logs and pipes stay clean.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # typer 0.28 vendors click
from typer.core import TyperGroup

import newsbrief

class _Commands(TyperGroup):
    """The command group, whose usage errors (a bad option value, an unknown option, a missing argument) are
    one line on stderr like every other error, instead of click's usage, hint and framed message."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError:  # the help has been shown
            sys.exit(EXIT_USAGE)
        except ClickException as exc:
            where = exc.ctx.command_path if isinstance(exc, UsageError) and exc.ctx else "newsbrief"
            _say(f"{' '.join(exc.format_message().split())} (see {where} --help)")
            sys.exit(exc.exit_code)
        except typer.Abort:  # end of input at a prompt
            _say("aborted")
            sys.exit(1)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)  # an int is the code of an Exit a command raised


app = typer.Typer(
    name="newsbrief",
    cls=_Commands,
    help="Turn a pile of news articles into a briefing you can trust: every line points to its source.",
    epilog="Examples:  newsbrief brief articles/ --format html -o brief.html  ·  "
           "newsbrief serve --port 8000  ·  newsbrief COMMAND --help",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2
EXIT_IO = 3
"""Cannot write the output, listen on the address, or open the store."""

MOST = 10**9
"""The largest count or amount an option takes (words, limits, queue, seconds, MiB): beyond any real use, and
within what the libraries under the options hold (a larger one was a traceback: SQLite's LIMIT, a semaphore)."""
MOST_WORKERS = 1024
"""The most worker processes an option may ask for."""
MOST_BLOCK = 10**6
"""The most articles grouped in one pass."""


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


ESCAPES = {code: repr(chr(code))[1:-1] for code in [*range(0x20), *range(0x7F, 0xA0)]}
"""Control characters as the escapes Python writes them (``\\n``, ``\\x1b``): a message naming a file whose
name holds a line break stays one line, and one holding ``ESC [2J`` does not clear the reader's screen."""


def _say(message: str) -> None:
    if sys.stderr is None:  # started with stderr closed (``2>&-``): there is nowhere to say it
        return
    try:
        print(f"newsbrief: {message.translate(ESCAPES)}", file=sys.stderr, flush=True)
    except OSError:  # stderr on a full disk or a closed pipe: the exit code still tells
        pass


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
    return sys.stderr is not None and sys.stderr.isatty() and not settings.quiet


@contextmanager
def progress(label: str) -> Iterator[Callable[[], None]]:
    """A spinner with the elapsed time on stderr while the block runs, when :func:`show_progress`;
    under --verbose, a line with the time taken afterwards. Yields ``tick``, which counts a done item."""
    started = time.perf_counter()
    if show_progress():
        from rich.console import Console  # rich loads only when progress is shown
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:.0f} done"), TimeElapsedColumn())
        # On stderr: rich's default console is stdout, which carries only the output.
        with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task(label, total=None)
            yield lambda: bar.advance(task)
    else:
        yield lambda: None
    info(f"{label}: {time.perf_counter() - started:.1f} s")


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed or broken pipe); ``str()`` names the output.

    Not an OSError, so that a command's own ``except OSError`` (about its input or a service it
    reaches) cannot take it for one of its own.
    """


class _Output(io.TextIOBase):
    """A text stream whose write failures are :class:`OutputError`: told apart from the OSErrors of
    reading input, and reported as one line instead of a traceback. ``stream`` None is a closed one."""

    def __init__(self, stream: IO[str] | None, name: str, owned: bool = False) -> None:
        super().__init__()
        self.stream, self._name, self._owned = stream, name, owned

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def fileno(self) -> int:
        if self.stream is None:
            raise io.UnsupportedOperation("closed")
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        with self._failures() as stream:
            return stream.write(text)

    def flush(self) -> None:
        if self.stream is None:  # closed, but nothing was written to it: nothing lost
            return
        with self._failures() as stream:
            stream.flush()

    def finish(self) -> None:
        """Write out what is buffered and close the stream if it is ours (a file; stdout stays open)."""
        with self._failures() as stream:
            stream.flush()
            if self._owned:
                stream.close()

    def close(self) -> None:
        """Nothing: :meth:`finish` (or :func:`open_output` after a failure) closes what is ours."""

    @contextmanager
    def _failures(self) -> Iterator[IO[str]]:
        if self.stream is None:  # the process started with it closed (``>&-``)
            raise OutputError(f"{self._name}: cannot write: it is closed")
        try:
            yield self.stream
        except OSError as exc:
            raise OutputError(f"{self._name}: cannot write: {exc.strerror or exc}") from None


def run(command: Callable[[], Any]) -> None:
    """Run ``command`` (the Typer app) with stdout guarded: output that cannot be written (stdout
    closed, a full disk, a broken pipe) ends the run with one line and exit code 3, whichever command
    wrote it, instead of a traceback or the interpreter's own error at exit."""
    out = _Output(sys.stdout, "standard output")
    sys.stdout = out
    try:
        try:
            command()
        finally:
            out.flush()
    except OutputError as exc:
        _discard(out.stream)
        sys.stdout = out.stream
        _say(str(exc))
        raise SystemExit(EXIT_IO) from None


def _discard(stream: IO[str] | None) -> None:
    """Point ``stream``'s file descriptor at /dev/null, so that the interpreter's own flush at exit
    does not fail again, with a traceback of its own, after the one-line message."""
    if stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor to redirect: nothing left to flush there
        pass


@contextmanager
def open_output(output: Path | None) -> Iterator[IO[str]]:
    """A text stream to ``output``, or stdout when it is None or '-' (guarded by :func:`run`). A file
    that cannot be opened or written (a full disk) is a one-line error with exit code 3."""
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    try:
        fh = output.open("w", encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_IO) from None
    out = _Output(fh, str(output), owned=True)
    try:
        yield cast(IO[str], out)
        out.finish()
    except OutputError as exc:
        raise fail(str(exc), EXIT_IO) from None
    finally:
        with suppress(OSError):  # after a failure, closing fails the same way: already reported
            fh.close()


def check_input(path: Path, folders: bool = False) -> None:
    """Exit 2 unless ``path`` is "-" (standard input) or something to read: a file, a FIFO (``<(zcat a.gz)``),
    a device, or, with ``folders``, a folder. A missing path or a folder where a file is needed is named as
    what it is, and anything else (a socket) as ingest names it."""
    from newsbrief.ingest.readers import path_kind  # each command loads only its libraries

    kind, why = path_kind(str(path), named=True) if str(path) != "-" else ("file", None)
    if kind == "file" or (folders and kind == "folder"):
        return
    raise fail(f"{path}: a folder; give a JSON Lines file (or - for standard input)" if kind == "folder"
               else f"{path}: {why}")


def refuse_overwriting(output: Path | None, inputs: list[str], what: str = "output") -> None:
    """Exit 2, before anything is read, when the file ``output`` names is one of ``inputs`` or a file that
    an input folder holds: writing it would destroy an article (``brief a.txt -o a.txt``), or the next run
    would read the briefing as an article of its own (``brief articles/ -o articles/brief.md``; a store
    there is read as three binary files; the pages of ``--per-story -o DIR`` as articles that have no text).
    An output inside an input folder is refused from the first run, before it exists: refused only once it
    existed, the first run succeeded and every later one failed (a cron job broke on its second run).
    ``what`` is what ``output`` is called in the message."""
    if output is None or str(output) == "-":
        return
    out = output.resolve()
    for given in inputs:
        path = Path(given).resolve() if given != "-" else None
        if path is None or not path.exists():
            continue
        inside = path.is_dir() and out.is_relative_to(path) and not any(
            part.startswith(".") for part in out.relative_to(path).parts)  # hidden files are not read
        if inside:
            raise fail(f"{output}: the {what} is in the input folder {given}, which would read it as an article "
                       "on the next run; keep it elsewhere (or in a hidden file)")
        if out.exists() and out.samefile(path):
            raise fail(f"{output}: the {what} is an input, which writing it would destroy; keep it elsewhere")


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to stdout when it is None or '-'."""
    with open_output(output) as out:
        out.write(text)
    if output is not None and str(output) != "-":
        info(f"wrote {output} ({len(text.encode('utf-8')):,} bytes)")


def open_store(path: Path, existing: bool = False, max_words: int = 100) -> Any:
    """The ``newsbrief.store.Store`` at ``path``; with ``existing``, a missing file is refused
    (a mistyped path must not create an empty store). Failures are one line, exit code 3."""
    from newsbrief.store import Store, StoreError  # the store loads only for store commands

    if existing and not path.is_file():
        raise fail(f"{path}: no such store", EXIT_IO)
    try:
        return Store(path, max_words=max_words)
    except StoreError as exc:
        raise fail(str(exc), EXIT_IO) from None
