"""The HTML briefing, read as markup: self-contained, escaped, and linking every line to its span."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape as html_escape
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from sample_briefing import (
    INJURED_12, INJURED_14, OLD_FIRE, S2, TEXTS, XSS_SCRIPT, XSS_TITLE, sample_briefing,
)
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.model import Briefing, squash
from newsbrief.report import render
from newsbrief.report.html import utf16_offset


class Tags(HTMLParser):
    """Every start tag with its attributes, and the raw content of each <script>."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def page() -> str:
    return render(sample_briefing(), "html")


def data_block(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="nb-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_self_contained_no_external_resources() -> None:
    html = page()
    tags = Tags(html)
    assert not [a for t, a in tags.tags if t in ("script", "img", "iframe", "link") and (a.get("src") or a.get("href"))]
    assert "@import" not in html and "url(" not in html
    hrefs = [a["href"] for t, a in tags.tags if t == "a" and a.get("href")]
    assert hrefs and all(h == "#viewer" or h.startswith("https://www.example-news.test/") for h in hrefs)
    assert "https://www.example-news.test/" in data_block(html)["articles"][0]["url"]


def test_only_the_page_script_may_run() -> None:
    html = page()
    tags = Tags(html)
    scripts = tags.find("script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    csp = tags.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    digest = base64.b64encode(hashlib.sha256(tags.scripts[-1].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


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


def test_summary_lines_link_to_utf16_spans() -> None:
    tags = Tags(page())
    lines = tags.find("a", **{"class": "line"})
    assert [a["data-i"] for a in lines] == ["0", "1", "0"]
    text = TEXTS["ellis-2"]
    start = text.index(S2)
    assert int(lines[1]["data-s"]) == start + 1  # the emoji before it is two UTF-16 units
    assert int(lines[1]["data-e"]) == start + 1 + len(S2)
    assert utf16_offset("a😀b", 2) == 3 and utf16_offset("abc", 99) == 3


def test_facts_side_by_side_with_their_sources() -> None:
    html = page()
    agreed = html[html.index('class="side agreed"'):html.index('class="side disputed"')]
    disputed = html[html.index('class="side disputed"'):html.index("<h4>Claims</h4>")]
    claims = html[html.index("<h4>Claims</h4>"):html.index('id="timeline"')]
    assert "9 hours of firefighting" in agreed and "Ines Calder (person)" in agreed and "people injured" not in agreed
    assert "people injured" in disputed and ">12<" in disputed and ">14<" in disputed
    assert OLD_FIRE in disputed and "2 people injured" in disputed and "two workers" not in agreed
    assert "Ines Calder said the blaze started" in claims
    starts = {(a["data-i"], a.get("data-s")) for a in Tags(disputed).find("a")}
    assert ("0", str(TEXTS["ellis-1"].index(INJURED_12))) in starts
    assert ("1", str(TEXTS["ellis-2"].index(INJURED_14) + 1)) in starts
    assert ("3", str(TEXTS["ellis-old"].index("injured two workers"))) in starts


def test_timeline_chart_and_coverage_grid() -> None:
    html = page()
    svg = html[html.index("<svg"):html.index("</svg>")]
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert len(xs) == 3 and xs == sorted(xs) and xs[2] - xs[1] < xs[1] - xs[0]
    assert 'class="brk"' in svg  # 2019 -> 2024 is drawn as a break in the axis
    grid = html[html.index('class="grid"'):html.index('id="account"')]
    rows = re.findall(r"<tr[^>]*><th>(.*?)</th>(.*?)</tr>", grid)
    cells = {name: re.findall(r"<td[^>]*>(.*?)</td>", row) for name, row in rows}
    assert [bool(c) for c in cells["Port Ellis (place)"]] == [True, True, False, True]
    assert [">12<" in c or ">14<" in c for c in cells["people injured"]] == [True, True, False, False]


def test_account_of_every_article() -> None:
    html = page()
    account = html[html.index('id="account"'):]
    for rec in sample_briefing().articles:
        assert f'<span class="badge st-{rec.status}">{rec.status}</span>' in account
        assert html_escape(rec.reason) in account
    assert "1 boilerplate span removed" in account
    assert len(re.findall(r'<a class="open"', account)) == 4  # the unreadable one has no text to open


def test_without_facts_the_page_still_renders() -> None:
    b = sample_briefing()
    bare = Briefing(b.title, b.summary, b.articles)
    html = render(bare, "html")
    assert "No facts were extracted" in html and "No dated events" in html and "<svg" not in html
    empty = render(Briefing("(no usable articles)", [], b.articles[-1:]), "html")
    assert "Nothing usable to summarize" in empty


def test_brief_command_writes_html(tmp_path: Path) -> None:
    for name in ("ellis-1", "ellis-2"):
        (tmp_path / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
    out = tmp_path / "brief.html"
    res = CliRunner().invoke(load_commands(), ["brief", str(tmp_path), "--format", "html", "-o", str(out)])
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
