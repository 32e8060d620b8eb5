"""``newsbrief serve``: the HTTP API (FastAPI + uvicorn)."""

from __future__ import annotations

from pathlib import Path

import typer

from newsbrief.cli.app import EXIT_IO, app, fail, open_store, settings, warn


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="TCP port (0: any free port)."),
    store: Path | None = typer.Option(None, "--store", help="Event store (newsbrief.store) for GET /events."),
    max_body_mb: float = typer.Option(16, "--max-body-mb", min=0.001, help="Largest request body, in MiB."),
) -> None:
    """Serve the HTTP API: POST /brief, POST /group, GET /events, GET /health.

    The OpenAPI document is at /openapi.json. Stop with Ctrl-C.

    Examples:

      newsbrief serve --port 8000

      curl -s localhost:8000/brief -H 'content-type: application/json' -d @cluster.json

      curl -s 'localhost:8000/brief?format=html' -F files=@a.txt -F files=@b.html -o brief.html
    """
    from newsbrief.api import bind, create_app, serve as run
    from newsbrief.api.server import base_url

    if store is not None:
        open_store(store, existing=True).close()
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_IO) from None
    warn(f"serving on {base_url(sock)} (API document at /openapi.json; Ctrl-C to stop)")
    level = "info" if settings.verbose else "error" if settings.quiet else "warning"
    run(create_app(store=store, max_body=int(max_body_mb * 2**20)), sock, log_level=level,
        access_log=settings.verbose)
