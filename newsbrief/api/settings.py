"""How the HTTP server treats requests: body limits, the worker pool, its queue and time limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerSettings:
    """The server's limits, each one a way a client could otherwise hold it: too much data, a body
    that never arrives, more work than the machine can do, or work that never ends."""

    max_body: int = 16 * 2**20
    """Largest request body accepted, in bytes (413 above it)."""
    body_seconds: float = 60.0
    """A request body must have arrived this long after its first byte was awaited (408 after it)."""
    workers: int = 2
    """Worker processes for pipeline work (briefing, grouping)."""
    queue: int = 16
    """Requests that may wait for a worker; one more is refused at once (503 with Retry-After)."""
    time_limit: float = 300.0
    """Seconds from a request's arrival to its answer, waiting included; past it, its work is
    stopped and it is answered 504 with Retry-After."""
    large_articles: int = 100
    """A request with more articles (or files) than this is large: large requests share all workers
    but one, which stays free for small ones, so a small request never waits behind large ones."""
    large_bytes: int = 2**20
    """A request with a body larger than this is large too."""

    def __post_init__(self) -> None:
        if self.workers < 1 or self.queue < 0 or self.time_limit <= 0 or self.body_seconds <= 0:
            raise ValueError("workers must be at least 1, queue at least 0, time limits above 0")

    def is_large(self, articles: int, size: int) -> bool:
        """Whether a request of ``articles`` articles (or files) and ``size`` body bytes is large."""
        return articles > self.large_articles or size > self.large_bytes
