"""Main text and metadata of a web page via trafilatura (comments and boilerplate left out)."""

from __future__ import annotations

from datetime import datetime

from newsbrief.ingest.times import parse_time


def extract_html(html: str) -> tuple[str, str | None, str | None, datetime | None] | None:
    """(text, title, url, time) of the page's main article, or None when it has none."""
    import trafilatura  # heavy (lxml, htmldate, courlan): loaded only when a page is read

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        return None
    return doc.text, doc.title or None, doc.url or None, parse_time(doc.date)
