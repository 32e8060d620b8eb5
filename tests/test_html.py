"""The HTML briefing, read as markup: self-contained, escaped, and linking every line to its span."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest
from sample_briefing import (
    INJURED_12, INJURED_14, OLD_FIRE, OLD_STORY, S2, TEXTS, XSS_SCRIPT, XSS_TITLE, developing_briefing,
    sample_briefing,
)
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.model import Briefing, Since, TimelineEntry, squash
from newsbrief.report import html as html_report
from newsbrief.report import page as page_view
from newsbrief.report import render
from newsbrief.report.chart import DIGIT_WIDTH
from newsbrief.report.page import utf16_offset
from newsbrief.report.sections import Part


class Tags(HTMLParser):
    """Every start tag with its attributes, the raw content of each <script> and <style>, and the text."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in self.raw else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)
        else:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def page(briefing: Briefing | None = None) -> str:
    return render(briefing or sample_briefing(), "html")


def data_block(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="nb-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def between(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_self_contained_no_external_resources() -> None:
    html = page()
    tags = Tags(html)
    assert not [a for t, a in tags.tags if t in ("script", "img", "iframe", "link") and (a.get("src") or a.get("href"))]
    assert "@import" not in html and "url(" not in html
    hrefs = [a["href"] for t, a in tags.tags if t == "a" and a.get("href")]
    assert hrefs and all(h == "#viewer" or h.startswith("https://www.example-news.test/") for h in hrefs)
    assert "https://www.example-news.test/" in data_block(html)["articles"][0]["url"]


def test_only_the_page_script_and_style_apply() -> None:
    tags = Tags(page())
    assert [s.get("type") for s in tags.find("script")] == ["application/json", None]
    csp = tags.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    script, style = tags.raw["script"][-1], tags.raw["style"][0]
    assert f"script-src 'sha256-{sha256(script)}'" in csp and f"style-src 'sha256-{sha256(style)}'" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp
    static = files("newsbrief.report") / "static"
    assert script == (static / "page.js").read_text(encoding="utf-8")  # the package files, inlined as they are
    assert style == (static / "page.css").read_text(encoding="utf-8")
    assert not [a for _, a in tags.tags if "style" in a]  # no inline style attribute the hash would block


def test_templates_escape_everything_they_are_given() -> None:
    env = html_report._environment()
    assert env.autoescape is True
    folder = files("newsbrief.report") / "templates"
    for template in folder.iterdir():
        assert "|safe" not in template.read_text(encoding="utf-8").replace(" ", ""), template.name


def test_hostile_article_text_is_escaped_everywhere() -> None:
    html = page()
    tags = Tags(html)
    assert not [a for _, a in tags.tags for name in a if name.startswith("on")]
    assert html.count("<script") == 2 and "<b>contain</b>" not in html and "<img" not in html
    assert "Crews &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert not [h for _, a in tags.tags if (h := a.get("href")) and h.lower().startswith("javascript")]
    block = data_block(html)
    assert block["articles"][1]["text"] == TEXTS["ellis-2"] and XSS_SCRIPT in block["articles"][1]["text"]
    assert block["articles"][1]["title"] == XSS_TITLE and block["articles"][1]["url"] is None
    assert "javascript:alert(4)" in "".join(Tags(between(html, 'id="account"', "</section>")).text)


def test_summary_lines_link_to_utf16_spans() -> None:
    tags = Tags(page())
    lines = tags.find("a", **{"class": "line"})
    assert [a["data-i"] for a in lines] == ["0", "1", "0"]
    text = TEXTS["ellis-2"]
    start = text.index(S2)
    assert int(lines[1]["data-s"]) == start + 1  # the emoji before it is two UTF-16 units
    assert int(lines[1]["data-e"]) == start + 1 + len(S2)
    assert utf16_offset("a😀b", 2) == 3 and utf16_offset("abc", 99) == 3


def test_sources_are_cited_by_outlet_and_date() -> None:
    html = page()
    summary = between(html, 'id="summary"', "</section>")
    assert [squash(unescape(re.sub(r"<[^>]+>", " ", c))) for c in re.findall(r'class="chip"[^>]*>(.*?)</a>', summary)] \
        == ["example-news.test 12 Mar 2024 (a)", "example-news.test 12 Mar 2024 (b)", "ellis-2",
            "example-news.test 12 Mar 2024 (a)", "ellis-2"]
    assert 'title="example-news.test, 12 Mar 2024 (a): Fire destroys warehouse' in summary


def test_article_ids_on_the_page_are_the_json_ids() -> None:
    html = page()
    account = between(html, 'id="account"', "</section>")
    assert re.findall(r"<code>(.*?)</code>", account) == [r.id for r in sample_briefing().articles]
    assert "cited as example-news.test, 12 Mar 2024 (b)" in account
    assert 'class="n' not in html  # no 1..N numbering of articles anywhere
    assert [a["id"] for a in data_block(html)["articles"]] == [r.id for r in sample_briefing().articles]


def test_each_part_has_its_own_heading() -> None:
    html = page()
    headings = [unescape(h) for h in re.findall(r"<h3>(.*?)</h3>", html)]
    assert headings == [p.heading("story") for p in (Part.AGREED, Part.DISPUTED, Part.CLAIMS, Part.CONTEXT, Part.NAMES)]
    agreed = between(html, 'id="part-agreed"', 'id="part-disputed"')
    disputed = between(html, 'id="part-disputed"', 'id="part-claims"')
    context = between(html, 'id="part-context"', 'id="part-names"')
    assert "9 hours of firefighting" in agreed and "people injured" not in agreed
    assert "people injured" in disputed and ">12<" in disputed and ">14<" in disputed and OLD_FIRE not in disputed
    assert OLD_FIRE in context and "2 people injured" in context
    assert "Ines Calder said the blaze started" in between(html, 'id="part-claims"', "</div>")
    starts = {(a["data-i"], a.get("data-s")) for a in Tags(disputed).find("a")}
    assert ("0", str(TEXTS["ellis-1"].index(INJURED_12))) in starts
    assert ("1", str(TEXTS["ellis-2"].index(INJURED_14) + 1)) in starts
    assert ("3", str(TEXTS["ellis-old"].index("injured two workers"))) in {
        (a["data-i"], a.get("data-s")) for a in Tags(context).find("a")}


def test_nothing_disputed_says_so_and_context_stays_under_its_own_heading() -> None:
    b = sample_briefing()
    html = page(replace(b, conflicts=()))
    disputed = between(html, 'id="part-disputed"', "</div>")
    assert "do not contradict each other" in disputed and OLD_FIRE not in disputed
    assert OLD_FIRE in between(html, 'id="part-context"', "</div>")


def test_a_part_without_a_place_is_drawn_below(monkeypatch: pytest.MonkeyPatch) -> None:
    """A part another stage adds needs no template change: without a place it is listed below the others."""
    monkeypatch.delitem(page_view.PLACES, Part.CLAIMS)
    html = page()
    claims = between(html, 'id="part-claims"', "</div>")
    assert "<h3>Claims</h3>" in claims and "Ines Calder said the blaze started" in claims
    assert html.index('id="part-claims"') > html.index('id="part-disputed"')


def test_a_cut_section_says_so_on_the_page() -> None:
    b = sample_briefing()
    html = page(replace(b, facts=b.facts * 7))  # 14 names, 12 shown
    assert "… and 2 more in the JSON" in between(html, 'id="part-names"', "</section>")


def test_timeline_chart_and_coverage_grid() -> None:
    html = page()
    svg = html[html.index("<svg"):html.index("</svg>")]
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert len(xs) == 3 and xs == sorted(xs) and xs[2] - xs[1] < xs[1] - xs[0]
    assert 'class="brk"' in svg  # 2019 -> 2024 is drawn as a break in the axis
    assert "12 Mar 2024" in between(html, '<ol class="timeline">', "</ol>")
    grid = between(html, 'class="grid"', 'id="account"')
    heads = re.findall(r'<th class="col"[^>]*>.*?title="([^"]*)"', grid)
    assert [h.split(":")[0] for h in heads] == ["example-news.test, 12 Mar 2024 (a)", "ellis-2",
                                                "example-news.test, 12 Mar 2024 (b)", "Port Ellis Gazette, 11 Mar 2024"]
    rows = re.findall(r'<tr[^>]*><th scope="row">(.*?)</th>(.*?)</tr>', grid)
    cells = {name: re.findall(r"<td[^>]*>(.*?)</td>", row) for name, row in rows}
    assert [bool(c) for c in cells["Port Ellis (place)"]] == [True, True, False, True]
    assert [">12<" in c or ">14<" in c for c in cells["people injured"]] == [True, True, False, False]
    assert 'data-col="ellis-2"' in grid  # what a phone shows beside each cell, the table being stacked


def test_account_of_every_article() -> None:
    html = page()
    account = html[html.index('id="account"'):]
    for rec in sample_briefing().articles:
        assert f'<span class="badge st-{rec.status}">{rec.status}</span>' in account
        assert rec.reason in unescape(account)
    assert "1 boilerplate span removed" in account
    assert len(re.findall(r'<a class="open"', account)) == 4  # the unreadable one has no text to open


def test_without_facts_the_page_still_renders() -> None:
    b = sample_briefing()
    bare = Briefing(b.title, b.summary, b.articles)
    html = render(bare, "html")
    assert "No facts were extracted" in html and "No dated events" in html and "<svg" not in html
    empty = render(Briefing("(no usable articles)", (), b.articles[-1:]), "html")
    assert "Nothing usable to summarize" in empty


def test_brief_command_writes_html(tmp_path: Path) -> None:
    folder = tmp_path / "articles"  # the briefing beside it, not in it (an input folder would read it next time)
    folder.mkdir()
    for name in ("ellis-1", "ellis-2"):
        (folder / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
    out = tmp_path / "brief.html"
    res = CliRunner().invoke(load_commands(), ["brief", str(folder), "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<script") == 2
    lines = re.findall(r'<a class="line" href="#viewer" role="button" data-i="(\d+)" data-s="(\d+)" '
                       r'data-e="(\d+)"[^>]*>(.*?)</a>', html)
    block = data_block(html)
    assert lines
    for i, start, end, text in lines:
        utf16 = block["articles"][int(i)]["text"].encode("utf-16-le")
        source = utf16[2 * int(start):2 * int(end)].decode("utf-16-le")
        assert squash(source) == unescape(text)


# --- a developing story: the notice, the figures that changed, the background ---------------------


def test_several_stories_open_the_page_with_a_notice() -> None:
    html = page(developing_briefing())
    header = between(html, "<header>", "</header>")
    assert 'class="notice"' in header and "This input holds 2 stories" in unescape(header)
    assert "--per-story" in header and "newsbrief group" in header
    assert 'class="notice"' not in page()  # one story: nothing to say


def test_figures_that_changed_sit_above_the_disputed_ones_with_their_path_and_sources() -> None:
    html = page(developing_briefing())
    headings = [unescape(h) for h in re.findall(r"<h3>(.*?)</h3>", between(html, 'id="facts"', "</section>"))]
    assert headings[:3] == [p.heading("story") for p in (Part.AGREED, Part.UPDATES, Part.DISPUTED)]
    updates = between(html, 'id="part-updates"', 'id="part-disputed"')
    assert '<div class="part updates" id="part-updates">' in html
    assert "people injured: 14 as of 13 Mar 2024 — at least 12 (12 Mar) → 14 (13 Mar)" in unescape(updates)
    starts = {(a["data-i"], a.get("data-s")) for a in Tags(updates).find("a")}  # each figure opens its span
    assert ("0", str(TEXTS["ellis-1"].index(INJURED_12))) in starts
    assert ("1", str(TEXTS["ellis-2"].index(INJURED_14) + 1)) in starts
    assert "do not contradict" in between(html, 'id="part-disputed"', "</div>")  # an update is no dispute
    grid = between(html, 'class="grid"', 'id="account"')
    assert re.search(r'<tr class="upd"><th scope="row">people injured: 14 as of', grid)
    assert ">at least 12<" in grid and ">14<" in grid


def test_background_is_its_own_list_under_the_timeline_and_weeks_read_as_weeks() -> None:
    html = page(developing_briefing())
    timeline = between(html, 'id="timeline"', "</section>")
    story, background = between(timeline, 'id="part-timeline"', 'id="part-background"'), timeline[timeline.index('id="part-background"'):]
    assert "<h2>Timeline</h2>" in story and f"<h3>{Part.BACKGROUND.heading('story')}</h3>" in background
    assert len(re.findall(r"<circle ", story)) == 4 and "<svg" not in background  # the chart is the story's
    assert "a smaller fire at the dock" in background and "a smaller fire" not in story
    assert "<time>1 Jun 2019</time>" in background
    dates = re.findall(r"<time>(.*?)</time>", story)
    assert dates == ["12 Mar 2024", "13 Mar 2024", "week of 11 Mar 2024", "Mar 2024"]
    assert "2024-W11" not in html.split('id="nb-data"')[0]  # no ISO week shown to the reader
    assert ">week of 11 Mar 2024<" in between(html, "<svg", "</svg>")
    assert OLD_STORY in unescape(html)


def test_a_crowded_chart_writes_only_the_numbers_that_fit() -> None:
    entries = tuple(TimelineEntry(f"2001-W{w:02d}" if w % 5 == 0 else f"2001-03-{w % 28 + 1:02d}", f"Happening {w}.",
                                  ("ellis-1",)) for w in range(1, 61))
    svg = between(page(replace(sample_briefing(), timeline=entries)), "<svg", "</svg>")
    numbers = [(float(x), int(n)) for x, n in re.findall(r'<text class="tn" x="([\d.]+)"[^>]*>(\d+)</text>', svg)]
    assert svg.count("<circle") == 60 and numbers[0][1] == 1 and 10 < len(numbers) < 60
    assert all(b[0] - a[0] >= DIGIT_WIDTH * (len(str(b[1])) + 1)
               for a, b in zip(numbers, numbers[1:]))


def test_an_update_briefing_marks_its_new_timeline_entries_on_the_page_as_in_text() -> None:
    """The reader had read ellis-1: the entries only ellis-2 gives are news, marked "(new)" on the page's
    timeline as in the text report; those ellis-1 gives are not."""
    b = replace(developing_briefing(), since=Since(("ellis-1",)))
    page = render(b, "html")
    text = render(b, "text")
    assert "(new) week of 11 Mar 2024: the harbour reopened" in text
    assert "(new) the harbour reopened" in page
    assert "(new) Harbour master Ines Calder said" not in page
