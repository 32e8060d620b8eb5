"""newsbrief: from a pile of news articles to a briefing whose every line points to its source.

The public API is loaded lazily, so ``import newsbrief`` is cheap::

    import newsbrief
    briefing = newsbrief.brief("articles/", max_words=100)
    print(newsbrief.render(briefing, "markdown"))
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("newsbrief")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

_API = {
    "brief": "newsbrief.pipeline",
    "render": "newsbrief.report",
    "Briefing": "newsbrief.model",
    "Article": "newsbrief.model",
    "group": "newsbrief.group",  # the function; once imported, the package itself is callable too
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
