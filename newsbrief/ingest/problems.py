"""What ingest reports instead of raising: one line that names the input and the trouble."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """An input that could not be read. ``str(problem)`` is the one-line message users see.

    ``position`` is its place among everything one load read, articles and problems alike
    (set by :func:`~newsbrief.ingest.load.load`), so an account can list it where it came
    in input order rather than after the articles.
    """

    id: str
    source: str
    message: str
    line: int | None = None
    position: int | None = None

    @property
    def where(self) -> str:
        """``file:line`` when the line is known, else the file: what messages name."""
        return f"{self.source}:{self.line}" if self.line else self.source

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
