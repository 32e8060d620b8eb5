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

from newsbrief.model import Briefing
from newsbrief.report.chars import encodable

FORMATS = ("text", "markdown", "json", "html")


def render(briefing: Briefing, fmt: str = "text") -> str:
    """The briefing as text, Markdown, JSON or a self-contained HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return encodable(importlib.import_module(f"{__name__}.{fmt}").render(briefing))
