"""``newsbrief brief``: one briefing from a folder, files or stdin."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from newsbrief.cli.app import EXIT_NOTHING_USABLE, app, fail, info, open_store, progress, warn, write_output
from newsbrief.model import Briefing
from newsbrief.summarize import DEFAULT


@app.command()
def brief(
    paths: list[str] = typer.Argument(None, help="Files, folders (read recursively) or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown, json or html (one self-contained page)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, help="Word budget of the summary."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    method: str = typer.Option(DEFAULT, "--method", help="Summarizer to use."),
    no_facts: bool = typer.Option(False, "--no-facts", help="Skip facts, conflicts and timeline (faster)."),
    per_story: bool = typer.Option(False, "--per-story",
                                   help="One briefing per story of the input, largest first (JSON: one a line)."),
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

      newsbrief brief pages/ --per-story --format json -o stories.jsonl

      cat article.txt | newsbrief brief -

      newsbrief brief --store news.db --story s12 --format html -o story.html
    """
    from newsbrief.pipeline import brief as run_brief  # the pipeline's libraries load only when briefing
    from newsbrief.pipeline import brief_stories
    from newsbrief.report import FORMATS, render

    if format not in FORMATS:
        raise fail(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    if per_story and format == "html":
        raise fail("--per-story writes text, markdown or json (one briefing a line), not one html page")
    if store is not None:
        paths = _stored(store, story, event, paths)
    elif story or event:
        raise fail("--story and --event need --store")
    elif not paths:
        raise fail("give files, folders or - (or --store with --story or --event)")
    try:
        with progress(f"briefing {len(paths)} input{'s' * (len(paths) != 1)}"):
            if per_story:
                results = brief_stories(paths, max_words=max_words, method=method, facts=not no_facts)
            else:
                results = [run_brief(paths, max_words=max_words, method=method, facts=not no_facts)]
    except ValueError as exc:
        raise fail(str(exc)) from None
    for rec in results[0].articles:
        if rec.status == "unreadable":
            warn(f"{rec.source}: {rec.reason}")
    for result in results:
        info(", ".join(f"{n} {status}" for status, n in result.counts().items())
             + f"; {len(result.summary)} summary lines")
    write_output(_joined(results, format, render), output)
    if not any(rec.status == "used" for rec in results[0].articles):
        raise fail("no usable article among the inputs", EXIT_NOTHING_USABLE)


def _joined(results: list[Briefing], format: str, render: Callable[[Briefing, str], str]) -> str:
    """One briefing as rendered; several, one JSON object a line or one after another with a rule between."""
    if len(results) == 1:
        return render(results[0], format)
    if format == "json":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False, default=str) + "\n" for r in results)
    return "\n\n".join(render(r, format) for r in results)


def _stored(store: Path, story: str | None, event: str | None, paths: list[str] | None) -> list[Any]:
    """The articles of the story or event asked for, as records (a merged id leads to where it lives on)."""
    if paths or (story is None) == (event is None):
        raise fail("with --store, give --story or --event (one of them) and no files")
    with open_store(store, existing=True) as db:
        found = db.story_articles(story) if story is not None else db.articles(event or "")
    if not found:
        raise fail(f"{store}: no {'story' if story is not None else 'event'} {story or event!r}")
    return found
