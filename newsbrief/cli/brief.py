"""``newsbrief brief``: one briefing from a folder, files or stdin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from newsbrief.cli.app import EXIT_NOTHING_USABLE, app, fail, info, open_store, progress, warn, write_output
from newsbrief.summarize import DEFAULT


@app.command()
def brief(
    paths: list[str] = typer.Argument(None, help="Files, folders (read recursively) or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown, json or html (one self-contained page)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, help="Word budget of the summary."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    method: str = typer.Option(DEFAULT, "--method", help="Summarizer to use."),
    no_facts: bool = typer.Option(False, "--no-facts",
                                  help="Skip facts, conflicts, timeline and off-event detection (faster)."),
    store: Path | None = typer.Option(None, "--store", help="Brief a story or an event of this store instead."),
    story: str | None = typer.Option(None, "--story", help="With --store: the story to brief (all its events)."),
    event: str | None = typer.Option(None, "--event", help="With --store: the event to brief."),
) -> None:
    """Brief the articles about one event.

    Examples:

      newsbrief brief ../shared/seeds/

      newsbrief brief cluster.jsonl --format json --max-words 120 -o brief.json

      newsbrief brief ../shared/seeds/ --format html -o brief.html

      newsbrief brief ../shared/seeds/ --no-facts

      cat article.txt | newsbrief brief -

      newsbrief brief --store news.db --story s12 --format html -o story.html
    """
    from newsbrief.pipeline import brief as run_brief
    from newsbrief.report import FORMATS, render

    if format not in FORMATS:
        raise fail(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    if store is not None:
        paths = _stored(store, story, event, paths)
    elif story or event:
        raise fail("--story and --event need --store")
    elif not paths:
        raise fail("give files, folders or - (or --store with --story or --event)")
    try:
        with progress(f"briefing {len(paths)} input{'s' * (len(paths) != 1)}"):
            result = run_brief(paths, max_words=max_words, method=method, facts=not no_facts)
    except ValueError as exc:
        raise fail(str(exc)) from None
    for rec in result.articles:
        if rec.status == "unreadable":
            warn(f"{rec.source}: {rec.reason}")
    info(", ".join(f"{n} {status}" for status, n in result.counts().items())
         + f"; {len(result.summary)} summary lines")
    write_output(render(result, format), output)
    if not any(rec.status == "used" for rec in result.articles):
        raise fail("no usable article among the inputs", EXIT_NOTHING_USABLE)


def _stored(store: Path, story: str | None, event: str | None, paths: list[str] | None) -> list[Any]:
    """The articles of the story or event asked for, as records (a merged id leads to where it lives on)."""
    if paths or (story is None) == (event is None):
        raise fail("with --store, give --story or --event (one of them) and no files")
    with open_store(store, existing=True) as db:
        found = db.story_articles(story) if story is not None else db.articles(event or "")
    if not found:
        raise fail(f"{store}: no {'story' if story is not None else 'event'} {story or event!r}")
    return found
