"""``newsbrief brief``: one briefing from a folder, files or stdin, or of an event in a store."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import typer

from newsbrief.cli.app import (EXIT_IO, EXIT_NOTHING_USABLE, MOST, app, fail, info, open_store, progress,
                               refuse_overwriting, warn, write_output)
from newsbrief.model import Briefing
from newsbrief.reading import Worker
from newsbrief.summarize import DEFAULT

PAGE_SUFFIXES = (".html", ".htm")
"""An ``-o`` path with one of these names a page, not the folder ``--per-story --format html`` needs."""


@app.command()
def brief(
    paths: list[str] = typer.Argument(None, help="Files, folders (read recursively) or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown, json or html (one self-contained page)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, max=MOST, help="Word budget of the summary."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    method: str = typer.Option(DEFAULT, "--method", help="Summarizer to use."),
    no_facts: bool = typer.Option(False, "--no-facts", help="Skip facts, conflicts and timeline (faster)."),
    per_story: bool = typer.Option(False, "--per-story",
                                   help="One briefing per story of the input, largest first (JSON: one a line; "
                                   "HTML: one page per story in the folder -o DIR, with an index.html)."),
    since: list[str] = typer.Option(None, "--since", help="What the reader has read (files or folders; repeat "
                                    "for several): brief only what is new. With --store: a time (ISO 8601, UTC "
                                    "unless it says otherwise): what the store held then."),
    query: str | None = typer.Option(None, "--query", help="A question the briefing answers first."),
    store: Path | None = typer.Option(None, "--store", help="Brief a story or an event of this store instead."),
    story: str | None = typer.Option(None, "--story", help="With --store: the story to brief (all its events)."),
    event: str | None = typer.Option(None, "--event", help="With --store: the event to brief."),
) -> None:
    """Brief the articles about one event.

    Examples:

      newsbrief brief articles/

      newsbrief brief cluster.jsonl --format json --max-words 120 -o brief.json

      newsbrief brief articles/ --format html -o brief.html

      newsbrief brief articles/ --no-facts

      newsbrief brief pages/ --per-story --format json -o stories.jsonl

      newsbrief brief pages/ --per-story --format html -o stories/

      newsbrief brief today/ --since yesterday/

      newsbrief brief cluster.jsonl --query "How did the government respond to the strike?"

      newsbrief brief --store news.db --event e12 --since 2026-11-28T18:00

      cat article.txt | newsbrief brief -

      newsbrief brief --store news.db --story s12 --format html -o story.html
    """
    from newsbrief.report import FORMATS, render, story_index

    if format not in FORMATS:
        raise fail(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    if per_story and format == "html" and (output is None or str(output) == "-" or output.suffix.lower() in PAGE_SUFFIXES):
        raise fail("--per-story --format html writes one page per story into a folder: give it with -o DIR")
    asked = _stored(store, story, event, since, paths) if store is not None else _given(story, event, since, paths)
    refuse_overwriting(output, [*(paths or ()), *(since or ())] if store is None else [])
    # The worker loads spaCy while this process imports the pipeline and reads the articles; it is started
    # first, before any thread (the progress bar's) exists.
    with Worker() as reader:
        from newsbrief.pipeline import brief as run_brief  # the pipeline's libraries load only when briefing
        from newsbrief.pipeline import brief_stories

        try:
            with progress(f"briefing {len(asked.items)} input{'s' * (len(asked.items) != 1)}"):
                options: dict[str, Any] = {"max_words": max_words, "method": method, "facts": not no_facts,
                                           "since": asked.since, "query": query, "reader": reader}
                if per_story:
                    results = brief_stories(asked.items, **options)
                else:
                    results = [run_brief(asked.items, **options, since_time=asked.since_time)]
        except ValueError as exc:
            raise fail(str(exc)) from None
    for rec in results[0].articles:
        if rec.status == "unreadable":
            warn(f"{rec.source}: {rec.reason}")
    for result in results:
        info(", ".join(f"{n} {status}" for status, n in result.counts().items())
             + f"; {len(result.summary)} summary lines")
    if per_story and format == "html":
        _write_pages(results, render, story_index, cast(Path, output))
    else:
        write_output(_joined(results, format, render), output)
    if not any(rec.status == "used" for rec in results[0].articles):
        raise fail("no usable article among the inputs" + (" (nothing new since)" if asked.since else ""),
                   EXIT_NOTHING_USABLE)


@dataclass(frozen=True)
class _Asked:
    """What to brief: the inputs, what the reader has read (None: not an update), and the time that read
    was taken at (a store's)."""

    items: list[Any]
    since: list[Any] | None = None
    since_time: str | None = None


def _given(story: str | None, event: str | None, since: list[str] | None, paths: list[str] | None) -> _Asked:
    """Files, folders or stdin, and the ones read before (``--since PATH``)."""
    if story is not None or event is not None:
        raise fail("--story and --event need --store")
    if not paths:
        raise fail("give files, folders or - (or --store with --story or --event)")
    return _Asked(list(paths), list(since) if since else None)


def _stored(store: Path, story: str | None, event: str | None, since: list[str] | None,
            paths: list[str] | None) -> _Asked:
    """The articles of the story or event asked for, as records (a merged id leads to where it lives on);
    with ``--since TIME``, those the store held then are the read ones."""
    from newsbrief.ingest import parse_time  # dateparser, for times that are not ISO

    if paths or (story is None) == (event is None):
        raise fail("with --store, give --story or --event (one of them) and no files")
    when = None
    if since:
        when = parse_time(since[0]) if len(since) == 1 else None
        if when is None:
            raise fail(f"--since {' '.join(since)}: with --store, give one time (ISO 8601, e.g. 2026-11-28T18:00)")
    with open_store(store, existing=True) as db:
        found = db.story_articles(story) if story is not None else db.articles(event or "")
        read, found = db.held(found, when) if when is not None else (None, found)
    if not found and not read:
        raise fail(f"{store}: no {'story' if story is not None else 'event'} {story or event!r}")
    return _Asked(found, read, when.isoformat() if when else None)


def _write_pages(results: list[Briefing], render: Callable[[Briefing, str], str],
                 index: Callable[[list[tuple[str, Briefing]]], str], folder: Path) -> None:
    """One page per story in ``folder`` (made if missing), ``story-1.html`` the largest, and ``index.html``
    listing them, largest first."""
    if folder.exists() and not folder.is_dir():
        raise fail(f"{folder}: not a folder (--per-story --format html writes one page per story into one)", EXIT_IO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"{folder}: cannot make the folder: {exc.strerror or exc}", EXIT_IO) from None
    width = len(str(len(results)))
    pages = [(f"story-{n:0{width}d}.html", result) for n, result in enumerate(results, 1)]
    for name, result in pages:
        write_output(render(result, "html"), folder / name)
    write_output(index(pages), folder / "index.html")


def _joined(results: list[Briefing], format: str, render: Callable[[Briefing, str], str]) -> str:
    """One briefing as rendered; several, one JSON object a line or one after another with a rule between."""
    if len(results) == 1:
        return render(results[0], format)
    if format == "json":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False, default=str) + "\n" for r in results)
    return "\n\n".join(render(r, format) for r in results)
