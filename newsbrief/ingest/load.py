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
from newsbrief.ingest.readers import article_from_record, read_inputs
from newsbrief.model import Article

Input = Article | Mapping[str, Any] | str | os.PathLike[str]
"""One input: a path (file or folder; "-" is stdin), an article record ``{"id", "title", "text", "url",
"time"}``, or an Article."""


def iter_load(items: Input | Iterable[Input]) -> Iterator[Article | Problem]:
    """Each article (or Problem) from paths, records or Article objects, in input order, streamed."""
    if isinstance(items, (str, os.PathLike, Mapping, Article)):
        items = [items]
    for n, item in enumerate(items):
        if isinstance(item, (str, os.PathLike)):
            yield from read_inputs([item])
        else:
            yield article_from_record(item, str(n))


def load(items: Input | Iterable[Input]) -> tuple[list[Article], list[Problem]]:
    """Articles from paths, records or Article objects; whatever cannot be read becomes a Problem."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for result in iter_load(items):
        (problems if isinstance(result, Problem) else articles).append(result)
    return articles, problems


def unique_ids(articles: Sequence[Article], problems: Sequence[Problem] = ()) -> list[Article]:
    """The articles, each whose id an earlier input already holds renamed ``ID#2``, ``ID#3``, ...

    Ids come from file names and record fields, so two inputs may share one; the
    account of a briefing must still tell them apart.
    """
    seen: set[str] = {p.id for p in problems}
    out = []
    for art in articles:
        new, n = art.id, 1
        while new in seen:
            n += 1
            new = f"{art.id}#{n}"
        seen.add(new)
        out.append(art if new == art.id else replace(art, id=new))
    return out
