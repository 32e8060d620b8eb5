"""Markdown output: the summary as a list with its sources, the facts as lists, the articles as a table.

Article text is not Markdown: a ``[town](http://evil.example)`` in an article
must not become a live link, nor ``# `` a heading, backticks code or ``<b>``
HTML. Every piece of text that comes from the articles (titles, summary lines,
fact lines, reasons, ids, citations) goes through :func:`literal`, which
backslash-escapes what CommonMark and GitHub's tables read as markup, so a
renderer shows the text exactly as the article wrote it.
"""

from __future__ import annotations

import re

from newsbrief.model import Briefing, squash
from newsbrief.report.chars import printable
from newsbrief.report.citations import Citations
from newsbrief.report.sections import Item, notice, sections

_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
"""Characters that are markup anywhere in a line: escapes, code, emphasis, links and images, HTML,
autolinks and block quotes, table cells, strike-through, entities, headings and their closing ``#``."""

_BLOCK = re.compile(r"^(?:(?=[-+=])|(\d{1,9})(?=[.)]))")
"""What opens a block at the start of a list item: a bullet, a thematic break or setext underline, or an
ordered list's number; the escape goes before the sign, or between the number and its ``.`` or ``)``."""


def literal(text: str | None) -> str:
    """Article-derived text as Markdown that shows it as is: one line, every markup character escaped."""
    return _BLOCK.sub(r"\1\\", _INLINE.sub(r"\\\1", squash(text or "")), count=1)


def render(briefing: Briefing) -> str:
    """The briefing as Markdown: title, summary lines with their sources, the facts, then the articles table."""
    cites = Citations(briefing.articles)
    out = [f"# {literal(briefing.title)}", ""]
    if said := notice(briefing):
        out += [f"> **Note:** {literal(said)}", ""]
    out += ["## Summary", ""]
    for line in briefing.summary:
        out.append(f"- {literal(line.text)} _({literal(cites.source(line.article, line.support))})_")
    if not briefing.summary:
        out.append("_Nothing usable to summarize._")
    out += _facts(briefing, cites)
    out += ["", "## Articles", "", "| id | cited as | status | reason | title |", "|---|---|---|---|---|"]
    for rec in briefing.articles:
        out.append(f"| {literal(rec.id)} | {literal(cites.label(rec.id))} | {rec.status} | {literal(rec.reason)} "
                   f"| {literal(rec.title)} |")
    return printable("\n".join(out) + "\n")


def _facts(briefing: Briefing, cites: Citations) -> list[str]:
    """Each fact section: its lines with their sources, sub-lines below, and what was cut."""
    out: list[str] = []
    for section in sections(briefing):
        out += ["", f"## {section.title}", ""]
        for item in section.items:
            quoted = "; ".join(f"{cites.label(q.article)}: {q.text}" for q in item.quotes)
            note = f" — {literal(quoted)}" if quoted else ""
            out.append(f"- {_line(item, cites)}{note}")
            out += [f"  - {_line(child, cites)}" for child in item.children]
        if section.more:
            out += ["", f"_{section.more}_"]
    return out


def _line(item: Item, cites: Citations) -> str:
    cited = f" _({literal(cites.cite(item.articles))})_" if item.articles else ""
    return f"{literal(item.text)}{cited}"
