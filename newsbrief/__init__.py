"""newsbrief: from a pile of news articles to a briefing whose every line points to its source.

The public API is loaded lazily, so ``import newsbrief`` is cheap::

    import newsbrief
    briefing = newsbrief.brief("articles/", max_words=100)
    print(newsbrief.render(briefing, "markdown"))
"""

from __future__ import annotations

import importlib
from typing import Any

_API = {
    "brief": "newsbrief.pipeline",
    "render": "newsbrief.report",
    "Briefing": "newsbrief.model",
    "Article": "newsbrief.model",
    "group": "newsbrief.group",  # the function; once imported, the package itself is callable too
}

__all__ = [*_API, "__version__"]


def _version() -> str:
    """The installed distribution's version, looked up on first use: importlib.metadata costs tens of
    milliseconds of every start-up that never shows it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbrief")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()["__version__"] = found = _version()
        return found
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
