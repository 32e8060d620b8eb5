"""Markdown output: the summary as a list with source spans, the facts as lists, the articles as a table."""

from __future__ import annotations

from newsbrief.model import Briefing
from newsbrief.report.sections import more, notice, sections


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render(briefing: Briefing) -> str:
    """The briefing as Markdown: title, summary lines with their sources, the facts, then the articles table."""
    out = [f"# {briefing.title}", ""]
    if notice(briefing):
        out += [f"> **Note:** {notice(briefing)}", ""]
    out += ["## Summary", ""]
    for line in briefing.summary:
        also = f"; also in {', '.join(f'`{a}`' for a in line.support)}" if line.support else ""
        out.append(f"- {line.text} _(`{line.article}` {line.start}–{line.end}{also})_")
    if not briefing.summary:
        out.append("_Nothing usable to summarize._")
    out += _facts(briefing)
    out += ["", "## Articles", "", "| id | status | reason | title |", "|---|---|---|---|"]
    for rec in briefing.articles:
        out.append(f"| `{_cell(rec.id)}` | {rec.status} | {_cell(rec.reason)} | {_cell(rec.title)} |")
    return "\n".join(out) + "\n"


def _facts(briefing: Briefing) -> list[str]:
    """Agreed facts, disputes, claims, context, names and timeline (see newsbrief.facts.view)."""
    out: list[str] = []
    for section in sections(briefing):
        out += ["", f"## {section.title}", ""]
        for item in section.items:
            note = f" — {_cell(item.note)}" if item.note else ""
            out.append(f"- {_cell(item.text)}{_cited(item.articles)}{note}")
            out += [f"  - {_cell(child.text)}{_cited(child.articles)}" for child in item.children]
        if more(section):
            out.append(f"- _{more(section)}_")
    return out


def _cited(articles: list[str]) -> str:
    return f" _({', '.join(f'`{a}`' for a in articles)})_" if articles else ""
