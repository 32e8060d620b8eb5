"""``newsbrief evaluate``: ROUGE of newsbrief and its peers on clusters with reference summaries."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import typer

from newsbrief.cli.app import MOST, app, check_input, fail, progress, warn, write_output

_SYSTEMS = "newsbrief,lead,lexrank,textrank,oracle"


@app.command()
def evaluate(
    data: Path = typer.Argument(..., help="JSON Lines, one cluster a line, with \"summaries\" (references)."),
    max_words: int = typer.Option(100, "--max-words", "-w", min=1, max=MOST, help="Summaries are cut to this many words."),
    systems: str = typer.Option(_SYSTEMS, "--systems", help="Comma-separated systems to compare."),
    limit: int | None = typer.Option(None, "--limit", min=1, max=MOST, help="Only the first K clusters."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Score summaries with ROUGE-1/2/Lsum (recall and F1) beside the peers, with seconds per system.

    Every system summarizes the same clusters in this process; each summary is
    cut to the word budget, scored against every reference (Porter stemmer on;
    ROUGE-Lsum one sentence a line), averaged over a cluster's references, then
    over clusters.

    Example:

      newsbrief evaluate clusters.jsonl --max-words 230 --systems newsbrief,lead,lexrank
    """
    from newsbrief.batch import read_records  # each command loads only its libraries (sumy, ROUGE)
    from newsbrief.evaluate import evaluate as run, table
    from newsbrief.ingest import open_lines
    from newsbrief.ingest.streams import cannot_read

    check_input(data)
    records = []
    with ExitStack() as stack:
        try:  # open_lines opens the file as its context is entered
            lines = stack.enter_context(open_lines(str(data), warn))
        except OSError as exc:
            raise fail(f"{data}: {cannot_read(exc)}") from None
        for lineno, record in read_records(lines, str(data)):
            if isinstance(record, ValueError):
                raise fail(str(record))
            if not isinstance(record, dict) or not record.get("summaries"):
                raise fail(f"{data}:{lineno}: a cluster with a non-empty \"summaries\" list is needed")
            records.append(record)
            if limit and len(records) >= limit:
                break
    if not records:
        raise fail(f"{data}: no clusters")
    try:
        with progress(f"scoring {len(records)} clusters"):
            results = run(records, max_words, [s.strip() for s in systems.split(",") if s.strip()])
    except ValueError as exc:
        raise fail(str(exc)) from None
    if as_json:
        payload = {"max_words": max_words, "clusters": len(records),
                   "systems": {r.system: {**r.scores, "seconds": r.seconds} for r in results}}
        write_output(json.dumps(payload, indent=2) + "\n", None)
    else:
        write_output(table(results, max_words, len(records)), None)
