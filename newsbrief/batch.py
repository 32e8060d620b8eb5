"""Batch summarization of many clusters, streamed a line at a time.

The output contract is what held-out evaluation reads, so it is kept exactly:
``{"id", "summary", "sentences": [{"text", "article", "start", "end"}]}`` a line,
``article`` being the index into the cluster's ``articles`` and the offsets
pointing into that article's ``text``; a failing cluster gets ``{"id", "error"}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from newsbrief.ingest import JSONError, Problem, article_from_record, parse_json
from newsbrief.model import Article
from newsbrief.parallel import Engine, LocalEngine
from newsbrief.pipeline import prepare, summarize_prepared
from newsbrief.summarize import DEFAULT, get_summarizer


def cluster_articles(record: Any) -> list[Article]:
    """The cluster's articles with ids equal to their index (ValueError if the record is malformed)."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    items = record.get("articles")
    if not isinstance(items, list):
        raise ValueError("no 'articles' list")
    articles = []
    for i, rec in enumerate(items):
        art = article_from_record({**rec, "id": str(i)} if isinstance(rec, dict) else rec, str(i), html=False)
        if isinstance(art, Problem):
            continue
        articles.append(art)
    return articles


def summarize_cluster(record: Any, max_words: int = 100, method: str = DEFAULT) -> dict[str, Any]:
    """One output line for one cluster record."""
    cluster_id = record.get("id") if isinstance(record, dict) else None
    try:
        articles = cluster_articles(record)
        lines = summarize_prepared(prepare(articles), max_words, method)
    except ValueError as exc:
        return {"id": cluster_id, "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one bad cluster must not end the run (the contract)
        return {"id": cluster_id, "error": f"{type(exc).__name__}: {exc}"}
    if not lines:
        return {"id": cluster_id, "error": "no usable article text"}
    return {
        "id": cluster_id,
        "summary": " ".join(line.text for line in lines),
        "sentences": [{"text": s.text, "article": int(s.article), "start": s.start, "end": s.end}
                      for s in lines],
    }


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


Job = tuple[int, bytes, int, str, str]
"""(line number, raw line, max words, method, source): one cluster's work, small enough to send to a worker."""


def _output_line(job: Job) -> tuple[bool, str]:
    """(failed, output line) for one input line; runs in a worker process when there are several."""
    lineno, line, max_words, method, source = job
    record = _parse(line, lineno, source)
    if isinstance(record, ValueError):
        result: dict[str, Any] = {"id": f"{source}:{lineno}", "error": str(record)}
    else:
        result = summarize_cluster(record, max_words, method)
    # ASCII JSON: a lone surrogate in the input cannot break writing the line.
    return "error" in result, json.dumps(result) + "\n"


def summarize_stream(lines: Iterable[bytes], out: IO[str], max_words: int = 100, method: str = DEFAULT,
                     source: str = "<input>", tick: Callable[[], None] = lambda: None,
                     engine: Engine | None = None) -> tuple[int, int]:
    """Summarize each cluster line of ``lines`` into ``out``, in input order; returns (clusters, failed).

    Clusters are independent, so ``engine`` spreads them (default: processes on
    every core this process may use; or a Dask cluster); the output is the same
    on every engine. ``tick`` is called as each line is written.
    """
    get_summarizer(method)  # an unknown method is a usage error before any work
    jobs = ((lineno, line, max_words, method, source)
            for lineno, line in enumerate(lines, start=1) if line.strip())
    done = failed = 0
    for bad, text in (engine or LocalEngine()).map(_output_line, jobs):
        done += 1
        failed += bad
        out.write(text)
        tick()
    return done, failed
