"""The HTML briefing in a real headless Chromium: click a line, see its span; hostile text stays text.

Uses Debian's ``chromium`` (``make test`` installs it where missing) through the
Python ``playwright`` driver pointed at that binary; Playwright's own browser
download is never used. Skips, saying why, only where Chromium is not installed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE
from sample_briefing import (
    INJURED_12, INJURED_14, S1, S2, XSS_IMG, XSS_SCRIPT, XSS_TITLE, developing_briefing, sample_briefing,
)

from newsbrief.model import squash
from newsbrief.pipeline import brief
from newsbrief.report import render

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
DESK = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    exe = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    if not exe:
        pytest.skip(f"Chromium is not installed ({CHROMIUM}); `make test` installs Debian's chromium "
                    "with apt-get, which needs root on a Debian-like system")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=exe, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page with everything that must not happen on it recorded."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def quiet(self) -> bool:
        return not (self.requests or self.dialogs or self.console or self.errors)


def open_page(browser: Any, html: str, folder: Path, viewport: dict[str, int] = DESK) -> Opened:
    file = folder / "brief.html"
    file.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport=viewport)
    opened = Opened(page, file.as_uri())
    page.on("request", lambda r: r.url != opened.url and opened.requests.append(r.url))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.goto(opened.url)
    return opened


@pytest.fixture
def sample(browser: Any, tmp_path: Path) -> Iterator[Opened]:
    opened = open_page(browser, render(sample_briefing(), "html"), tmp_path)
    yield opened
    opened.page.close()


def highlight(page: Any) -> str:
    return page.locator("#viewer mark#hl").inner_text()


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.height && (r.right > width + 0.5 || r.left < -0.5 || r.width > width))
      out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class")} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, width: width, wide: out.slice(0, 10)};
}"""


def assert_fits(page: Any) -> None:
    """Nothing runs off the right edge: the document does not scroll sideways and no element sticks out."""
    fit = page.evaluate(OVERFLOW)
    assert fit["scroll"] <= fit["width"] and not fit["wide"], fit


def long_words(briefing: Any) -> Any:
    """The sample with what breaks a narrow layout: a title, a summary line and an outlet of unbroken words."""
    word = "Supercalifragilisticexpialidocious" * 3
    line = replace(briefing.summary[0], text=f"{briefing.summary[0].text} {word}")
    records = tuple(replace(r, outlet=f"www.{word}.example") if r.id == "ellis-2" else r for r in briefing.articles)
    return replace(briefing, title=f"{word} {briefing.title}", summary=(line, *briefing.summary[1:]), articles=records)


def test_clicking_a_sentence_highlights_it_in_its_source(sample: Opened, tmp_path: Path) -> None:
    page = sample.page
    lines = page.locator("a.line")
    lines.nth(1).click()
    assert page.locator("#viewer").get_attribute("data-article") == "ellis-2"
    assert highlight(page) == S2  # after an emoji: offsets converted to UTF-16 correctly
    assert page.locator("#viewer mark#hl").is_visible()
    assert page.locator("#viewer .v-head h2").inner_text().endswith(XSS_TITLE)
    assert page.locator("#viewer .v-head code").inner_text() == "ellis-2"  # the id the JSON uses
    lines.nth(0).click()
    assert page.locator("#viewer").get_attribute("data-article") == "ellis-1"
    assert highlight(page) == S1 and page.locator("#viewer mark").count() == 1
    assert page.locator("a.line.active").count() == 1
    assert page.locator("#viewer .removed").inner_text() == "Share this article"
    page.screenshot(path=str(tmp_path / "briefing.png"), full_page=True)  # for a person to look at
    assert sample.quiet(), (sample.requests, sample.dialogs, sample.console, sample.errors)


def test_hostile_article_text_is_shown_and_never_runs(sample: Opened) -> None:
    page = sample.page
    page.locator("#account a.open").nth(1).click()
    shown = page.locator("#viewer .v-text").inner_text()
    assert XSS_SCRIPT in shown and XSS_IMG in shown
    assert page.locator("#account").inner_text().count("</script><script>alert(3)</script>") == 1
    assert page.title() == "Fire destroys warehouse at Port Ellis harbour"
    assert page.evaluate("document.body.dataset.pwned") is None
    assert page.locator("script").count() == 2 and page.locator("img").count() == 0
    assert sample.quiet(), (sample.requests, sample.dialogs, sample.console, sample.errors)


