"""Stage 6, report: render a :class:`~newsbrief.model.Briefing` in each output format.

Every format renders the same object; adding one is adding a module with a
``render(briefing) -> str`` function and listing it in :data:`FORMATS`. The
facts are arranged once for all of them (:mod:`~newsbrief.report.sections`),
and articles are cited by outlet and date (:mod:`~newsbrief.report.citations`).
Whatever a format writes leaves here as text that encodes as UTF-8, lone
surrogates in the articles included (:mod:`~newsbrief.report.chars`).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from newsbrief.model import Briefing
from newsbrief.model import encodable

FORMATS = ("text", "markdown", "json", "html")


def render(briefing: Briefing, fmt: str = "text") -> str:
    """The briefing as text, Markdown, JSON or a self-contained HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return encodable(importlib.import_module(f"{__name__}.{fmt}").render(briefing))


def story_index(pages: Sequence[tuple[str, Briefing]]) -> str:
    """The HTML page that lists the stories of one input, each a link to its page: ``pages`` gives each
    page's file name (beside the index) and its story's briefing, largest story first."""
    return encodable(importlib.import_module(f"{__name__}.html").index(pages))
