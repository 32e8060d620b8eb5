"""``newsbrief group``, ``digest``, ``events`` and ``search``: a feed into events and stories, kept in a store."""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

import typer

from newsbrief.cli.app import (EXIT_IO, EXIT_NOTHING_USABLE, MOST, MOST_BLOCK, MOST_WORKERS, app, check_input, fail,
                               info, open_output, open_store, progress, refuse_overwriting, warn)

STORE_HELP = "SQLite store file (created if missing)."


@app.command()
def group(
    data: Path = typer.Argument(..., help="JSON Lines, one article a line: {\"id\", \"title\", \"text\", \"time\"} "
                                "(or a folder of articles; - for stdin)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="JSON Lines out (default stdout)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    workers: int | None = typer.Option(None, "--workers", min=1, max=MOST_WORKERS, help="Local worker processes (default: all cores)."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.01, max=1.0,
                                           help="Higher splits events finer (default 0.56)."),
    story_threshold: float | None = typer.Option(None, "--story-threshold", min=0.01, max=1.0,
                                                 help="Higher splits stories finer (default 0.30)."),
    block_size: int | None = typer.Option(None, "--block-size", min=1, max=MOST_BLOCK, help="Articles grouped in one pass."),
) -> None:
    """Group a stream of articles into events and stories: one output line per input article, in input order.

    Each line is {"id", "event", "story"}: the event is one incident, the story
    the subject it belongs to (one or more events, over any time). An article
    that cannot be grouped (unreadable line, empty text) gets "event" and
    "story" null and a "reason". Any "event" or "story" key in the input is
    never read. The stream is read a block at a time, so memory stays bounded;
    the lines are written once the whole stream is grouped, with the ids current
    then (a later article can show two earlier events or stories to be one).

    Examples:

      newsbrief group articles.jsonl -o groups.jsonl

      newsbrief group articles.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 -o groups.jsonl
    """
    from newsbrief.group import InMemory, Linker, Settings, group_stream  # each command loads only its libraries
    from newsbrief.parallel import make_engine
    from newsbrief.ingest import read_inputs

    check_input(data, folders=True)
    refuse_overwriting(output, [str(data)])
    try:
        settings = Settings().with_options(**_grouping_options(threshold, story_threshold, block_size))
        runner = make_engine(engine, scheduler, workers)
    except ValueError as exc:
        raise fail(str(exc)) from None
    memory = InMemory(settings)
    counts = {"articles": 0, "unassigned": 0}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        with progress("grouping"):
            try:
                for a in group_stream(read_inputs([str(data)]), settings, runner, Linker(memory, settings)):
                    spool.write(json.dumps(_line(a), ensure_ascii=False) + "\n")
                    counts["articles"] += 1
                    if a.event is None:
                        counts["unassigned"] += 1
                        warn(f"{a.id}: {a.reason}")
            except OSError as exc:  # a Dask scheduler that cannot be reached
                raise fail(f"{engine} engine: {exc}", EXIT_IO) from None
        spool.seek(0)
        with open_output(output) as out:
            found = _write_current(spool, out, memory.current)
    info(f"{counts['articles']} articles into {found[0]} events and {found[1]} stories, "
         f"{counts['unassigned']} unassigned")
    if counts["articles"] == counts["unassigned"]:
        raise fail("no article could be grouped", EXIT_NOTHING_USABLE)


def _grouping_options(threshold: float | None, story_threshold: float | None, block_size: int | None,
                      ) -> dict[str, Any]:
    given = (("threshold", threshold), ("story_threshold", story_threshold), ("block_size", block_size))
    return {k: v for k, v in given if v is not None}


def _line(a: Any) -> dict[str, Any]:
    line = {"id": a.id, "event": a.event, "story": a.story}
    if a.event is None:
        line["reason"] = a.reason
    return line


def _write_current(spool: IO[str], out: IO[str], current: Any) -> tuple[int, int]:
    """Copy the spooled lines with each article's event and story as they are now; the numbers of events
    and stories."""
    events, stories = set(), set()
    for raw in spool:
        line = json.loads(raw)
        if line["event"] is not None:
            line["event"], line["story"] = current(line["id"], line["event"])
            events.add(line["event"])
            stories.add(line["story"])
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(events), len(stories)


@app.command()
def digest(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for stdin."),
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, max=MOST, help="Word budget of each event's summary."),
) -> None:
    """Group new articles into the store's events and stories and brief every event that is new or changed.

    Articles already in the store (same id) change nothing. Story briefings are made
    when asked for (newsbrief brief --store DB --story S). Two digests on one store
    take turns.

    Examples:

      newsbrief digest feed/ --store news.db

      newsbrief digest monday.jsonl tuesday.jsonl --store news.db --max-words 80
    """
    from newsbrief.store import StoreError  # the store (scipy, sqlite) loads only for store commands

    refuse_overwriting(store, paths, "store")
    with open_store(store, max_words=max_words) as db:
        try:
            with progress("grouping"):
                added = db.add(paths)
            for a in added:
                if a.event is None:
                    warn(f"{a.id}: {a.reason}")
            stale = db.stale()
            with progress(f"briefing {len(stale)} events"):
                for event_id in stale:
                    db.briefing(event_id)
        except StoreError as exc:  # another writer held the store past the busy timeout
            raise fail(str(exc), EXIT_IO) from None
        total, stories = len(db.events()), len(db.stories())
    grouped = sum(a.event is not None for a in added)
    print(f"{len(added)} articles read, {grouped} in events; {len(stale)} events briefed; "
          f"{total} events in {stories} stories in {store}")
    if not grouped:
        raise fail("no article could be grouped", EXIT_NOTHING_USABLE)


@app.command()
def events(
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, max=MOST, help="Show at most this many stories."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """List the store's stories, largest first, each with its events: id, size, time span, title (and outlets).

    Example:

      newsbrief events --store news.db --limit 20
    """

    if format not in ("text", "json"):
        raise fail(f"unknown format {format!r}; choose from text, json")
    with open_store(store, existing=True) as db:
        found = db.stories(limit)
    if format == "json":
        print(json.dumps([asdict(s) for s in found], ensure_ascii=False, indent=2))
        return
    for story in found:
        print(f"{story.id:>8}  {story.size:>5}  {_span(story.first, story.last)}  {story.title or '(untitled)'}")
        for e in story.events:
            outlets = f"  [{', '.join(e.outlets[:5])}{' ...' if len(e.outlets) > 5 else ''}]" if e.outlets else ""
            print(f"{'':>4}{e.id:>8}  {e.size:>5}  {_span(e.first, e.last)}  {e.title or '(untitled)'}{outlets}")


def _span(first: str | None, last: str | None) -> str:
    return f"{(first or '?')[:10]} .. {(last or '?')[:10]}"


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to find (all of them)."),
    store: Path = typer.Option(..., "--store", help=STORE_HELP),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=MOST, help="Show at most this many."),
) -> None:
    """Find stories and events (by title and summary) and articles (by title and text) in the store.

    Example:

      newsbrief search "earthquake Iran" --store news.db
    """
    with open_store(store, existing=True) as db:
        hits = db.search(query, limit)
    for h in hits:
        where = f"story {h.story}" + (f", event {h.event}" if h.kind == "article" else "")
        print(f"{h.kind:<7} {h.id}  ({where})  {h.title or ''}\n        {h.snippet}")
    if not hits:
        warn(f"nothing matches {query!r}")
