"""Batch summarization of many clusters, streamed a line at a time.

The output contract is what held-out evaluation reads, so it is kept exactly:
``{"id", "summary", "sentences": [{"text", "article", "start", "end"}]}`` a line,
``article`` being the index into the cluster's ``articles`` and the offsets
pointing into that article's ``text``; a failing cluster gets ``{"id", "error"}``.

A line may also carry ``"earlier": [articles]`` (in the same schema: what the
reader has already read; the summary tells what is new and never cites them, so
``article`` still indexes ``articles`` only) and ``"query": "text"`` (the
question the summary should answer).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from newsbrief.ingest import JSONError, Problem, article_from_record, parse_json
from newsbrief.model import Article, SummarySentence
from newsbrief.parallel import Engine, LocalEngine, collector_paused
from newsbrief.pipeline import prepare, seen_apart, summarize_prepared
from newsbrief.summarize import DEFAULT, get_summarizer


EARLIER = "earlier:"
"""The id prefix of a line's earlier articles (``earlier:0``, ...); its own articles' ids are their indexes."""


def cluster_articles(record: Any, key: str = "articles", prefix: str = "") -> list[Article]:
    """The articles of the record's ``key`` list with ids ``prefix`` + their index (ValueError if the
    record is malformed; an absent optional list is empty); those that cannot be read are left out."""
    return read_cluster(record, key, prefix)[0]


def read_cluster(record: Any, key: str = "articles",
                 prefix: str = "") -> tuple[list[Article], list[dict[str, Any]]]:
    """:func:`cluster_articles`, and ``{"article", "error"}`` (``{"earlier", "error"}`` for the earlier list:
    the index in ``key``'s list and why) for each item that cannot be read, so that a line accounts for every
    article, not only those it could summarize. An article's own id is not read (its index is its id), so it
    is not checked, nor listed among its fields as one it has when it has none."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    items = record.get(key)
    if items is None and key != "articles":
        items = []
    if not isinstance(items, list):
        raise ValueError(f"no {key!r} list")
    articles, unreadable = [], []
    for i, rec in enumerate(items):
        art_id = f"{prefix}{i}"
        own = isinstance(rec, dict) and "id" in rec
        art = article_from_record({**rec, "id": None} if own else rec, art_id, html=False)
        if isinstance(art, Problem):
            unreadable.append({"article" if key == "articles" else key: i, "error": art.message})
        else:
            articles.append(art)
    return articles, unreadable


def query_text(record: dict[str, Any]) -> str | None:
    """The line's ``query``: a string, or an object whose string values are read in order (a title and a
    narrative); ValueError for anything else."""
    query = record.get("query")
    if query is None or isinstance(query, str):
        return query
    if isinstance(query, dict):
        return " ".join(v for v in query.values() if isinstance(v, str))
    raise ValueError(f"'query' is a {type(query).__name__}, not a string")


def summarize_cluster(record: Any, max_words: int = 100, method: str = DEFAULT,
                      query: str | None = None) -> dict[str, Any]:
    """One output line for one cluster record (with its ``earlier`` articles and ``query``, if any;
    ``query``: the question of a record that asks none)."""
    cluster_id = record.get("id") if isinstance(record, dict) else None
    try:
        with collector_paused():
            lines, skipped = _summary_lines(record, max_words, method, query)
    except ValueError as exc:
        return {"id": cluster_id, "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one bad cluster must not end the run (the contract)
        return {"id": cluster_id, "error": f"{type(exc).__name__}: {exc}"}
    if not lines:
        return {"id": cluster_id, "error": "no usable article text", **({"unreadable": skipped} if skipped else {})}
    return {
        "id": cluster_id,
        "summary": " ".join(line.text for line in lines),
        "sentences": [{"text": s.text, "article": int(s.article), "start": s.start, "end": s.end}
                      for s in lines],
        **({"unreadable": skipped} if skipped else {}),
    }


def _summary_lines(record: Any, max_words: int, method: str,
                   query: str | None) -> tuple[list[SummarySentence], list[dict[str, Any]]]:
    """The summary lines of one cluster record, and the articles and earlier articles it could not read
    (:func:`read_cluster`). Called with the collector paused: what it builds on the way
    (millions of objects in a big cluster) is freed when it returns, so the collector that comes back
    after it finds nothing to scan (resumed while they were alive, its first pass went over them all:
    a tenth of a 1,000-article cluster's time)."""
    articles, unreadable = read_cluster(record)
    earlier, unread_earlier = read_cluster(record, "earlier", EARLIER)
    prep = seen_apart(prepare([*earlier, *articles]), [a.id for a in earlier], query_text(record) or query)
    return summarize_prepared(prep, max_words, method), [*unreadable, *unread_earlier]


def _parse(line: bytes, lineno: int, source: str) -> Any:
    """The JSON of one line, or a ValueError naming the file and line."""
    try:
        return parse_json(line)
    except JSONError as exc:
        return ValueError(f"{source}:{lineno}: {exc}")


def read_records(lines: Iterable[bytes], source: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) for each non-blank line; a bad line gives a ValueError naming it instead."""
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            yield lineno, _parse(line, lineno, source)


Job = tuple[int, bytes, int, str, str, str | None]
"""(line number, raw line, max words, method, source, query): one cluster's work, small enough to send to a
worker."""


def _output_line(job: Job) -> tuple[bool, str]:
    """(failed, output line) for one input line; runs in a worker process when there are several."""
    lineno, line, max_words, method, source, query = job
    record = _parse(line, lineno, source)
    if isinstance(record, ValueError):
        result: dict[str, Any] = {"id": f"{source}:{lineno}", "error": str(record)}
    else:
        result = summarize_cluster(record, max_words, method, query)
    # ASCII JSON: a lone surrogate in the input cannot break writing the line.
    return "error" in result, json.dumps(result) + "\n"


def summarize_stream(lines: Iterable[bytes], out: IO[str], max_words: int = 100, method: str = DEFAULT,
                     source: str = "<input>", tick: Callable[[], None] = lambda: None,
                     engine: Engine | None = None, query: str | None = None) -> tuple[int, int]:
    """Summarize each cluster line of ``lines`` into ``out``, in input order; returns (clusters, failed).
    ``query``: the question of the lines that ask none.

    Clusters are independent, so ``engine`` spreads them (default: processes on
    every core this process may use; or a Dask cluster); the output is the same
    on every engine. ``tick`` is called as each line is written.
    """
    get_summarizer(method)  # an unknown method is a usage error before any work
    jobs = ((lineno, line, max_words, method, source, query)
            for lineno, line in enumerate(lines, start=1) if line.strip())
    done = failed = 0
    for bad, text in (engine or LocalEngine()).map(_output_line, jobs):
        done += 1
        failed += bad
        out.write(text)
        tick()
    return done, failed
