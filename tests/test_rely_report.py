"""Regression tests of issue 16 across the reports, the pipeline's account and batch mode:

* Markdown escapes the articles' own markup, and every format writes a briefing whose strings hold
  lone surrogates (a Briefing made by hand, not through ingest, which scrubs them);
* the account lists unreadable inputs where they came, not last;
* a deeply nested line is an error line of its own in ``summarize``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO
from markdown_it import MarkdownIt

from newsbrief.model import (ArticleRecord, Briefing, ClaimFact, Conflict, PartySide, Source, SummarySentence,
                             TimelineEntry)
from newsbrief.pipeline import brief
from newsbrief.report import FORMATS, render

LINK = "[town](http://evil.example)"
TEXT = (f"Residents of {LINK} fled on Monday. # Breaking: the fire reached the port. "
        "The mayor called it a ``disaster`` and asked for `calm`.")


def _briefing(text: str, title: str) -> Briefing:
    """A briefing made by hand, so that every string in it is exactly what the test says."""
    span = Source("a", 0, len(text), text)
    return Briefing(
        title=title,
        summary=(SummarySentence("a", 0, len(text), text, ("b",)),),
        articles=(ArticleRecord("a", "used", "1 of its 3 sentences in the summary", title=title, text=text),
                  ArticleRecord("b", "used", f"said: {text}", title=title, text=text)),
        facts=(ClaimFact(speaker="the mayor", verb="said", content=text, statement=text, sources=(span,)),),
        conflicts=(Conflict(text, "agency", (PartySide(party=text, account=(text,), articles=("a",), sources=(span,)),
                                              PartySide(party=title, account=(title,), articles=("b",)))),),
        timeline=(TimelineEntry("2024-05-06", text, ("a", "b")),),
    )


def test_markdown_shows_the_articles_markup_as_text() -> None:
    html = MarkdownIt().render(render(_briefing(TEXT, f"Fire in {LINK}"), "markdown"))
    assert "evil.example\"" not in html and "<a " not in html  # no live link
    assert html.count("<h1>") == 1 and "<li><h1>" not in html  # the briefing's title is the only heading
    assert "<code>disaster</code>" not in html and "<code>calm</code>" not in html
    assert LINK in html and "# Breaking" in html  # shown as the article wrote it


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_lone_surrogates(fmt: str) -> None:
    out = render(_briefing("Lone \ud800 here, and \udfff there.", "Bad \udc00 title"), fmt)
    out.encode("utf-8")
    assert "here, and" in out


def test_the_account_lists_unreadable_inputs_where_they_came(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00binary")
    (tmp_path / "a.html").write_bytes(b"\x00binary")
    paths = [str(tmp_path / "a.txt"), str(EXAMPLE / "varen-daily.txt"), str(tmp_path / "a.html"),
             str(EXAMPLE / "northern-wire.txt")]
    ids = [a.id for a in brief(paths, facts=False).articles]
    assert ids == ["a", "varen-daily", "a#2", "northern-wire"]


def test_summarize_gives_a_deeply_nested_line_an_error_line_of_its_own(tmp_path: Path) -> None:
    texts = [(EXAMPLE / f).read_text(encoding="utf-8") for f in ("varen-daily.txt", "northern-wire.txt")]
    good = json.dumps({"id": "c", "articles": [{"text": t} for t in texts]})
    data = tmp_path / "deep.jsonl"
    data.write_text(f"{good}\n{'[' * 100_000}\n{good}\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "newsbrief.cli", "summarize", str(data)], capture_output=True,
                         text=True, cwd=REPO)
    assert res.returncode == 0 and "Traceback" not in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["c", f"{data}:2", "c"] and "nested too deeply" in rows[1]["error"]
