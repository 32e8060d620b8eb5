"""Ids merged away: when a later article shows two events (or stories) to be one, one id lives on and
the other points to it, so every id ever handed out still leads to the articles it named."""

from __future__ import annotations


class Aliases:
    """Old id -> the id it was merged into (which may itself have been merged since)."""

    def __init__(self) -> None:
        self._into: dict[str, str] = {}

    def add(self, old: str, new: str) -> None:
        """Record that ``old`` was merged into ``new``."""
        if old != new:
            self._into[old] = new

    def resolve(self, name: str | None) -> str | None:
        """The id that holds ``name``'s articles now (``name`` itself when it was never merged)."""
        if name is None:
            return None
        path = []
        while name in self._into:
            path.append(name)
            name = self._into[name]
        for old in path[:-1]:  # shorten the chain for the next lookup
            self._into[old] = name
        return name
