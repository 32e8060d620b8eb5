"""Byte streams as the readers need them: opened without hanging, decompressed when compressed, and
split into lines whatever ends them.

Feeds are kept compressed (``feed.jsonl.gz``) and written on every system, so a
JSON Lines file may be gzip, xz or bzip2 data, UTF-16 with a BOM (Windows'
"Unicode"), or end its lines with ``\\r\\n`` or a lone ``\\r`` (old Mac tools).
Each is read as what it holds rather than as one bad line or a binary file.
"""

from __future__ import annotations

import bz2
import codecs
import errno
import gzip
import io
import lzma
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import BinaryIO, cast

PACKED_EXT = {".gz", ".bz2", ".xz"}
"""Suffixes of compressed files: the name's suffix before them tells the format (``a.jsonl.gz``)."""

_PACKED: tuple[tuple[re.Pattern[bytes], Callable[[BinaryIO], BinaryIO]], ...] = (
    (re.compile(rb"\x1f\x8b"), lambda fh: cast(BinaryIO, gzip.GzipFile(fileobj=fh))),
    (re.compile(rb"\xfd7zXZ\x00"), lambda fh: cast(BinaryIO, lzma.LZMAFile(fh))),
    (re.compile(rb"BZh[1-9]1AY&SY"), lambda fh: cast(BinaryIO, bz2.BZ2File(fh))),
)
"""The magic bytes each compressed format starts with, and how to read through it."""

READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)
"""What reading a stream can raise: the system's errors, and corrupt or truncated compressed data."""


def cannot_read(exc: Exception) -> str:
    """Why a read failed, in one line: the system's reason, or the compressed data's fault."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {str(exc) or 'compressed data ends too early'}"


def open_stream(path: str | os.PathLike[str]) -> BinaryIO:
    """The file at ``path`` for reading, decompressed when it is compressed; closing it closes the file too
    (a decompressor given a file object leaves it open). Opened without blocking, then set to block: a FIFO
    with no writer then reads as empty instead of hanging the open."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    raw = os.fdopen(fd, "rb")
    fh = unpacked(raw)
    if fh is not raw:
        fh.close = _closing_both(fh.close, raw)  # type: ignore[method-assign]
    return fh


def _closing_both(close: Callable[[], None], raw: BinaryIO) -> Callable[[], None]:
    """``close`` followed by closing ``raw``, the file under a decompressor."""
    def both() -> None:
        try:
            close()
        finally:
            raw.close()
    return both


def unpacked(fh: BinaryIO) -> BinaryIO:
    """``fh``, or a stream of its content decompressed when it starts as gzip, xz or bzip2 data does,
    whatever its name says (raises OSError when it cannot be peeked at)."""
    peek = getattr(fh, "peek", None)
    head = peek(10)[:10] if peek is not None else b""
    for magic, opener in _PACKED:
        if magic.match(head):
            return opener(fh)
    return fh


def name_parts(path: Path) -> tuple[str, str]:
    """(stem, lower-case extension) of a file name, a compression suffix set aside: ``a.jsonl.gz`` is
    ``("a", ".jsonl")``."""
    if path.suffix.lower() in PACKED_EXT:
        path = Path(path.stem)
    return path.stem or str(path), path.suffix.lower()


@contextmanager
def _text(fh: BinaryIO) -> Iterator[tuple[io.TextIOWrapper, str]]:
    """``fh`` as text split at ``\\n``, ``\\r\\n`` and lone ``\\r`` alike, and the encoding that gives each
    line back as bytes: UTF-8 for UTF-16 input (told by its BOM); otherwise Latin-1 both ways, which gives
    back the very bytes read, so that each line is decoded on its own as before. ``fh`` stays open."""
    peek = getattr(fh, "peek", None)
    utf16 = peek is not None and peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    text = io.TextIOWrapper(fh, encoding="utf-16" if utf16 else "latin-1", errors="replace", newline=None)
    try:
        yield text, "utf-8" if utf16 else "latin-1"
    finally:
        with suppress(ValueError, OSError):  # already closed: nothing to hand back
            text.detach()


def lines(fh: BinaryIO) -> Iterator[bytes]:
    """Each line of ``fh`` as bytes (see :func:`_text`), a UTF-16 file's as UTF-8."""
    with _text(fh) as (text, back):
        for line in text:
            yield line.encode(back, errors="surrogatepass")


@contextmanager
def open_lines(path: str, warn: Callable[[str], None]) -> Iterator[Iterator[bytes]]:
    """The lines of the file at ``path`` ("-": standard input), as :func:`lines` gives them, for the commands
    that stream a file a line at a time. Data that cannot be read to its end (a truncated ``.gz``) ends the
    lines with a call of ``warn`` naming the file and the line, so the lines before it are still used; a file
    that cannot be opened, or standard input closed (``<&-``: ``sys.stdin`` is None), raises OSError as the
    context is entered."""
    if path == "-" and (sys.stdin is None or sys.stdin.closed):
        raise OSError(errno.EBADF, "standard input is closed")
    fh = unpacked(sys.stdin.buffer) if path == "-" else open_stream(path)
    with fh if path != "-" else nullcontext(fh):
        yield _warned(lines(fh), "<stdin>" if path == "-" else path, warn)


def _warned(found: Iterator[bytes], source: str, warn: Callable[[str], None]) -> Iterator[bytes]:
    """``found``, ended by one ``warn`` naming the line where reading failed; that the lines before it were read
    is said only when there were some."""
    lineno = 0
    try:
        for lineno, line in enumerate(found, start=1):  # noqa: B007 - the last number is the one named
            yield line
    except READ_ERRORS as exc:
        warn(f"{source}:{lineno + 1}: {cannot_read(exc)}" + ("; the lines before it were read" if lineno else ""))


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None | Exception]]:
    """(number, line) for each line of ``fh`` (see :func:`lines`); None for a line longer than ``limit``,
    whose rest is skipped without being held in memory; the error that ended the reading, if one did."""
    lineno = 0
    with _text(fh) as (text, back):
        try:
            while line := text.readline(limit + 1):
                lineno += 1
                if len(line) <= limit:
                    yield lineno, line.encode(back, errors="surrogatepass")
                    continue
                while line and not line.endswith("\n"):
                    line = text.readline(2**20)
                yield lineno, None
        except READ_ERRORS as exc:
            yield lineno + 1, exc
