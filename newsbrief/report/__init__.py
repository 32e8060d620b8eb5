"""Stage 6, report: render a :class:`~newsbrief.model.Briefing` in each output format.

Every format renders the same object; adding one is adding a module with a
``render(briefing) -> str`` function and listing it in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from newsbrief.model import Briefing

FORMATS = ("text", "markdown", "json", "html")


def renderer(fmt: str) -> Callable[[Briefing], str]:
    """The ``render`` function of output format ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{fmt}").render


def render(briefing: Briefing, fmt: str = "text") -> str:
    """The briefing as text, Markdown, JSON or a self-contained HTML page."""
    return renderer(fmt)(briefing)
