"""The Typer application and what every command shares: messages, exit codes, output files."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

app = typer.Typer(
    name="newsbrief",
    help="Turn a pile of news articles into a briefing you can trust: every line points to its source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2


def warn(message: str) -> None:
    """A one-line message on stderr, prefixed with the program name."""
    print(f"newsbrief: {message}", file=sys.stderr)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line error and return the Exit to raise (``raise fail(...)``)."""
    warn(message)
    return typer.Exit(code)


def write_output(text: str, output: Path | None) -> None:
    """Write to ``output``, or to stdout when it is None or '-'."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}") from None