def test_disputed_value_opens_the_span_that_gave_it(sample: Opened) -> None:
    page = sample.page
    page.locator(".disputed a.chip").nth(1).click()
    assert page.locator("#viewer").get_attribute("data-article") == "ellis-2"
    assert highlight(page) == INJURED_14
    page.locator("table.grid a.hit", has_text="12").click()
    assert highlight(page) == INJURED_12
    assert page.locator("svg.tchart circle").count() == 3


def test_every_line_of_a_real_briefing_points_at_its_text(browser: Any, tmp_path: Path) -> None:
    result = brief(EXAMPLE, max_words=120)
    opened = open_page(browser, render(result, "html"), tmp_path)
    page = opened.page
    lines = page.locator("a.line")
    assert lines.count() == len(result.summary) > 1
    for i, line in enumerate(result.summary):
        lines.nth(i).click()
        assert page.locator("#viewer").get_attribute("data-article") == line.article
        assert squash(highlight(page)) == line.text
    page.screenshot(path=str(tmp_path / "example.png"), full_page=True)
    assert opened.quiet(), (opened.requests, opened.dialogs, opened.console, opened.errors)
    page.close()


@pytest.mark.parametrize("make", [sample_briefing, lambda: long_words(sample_briefing())], ids=["sample", "long-words"])
def test_reads_on_a_phone(browser: Any, tmp_path: Path, make: Any) -> None:
    opened = open_page(browser, render(make(), "html"), tmp_path, PHONE)
    page = opened.page
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)  # for a person to look at
    assert_fits(page)
    line = page.locator("a.line").nth(1)
    line.click()
    assert highlight(page) == S2 and page.locator("#viewer mark#hl").is_visible()
    assert page.locator("#viewer").evaluate("v => v.getBoundingClientRect().top") < PHONE["height"] / 2
    assert_fits(page)  # the article's own text wraps too
    page.locator("#viewer button.back").click()
    assert line.evaluate("a => { const r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert opened.quiet(), (opened.requests, opened.dialogs, opened.console, opened.errors)
    page.close()


def test_back_button_is_for_phones_only(sample: Opened) -> None:
    page = sample.page
    page.locator("a.line").first.click()
    assert not page.locator("#viewer button.back").is_visible()  # beside the briefing, nothing to go back to


def test_a_real_briefing_reads_on_a_phone(browser: Any, tmp_path: Path) -> None:
    result = brief(EXAMPLE, max_words=120)
    opened = open_page(browser, render(result, "html"), tmp_path, PHONE)
    page = opened.page
    page.screenshot(path=str(tmp_path / "example-phone.png"), full_page=True)
    assert_fits(page)
    lines = page.locator("a.line").count()
    assert lines == len(result.summary) > 0, "every summary line is on the page"
    for i in range(lines):
        page.locator("a.line").nth(i).click()
        assert squash(highlight(page)) == result.summary[i].text
        assert_fits(page)
    assert opened.quiet(), (opened.requests, opened.dialogs, opened.console, opened.errors)
    page.close()


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["desk", "phone"])
def test_a_developing_story_reads_on_desk_and_phone(browser: Any, tmp_path: Path, viewport: dict[str, int]) -> None:
    """The notice, the figures that changed (above the disputed ones, each figure opening its span) and the
    background under the timeline, at 1400 and 390 pixels."""
    opened = open_page(browser, render(developing_briefing(), "html"), tmp_path, viewport)
    page = opened.page
    page.screenshot(path=str(tmp_path / "developing.png"), full_page=True)  # for a person to look at
    assert_fits(page)
    assert page.locator("header .notice").is_visible()
    box = {part: page.locator(f"#part-{part}").bounding_box() for part in ("agreed", "updates", "disputed")}
    assert box["updates"]["y"] + box["updates"]["height"] <= box["disputed"]["y"]  # above the disputed facts
    if viewport is DESK:
        assert box["updates"]["x"] > box["agreed"]["x"] + box["agreed"]["width"]  # beside the agreed ones
    page.locator("#part-updates ul.kids a.chip").nth(1).click()
    assert page.locator("#viewer").get_attribute("data-article") == "ellis-2" and highlight(page) == INJURED_14
    page.locator("#part-updates ul.kids a.chip").nth(0).click()
    assert highlight(page) == INJURED_12
    timeline, background = page.locator("#part-timeline"), page.locator("#part-background")
    assert background.bounding_box()["y"] > timeline.bounding_box()["y"] + timeline.bounding_box()["height"] - 1
    assert page.locator("#part-timeline time").all_inner_texts()[2] == "week of 11 Mar 2024"
    assert_fits(page)
    assert opened.quiet(), (opened.requests, opened.dialogs, opened.console, opened.errors)
    page.close()
