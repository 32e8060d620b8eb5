"""Loading, whatever the caller holds: paths, in-memory records or Article objects, in input order.

This is what the Python API, grouping, the store and the HTTP API read through;
every input becomes an :class:`~newsbrief.model.Article` or a
:class:`~newsbrief.ingest.problems.Problem`, never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from newsbrief.ingest.problems import Problem
from newsbrief.ingest.readers import RECORD, article_from_record, read_inputs, records_from_json
from newsbrief.model import Article

Input = Article | Mapping[str, Any] | Problem | str | bytes | os.PathLike[str]
"""One input: a path (file or folder; "-" is stdin), an article record ``{"id", "title", "text", "url",
"time"}`` or a cluster of them ``{"id", "articles": [...]}``, an Article, or a Problem, passed through as
it is: what a caller found unreadable itself (the HTTP API for an item that is no object, never a path)
is accounted for in input order with the rest."""


def iter_load(items: Input | Iterable[Input]) -> Iterator[Article | Problem]:
    """Each article (or Problem) from paths, records or Article objects, in input order, streamed.

    A record that is a cluster (``{"id", "articles": [...]}``, a line of the data sets) gives its
    articles, as it does in a file. Raises TypeError, before reading anything, when ``items`` is
    neither one input nor a collection of them (a number, None): a caller's mistake, not bad input.
    """
    if isinstance(items, (str, bytes, os.PathLike, Mapping, Article, Problem)):
        items = [items]
    elif not isinstance(items, Iterable):
        raise TypeError(f"expected paths, article records or Articles (or a list of them), "
                        f"got {type(items).__name__}")
    for n, item in enumerate(items):
        if isinstance(item, (str, bytes, os.PathLike)):
            yield from read_inputs([os.fsdecode(item)])
        elif isinstance(item, Mapping):
            yield from records_from_json(item, RECORD, str(n), None)
        elif isinstance(item, Problem):
            yield item
        else:
            yield article_from_record(item, str(n))


def load(items: Input | Iterable[Input]) -> tuple[list[Article], list[Problem]]:
    """Articles from paths, records or Article objects; whatever cannot be read becomes a Problem.

    Every id is unique across both lists (a later input whose id an earlier one holds is
    renamed ``ID#2``, ``ID#3``, ..., unreadable ones included: ``a.txt``, ``a.html`` and
    ``a.md`` are three inputs), and each Problem carries its ``position`` in the input, so
    :func:`in_input_order` can list everything as it came.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, result in enumerate(iter_load(items)):
        new = _unique_id(result.id, seen)
        if isinstance(result, Problem):
            problems.append(replace(result, id=new, position=position))
        else:
            articles.append(result if new == result.id else replace(result, id=new))
    return articles, problems


def in_input_order(articles: Sequence[Article], problems: Sequence[Problem]) -> list[Article | Problem]:
    """Articles and problems interleaved as they came: each problem at its ``position``, the articles
    in order around them; problems without a position (not from :func:`load`) come last."""
    placed = sorted((p for p in problems if p.position is not None), key=lambda p: p.position or 0)
    out: list[Article | Problem] = []
    rest = iter(articles)
    for problem in placed:
        while len(out) < (problem.position or 0) and (art := next(rest, None)) is not None:
            out.append(art)
        out.append(problem)
    out.extend(rest)
    out.extend(p for p in problems if p.position is None)
    return out


def unique_ids(articles: Sequence[Article], problems: Sequence[Problem] = ()) -> list[Article]:
    """The articles, each whose id an earlier input already holds renamed ``ID#2``, ``ID#3``, ...

    Ids come from file names and record fields, so two inputs may share one; the
    account of a briefing must still tell them apart.
    """
    seen: set[str] = {p.id for p in problems}
    out = []
    for art in articles:
        new = _unique_id(art.id, seen)
        out.append(art if new == art.id else replace(art, id=new))
    return out


def _unique_id(wanted: str, seen: set[str]) -> str:
    """``wanted``, or ``wanted#2``, ``wanted#3``, ... the first that is not in ``seen`` (which it joins)."""
    new, n = wanted, 1
    while new in seen:
        n += 1
        new = f"{wanted}#{n}"
    seen.add(new)
    return new
