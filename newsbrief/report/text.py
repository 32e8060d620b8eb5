"""Plain-text output for a terminal: the summary, each line with its source, the facts, then the articles."""

from __future__ import annotations

import textwrap

from newsbrief.model import Briefing
from newsbrief.report.sections import more, notice, sections

WIDTH = 88


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent,
                         break_on_hyphens=False)


def render(briefing: Briefing) -> str:
    """The briefing as plain text wrapped for a terminal (layout in the module docstring)."""
    out = [briefing.title, "=" * min(len(briefing.title), WIDTH), ""]
    if notice(briefing):
        out += [_wrap(notice(briefing), "      ", "NOTE: "), ""]
    out.append("SUMMARY")
    for i, line in enumerate(briefing.summary, 1):
        out.append(_wrap(line.text, "     ", f"{i:>3}. "))
        also = f"; also in {', '.join(line.support)}" if line.support else ""
        out.append(f"     [{line.article} {line.start}-{line.end}{also}]")
    if not briefing.summary:
        out.append("  (nothing usable to summarize)")
    out += _facts(briefing)
    out += ["", "ARTICLES"]
    counts = ", ".join(f"{n} {status}" for status, n in briefing.counts().items())
    out.append(f"  {len(briefing.articles)} in: {counts}")
    for rec in briefing.articles:
        out.append(_wrap(f"{rec.status:<10} {rec.id}: {rec.reason}", "             ", "  "))
    return "\n".join(out) + "\n"


def _facts(briefing: Briefing) -> list[str]:
    """Agreed facts, disputes, claims, context, names and timeline (see newsbrief.facts.view)."""
    out: list[str] = []
    for section in sections(briefing):
        out += ["", section.title.upper()]
        for item in section.items:
            out.append(_wrap(item.text + _cited(item.articles), "    ", "  - "))
            if item.note:
                out.append(_wrap(f"({item.note})", "    "))
            out += [_wrap(child.text + _cited(child.articles), "      ", "    * ") for child in item.children]
        if more(section):
            out.append(f"  {more(section)}")
    return out


def _cited(articles: list[str]) -> str:
    return f" [{', '.join(articles)}]" if articles else ""
