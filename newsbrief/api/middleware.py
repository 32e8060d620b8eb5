"""Pure ASGI middleware: the request size limit, and a last-resort handler for unexpected errors.

A declared ``Content-Length`` over the limit is answered with 413 at once; a chunked
body is counted as it streams in and the read fails with 413 as soon as it passes the
limit (the endpoint never sees the rest).

An unexpected exception is logged and answered with a bare JSON 500 *here*, without
letting it reach uvicorn: Starlette's own handler re-raises after answering, and
uvicorn then closes the keep-alive connection under the client, so the client's next
request on it fails with "connection reset".
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413 and a one-line JSON detail."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

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

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, self.detail())
            return message

        await self.app(scope, counted, send)


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
            log.error("%s %s failed", scope.get("method"), scope.get("path"), exc_info=exc)
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
