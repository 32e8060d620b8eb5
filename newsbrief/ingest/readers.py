"""Readers for every input form: folders, .txt, .html/.htm, .json/.jsonl, stdin and records.

Formats are chosen by extension and, where there is none (stdin, odd names), by
sniffing the first bytes. JSON Lines files are streamed a line at a time, so a
large feed never sits in memory whole; single articles have a size limit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from newsbrief.ingest.dating import dated
from newsbrief.ingest.decode import BinaryInput, decode
from newsbrief.ingest.html import extract_html
from newsbrief.ingest.problems import Problem
from newsbrief.ingest.times import parse_time
from newsbrief.model import Article

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""One article (a .txt/.html file or one JSON line) larger than this is refused, not read."""

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json", ".jsonl", ".ndjson"}

Item = Article | Problem


def read_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Yield an Article or a Problem for every article found under ``paths`` ("-" is stdin)."""
    for raw in paths:
        path = str(raw)
        if path == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin")
        elif os.path.isdir(path):
            yield from _read_folder(Path(path))
        elif os.path.exists(path):
            yield from _read_file(Path(path))
        else:
            yield Problem(Path(path).stem or path, path, "no such file or folder")


def _read_folder(folder: Path) -> Iterator[Item]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder))
    if not files:
        yield Problem(folder.name, str(folder), "folder holds no files")
    for file in files:
        yield from _read_file(file)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[Item]:
    ext = path.suffix.lower()
    try:
        if ext in JSON_EXT:
            with path.open("rb") as fh:
                yield from _read_json_stream(fh, str(path), path.stem, whole=ext == ".json")
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield Problem(path.stem, str(path), _too_large(size))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(path.stem, str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _parse_bytes(data, str(path), path.stem, ext)


def _read_stream(fh: BinaryIO, source: str, stem: str) -> Iterator[Item]:
    head = fh.peek(64) if hasattr(fh, "peek") else b""
    if head.lstrip()[:1] in (b"{", b"["):
        yield from _read_json_stream(fh, source, stem, whole=head.lstrip()[:1] == b"[")
        return
    data = fh.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield Problem(stem, source, _too_large(len(data)))
        return
    yield from _parse_bytes(data, source, stem, "")


def _too_large(size: int) -> str:
    return f"too large for one article ({size / 2**20:.0f} MB > {MAX_ARTICLE_BYTES / 2**20:.0f} MB)"


def _parse_bytes(data: bytes, source: str, stem: str, ext: str) -> Iterator[Item]:
    try:
        text = decode(data)
    except BinaryInput as exc:
        yield Problem(stem, source, str(exc))
        return
    if ext in HTML_EXT or (not ext and _looks_html(text)):
        yield dated(html_article(stem, text, source))
    elif ext not in TEXT_EXT and text.lstrip()[:1] in ("{", "["):
        yield from _parse_json_text(text, source, stem)
    else:
        yield dated(text_article(stem, text, source))


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
    return Article(id=id, text=text, title=title, url=url, time=time, source=source,
                   time_source="page" if time else None)


# ---------------------------------------------------------------- JSON


def _read_json_stream(fh: BinaryIO, source: str, stem: str, whole: bool) -> Iterator[Item]:
    """JSON Lines, a line at a time; a ``.json`` file may also hold one object or a list."""
    if whole:
        data = fh.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            yield Problem(stem, source, _too_large(len(data)) + "; use JSON Lines for large sets")
            return
        try:
            yield from _parse_json_text(decode(data), source, stem)
        except BinaryInput as exc:
            yield Problem(stem, source, str(exc))
        return
    for lineno, line in enumerate(fh, start=1):
        yield from _parse_json_line(line, source, stem, lineno)


def _parse_json_text(text: str, source: str, stem: str) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        for lineno, line in enumerate(text.splitlines(), start=1):
            yield from _parse_json_line(line.encode("utf-8"), source, stem, lineno)
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items, start=1):
        yield from records_from_json(item, source, f"{stem}:{i}" if len(items) > 1 else stem, None)


def _parse_json_line(line: bytes, source: str, stem: str, lineno: int) -> Iterator[Item]:
    if not line.strip():
        return
    if len(line) > MAX_ARTICLE_BYTES:
        yield Problem(f"{stem}:{lineno}", source, _too_large(len(line)), lineno)
        return
    try:
        value = json.loads(decode(line))
    except (json.JSONDecodeError, BinaryInput) as exc:
        msg = f"invalid JSON: {exc.msg} (column {exc.colno})" if isinstance(exc, json.JSONDecodeError) \
            else str(exc)
        yield Problem(f"{stem}:{lineno}", source, msg, lineno)
        return
    yield from records_from_json(value, source, f"{stem}:{lineno}", lineno)


def records_from_json(value: Any, source: str, fallback_id: str, line: int | None) -> Iterator[Item]:
    """A cluster (``{"id", "articles": [...]}``) yields its articles; an article yields itself."""
    if not isinstance(value, Mapping):
        yield Problem(fallback_id, source, f"expected a JSON object, got {type(value).__name__}", line)
        return
    if "articles" in value:
        articles = value["articles"]
        if not isinstance(articles, list):
            yield Problem(fallback_id, source, "'articles' is not a list", line)
            return
        cluster = str(value.get("id") or fallback_id)
        for i, rec in enumerate(articles):
            yield article_from_record(rec, f"{cluster}/{i}", source, line)
        return
    yield article_from_record(value, fallback_id, source, line)


def article_from_record(rec: Any, fallback_id: str, source: str = "<record>",
                        line: int | None = None, html: bool = True) -> Item:
    """An Article from a mapping in the ``../shared/data`` schema; ``id`` wins over the fallback.

    A ``text`` that is a web page is reduced to its main text, unless ``html`` is False
    (batch mode, whose offsets must point into the ``text`` given).
    """
    if isinstance(rec, Article):
        return rec
    if not isinstance(rec, Mapping):
        return Problem(fallback_id, source, f"article is a {type(rec).__name__}, not an object", line)
    art_id = str(rec["id"]) if rec.get("id") not in (None, "") else fallback_id
    text = rec.get("text")
    if not isinstance(text, str):
        return Problem(art_id, source, "article has no 'text' string", line)
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
    return value.strip() or None if isinstance(value, str) else None
