"""Readers for every input form: folders, .txt, .html/.htm, .json/.jsonl, stdin and records.

Formats are chosen by extension and, where there is none (stdin, odd names), by
sniffing the first bytes. JSON Lines files are streamed a line at a time, so a
large feed never sits in memory whole; single articles and single lines have a size
limit that holds whatever the file is (a device reports no size, a FIFO none either).

Every path named yields at least one Article or Problem, and so does every entry of a
folder that is not a regular file (a dangling link, a link loop, a FIFO): nothing is
skipped without a line saying so.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from newsbrief.ingest.dating import dated
from newsbrief.ingest.decode import BinaryInput, decode
from newsbrief.ingest.fields import json_type, record_id, record_problem
from newsbrief.ingest.html import extract_html
from newsbrief.ingest.jsonparse import JSONError, parse_json
from newsbrief.ingest.problems import Problem
from newsbrief.ingest.streams import READ_ERRORS, bounded_lines, cannot_read, name_parts, open_stream, unpacked
from newsbrief.ingest.times import parse_time
from newsbrief.model import Article, encodable

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""One article (a .txt/.html file or one JSON line) larger than this is refused, not read."""

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json", ".jsonl", ".ndjson"}

Item = Article | Problem

RECORD = "<record>"
"""The source of an article given as a record in memory (the Python and HTTP APIs)."""


def read_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Yield an Article or a Problem for every article found under ``paths`` ("-" is stdin)."""
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            yield from _read_stdin()
            continue
        kind, trouble = path_kind(path, named=True)
        if trouble:
            yield Problem(_stem(Path(path)), encodable(path), trouble)
        elif kind == "folder":
            yield from _read_folder(Path(path))
        else:
            yield from _read_file(Path(path))


def path_kind(path: str, named: bool) -> tuple[str, str | None]:
    """("folder" or "file", None) for what can be read at ``path``, else ("", why not): the one judgement
    of a path, which the commands that take one file (``summarize``, ``evaluate``, ``group``) ask too.

    A path ``named`` on the command line may be any readable file (a FIFO from ``<(...)``,
    ``/dev/stdin``); inside a folder only regular files are read, since a FIFO there could
    hang the run and a device could be endless.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "", "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "", "dangling symbolic link" if os.path.islink(path) else "no such file or folder"
        return "", f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return ("", "symbolic link to a folder, not followed") if not named and os.path.islink(path) \
            else ("folder", None)
    if stat.S_ISREG(mode) or (named and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode))):
        return "file", None
    what = "FIFO (named pipe)" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return "", f"a {what}, not a regular file"


def _stem(path: Path) -> str:
    """The id of the article a file holds: its name without extensions, one line like a record's id."""
    return encodable(record_id(name_parts(path)[0], str(path)))


