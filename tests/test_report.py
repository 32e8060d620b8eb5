"""Text, Markdown and JSON reports: citations a reader can use, article markup kept inert, any text survives."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from sample_briefing import S1, TEXTS, developing_briefing, sample_briefing

import newsbrief
from newsbrief.model import ArticleRecord, Briefing, ClaimFact, QuantityFact, Source, SummarySentence
from newsbrief.report import FORMATS, render
from newsbrief.report.citations import Citations, outlet_name
from newsbrief.report.dates import as_read, short_date
from newsbrief.report.page import utf16_offset
from newsbrief.report.markdown import literal
from newsbrief.report.sections import MAX_FACTS, Part, _claim, sections

# --- citations -------------------------------------------------------------------------------


def test_outlet_and_date_make_the_citation() -> None:
    assert outlet_name("www.BBC.co.uk") == "bbc.co.uk" and outlet_name("  Associated \n Press ") == "Associated Press"
    assert outlet_name(None) is None and outlet_name("x" * 60).endswith("…") and len(outlet_name("x" * 60)) == 40
    assert short_date("2000-08-07T23:30:00+02:00") == "7 Aug 2000" and short_date("2000-08-07") == "7 Aug 2000"
    assert short_date("2019-12") is None and short_date("Thursday") is None and short_date(None) is None


def test_dates_read_as_a_reader_reads_them() -> None:
    assert as_read("1998-W44") == "week of 26 Oct 1998" and as_read("2021-W01") == "week of 4 Jan 2021"
    assert as_read("1998-10") == "Oct 1998" and as_read("1998") == "1998" and as_read("1998-10-29") == "29 Oct 1998"
    assert as_read("Thursday") == "Thursday" and as_read("1998-W60") == "1998-W60" and as_read("1998-13") == "1998-13"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_timeline_weeks_and_months_read_as_words(fmt: str) -> None:
    out = render(developing_briefing(), fmt)
    timeline = out[out.index("TIMELINE" if fmt == "text" else "## Timeline"):]
    assert "week of 11 Mar 2024: the harbour reopened" in timeline and "Mar 2024: Harbour master" in timeline
    assert "2024-W11" not in out and "2024-03:" not in out and "1 Jun 2019: a smaller fire" in timeline
    assert json.loads(render(developing_briefing(), "json"))["timeline"][3]["date"] == "2024-W11"  # the model's
    cites = Citations([ArticleRecord("apw-1", "used", "", outlet="AP", time="2000-08-07T10:00:00"),
                       ArticleRecord("nyt-9", "used", "", outlet="www.nytimes.com"),
                       ArticleRecord("doc/3", "used", "")])
    assert [cites.label(a) for a in ("apw-1", "nyt-9", "doc/3")] == ["AP, 7 Aug 2000", "nytimes.com", "doc/3"]
    assert cites.label("not-in-the-briefing") == "not-in-the-briefing"


def test_namesakes_get_a_letter_in_input_order() -> None:
    records = [ArticleRecord(f"apw-{n}", "used", "", outlet="AP", time=f"2000-08-0{day}T0{n}:00:00")
               for n, day in enumerate((7, 7, 8, 7))]
    cites = Citations(records)
    assert [cites.label(r.id) for r in records] == ["AP, 7 Aug 2000 (a)", "AP, 7 Aug 2000 (b)", "AP, 8 Aug 2000",
                                                    "AP, 7 Aug 2000 (c)"]
    many = Citations([ArticleRecord(str(n), "used", "", outlet="AP") for n in range(28)])
    assert many.label("25") == "AP (z)" and many.label("27") == "AP (ab)"
    assert cites.cite([r.id for r in records], limit=2) == "AP, 7 Aug 2000 (a); AP, 7 Aug 2000 (b) and 2 more"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_cited_line_names_outlet_and_date_not_ids(fmt: str) -> None:
    out = render(sample_briefing(), fmt)
    summary = out[:out.index("Key facts" if fmt == "markdown" else "KEY FACTS")]
    assert "example-news.test, 12 Mar 2024 (a)" in summary and "also in example-news.test, 12 Mar 2024 (b)" in summary
    assert "ellis-1" not in summary and "ellis-3" not in summary
    assert "Port Ellis Gazette, 11 Mar 2024" in out  # the off-event article's count, as context
    account = out[out.index("ARTICLES" if fmt == "text" else "## Articles"):]
    for rec in sample_briefing().articles:  # the account ties each citation to the id the JSON uses
        assert rec.id in account
    assert "example-news.test, 12 Mar 2024 (b)" in account


def test_json_keeps_ids_and_gives_the_outlet() -> None:
    data = json.loads(render(sample_briefing(), "json"))
    assert data["summary"][0]["article"] == "ellis-1"
    assert {a["id"]: a["outlet"] for a in data["articles"]}["ellis-old"] == "Port Ellis Gazette"


def test_pipeline_fills_the_outlet_from_the_url() -> None:
    b = newsbrief.brief([{"id": "a", "url": "https://www.example-news.test/x", "time": "2024-03-12T10:00:00",
                          "text": TEXTS["ellis-1"]}, {"id": "b", "text": TEXTS["ellis-2"]}], facts=False)
    assert b.record("a").outlet == "example-news.test" and b.record("b").outlet is None
    assert "[example-news.test, 12 Mar 2024" in render(b, "text")


def test_quotes_are_cited_too() -> None:
    b = sample_briefing()
    hedged = QuantityFact(value=9, counts="hours of firefighting", sources=(
        Source("ellis-2", 0, 10, "nine hours"), Source("ellis-1", 0, 10, "about nine hours", qualifier="about")))
    out = render(replace(b, facts=(hedged,)), "text")
    assert "(example-news.test, 12 Mar 2024 (a): about nine hours)" in out


# --- Markdown keeps the articles' markup inert -----------------------------------------------

HOSTILE = ("# Breaking [town](http://evil.example) `rm -rf` <b>bold</b> ![x](http://evil.example/i.png) "
           "*shout* _under_ ~~gone~~ &lt;x&gt; | pipe \\ back")


def hostile_briefing() -> Briefing:
    """Markup in every piece of article-derived text: title, summary line, facts, reason, id, citation."""
    text = f"{HOSTILE}\n\n1. listed\n\n- bullet\n\n> quoted"
    ident = "[id](http://evil.example)"
    record = ArticleRecord(ident, "used", f"reason {HOSTILE}", title=HOSTILE, text=text, outlet="<i>Evil</i> News")
    line = SummarySentence(ident, 0, len(HOSTILE), HOSTILE)
    fact = QuantityFact(value=3, counts=f"workers {HOSTILE}", sources=(Source(ident, 0, 5, "three"),))
    starts = [SummarySentence(ident, 0, 5, start) for start in ("1. listed", "- bullet", "> quoted", "+ plus",
                                                                  "2) two", "### three", "=== under", "    code")]
    return Briefing(HOSTILE, (line, *starts), (record,), (fact,))


def test_markdown_does_not_execute_article_markup() -> None:
    out = render(hostile_briefing(), "markdown")
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(out)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"link_open", "image", "code_inline", "code_block", "fence", "html_inline", "html_block",
                        "s_open", "blockquote_open", "ordered_list_open", "hr"}
    assert "strong_open" not in kinds and _only_our_emphasis(tokens)
    headings = [_text(tokens[i + 1:i + 2]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [HOSTILE, "Summary", "Key facts", "Articles"]
    bullets = [t for t in tokens if t.type == "bullet_list_open"]
    assert len(bullets) == 2  # the summary and the facts: no list of the article's own
    html = md.render(out)
    assert "<b>" not in html and "<i>" not in html and 'href="http://evil.example"' not in html
    assert "[town](http://evil.example)" in _text(tokens) and "&lt;x&gt;" in _text(tokens)


def _text(tokens: list) -> str:
    """The text a reader sees, as the parser resolved it."""
    return "".join(c.content for t in tokens for c in t.children or () if c.type == "text")


def _only_our_emphasis(tokens: list) -> bool:
    """Emphasis is only what the report writes: the citation after a line, "_(...)_"."""
    for t in tokens:
        kids = t.children or []
        for i, c in enumerate(kids):
            if c.type == "em_open" and not kids[i + 1].content.startswith("("):
                return False
    return True


@pytest.mark.parametrize("start", ["1. x", "- x", "+ x", "= x", "# x", "> x", "2) x", "10. x"])
def test_literal_escapes_block_starts(start: str) -> None:
    tokens = MarkdownIt("commonmark").parse(f"- {literal(start)}")
    assert [t.type for t in tokens if t.type.endswith("_open")] == ["bullet_list_open", "list_item_open",
                                                                   "paragraph_open"]
    assert tokens[3].children[0].content == start


def test_literal_keeps_ordinary_text_readable() -> None:
    assert literal("regional-post said 5-3 at 3.5 km, 2010. Fine") == "regional-post said 5-3 at 3.5 km, 2010. Fine"
    assert literal("2010. The year") == "2010\\. The year" and literal("a\n\n# b") == "a \\# b"


# --- any text, any format --------------------------------------------------------------------


def surrogate_briefing() -> Briefing:
    b = sample_briefing()
    bad = "Fire \ud800 at the \udfff harbour"
    records = tuple(replace(r, title=bad, text=(r.text or "") + " \ud800", outlet="news\udc80.test")
                    for r in b.articles)
    summary = tuple(replace(s, text=s.text + " \ud800") for s in b.summary)
    fact = QuantityFact(value=4, counts="people \ud800 rescued", sources=(Source("ellis-1", 0, 4, "four \ud800"),))
    return replace(b, title=bad, articles=records, summary=summary, facts=(*b.facts, fact))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_survives_a_lone_surrogate(fmt: str) -> None:
    out = render(surrogate_briefing(), fmt)
    out.encode("utf-8")  # strict: raises on any surrogate left
    assert "Fire \ufffd at the \ufffd harbour" in out
    if fmt == "json":
        data = json.loads(out)
        rec = data["articles"][0]
        assert rec["text"].endswith(" \ufffd") and len(rec["text"]) == len(TEXTS["ellis-1"]) + 2


def test_a_briefing_of_surrogate_input_renders() -> None:
    arts = [{"id": "a\ud800", "title": "Fire \ud800 at port", "text": f"{S1} \ud800 More was said."},
            {"id": "b", "text": TEXTS["ellis-2"]}]
    b = newsbrief.brief(arts, facts=False)
    for fmt in FORMATS:
        newsbrief.render(b, fmt).encode("utf-8")


def test_offsets_count_a_lone_surrogate_as_one_unit() -> None:
    assert utf16_offset("\ud800x", 1) == 1 and utf16_offset("😀\ud800x", 2) == 3


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_terminal_controls_in_articles_are_replaced(fmt: str) -> None:
    b = sample_briefing()
    line = replace(b.summary[0], text="Fire \x1b[2J\x1b]0;owned\x07 at\x08\x08 the \x9b31m port\r")
    out = render(replace(b, summary=(line, *b.summary[1:])), fmt)
    assert not {"\x1b", "\r", "\x07", "\x08", "\x9b"} & set(out)
    assert out.split("SUMMARY" if fmt == "text" else "## Summary")[1].count("\ufffd") == 6


# --- cut sections say what they left out ----------------------------------------------------


def many_facts() -> Briefing:
    b = sample_briefing()
    facts = tuple(QuantityFact(value=n + 1, counts=f"thing {n}", sources=(Source("ellis-1", 0, 4, "Fire"),))
                  for n in range(MAX_FACTS + 12))
    return replace(b, facts=facts, conflicts=())


def test_a_cut_section_counts_what_it_left_out() -> None:
    agreed = next(s for s in sections(many_facts()) if s.part is Part.AGREED)
    assert (len(agreed.items), agreed.omitted, agreed.more) == (MAX_FACTS, 12, "… and 12 more in the JSON")
    text = render(many_facts(), "text")
    assert text.split("KEY FACTS")[1].split("TIMELINE")[0].rstrip().endswith("… and 12 more in the JSON")
    markdown = render(many_facts(), "markdown")
    assert "_… and 12 more in the JSON_" in markdown.split("## Key facts")[1].split("## Timeline")[0]
    assert "more in the JSON" not in render(sample_briefing(), "text")


def test_a_claim_is_shown_whole_when_its_sentence_names_the_speaker_by_any_part_of_the_name() -> None:
    """The band's manager, named in full elsewhere, is "Marlow" in the sentence: the sentence, whole, says
    who claims it; a sentence that only says "It" does not, so the claim is cut with its speaker."""
    said = "Marlow said the band would sue every site that shares its songs, but only after the tour."
    whole = ClaimFact(speaker="Dana Marlow", verb="said", content="the band would sue every site that shares "
                      "its songs", statement=said, sources=(Source("a", 0, len(said), said),))
    assert _claim(whole).text == said
    denied = "It denied that its aircraft flew over the valley that night."
    cut = ClaimFact(speaker="the defence ministry", verb="denied", content="that its aircraft flew over the "
                    "valley that night", statement=denied, sources=(Source("a", 0, len(denied), denied),))
    assert _claim(cut).text.startswith("the defence ministry denied")


def test_a_cut_claim_that_leaves_out_whom_it_was_told_to_says_said() -> None:
    told = "He told the crew he thought the storm would pass before the ship reached the strait."
    fact = ClaimFact(speaker="Captain Ruiz", verb="told", content="he thought the storm would pass before the "
                     "ship reached the strait", statement=told, sources=(Source("a", 0, len(told), told),))
    assert _claim(fact).text.startswith("Captain Ruiz said he thought")
