"""``newsbrief summarize``: batch mode, one summary a cluster, for evaluation and pipelines."""

from __future__ import annotations

from pathlib import Path

import typer

from newsbrief.cli.app import EXIT_NOTHING_USABLE, app, fail, open_output, progress
from newsbrief.summarize import DEFAULT


@app.command()
def summarize(
    data: Path = typer.Argument(..., help="JSON Lines, one cluster a line: {\"id\", \"articles\": [...]}."),
    output: Path | None = typer.Option(None, "--output", "-o", help="JSON Lines out (default stdout)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, help="Word budget of each summary."),
    method: str = typer.Option(DEFAULT, "--method", help="Summarizer to use."),
) -> None:
    """Summarize many clusters: one output line per input line, in input order.

    Each output line is {"id", "summary", "sentences": [{"text", "article", "start", "end"}]}
    where article is the index in the cluster's articles list and start/end are offsets
    into that article's text; a cluster that fails gets {"id", "error"} and the run goes on.

    Example:

      newsbrief summarize clusters.jsonl -o summaries.jsonl --max-words 100
    """
    from newsbrief.batch import summarize_stream
    from newsbrief.summarize import available

    if method not in available():
        raise fail(f"unknown summarizer {method!r}; choose from {', '.join(sorted(available()))}")
    if not data.is_file():
        raise fail(f"{data}: no such file")
    with data.open("rb") as fh, open_output(output) as out, progress("summarizing clusters") as tick:
        done, failed = summarize_stream(fh, out, max_words, method, str(data), tick=tick)
    if done and failed == done:
        raise fail(f"{data}: no cluster could be summarized", EXIT_NOTHING_USABLE)
