"""Pure ASGI middleware: the request body's size and time limits, the access log, and a last-resort
handler for unexpected errors.

A declared ``Content-Length`` over the limit is answered with 413 at once; a chunked
body is counted as it streams in and the read fails with 413 as soon as it passes the
limit (the endpoint never sees the rest). A body that stops short of its declared
length (or a chunked one that never ends) fails with 408 once its time is up, and the
connection is closed, instead of being held open for good.

An unexpected exception is logged and answered with a bare JSON 500 *here*, without
letting it reach uvicorn: Starlette's own handler re-raises after answering, and
uvicorn then closes the keep-alive connection under the client, so the client's next
request on it fails with "connection reset".
"""

from __future__ import annotations

import logging
import time
from typing import Any

import anyio
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` (413) or slower than ``seconds`` (408), with a
    one-line JSON detail."""

    def __init__(self, app: ASGIApp, max_bytes: int, seconds: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    def detail(self) -> str:
        """The one-line reason given with the 413."""
        return f"request body too large (limit {self.max_bytes:,} bytes)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await JSONResponse({"detail": self.detail()}, status_code=413)(scope, receive, send)
            return
        received = 0
        deadline: float | None = None
        complete = False

        async def counted() -> Message:
            nonlocal received, deadline, complete
            if complete:  # the body is in: what comes now is the client leaving, whenever it does
                return await receive()
            deadline = deadline or anyio.current_time() + self.seconds
            with anyio.move_on_after(deadline - anyio.current_time()) as timer:
                message = await receive()
            if timer.cancelled_caught:
                raise HTTPException(408, f"request body not received within {self.seconds:g} s",
                                    headers={"Connection": "close"})
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > self.max_bytes:
                    raise HTTPException(413, self.detail())
            return message

        await self.app(scope, counted, send)


ACCESS = logging.getLogger("newsbrief.access")
"""One INFO line per request: client, method, path, status, milliseconds (``newsbrief serve`` shows them)."""


class AccessLog:
    """Log each HTTP request as its answer's last bytes are sent (so the line is written before the
    client can have the answer), or when it failed before answering."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None
        logged = False

        def log() -> None:
            nonlocal logged
            logged = True
            client = scope.get("client") or ("-", 0)
            ACCESS.info('%s "%s %s" %d %.0f ms', client[0], scope["method"], _shown_path(scope), status or 500,
                        (time.perf_counter() - started) * 1000)

        async def noted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                log()
            await send(message)

        try:
            await self.app(scope, receive, noted)
        finally:
            if not logged:
                log()


INTERNAL_ERROR = "internal error; the server log has the details"

log = logging.getLogger("newsbrief.api")


class CatchAll:
    """Answer an unexpected exception with ``500 {"detail": INTERNAL_ERROR}``, log it, and keep the connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            log.error("%s %s failed", scope.get("method"), _shown_path(scope), exc_info=exc)
            if started or scope["type"] != "http":
                raise
            await JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)(scope, receive, send)


def _content_length(scope: dict[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _shown_path(scope: Scope) -> str:
    """The request's path as the client sent it, percent escapes kept (``/a%0Ab``), and any other character that
    is not printable ASCII escaped: a path decoded to a line break or ``ESC`` would forge or garble log lines."""
    raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
    return raw.decode("latin-1").encode("unicode_escape").decode("ascii")
