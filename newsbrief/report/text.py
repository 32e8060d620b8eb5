"""Plain-text output for a terminal: the summary, each line with its source, the facts, then the articles.

Sources are cited by outlet and date (see :mod:`~newsbrief.report.citations`);
the account of the articles at the end gives each id beside its citation.
Control characters in article text are replaced, so printing a briefing can
never drive the reader's terminal.
"""

from __future__ import annotations

import textwrap

from newsbrief.model import Briefing
from newsbrief.report.chars import printable
from newsbrief.report.citations import Citations
from newsbrief.report.sections import Item, notice, sections

WIDTH = 88


def render(briefing: Briefing) -> str:
    """The briefing as plain text wrapped for a terminal (layout in the module docstring)."""
    cites = Citations(briefing.articles)
    out = [briefing.title, "=" * min(len(briefing.title), WIDTH), ""]
    if said := notice(briefing):
        out += [_wrap(said, "      ", "NOTE: "), ""]
    out.append("SUMMARY")
    for i, line in enumerate(briefing.summary, 1):
        out.append(_wrap(line.text, "     ", f"{i:>3}. "))
        out.append(_wrap(f"[{cites.source(line.article, line.support)}]", "      ", "     "))
    if not briefing.summary:
        out.append("  (nothing usable to summarize)")
    out += _facts(briefing, cites)
    out += ["", "ARTICLES"]
    counts = ", ".join(f"{n} {status}" for status, n in briefing.counts().items())
    out.append(f"  {len(briefing.articles)} in: {counts}")
    for rec in briefing.articles:
        label = cites.label(rec.id)
        cited = f" [{label}]" if label != rec.id else ""
        out.append(_wrap(f"{rec.status:<10} {rec.id}{cited}: {rec.reason}", "             ", "  "))
    return printable("\n".join(out) + "\n")


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent,
                         break_on_hyphens=False)


def _facts(briefing: Briefing, cites: Citations) -> list[str]:
    """Each fact section: its lines with their sources, sub-lines below, and what was cut."""
    out: list[str] = []
    for section in sections(briefing):
        out += ["", section.title.upper()]
        for item in section.items:
            out.append(_wrap(_line(item, cites), "    ", "  - "))
            if item.quotes:
                quoted = "; ".join(f"{cites.label(q.article)}: {q.text}" for q in item.quotes)
                out.append(_wrap(f"({quoted})", "    "))
            out += [_wrap(_line(child, cites), "      ", "    * ") for child in item.children]
        if section.more:
            out.append(f"  {section.more}")
    return out


def _line(item: Item, cites: Citations) -> str:
    return f"{item.text} [{cites.cite(item.articles)}]" if item.articles else item.text
