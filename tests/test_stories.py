"""Developing stories: a time for every article, stories and incidents, figures that change, the timeline.

Unit tests read short texts written here; those marked ``shared`` read the dev data in ../shared.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO
from typer.testing import CliRunner

from newsbrief import render
from newsbrief.cli import load_commands
from newsbrief.facts.check.quantities import group_quantities
from newsbrief.facts.check.updates import updates
from newsbrief.facts.read.entities import Gazetteer
from newsbrief.facts.read.dates import read_unit as read_dates
from newsbrief.facts.read.dates import resolve
from newsbrief.facts.read.dates import span
from newsbrief.facts.read.quantities import read_unit
from newsbrief.facts.read.units import Unit
from newsbrief.group.features import read_parts
from newsbrief.ingest import load
from newsbrief.ingest.dating import dateline, in_context, number_date
from newsbrief.model import Article, Briefing, Conflict, Story, TimelineEntry, ValueSide
from newsbrief.pipeline import brief, prepare_stories
from newsbrief.report.sections import Part, sections
from newsbrief.stories import _content

NOBODY = Gazetteer(())


# --- a time and an outlet for every article -----------------------------------------------------


def test_the_record_time_comes_first_and_says_so() -> None:
    (art,), _ = load([{"id": "a", "text": "Some text.", "time": "2020-02-28T09:15:00"}])
    assert (art.time, art.time_source) == (datetime(2020, 2, 28, 9, 15), "record")


def test_a_date_in_the_url() -> None:
    (art,), _ = load([{"id": "a", "text": "Some text.", "url": "https://news.example/2019/11/04/storm-toll"}])
    assert (art.time, art.time_source, art.outlet) == (datetime(2019, 11, 4), "url", "news.example")


def test_a_document_number_gives_the_date_and_the_agency_not_the_corpus() -> None:
    (art,), _ = load([{"id": "x", "doc_id": "APW20000807.0101", "text": "HOUSTON (AP) _ A storm came ashore."}])
    assert (art.time, art.time_source, art.outlet) == (datetime(2000, 8, 7), "document number", "AP")
    assert number_date("ZZQ19991231.0001") == (datetime(1999, 12, 31), None)
    assert number_date("no number here") is None


def test_a_dateline_names_place_day_and_agency() -> None:
    art = Article("a", "GENEVA, March 3 (Xinhua) -- Talks resumed on Tuesday.")
    line = dateline(art)
    assert (line.place, line.month, line.day, line.year, line.agency) == ("GENEVA", 3, 3, None, "Xinhua")
    assert dateline(Article("b", "HATAY (Turkey): Mourners sat outside.")) is None
    (dated,), _ = load([{"id": "c", "text": "PORT LOUIS (Island Wire) - A ferry sank."}])
    assert (dated.outlet, dated.time_source) == ("Island Wire", "unknown")


def test_a_yearless_dateline_takes_the_year_its_lead_weekday_fits_among_the_inputs_years() -> None:
    known = Article("k", "Background.", time=datetime(1998, 6, 1), time_source="record")
    filed = Article("f", "GENEVA, March 3 (Xinhua) -- The council met on Tuesday to vote.", time_source="unknown")
    silent = Article("s", "GENEVA, March 3 (Xinhua) -- The council met to vote.", time_source="unknown")
    dated = {a.id: a for a in in_context([known, filed, silent])}
    assert (dated["f"].time, dated["f"].time_source) == (datetime(1998, 3, 3), "dateline")
    assert dated["s"].time is None


def test_the_account_says_where_each_time_came_from() -> None:
    briefing = brief(EXAMPLE, max_words=60, facts=False)
    sources = {r.id: r.time_source for r in briefing.articles}
    assert sources["coastline-news"] == "page" and sources["harbour-times"] == "record"
    assert sources["varen-daily"] == "unknown"
    assert json.loads(render(briefing, "json"))["articles"][0]["time_source"]


# --- stories and incidents ---------------------------------------------------------------------


def test_a_one_story_input_has_one_story() -> None:
    briefing = brief(EXAMPLE, max_words=60, facts=False)
    assert len(briefing.stories) == 1
    assert set(briefing.stories[0].articles) == {r.id for r in briefing.articles if r.status in ("used", "off-event")}
    assert "NOTE" not in render(briefing, "text")


def _ten(multinews: list[dict], seed: int) -> list[dict]:
    """Ten articles of ten different one-event clusters."""
    rng = random.Random(seed)
    return [dict(rng.choice(c["articles"]), id=f"page{i}") for i, c in enumerate(rng.sample(multinews, 10))]


def test_only_the_words_that_tell_a_subject_apart_are_compared() -> None:
    parts = _content(read_parts("How to work from home", "People want time to work. The Kessel dam failed."))
    words = {w for bag in (parts.title, parts.lead, parts.body) for w in bag.word}
    assert "kessel" in words and "dam" in words and not words & {"work", "time", "people", "want", "home"}


UNRELATED = {
    "ferry": "The Kessel ferry ran aground off Marrow Point on Tuesday, and coastguard boats took 3 crew and 10 "
             "passengers ashore. Divers will inspect the hull in 2026.",
    "chess": "Ilsa Varnoff won the Dunmere chess open after a rook endgame, her 3rd title; the tournament drew 10 "
             "grandmasters and will return in 2026.",
    "orchard": "Growers in the Tamsin valley picked the first quinces of the season, and cider presses opened "
               "early. The cooperative expects 10 tonnes.",
    "budget": "The Lorrin council passed its budget after a tense vote, raising the levy on parking garages to "
              "fund tramway repairs.",
    "kettle": "Our review of the Brevo gooseneck kettle: the spout pours slowly, the thermostat holds water at 3 "
              "settings, and the handle stays cool.",
    "glacier": "Surveyors measured the retreat of the Osterfell glacier with drones, finding crevasses where "
               "meltwater had carved tunnels.",
}


def _stories_of(texts: dict[str, str]) -> list[tuple[str, ...]]:
    return [s.articles for s in prepare_stories([{"id": k, "text": t} for k, t in texts.items()])[1].stories]


def test_common_figures_and_years_join_no_pages() -> None:
    """A ferry grounding, a chess open and a quince harvest share "3", "10" and "2026", and nothing else."""
    assert len(_stories_of(UNRELATED)) == 6


def test_two_guides_of_one_kind_are_two_stories_when_no_story_holds_them() -> None:
    """A vegan guide and a weight-loss guide share "lentils" and "snacks" (similarity about 0.09): enough to
    clear the threshold, not enough for a story of two."""
    guides = {
        "vegan": "Going vegan starts with the pantry: lentils, chickpeas, tofu and tempeh replace meat, oat milk "
                 "replaces dairy, and a weekly batch of curry or chili keeps lunches simple. Watch vitamin B12 "
                 "and iron.",
        "weight": "Losing weight safely means walking daily, sleeping eight hours and drinking water before "
                  "meals; a food diary shows where snacks creep in, and lentils keep hunger away. Expect slow "
                  "progress on the scales.",
    }
    assert len(_stories_of({**UNRELATED, **guides})) == 8


def test_a_possessive_is_the_name_it_ends() -> None:
    """Typed or typographic, "Fools\u2019", "Fools'" and "Johnson's" are "fools" and "johnson" to compare."""
    parts = _content(read_parts(None, "Pranks filled April Fools\u2019 Day. Later, Dana Johnson's team and "
                                      "Johnson laughed at April Fools' jokes."))
    bags = (parts.title, parts.lead, parts.body)
    names, words = sum((bag.name for bag in bags), Counter()), sum((bag.word for bag in bags), Counter())
    assert names["fools"] == words["fools"] == 2 and words["johnson"] == 1
    assert not [t for t in [*names, *words] if "'" in t or "\u2019" in t]


@pytest.mark.shared
def test_ten_unrelated_web_pages_are_many_stories(shared_dir: Path) -> None:
    """Guide and blog pages share hundreds of common words ("work", "time", "it's") and common figures ("10",
    "2025"): those are not compared, and two pages of one kind are no story of two."""
    with gzip.open(shared_dir / "data" / "wcxb_dev_articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh]
    draws = [random.Random(seed).sample(pages, 10) for seed in range(6)]
    found = [len(prepare_stories([{"id": p["id"], "text": p["html"], "url": p["url"]} for p in draw])[1].stories)
             for draw in draws]
    assert min(found) >= 8, found


@pytest.mark.shared
def test_ten_unrelated_articles_are_many_stories_and_the_summary_keeps_to_one(multinews: list[dict]) -> None:
    briefings = [brief(_ten(multinews, seed), max_words=100, facts=False) for seed in range(10)]
    passed = [b for b in briefings if len(b.stories) >= 8 and len({line.article for line in b.summary}) <= 2]
    assert len(passed) >= 8
    briefing = passed[0]
    assert len({line.article for line in briefing.summary}) <= 2
    others = [r for r in briefing.articles if r.id not in briefing.stories[0].articles and r.status != "empty"]
    assert all(r.status == "off-event" and r.reason.startswith("about another story: \u201c") for r in others)
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    assert "--per-story" in text.split("SUMMARY")[0] and "newsbrief group" in markdown.split("## Summary")[0]


@pytest.fixture
def duc(shared_dir: Path) -> list[dict]:
    with (shared_dir / "data" / "duc2007_dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.mark.shared
def test_three_stories_shuffled_together_come_apart(duc: list[dict]) -> None:
    rng, right = random.Random(1), 0
    for _ in range(8):
        picked = rng.sample(duc, 3)
        records = [dict(a, id=f"{n}-{i}") for n, c in enumerate(picked) for i, a in enumerate(c["articles"])]
        rng.shuffle(records)
        _, found = prepare_stories(records)
        pure = all(max(map([a.split("-")[0] for a in s.articles].count, "012")) >= 0.9 * len(s.articles)
                   for s in found.stories)
        right += len(found.stories) == 3 and pure
    assert right >= 6


@pytest.mark.shared
def test_stories_over_years_keep_their_articles(duc: list[dict]) -> None:
    off = [r for c in duc[:6] for r in brief(c["articles"], max_words=60, facts=False).articles
           if r.status == "off-event"]
    assert len(off) <= 1


def _briefed(texts: dict[str, tuple[str, str | None]], facts: bool = True) -> Briefing:
    return brief([{"id": k, "title": None, "text": t, "time": when} for k, (t, when) in texts.items()],
                 max_words=80, facts=facts)


STORM = {
    "a": ("A hurricane struck the northern coast of Norland late on Monday, and at least 32 people were killed "
          "in floods and mudslides across the coastal provinces, emergency officials said.", "1998-10-27T08:00"),
    "b": ("Rescue teams reached villages cut off by the hurricane in Norland, where at least 32 people were "
          "killed when rivers burst their banks, the civil defence agency said on Tuesday.", "1998-10-27T20:00"),
    "c": ("The toll from the hurricane in Norland rose as rescuers reached the mountain villages: 231 people "
          "were killed, the civil defence agency said on Thursday.", "1998-10-29T10:00"),
    "d": ("Officials in Norland said 9,000 people were killed by the hurricane, a week after it struck the "
          "coast, and thousands more were missing in the flooded valleys.", "1998-11-03T09:00"),
}


def test_a_later_report_with_a_higher_figure_is_an_update_not_another_incident() -> None:
    briefing = _briefed(STORM)
    assert briefing.counts() == {"used": 4}
    update = next(c for c in briefing.conflicts if c.kind == "update")
    assert [(s.value, s.as_of) for s in update.sides] == [
        (32, "1998-10-27"), (231, "1998-10-29"), (9000, "1998-11-03")]
    assert not [c for c in briefing.conflicts if c.kind == "quantity" and c.about == update.about]
    text = " ".join(render(briefing, "text").split())
    assert "people killed: 9,000 as of 3 Nov 1998 — at least 32 (27 Oct) → 231 (29 Oct) → 9,000 (3 Nov)" in text
    assert [(r.status, r.reason) for r in _briefed(STORM, facts=False).articles if r.status != "used"] == [
        (r.status, r.reason) for r in briefing.articles if r.status != "used"]
    assert [r.status for r in _briefed(STORM, facts=False).articles] == [r.status for r in briefing.articles]


def test_an_earlier_strike_without_times_is_still_another_incident() -> None:
    texts = {k: (t, None) for k, (t, _) in STORM.items() if k != "d"}
    texts["a"] = (texts["a"][0].replace("at least 32", "231"), None)
    texts["b"] = (texts["b"][0].replace("at least 32", "231"), None)
    texts["old"] = ("A tropical storm struck the Norland coast and three people were killed, officials said, in "
                    "the worst weather the region had seen that year.", None)
    status = {r.id: r.status for r in _briefed(texts, facts=False).articles}
    assert status == {"a": "used", "b": "used", "c": "used", "old": "off-event"}


# --- figures that change ------------------------------------------------------------------------


def _counts(texts: dict[str, str]) -> list:
    return [q for a, t in texts.items() for q in read_unit(Unit(a, 0, len(t), t, 1, 1), NOBODY)]


def test_figures_of_one_day_disagree_and_figures_months_apart_are_never_compared() -> None:
    found = _counts({"a": "113 people were killed in the crash.", "b": "114 people were killed in the crash."})
    same_day = {"a": datetime(2000, 8, 7, 3), "b": datetime(2000, 8, 7, 22)}
    changed, rest = updates(group_quantities(found), same_day)
    assert changed == [] and len(rest) == 1
    months = {"a": datetime(2000, 8, 7), "b": datetime(2001, 2, 1)}
    assert updates(group_quantities(found), months) == ([], [])
    days = {"a": datetime(2000, 8, 7), "b": datetime(2000, 8, 9)}
    (update,), _ = updates(group_quantities(found), days)
    assert [(s.value, s.as_of) for s in update.sides] == [(113, "2000-08-07"), (114, "2000-08-09")]


def test_a_path_that_goes_up_and_down_is_not_an_update() -> None:
    found = _counts({"a": "12 people were killed.", "b": "40 people were killed.", "c": "20 people were killed."})
    times = {"a": datetime(2000, 9, 1), "b": datetime(2000, 9, 3), "c": datetime(2000, 9, 5)}
    changed, rest = updates(group_quantities(found), times)
    assert changed == [] and len(rest) == 1


# --- the timeline -------------------------------------------------------------------------------


def test_the_timeline_sorts_weekdays_by_their_dates_and_sets_history_apart() -> None:
    texts = {
        "mon": ("The Kessel dam failed on Monday, flooding three villages in the valley below it, and 40 people "
                "were evacuated by boat, the regional government said.", "2003-05-06T09:00"),
        "fri": ("Engineers began repairs on the Kessel dam on Friday after water was seen seeping through its "
                "wall, the regional water authority said in a statement.", "2003-05-02T09:00"),
        "old": ("The flood on Monday was the worst in the valley since the Kessel dam was built, the regional "
                "government said. The dam was built in 1961. The wall was last inspected in 1994.",
                "2003-05-07T09:00"),
    }
    briefing = _briefed(texts)
    dated = [(e.date, e.background) for e in briefing.timeline]
    story = [d for d, background in dated if not background]
    assert story == sorted(story) and {"2003-05-02", "2003-05-05"} <= set(story)
    assert ("1994", True) in dated
    told = [(s.article, s.start) for e in briefing.timeline for s in e.sources]
    assert len(told) == len(set(told))
    text = render(briefing, "text")
    assert text.index("TIMELINE") < text.index("BACKGROUND (BEFORE THE STORY)")


def _dates(text: str, published: datetime) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in read_dates(Unit("a", 0, len(text), text, 1, 1), published)]


def test_a_weekday_the_clause_puts_ahead_is_the_next_one() -> None:
    friday = datetime(2003, 5, 2, 9)
    assert _dates("The new coach would begin work Monday, the club said.", friday) == [("Monday", "2003-05-05")]
    assert _dates("Talks, which stalled, will resume on Tuesday.", friday) == [("on Tuesday", "2003-05-06")]
    assert _dates("The new coach began work on Monday.", friday) == [("on Monday", "2003-04-28")]
    assert _dates("The plane had been expected to land Monday.", friday) == [("Monday", "2003-04-28")]
    assert _dates("He said Friday that he will fly home.", friday) == [("Friday", "2003-05-02")]
    assert _dates("Monday the dispute is expected to take a new turn.", friday) == [("Monday", "2003-05-05")]
    assert _dates("On Monday the club said the coach will stay.", friday) == [("Monday", "2003-04-28")]
    assert _dates("On Wednesday the talks are set to resume.", friday) == [("Wednesday", "2003-05-07")]
    assert _dates("Monday, the coach said he would stay.", friday) == [("Monday", "2003-04-28")]


def test_last_week_is_the_week_before_not_seven_days_back() -> None:
    wednesday = datetime(1998, 11, 4, 10)
    assert _dates("The storm struck last week.", wednesday) == [("last week", "1998-W44")]
    assert span("1998-W44", "week") == (datetime(1998, 10, 26), datetime(1998, 11, 2))
    assert _dates("Repairs began this week.", wednesday) == [("this week", "1998-W45")]


def test_a_vaguer_date_comes_after_the_days_it_holds() -> None:
    texts = {
        "jan": ("The Norland parliament passed the first flood law on 12 January 1998, after a winter of rain "
                "that left the river valleys under water for weeks.", "1998-01-14T09:00"),
        "mar": ("Engineers began work on the Kessel dam on 3 March 1998, two months after the Norland parliament "
                "passed the flood law that paid for it.", "1998-03-05T09:00"),
        "nov": ("The Norland flood law has cost more this year than any law before it, and early in 1998 the "
                "Kessel dam was already over budget, the audit office said on Wednesday.", "1998-11-04T10:00"),
    }
    timeline = _briefed(texts).timeline
    dated = [e.date for e in timeline]
    assert dated.index("1998-01-12") < dated.index("1998-03-03") < dated.index("1998")
    assert all(not e.background for e in timeline if e.date.startswith("1998"))


def _naming(text: str) -> list[tuple[str, bool]]:
    return [(d.text, d.names) for d in read_dates(Unit("a", 0, len(text), text, 1, 1), datetime(2019, 6, 3))]


def test_a_year_that_names_a_thing_does_not_date_the_sentence() -> None:
    assert _naming("Norland hosts 2,000 refugees under a 2016 deal with its neighbour.") == [("2016", True)]
    assert _naming("She was the star of the 1981 movie, the studio said.") == [("1981", True)]
    assert _naming("Talks aimed to revive a fragile truce deal agreed in 2018.") == [("2018", True)]
    assert _naming("Fans queued to see the film released in 1981.") == [("1981", True)]
    # the main verb's own date, a time phrase, the subject of the happening: dated
    assert _naming("In 2018, the two countries agreed a deal.") == [("In 2018", False)]
    assert _naming("Officials said the two countries agreed in 2018 to talk.") == [("2018", False)]
    assert _naming("The two countries agreed in 2018 to talk.") == [("2018", False)]
    assert _naming("Observers said the 2016 election was marred by fraud.") == [("2016", False)]
    assert _naming("Prices fell sharply after the 2008 crash.") == [("2008", False)]
    assert _naming("He was arrested and charged in 2018.") == [("2018", False)]
    assert _naming("He was charged in three attacks, including the 1996 Olympic Park bombing.") == [("1996", True)]
    assert _naming("She won gold at the 2016 Rio Olympics.") == [("2016", False)]
    assert _naming("Prices rose, according to a report published Tuesday.") == [("Tuesday", False)]
    assert _naming("The findings match those of a study reported last year.") == [("last year", True)]
    # a relative clause's auxiliary is not the happening's ("a 2016 deal that was signed"); "on" is no time word
    assert _naming("Refugees are returned under a 2016 deal that was signed with Norland.") == [("2016", True)]
    assert _naming("Talks on the 2016 deal resumed with Norland.") == [("2016", True)]
    # a verb whose object is a clause: the verb in -ed after it is the clause's own, dated by its year
    assert _naming("Records show the plant closed in 2018.") == [("2018", False)]
    assert _naming("Investigators found the plane crashed in 2018.") == [("2018", False)]


def test_a_sentence_dated_only_by_a_year_that_names_a_thing_is_no_timeline_entry() -> None:
    texts = {
        "a": ("The Kessel dam, a project of the 1961 plan, failed on Monday and flooded three villages in the "
              "valley below it, the regional government said.", "2003-05-06T09:00"),
        "b": ("The regional government shelters 3,000 people from the villages the Kessel dam flooded under a "
              "1994 agreement with Norland, and more were taken in on Tuesday.", "2003-05-07T09:00"),
        "c": ("Engineers said the wall had been weakened by a flood recorded in 1994 in the valley below the "
              "Kessel dam, which the regional government owns.", "2003-05-07T11:00"),
    }
    dated = [e.date for e in _briefed(texts).timeline]
    assert "1961" not in dated and "1994" not in dated
    assert {"2003-05-05", "2003-05-06"} <= set(dated)


def test_last_week_comes_after_its_days_and_before_the_monday_after_it() -> None:
    texts = {
        "week": ("The suspect in the Kessel clinic bombing emerged from the forest last week and took food and a "
                 "pickup truck from a farm, the federal task force said.", "1998-07-14T09:00"),
        "mon": ("The pickup truck taken by the suspect in the Kessel clinic bombing was found on Monday at a "
                "campground in the forest, the federal task force said.", "1998-07-13T20:00"),
        "thu": ("The suspect in the Kessel clinic bombing was seen on Thursday near a farm at the edge of the "
                "forest, the federal task force said.", "1998-07-14T11:00"),
    }
    dated = [e.date for e in _briefed(texts).timeline]
    assert dated == ["1998-07-09", "1998-W28", "1998-07-13"]
    assert "week of 6 Jul 1998: The suspect" in render(_briefed(texts), "text")


def test_a_cut_section_says_how_many_it_left_out() -> None:
    entries = tuple(TimelineEntry(f"2001-01-{d:02d}", f"Happening {d}.", ("a",)) for d in range(1, 21))
    update = Conflict("people killed", "update", (
        ValueSide(value=32, articles=("a",), as_of="1998-10-29"), ValueSide(value=9000, articles=("b",),
                                                                            as_of="1998-11-04")))
    briefing = Briefing("t", (), (), conflicts=(update,), timeline=entries,
                        stories=(Story("t", ("a", "b")),))
    parts = {s.part: s for s in sections(briefing)}
    assert parts[Part.TIMELINE].omitted == 5 and Part.DISPUTED not in parts
    assert parts[Part.UPDATES].items[0].text == "people killed: 9,000 as of 4 Nov 1998 — 32 (29 Oct) → 9,000 (4 Nov)"
    assert "… and 5 more" in render(briefing, "text") and "… and 5 more" in render(briefing, "markdown")


# --- brief --per-story ---------------------------------------------------------------------------


@pytest.mark.shared
def test_per_story_writes_one_briefing_a_line(multinews: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "ten.jsonl"
    records = _ten(multinews, 0)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsbrief.cli", "brief", str(path), "--per-story",
                             "--no-facts", "-f", "json"], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    briefings = [json.loads(line) for line in result.stdout.splitlines()]
    stories = brief(records, max_words=60, facts=False).stories
    assert len(briefings) == len(stories) >= 2 and all(len(b["stories"]) == 1 for b in briefings)
    covered = [a for b in briefings for a in b["stories"][0]["articles"]]
    assert len(covered) == len(set(covered))



@pytest.mark.shared
def test_per_story_html_writes_a_page_per_story_and_an_index(multinews: list[dict], tmp_path: Path) -> None:
    path, out = tmp_path / "ten.jsonl", tmp_path / "pages"
    records = _ten(multinews, 0)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(load_commands(), ["brief", str(path), "--per-story", "--no-facts", "-f", "html",
                                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    stories = brief(records, max_words=60, facts=False).stories
    pages = sorted(p.name for p in out.glob("story-*.html"))
    assert len(pages) == len(stories) >= 2 and pages[0] == f"story-{1:0{len(str(len(stories)))}d}.html"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="open" href="([^"]+)"', index) == pages  # largest first, each linked
    assert f"This input holds {len(stories)} stories" in index and "<script" not in index
    assert [html.escape(s.title, quote=False) in index for s in stories] == [True] * len(stories)
    for name, story in zip(pages, stories):
        page = (out / name).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "This input holds" not in page  # no notice of the others
        account = dict((a, s) for s, a in re.findall(r'<tr class="st-([\w-]+)">.*?<code>(.*?)</code>', page, re.S))
        assert sorted(account) == sorted(r["id"] for r in records)  # every article accounted for
        others = {a for other in stories if other != story for a in other.articles}
        assert others and all(account[a] == "off-event" for a in others)
        assert any(account[a] == "used" for a in story.articles)


@pytest.mark.parametrize("output", [None, "-", "brief.html"])
def test_per_story_html_needs_a_folder(output: str | None, tmp_path: Path) -> None:
    where = {None: [], "-": ["-o", "-"], "brief.html": ["-o", str(tmp_path / "brief.html")]}[output]
    args = ["brief", str(EXAMPLE), "--per-story", "-f", "html", *where]
    result = CliRunner().invoke(load_commands(), args)
    assert result.exit_code == 2 and "give it with -o DIR" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_per_story_html_into_a_file_is_one_line(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    result = CliRunner().invoke(load_commands(), ["brief", str(EXAMPLE), "--per-story", "-f", "html", "-o", str(taken)])
    assert result.exit_code == 3 and "not a folder" in result.output and len(result.output.strip().splitlines()) == 1


def test_an_undated_article_shows_its_month_as_written() -> None:
    """Without a publication time "27 February" and "since December" stay relative, and the timeline shows
    them as the article wrote them (it once showed "27 february"); "Last week" opening a sentence is the
    same value as "last week"."""
    assert resolve("27 February", None)[0] == "27 February"
    assert resolve("since December", None)[:3] == ("December", "relative", "since")
    assert resolve("Last week", None)[0] == resolve("last week", None)[0] == "last week"


def test_a_timeline_entry_reads_alone() -> None:
    """An entry is read out of its article: a linking connective is left out of it ("Meanwhile, ..."), and a
    sentence that opens with a pronoun or with a connective that carries meaning ("Instead, ...") is no entry,
    since no one knows who "he" is there."""
    texts = {
        "a": ("The Kessel dam failed on Monday, flooding three villages, the regional government said. "
              "Meanwhile, engineers on Tuesday began draining the reservoir below the dam. "
              "He said on Wednesday that the valley road would stay closed. "
              "Instead, the ferry across the lake will run again on Thursday.", "2003-05-09T09:00"),
        "b": ("Engineers began draining the reservoir below the Kessel dam on Tuesday after it failed on Monday, "
              "flooding three villages.", "2003-05-09T10:00"),
    }
    entries = [(e.date, e.text) for e in _briefed(texts).timeline]
    assert ("2003-05-06", "Engineers on Tuesday began draining the reservoir below the dam.") in entries, entries
    assert not any(text.startswith(("He ", "Instead")) for _, text in entries), entries
