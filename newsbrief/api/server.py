"""Running the API with uvicorn: in the foreground (``newsbrief serve``) or in a background thread
(tests and benchmarks).

The listening socket is bound here, before uvicorn starts, so "address in use" is a
clean error for the caller instead of a log line and ``sys.exit`` inside uvicorn, and
port 0 gives a free port whose number is known before the first request.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI


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


def _server(app: FastAPI, log_level: str, access_log: bool) -> uvicorn.Server:
    config = uvicorn.Config(app, log_level=log_level, access_log=access_log, server_header=False,
                            timeout_graceful_shutdown=5)
    return uvicorn.Server(config)


def serve(app: FastAPI, sock: socket.socket, log_level: str = "warning", access_log: bool = False) -> None:
    """Serve ``app`` on ``sock`` until interrupted (Ctrl-C or SIGTERM)."""
    with sock:
        _server(app, log_level, access_log).run(sockets=[sock])


def base_url(sock: socket.socket) -> str:
    """``http://host:port`` of a bound socket, an IPv6 host in brackets."""
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int = 0, timeout: float = 20.0) -> Iterator[str]:
    """A real uvicorn server for ``app`` in a background thread; yields its base URL, stops on exit."""
    sock = bind(host, port)
    server = _server(app, "warning", False)
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