def _read_folder(folder: Path) -> Iterator[Item]:
    """Every entry under ``folder`` (hidden ones aside), sorted by path: regular files read, the
    rest (links that lead nowhere, FIFOs, sub-folders that cannot be listed) each a Problem."""
    entries: list[tuple[Path, str | None]] = []

    def unlistable(exc: OSError) -> None:
        entries.append((Path(exc.filename), f"cannot read folder: {exc.strerror or exc}"))

    for top, dirs, files in os.walk(folder, onerror=unlistable):  # links to folders are not walked
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        linked = [d for d in dirs if os.path.islink(os.path.join(top, d))]
        for name in [*linked, *(f for f in files if not f.startswith("."))]:
            path = Path(top, name)
            entries.append((path, path_kind(str(path), named=False)[1]))
    if not entries:
        yield Problem(_stem(folder), encodable(str(folder)), "folder holds no files")
    for path, trouble in sorted(entries):
        if trouble:
            yield Problem(_stem(path), encodable(str(path)), trouble)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Item]:
    source, stem, ext = encodable(str(path)), _stem(path), name_parts(path)[1]
    try:
        fh = open_stream(path)
    except READ_ERRORS as exc:
        yield Problem(stem, source, cannot_read(exc))
        return
    with fh:
        if ext in JSON_EXT:
            yield from _read_json_stream(fh, source, stem, whole=ext == ".json")
            return
        info = os.fstat(fh.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_ARTICLE_BYTES:  # refused without reading
            yield Problem(stem, source, _too_large(info.st_size))
            return
        data = _read_bounded(fh, source, stem)
    if isinstance(data, Problem):
        yield data
    else:
        yield from _parse_bytes(data, source, stem, ext)


def _read_bounded(fh: BinaryIO, source: str, stem: str, hint: str = "") -> bytes | Problem:
    """At most one article's worth of ``fh``: the bytes, or a Problem when there are more or the read fails."""
    try:
        data = fh.read(MAX_ARTICLE_BYTES + 1)
    except READ_ERRORS as exc:
        return Problem(stem, source, cannot_read(exc))
    if len(data) > MAX_ARTICLE_BYTES:
        return Problem(stem, source, _too_large(None) + hint)
    return data


def _read_stdin() -> Iterator[Item]:
    stdin = sys.stdin
    if stdin is None or stdin.closed:  # started with standard input closed (``<&-``)
        yield Problem("stdin", "<stdin>", "standard input is closed")
        return
    try:
        fh = unpacked(stdin.buffer)
        head = fh.peek(64) if hasattr(fh, "peek") else b""
    except READ_ERRORS as exc:
        yield Problem("stdin", "<stdin>", cannot_read(exc))
        return
    if head.lstrip()[:1] in (b"{", b"["):
        yield from _read_json_stream(fh, "<stdin>", "stdin", whole=head.lstrip()[:1] == b"[")
        return
    data = _read_bounded(fh, "<stdin>", "stdin")
    if isinstance(data, Problem):
        yield data
    else:
        yield from _parse_bytes(data, "<stdin>", "stdin", "")


def _too_large(size: int | None) -> str:
    limit = f"{MAX_ARTICLE_BYTES / 2**20:.0f} MB"
    return f"too large for one article ({size / 2**20:.0f} MB > {limit})" if size is not None \
        else f"too large for one article (over {limit})"


def _parse_bytes(data: bytes, source: str, stem: str, ext: str) -> Iterator[Item]:
    try:
        text = decode(data)
    except BinaryInput as exc:
        yield Problem(stem, source, str(exc))
        return
    if FEED.match(text[:_FEED_HEAD]):
        yield Problem(stem, source, "an RSS or Atom feed, not an article: give the pages of its articles, "
                                    "or its items as JSON Lines")
    elif ext in HTML_EXT or (ext not in TEXT_EXT and _looks_html(text)):  # a page saved as .php, .asp, ...
        yield html_article(stem, text, source)
    elif ext not in TEXT_EXT and text.lstrip()[:1] in ("{", "["):
        yield from _not_nothing(_parse_json_text(text, source, stem), source, stem)
    else:
        yield dated(text_article(stem, LONE_CR.sub("\n", text), source))


FEED = re.compile(r"\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
"""The start of an RSS or Atom feed: many articles' summaries, each a link to its page, not one article."""
_FEED_HEAD = 2000

LONE_CR = re.compile(r"\r(?!\n)")
"""A line end of old Mac tools; made a ``\n``, one character for one so that every offset holds."""


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


MAX_TITLE_WORDS = 30
"""A first line longer than this is a paragraph, not a headline: the body starts there."""


def text_article(id: str, text: str, source: str) -> Article:
    """A plain-text article: its first non-empty line is the title, the rest the body."""
    stripped = text.lstrip()
    first_end = text.find("\n", len(text) - len(stripped))
    first_end = len(text) if first_end < 0 else first_end
    title = text[len(text) - len(stripped):first_end].strip() or None
    if title and len(title.split()) > MAX_TITLE_WORDS:
        return Article(id=id, text=text, source=source)
    return Article(id=id, text=text, title=title, source=source, body_start=first_end)


def html_article(id: str, html: str, source: str) -> Article | Problem:
    """Main text, title, date and URL of a web page, via trafilatura."""
    extracted = extract_html(html)
    if extracted is None:
        return Problem(id, source, "no article text found in the HTML page")
    text, title, url, time = extracted
    return dated(Article(id=id, text=text, title=title, url=url, time=time, source=source,
                         time_source="page" if time else None))


# ---------------------------------------------------------------- JSON


def _read_json_stream(fh: BinaryIO, source: str, stem: str, whole: bool) -> Iterator[Item]:
    """JSON Lines, a line at a time; a ``.json`` file may also hold one object or a list."""
    yield from _not_nothing(_json_stream_items(fh, source, stem, whole), source, stem)


def _not_nothing(items: Iterator[Item], source: str, stem: str) -> Iterator[Item]:
    """``items``, or one Problem when there are none: a JSON input that holds no article (an empty
    file, ``[]``) still gets its line in the account."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield Problem(stem, source, "holds no article")


def _json_stream_items(fh: BinaryIO, source: str, stem: str, whole: bool) -> Iterator[Item]:
    if whole:
        data = _read_bounded(fh, source, stem, "; use JSON Lines for large sets")
        if isinstance(data, Problem):
            yield data
            return
        try:
            yield from _parse_json_text(decode(data), source, stem)
        except BinaryInput as exc:
            yield Problem(stem, source, str(exc))
        return
    for lineno, line in bounded_lines(fh, MAX_ARTICLE_BYTES):
        if isinstance(line, Exception):
            yield Problem(f"{stem}:{lineno}", source, cannot_read(line), lineno)
        elif line is None:
            yield Problem(f"{stem}:{lineno}", source, _too_large(None), lineno)
        else:
            yield from _parse_json_line(line, source, stem, lineno)


def _parse_json_text(text: str, source: str, stem: str) -> Iterator[Item]:
    try:
        value = parse_json(text)
    except JSONError:
        for lineno, line in enumerate(text.splitlines(), start=1):
            yield from _parse_json_line(line.encode("utf-8"), source, stem, lineno)
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items, start=1):
        yield from records_from_json(item, source, f"{stem}:{i}" if len(items) > 1 else stem, None)


def _parse_json_line(line: bytes, source: str, stem: str, lineno: int) -> Iterator[Item]:
    if not line.strip():
        return
    try:
        value = parse_json(decode(line))
    except (JSONError, BinaryInput) as exc:
        yield Problem(f"{stem}:{lineno}", source, str(exc), lineno)
        return
    yield from records_from_json(value, source, f"{stem}:{lineno}", lineno)


def records_from_json(value: Any, source: str, fallback_id: str, line: int | None) -> Iterator[Item]:
    """A cluster (``{"id", "articles": [...]}``) yields its articles; an article yields itself."""
    if not isinstance(value, Mapping):
        yield Problem(fallback_id, source, f"expected a JSON object, got {json_type(value)}", line)
        return
    if "articles" in value:
        articles = value["articles"]
        if not isinstance(articles, list):
            yield Problem(fallback_id, source, f"'articles' is {json_type(articles)}, not a list", line)
            return
        cluster = record_id(value.get("id"), fallback_id)
        if not articles:
            yield Problem(fallback_id, source, "the cluster holds no article", line)
        for i, rec in enumerate(articles):
            yield article_from_record(rec, f"{cluster}/{i}", source, line)
        return
    yield article_from_record(value, fallback_id, source, line)


def article_from_record(rec: Any, fallback_id: str, source: str = RECORD,
                        line: int | None = None, html: bool = True) -> Item:
    """An Article from a record ``{"id", "title", "text", "url", "time"}``; ``id`` wins over the fallback.

    A ``text`` that is a web page is reduced to its main text, unless ``html`` is False
    (batch mode, whose offsets must point into the ``text`` given). Lone surrogates in any
    string become U+FFFD (offsets unchanged), so every output format can write the article.
    """
    if isinstance(rec, Article):
        return _scrubbed(rec)
    fallback_id, source = encodable(fallback_id), encodable(source)
    wrong = record_problem(rec)
    art_id = fallback_id if wrong and wrong[0] in ("", "id") else encodable(record_id(rec.get("id"), fallback_id))
    if wrong:
        return Problem(art_id, source, wrong[1], line)
    text = encodable(rec["text"])
    source = f"{source}:{line}" if line else source  # an article is found by its line as a problem is
    if html and _looks_html(text):
        art = html_article(art_id, text, source)
        if isinstance(art, Problem):
            return art
        given = parse_time(rec.get("time"))
        return dated(replace(art, title=_str(rec.get("title")) or art.title, url=_str(rec.get("url")) or art.url,
                             time=given or art.time, time_source="record" if given else art.time_source), rec)
    return dated(Article(id=art_id, text=text, title=_str(rec.get("title")), url=_str(rec.get("url")),
                         time=parse_time(rec.get("time")), source=source), rec)


def _str(value: Any) -> str | None:
    return encodable(value.strip()) or None if isinstance(value, str) else None


def _scrubbed(article: Article) -> Article:
    """The article with lone surrogates in its strings replaced (itself when it has none)."""
    fields = {name: encodable(value) for name in ("id", "text", "title", "url", "source")
              if isinstance(value := getattr(article, name), str) and encodable(value) is not value}
    return replace(article, **fields) if fields else article
