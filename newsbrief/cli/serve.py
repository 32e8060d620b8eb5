"""``newsbrief serve``: the HTTP API (FastAPI + uvicorn)."""

from __future__ import annotations

from pathlib import Path

import typer

from newsbrief.cli.app import EXIT_IO, MOST, MOST_WORKERS, app, fail, open_store, settings, warn


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="TCP port (0: any free port)."),
    store: Path | None = typer.Option(None, "--store", help="Event store (newsbrief.store) for GET /events."),
    max_body_mb: float = typer.Option(16, "--max-body-mb", min=0.001, max=MOST, help="Largest request body, in MiB."),
    workers: int = typer.Option(2, "--workers", min=1, max=MOST_WORKERS, help="Worker processes for briefing and grouping."),
    queue: int = typer.Option(16, "--queue", min=0, max=MOST, help="Requests that may wait for a worker (503 beyond)."),
    time_limit: float = typer.Option(300, "--time-limit", min=0.1, max=MOST,
                                     help="Seconds a request may take, waiting included (504 beyond)."),
) -> None:
    """Serve the HTTP API: POST /brief, POST /group, GET /events, GET /health.

    The OpenAPI document is at /openapi.json. Each request is logged on stderr
    (method, path, status, milliseconds) unless --quiet. Stop with Ctrl-C.

    Examples:

      newsbrief serve --port 8000

      newsbrief serve --workers 4 --time-limit 600

      curl -s localhost:8000/brief -H 'content-type: application/json' -d @cluster.json

      curl -s 'localhost:8000/brief?format=html' -F files=@a.txt -F files=@b.html -o brief.html
    """
    from newsbrief.api import ServerSettings, bind, create_app, serve as run  # FastAPI loads only to serve
    from newsbrief.api.server import base_url

    if store is not None:
        open_store(store, existing=True).close()
    limits = ServerSettings(max_body=int(max_body_mb * 2**20), workers=workers, queue=queue, time_limit=time_limit)
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_IO) from None
    url = base_url(sock)
    level = "info" if settings.verbose else "error" if settings.quiet else "warning"
    stopped_by = run(create_app(store=store, settings=limits), sock, log_level=level, access_log=not settings.quiet,
                     on_start=lambda: warn(f"serving on {url} (API document at /openapi.json; Ctrl-C to stop)"))
    if stopped_by is not None:  # the signal, re-raised by uvicorn, was ignored here (inherited SIG_IGN)
        raise typer.Exit(128 + stopped_by)
