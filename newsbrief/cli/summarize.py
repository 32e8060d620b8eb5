"""``newsbrief summarize``: batch mode, one summary a cluster, for evaluation and pipelines."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import typer

from newsbrief.cli.app import (EXIT_IO, EXIT_NOTHING_USABLE, MOST, MOST_WORKERS, app, check_input, fail, open_output,
                               progress, refuse_overwriting, warn)
from newsbrief.summarize import DEFAULT


@app.command()
def summarize(
    data: Path = typer.Argument(..., help="JSON Lines, one cluster a line: {\"id\", \"articles\": [...]} "
                                "(compressed too, or - for stdin)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="JSON Lines out (default stdout)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, max=MOST, help="Word budget of each summary."),
    method: str = typer.Option(DEFAULT, "--method", help="Summarizer to use."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    workers: int | None = typer.Option(None, "--workers", min=1, max=MOST_WORKERS, help="Local worker processes (default: all cores)."),
    query: str | None = typer.Option(None, "--query", help="A question for every cluster line that asks none."),
) -> None:
    """Summarize many clusters: one output line per input line, in input order.

    Each output line is
    {"id", "summary", "sentences": [{"text", "article", "start", "end"}]}
    where article is the index in the cluster's articles list and start
    and end are offsets into that article's text; a cluster that fails
    gets {"id", "error"} and the run goes on.

    A line may also carry "earlier", a list of the articles the reader has read
    (the summary tells what is new and never cites them: article still indexes
    "articles"), and "query", a question (the summary answers it first).

    Examples:

      newsbrief summarize clusters.jsonl -o summaries.jsonl --max-words 100

      newsbrief summarize clusters.jsonl --query "How did the government respond?" -o answers.jsonl

      newsbrief summarize clusters.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 -o summaries.jsonl
    """
    from newsbrief.batch import summarize_stream  # each command loads only its libraries
    from newsbrief.ingest import open_lines
    from newsbrief.ingest.streams import cannot_read
    from newsbrief.parallel import make_engine
    from newsbrief.summarize import available

    if method not in available():
        raise fail(f"unknown summarizer {method!r}; choose from {', '.join(sorted(available()))}")
    check_input(data)
    refuse_overwriting(output, [str(data)])
    try:
        runner = make_engine(engine, scheduler, workers)
    except ValueError as exc:
        raise fail(str(exc)) from None
    with ExitStack() as stack:
        try:  # open_lines opens the file as its context is entered
            lines = stack.enter_context(open_lines(str(data), warn))
        except OSError as exc:
            raise fail(f"{data}: {cannot_read(exc)}", EXIT_NOTHING_USABLE) from None
        out = stack.enter_context(open_output(output))
        tick = stack.enter_context(progress("summarizing clusters"))
        try:
            done, failed = summarize_stream(lines, out, max_words, method, str(data), tick=tick, engine=runner,
                                            query=query)
        except OSError as exc:  # a Dask scheduler that cannot be reached, or the output failing
            where = f"dask engine ({scheduler})" if engine == "dask" else str(output or "stdout")
            raise fail(f"{where}: {exc}", EXIT_IO) from None
    if not done:
        raise fail(f"{data}: holds no cluster", EXIT_NOTHING_USABLE)
    if failed == done:
        raise fail(f"{data}: no cluster could be summarized", EXIT_NOTHING_USABLE)
    if failed:
        warn(f"{data}: {failed} of {done} clusters could not be summarized (their lines hold the error)")
