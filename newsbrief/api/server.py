"""Running the API with uvicorn: in the foreground (``newsbrief serve``) or in a background thread
(tests and benchmarks).

The listening socket is bound here, before uvicorn starts, so "address in use" is a
clean error for the caller instead of a log line and ``sys.exit`` inside uvicorn, and
port 0 gives a free port whose number is known before the first request.

:func:`serve` returns the signal that stopped the server, so that the command exits
``128 + signal`` (130 for Ctrl-C) whatever the signal's inherited disposition: uvicorn
re-raises the signal after shutting down, which does nothing where SIGINT was ignored
when the process started (a background job of a non-interactive shell, as in CI).
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

import uvicorn
from fastapi import FastAPI

from newsbrief.api.middleware import ACCESS


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); OSError if it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only when it
    # is, and without it every keep-alive reply waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


class _Server(uvicorn.Server):
    """uvicorn's server, which calls ``on_start`` once it listens (its signal handlers in place) and
    remembers the signal that stopped it."""

    def __init__(self, config: uvicorn.Config, on_start: Callable[[], None] = lambda: None) -> None:
        super().__init__(config)
        self.on_start = on_start
        self.stopped_by: int | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.on_start()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.stopped_by = self.stopped_by or sig
        super().handle_exit(sig, frame)


def _server(app: FastAPI, log_level: str, on_start: Callable[[], None] = lambda: None) -> _Server:
    # newsbrief's own access log (newsbrief.access) says how long each request took; uvicorn's does not.
    config = uvicorn.Config(app, log_level=log_level, access_log=False, server_header=False,
                            timeout_graceful_shutdown=5)
    return _Server(config, on_start)


def serve(app: FastAPI, sock: socket.socket, log_level: str = "warning", access_log: bool = False,
          on_start: Callable[[], None] = lambda: None) -> int | None:
    """Serve ``app`` on ``sock`` until interrupted (Ctrl-C or SIGTERM); returns the signal that stopped it.

    ``access_log`` writes a line per request to stderr; ``on_start`` is called once the server listens.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsbrief: %(message)s"))
    ACCESS.addHandler(handler)
    ACCESS.setLevel(logging.INFO if access_log else logging.WARNING)
    ACCESS.propagate = False
    try:
        with sock:
            server = _server(app, log_level, on_start)
            server.run(sockets=[sock])
        return server.stopped_by
    finally:
        ACCESS.removeHandler(handler)


def base_url(sock: socket.socket) -> str:
    """``http://host:port`` of a bound socket, an IPv6 host in brackets."""
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int = 0, timeout: float = 20.0) -> Iterator[str]:
    """A real uvicorn server for ``app`` in a background thread; yields its base URL, stops on exit."""
    sock = bind(host, port)
    server = _server(app, "warning")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="newsbrief-api")
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the API server did not start")
            time.sleep(0.01)
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
