"""``newsbrief group``, ``digest``, ``events`` and ``search``: a feed into events, kept in a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from newsbrief.cli.app import EXIT_IO, EXIT_NOTHING_USABLE, app, fail, info, open_output, open_store, progress, warn

STORE_HELP = "SQLite store file (created if missing)."


def _grouping_options(threshold: float | None, block_size: int | None) -> dict[str, Any]:
    return {k: v for k, v in (("threshold", threshold), ("block_size", block_size)) if v is not None}


@app.command()
def group(
    data: Path = typer.Argument(..., help="JSON Lines, one article a line: {\"id\", \"title\", \"text\", \"time\"}."),
    output: Path | None = typer.Option(None, "--output", "-o", help="JSON Lines out (default stdout)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Local worker processes (default: all cores)."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.01, max=1.0,
                                           help="Higher splits events finer (default 0.56)."),
    block_size: int | None = typer.Option(None, "--block-size", min=1, help="Articles grouped in one pass."),
) -> None:
    """Group a stream of articles into events: one output line per input article, in input order.

    Each line is {"id", "event"}; an article that cannot be grouped (unreadable line,
    empty text) gets "event": null and a "reason". Any "event" key in the input is
    never read. The stream is read a block at a time, so memory stays bounded.

    Examples:

      newsbrief group articles.jsonl -o groups.jsonl

      newsbrief group articles.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 -o groups.jsonl
    """
    from newsbrief.group import Settings, group_stream
    from newsbrief.parallel import make_engine
    from newsbrief.ingest import read_inputs

    if str(data) != "-" and not data.is_file():
        raise fail(f"{data}: no such file")
    try:
        settings = Settings().with_options(**_grouping_options(threshold, block_size))
        runner = make_engine(engine, scheduler, workers)
    except ValueError as exc:
        raise fail(str(exc)) from None
    counts = {"articles": 0, "unassigned": 0}
    events: set[str] = set()
    with open_output(output) as out, progress("grouping"):
        try:
            for a in group_stream(read_inputs([str(data)]), settings, runner):
                out.write(json.dumps(_line(a), ensure_ascii=False) + "\n")
                counts["articles"] += 1
                if a.event is None:
                    counts["unassigned"] += 1
                    warn(f"{a.id}: {a.reason}")
                else:
                    events.add(a.event)
        except OSError as exc:  # a Dask scheduler that cannot be reached
            raise fail(f"{engine} engine: {exc}", EXIT_IO) from None
    info(f"{counts['articles']} articles into {len(events)} events, {counts['unassigned']} unassigned")
    if counts["articles"] == counts["unassigned"]:
        raise fail("no article could be grouped", EXIT_NOTHING_USABLE)


def _line(a: Any) -> dict[str, Any]:
    line = {"id": a.id, "event": a.event}
    if a.event is None:
        line["reason"] = a.reason
    return line


@app.command()
def digest(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for stdin."),
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, help="Word budget of each event's summary."),
) -> None:
    """Group new articles into the store's events and brief every event that is new or has grown.

    Articles already in the store (same id) change nothing.

    Examples:

      newsbrief digest feed/ --store news.db

      newsbrief digest monday.jsonl tuesday.jsonl --store news.db --max-words 80
    """
    with open_store(store, max_words=max_words) as db:
        with progress("grouping"):
            added = db.add(paths)
        for a in added:
            if a.event is None:
                warn(f"{a.id}: {a.reason}")
        stale = db.stale()
        with progress(f"briefing {len(stale)} events"):
            for event_id in stale:
                db.briefing(event_id)
        total = len(db.events())
    grouped = sum(a.event is not None for a in added)
    print(f"{len(added)} articles read, {grouped} in events; {len(stale)} events briefed; "
          f"{total} events in {store}")
    if not grouped:
        raise fail("no article could be grouped", EXIT_NOTHING_USABLE)


@app.command()
def events(
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="Show at most this many."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """List the store's events, largest first: size, time span, title and outlets.

    Example:

      newsbrief events --store news.db --limit 20
    """
    from dataclasses import asdict

    if format not in ("text", "json"):
        raise fail(f"unknown format {format!r}; choose from text, json")
    with open_store(store, existing=True) as db:
        found = db.events(limit)
    if format == "json":
        print(json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2))
        return
    for e in found:
        span = f"{(e.first or '?')[:10]} .. {(e.last or '?')[:10]}"
        outlets = f"  [{', '.join(e.outlets[:5])}{' ...' if len(e.outlets) > 5 else ''}]" if e.outlets else ""
        print(f"{e.id:>8}  {e.size:>5}  {span}  {e.title or '(untitled)'}{outlets}")


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to find (all of them)."),
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most this many."),
) -> None:
    """Find events (by title and summary) and articles (by title and text) in the store.

    Example:

      newsbrief search "earthquake Iran" --store news.db
    """
    with open_store(store, existing=True) as db:
        hits = db.search(query, limit)
    for h in hits:
        where = f"event {h.event}" if h.kind == "article" else "event"
        print(f"{h.kind:<7} {h.id}  ({where})  {h.title or ''}\n        {h.snippet}")
    if not hits:
        warn(f"nothing matches {query!r}")
