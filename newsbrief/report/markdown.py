"""Markdown output: the summary as a list with source spans, the articles as a table."""

from __future__ import annotations

from newsbrief.model import Briefing


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render(briefing: Briefing) -> str:
    out = [f"# {briefing.title}", "", "## Summary", ""]
    for line in briefing.summary:
        also = f"; also in {', '.join(f'`{a}`' for a in line.support)}" if line.support else ""
        out.append(f"- {line.text} _(`{line.article}` {line.start}–{line.end}{also})_")
    if not briefing.summary:
        out.append("_Nothing usable to summarize._")
    out += ["", "## Articles", "", "| id | status | reason | title |", "|---|---|---|---|"]
    for rec in briefing.articles:
        out.append(f"| `{_cell(rec.id)}` | {rec.status} | {_cell(rec.reason)} | {_cell(rec.title)} |")
    return "\n".join(out) + "\n"
