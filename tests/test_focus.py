"""Briefings for a reader: what is new since the articles they read, and what they asked (issue 12), and
summaries of a developing story that prefer the latest figure and follow the time of what they report."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from conftest import REPO

import newsbrief.store.store as store_module
from newsbrief.api import create_app, running
from newsbrief.batch import query_text, summarize_cluster, summarize_stream
from newsbrief.lang.tokens import stemmed_stop, tokens
from newsbrief.dedup import sentence_groups
from newsbrief.model import Article, Sentence, squash
from newsbrief.pipeline import brief, prepare, seen_apart
from newsbrief.report import render
from newsbrief.report.sections import NEW, Part, sections
from newsbrief.store import Store
from newsbrief.summarize import candidates, get_summarizer, order
from newsbrief.summarize.base import ready
from newsbrief.summarize.concepts import ClusterConcepts, ConceptCoverage, CoverageSettings, kept
from newsbrief.summarize.focus import Focus, FocusSettings, developing, question_text, salience, spread
from newsbrief.summarize.passages import Passage

WIRE = ("Dock workers at the port of Valmora walked out on Monday over pay, halting the loading of grain ships "
        "for the first time in a decade.")
"""The first report's lead, which a later report runs again word for word (as wire copy is)."""

EARLIER = [
    {"id": "mon", "time": "2031-03-03T09:00", "title": "Valmora dock workers walk out over pay", "text": (
        f"{WIRE} The dockers' union said its members had not had a rise in four years. Three workers were "
        "injured when a forklift was driven at the picket line, police said. The port authority said the "
        "strike was illegal and that it would go to court.")},
    {"id": "mon-2", "time": "2031-03-03T18:00", "title": "Strike halts grain exports at Valmora", "text": (
        "Grain exports from Valmora stopped on Monday as dock workers struck over pay, leaving twelve ships "
        "waiting in the bay. Three workers were injured at the picket line, police said. Farmers warned "
        "that the strike would cost them dearly if it lasted into the harvest.")},
]

LATER = [
    {"id": "wed", "time": "2031-03-05T10:00", "title": "Government offers talks as Valmora strike spreads", "text": (
        f"{WIRE} The labour minister, Irena Vass, offered on Wednesday to chair talks between the union and "
        "the port authority. The strike spread to the container terminal, where crane drivers joined the "
        "walkout. Seven workers were injured in clashes at the picket lines, the police said.")},
    {"id": "thu", "time": "2031-03-06T08:00", "title": "Valmora port talks begin", "text": (
        "Talks to end the strike at the port of Valmora began on Thursday under the labour minister, "
        "Irena Vass, who said the government would not let the harbour stay closed. The union said it "
        "would keep its members out until a rise was agreed. The port authority dropped its court case "
        "against the union as a gesture of goodwill before the talks.")},
    {"id": "thu-2", "time": "2031-03-06T15:00", "title": "Ships divert from striking Valmora", "text": (
        "Shipping lines began sending grain ships to the rival port of Osterby on Thursday, as the "
        "strike at Valmora entered its fourth day. Seven workers were injured in the clashes at the "
        "pickets, police said. The crane drivers of the container terminal stayed out for a second day.")},
]

QUESTION = "How did the government respond to the strike?"


def _briefed(**options: Any):
    return brief(LATER, max_words=60, since=EARLIER, **options)


# --- update briefings ---------------------------------------------------------------------------


def test_an_update_briefing_cites_nothing_the_reader_read_and_accounts_for_it_as_seen() -> None:
    briefing = _briefed()
    assert briefing.summary and {line.article for line in briefing.summary} <= {"wed", "thu", "thu-2"}
    assert all(squash(WIRE) != line.text for line in briefing.summary)
    assert [(r.id, r.status) for r in briefing.articles] == [
        ("wed", "used"), ("thu", "used"), ("thu-2", "used"), ("mon", "seen"), ("mon-2", "seen")]
    assert briefing.since is not None and briefing.since.articles == ("mon", "mon-2")
    data = json.loads(render(briefing, "json"))
    assert data["since"] == {"articles": ["mon", "mon-2"], "time": None}


def test_the_wire_lead_run_again_is_news_only_to_a_reader_who_had_not_read_it() -> None:
    articles = _articles([*EARLIER, *LATER])
    alone = prepare([a for a in articles if a.id in {"wed", "thu", "thu-2"}])
    assert squash(WIRE) in [p.text for p in candidates(alone.cluster)]
    prep = seen_apart(prepare(articles), ["mon", "mon-2"])
    assert ("wed", 0) in prep.focus.repeated
    assert squash(WIRE) not in [p.text for p in candidates(prep.cluster, prep.focus)]


def test_a_figure_that_rose_since_keeps_the_value_the_reader_read() -> None:
    briefing = _briefed()
    (update,) = [c for c in briefing.conflicts if c.kind == "update"]
    assert [(s.value, s.as_of, s.articles) for s in update.sides] == [
        (3, "2031-03-03", ("mon", "mon-2")), (7, "2031-03-05", ("wed", "thu-2"))]
    shown = sections(briefing)
    (updates,) = [s for s in shown if s.part is Part.UPDATES]
    assert updates.items[0].new and updates.items[0].text.startswith(NEW)
    assert "3 (3 Mar) → 7 (5 Mar)" in updates.items[0].text


def test_new_claims_come_first_and_are_marked_and_old_ones_are_not() -> None:
    (claims,) = [s for s in sections(_briefed()) if s.part is Part.CLAIMS]
    flags = [item.new for item in claims.items]
    assert flags == sorted(flags, reverse=True) and flags[0] and not flags[-1]
    assert all(item.text.startswith(NEW) == item.new for item in claims.items)
    text = render(_briefed(), "text")
    assert "What is new for a reader of 2 earlier articles" in text


def test_repeating_what_was_read_in_other_words_is_not_news() -> None:
    prep = seen_apart(prepare(_articles([*EARLIER, *LATER])), ["mon", "mon-2"])
    chosen = get_summarizer("concepts").summarize(prep.cluster, 200, prep.focus)
    texts = [s.text for s in chosen]
    assert texts and not any("injured" in t and "Seven" not in t for t in texts)
    assert not any(t.startswith("Three workers were injured") for t in texts)


def _articles(records: list[dict[str, Any]]) -> list:
    from newsbrief.ingest import load

    return load(records)[0]


def test_a_passage_that_follows_one_the_reader_knows_goes_with_it() -> None:
    def passage(index: int, follows: bool) -> Passage:
        return Passage("wed", 0, 1, "x", index, last=index, follows=follows)

    pool = [(passage(0, False), np.array([0])), (passage(1, True), np.array([1])), (passage(2, True), np.array([2])),
            (passage(3, False), np.array([3])), (passage(4, True), np.array([4]))]
    assert [p.index for p, _ in kept(pool, [False, True, True, True, True])] == [3, 4]
    assert [p.index for p, _ in kept(pool, [True, True, False, False, True])] == [0, 1]


def test_a_sentence_never_leans_on_one_the_reader_already_knew() -> None:
    told = {"id": "fri", "time": "2031-03-07T09:00", "text": (
        "Dock workers at Valmora walked out over pay, and police said three workers were injured at the picket "
        "line. They were taken to hospital in Osterby on Friday and one remains in a serious condition, doctors said.")}
    prep = seen_apart(prepare(_articles([*EARLIER, *LATER, told])), ["mon", "mon-2"])
    strict = ConceptCoverage(replace(CoverageSettings(), focus=FocusSettings(fresh=0.5)))
    chosen = strict.summarize(prep.cluster, 200, prep.focus)
    assert chosen and {s.article for s in chosen} <= {"wed", "thu", "thu-2", "fri"}
    assert not any(s.text.startswith(("They were taken", "Dock workers at Valmora")) for s in chosen)
    assert all(ready(chosen[:i], s) for i, s in enumerate(chosen) if isinstance(s, Passage))


def test_a_concept_weighs_less_by_how_much_more_it_mattered_to_the_earlier_reports() -> None:
    now, before = np.array([0.2, 0.4, 0.3, 0.1]), np.array([0.8, 0.2, 0.0, 0.1])
    assert np.allclose(salience(now, before, FocusSettings(salience=1.0)), [0.25, 1.0, 1.0, 1.0])
    assert np.allclose(salience(now, before, FocusSettings(salience=0.5)), [0.5, 1.0, 1.0, 1.0])
    assert np.allclose(salience(now, before, FocusSettings(salience=0.0)), 1.0)
    new, old = ClusterConcepts(prepare(_articles(LATER)).cluster), ClusterConcepts(prepare(_articles(EARLIER)).cluster)
    there = new.read_in(old)[1]
    (grain,) = new.ids(["grain ships"])  # both parts: the same concepts, with the earlier part's weights
    assert np.allclose(there[grain], old.weights()[old.ids(["grain ships"])[0]]) and (there[grain] > 0).all()
    (vass,) = new.ids(["Irena Vass"])  # only the new part names the minister
    assert len(vass) == 3 and not there[vass].any()


def test_an_update_opens_with_the_newest_report_that_leads_nearly_as_well() -> None:
    prep = seen_apart(prepare(_articles([*EARLIER, *LATER])), ["mon", "mon-2"])

    def lead(newest: float) -> Passage:
        coverage = ConceptCoverage(CoverageSettings(focus=FocusSettings(newest=newest)))
        return coverage.select(prep.cluster, 60, prep.focus)[0]

    assert (lead(0.0).article, lead(0.0).index) == ("thu-2", 0)  # every lead qualifies: the newest's
    best = lead(1.0)  # only the best-scoring lead qualifies
    assert best.index == 0 and best.article in {"thu", "thu-2"}


# --- questions ----------------------------------------------------------------------------------


def test_a_question_moves_the_selection_towards_its_answer() -> None:
    story = [*EARLIER, *LATER]
    plain = [line.text for line in brief(story, max_words=30, facts=False).summary]
    asked = brief(story, max_words=30, facts=False, query=QUESTION)
    answer = [line.text for line in asked.summary]
    assert not any("minister" in t for t in plain)
    assert any("minister" in t for t in answer)
    assert asked.query == QUESTION and json.loads(render(asked, "json"))["query"] == QUESTION


def test_under_a_question_what_only_one_article_says_loses_weight() -> None:
    settings = FocusSettings(lone=0.5)
    assert spread(np.array([0.25, 0.5, 1.0]), 4, settings).tolist() == [0.5, 1.0, 1.0]
    assert spread(np.array([1.0]), 1, settings).tolist() == [1.0]  # one article: nothing to tell apart
    cluster = prepare(_articles(LATER)).cluster
    found = ClusterConcepts(cluster)
    base = found.weights()

    def weighed(lone: float, query: str | None) -> np.ndarray:
        coverage = ConceptCoverage(CoverageSettings(focus=FocusSettings(lone=lone)))
        return coverage.focused(found, base, cluster.articles, None, query)

    ratio = weighed(0.5, QUESTION) / weighed(0.0, QUESTION)
    (osterby,) = found.ids(["Osterby"])  # only thu-2 names the rival port
    (talks,) = found.ids(["talks"])  # wed and thu report the talks
    assert np.allclose(ratio[osterby], 0.5) and np.allclose(ratio[talks], 1.0)
    assert sorted(set(np.round(ratio, 6))) == [0.5, 1.0]
    assert np.array_equal(weighed(0.9, None), base)  # without a question it is not applied


def test_the_facts_that_bear_on_the_question_come_first() -> None:
    asked = brief([*EARLIER, *LATER], max_words=40, query="What did the labour minister offer?")
    (claims,) = [s for s in sections(asked) if s.part is Part.CLAIMS]
    assert "minister" in claims.items[0].text.lower()
    plain = brief([*EARLIER, *LATER], max_words=40)
    assert [f.text for f in plain.facts] != [f.text for f in asked.facts]
    assert sorted(f.text for f in plain.facts) == sorted(f.text for f in asked.facts)


@pytest.fixture
def duc(shared_dir: Path) -> list[dict[str, Any]]:
    with (shared_dir / "data" / "duc2007_dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _asked(question: str, lines: list[dict[str, Any]]) -> float:
    """Words of ``question`` (less its asking words) per word of the summary ``lines``."""
    asked = set(tokens(question_text(question))) - stemmed_stop()
    words = sum(len(s["text"].split()) for s in lines)
    return sum(len(asked & set(tokens(s["text"]))) for s in lines) / max(words, 1)


@pytest.mark.shared
def test_on_dev_stories_the_question_moves_every_summary_towards_it(duc: list[dict[str, Any]]) -> None:
    plain, asked = [], []
    for record in duc:
        question = query_text(record) or ""
        plain.append(_asked(question, summarize_cluster({**record, "query": None}, 250)["sentences"]))
        asked.append(_asked(question, summarize_cluster(record, 250)["sentences"]))
    assert sum(a > p for a, p in zip(asked, plain)) >= len(duc) - 2
    assert sum(asked) >= 1.3 * sum(plain)


@pytest.mark.shared
def test_on_dev_stories_an_update_cites_and_copies_nothing_its_reader_read(duc: list[dict[str, Any]]) -> None:
    copied = {True: 0, False: 0}
    for record in duc:
        articles = sorted(record["articles"], key=lambda a: a["time"])
        earlier, new = articles[:18], articles[18:]
        read = [s for a in prepare(_articles([{**a, "id": f"e{i}"} for i, a in enumerate(earlier)])).cluster.articles
                for s in a.sentences]
        for reader in (True, False):
            line = {"id": record["id"], "articles": new, "earlier": earlier if reader else None}
            out = summarize_cluster(line, 100)
            for s in out["sentences"]:
                assert squash(new[s["article"]]["text"][s["start"]:s["end"]]) == s["text"]
            mine = [Sentence("summary", 0, 0, s["text"], i) for i, s in enumerate(out["sentences"])]
            groups = sentence_groups([*read, *mine])
            copied[reader] += sum(any(s.article != "summary" for s in group) for group in groups
                                  if any(s.article == "summary" for s in group))
    assert copied[True] == 0 < copied[False]


# --- batch mode ---------------------------------------------------------------------------------


def test_a_batch_line_with_earlier_and_query_keeps_the_contract() -> None:
    line = {"id": "valmora", "articles": LATER, "earlier": EARLIER, "query": QUESTION}
    out = summarize_cluster(json.loads(json.dumps(line)), 60)
    assert set(out) == {"id", "summary", "sentences"} and out["id"] == "valmora"
    for s in out["sentences"]:
        assert isinstance(s["article"], int) and 0 <= s["article"] < len(LATER)
        assert squash(LATER[s["article"]]["text"][s["start"]:s["end"]]) == s["text"]
        assert all(s["text"] not in a["text"] for a in EARLIER)
    assert out["summary"] == " ".join(s["text"] for s in out["sentences"])
    assert sum(len(s["text"].split()) for s in out["sentences"]) <= 60
    without = summarize_cluster({"id": "valmora", "articles": LATER}, 60)
    assert [s["text"] for s in without["sentences"]] != [s["text"] for s in out["sentences"]]


def test_a_batch_line_with_a_bad_query_or_earlier_fails_alone(tmp_path: Path) -> None:
    good = {"id": "ok", "articles": LATER, "earlier": None}
    bad = [{"id": "q", "articles": LATER, "query": 7}, {"id": "e", "articles": LATER, "earlier": "mon"}]
    lines = [json.dumps(r).encode() + b"\n" for r in (good, *bad)]
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        assert summarize_stream(lines, fh, 60) == (3, 2)
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert "sentences" in got[0]
    assert got[1] == {"id": "q", "error": "'query' is a int, not a string"}
    assert got[2] == {"id": "e", "error": "no 'earlier' list"}


def test_the_summarize_command_reads_earlier_and_query(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "v", "articles": LATER, "earlier": EARLIER}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, "-m", "newsbrief.cli", "summarize", str(data), "-o", str(out),
                          "--max-words", "60", "--workers", "1", "--query", QUESTION],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0, res.stderr
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert line == summarize_cluster({"id": "v", "articles": LATER, "earlier": EARLIER, "query": QUESTION}, 60)


# --- command line, store and API ----------------------------------------------------------------


def _write(folder: Path, records: list[dict[str, Any]]) -> Path:
    folder.mkdir()
    for rec in records:
        (folder / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    return folder


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsbrief.cli", *args], capture_output=True, text=True, cwd=REPO)


def test_brief_since_a_folder_on_the_command_line(tmp_path: Path) -> None:
    today, yesterday = _write(tmp_path / "today", LATER), _write(tmp_path / "yesterday", EARLIER)
    res = _cli("brief", str(today), "--since", str(yesterday), "--format", "json", "--max-words", "60",
               "--no-facts", "--query", QUESTION)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert sorted(data["since"]["articles"]) == ["mon", "mon-2"] and data["query"] == QUESTION
    assert {a["id"]: a["status"] for a in data["articles"]}["mon"] == "seen"
    assert {s["article"] for s in data["summary"]} <= {"wed", "thu", "thu-2"}


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store that got the earlier reports on 3 March and the later ones on 6 March (its clock set)."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        monkeypatch.setattr(store_module, "now", lambda: datetime(2031, 3, 3, 20, tzinfo=timezone.utc))
        store.add(EARLIER)
        monkeypatch.setattr(store_module, "now", lambda: datetime(2031, 3, 6, 20, tzinfo=timezone.utc))
        store.add(LATER)
        (event,) = {e.id for e in store.events()}
        assert [r["id"] for r in store.held(store.articles(event), datetime(2031, 3, 4))[0]] == ["mon", "mon-2"]
        assert store.held(store.articles(event), datetime(2031, 3, 1)) == ([], store.articles(event))
    return path


def test_brief_a_stored_event_since_a_time(stored: Path) -> None:
    res = _cli("brief", "--store", str(stored), "--event", "e1", "--since", "2031-03-04T12:00", "--format", "json",
               "--no-facts")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["since"] == {"articles": ["mon", "mon-2"], "time": "2031-03-04T12:00:00"}
    res = _cli("brief", "--store", str(stored), "--event", "e1", "--since", "2031-03-07")
    assert res.returncode == 1 and "nothing new since" in res.stderr
    res = _cli("brief", "--store", str(stored), "--event", "e1", "--since", "not a time at all")
    assert res.returncode == 2 and "give one time" in res.stderr and "Traceback" not in res.stderr


def test_brief_a_stored_story_since_a_time(stored: Path) -> None:
    """A story is briefed for a reader of what the store held of it then, as an event is."""
    with Store(stored) as db:
        story = db.event("e1").story
    res = _cli("brief", "--store", str(stored), "--story", story, "--since", "2031-03-04T12:00", "--format", "json",
               "--no-facts")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["since"]["articles"] == ["mon", "mon-2"]
    assert {s["article"] for s in data["summary"]} <= {"wed", "thu", "thu-2"}


@pytest.fixture
def api(stored: Path) -> Iterator[httpx.Client]:
    with running(create_app(store=stored)) as url, httpx.Client(base_url=url, timeout=120) as client:
        yield client


def test_the_api_takes_earlier_and_query_and_briefs_a_stored_event_since_a_time(api: httpx.Client) -> None:
    res = api.post("/brief", params={"max_words": 60},
                   json={"articles": LATER, "earlier": EARLIER, "query": QUESTION})
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["since"]["articles"] == ["mon", "mon-2"] and data["query"] == QUESTION
    assert {s["article"] for s in data["summary"]} <= {"wed", "thu", "thu-2"}
    res = api.post("/brief", files=[("files", ("wed.json", json.dumps(LATER[0]))),
                                    ("earlier", ("mon.json", json.dumps(EARLIER[0]))), ("query", (None, QUESTION))])
    assert res.status_code == 200, res.text
    assert [(a["id"], a["status"], a["source"]) for a in res.json()["articles"]] == [
        ("wed", "used", "wed.json"), ("mon", "seen", "mon.json")]
    res = api.get("/events/e1/brief", params={"since": "2031-03-04T12:00", "max_words": 60})
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["since"] == {"articles": ["mon", "mon-2"], "time": "2031-03-04T12:00:00"}
    assert {a["id"] for a in data["articles"] if a["status"] == "used"} == {"wed", "thu", "thu-2"}
    assert api.get("/events/e1/brief").json()["since"] is None
    assert api.get("/events/e9/brief").status_code == 404
    res = api.get("/events/e1/brief", params={"since": "not a time at all"})
    assert res.status_code == 422 and res.json()["detail"] == "since: not a time: 'not a time at all'"


# --- developing stories (issue 10, item 6) -----------------------------------------------------


STORM = [
    {"id": "a", "time": "1998-10-27T08:00", "text": (
        "A hurricane struck the northern coast of Norland late on Monday, and at least 32 people were killed in "
        "floods and mudslides across the coastal provinces, emergency officials said.")},
    {"id": "c", "time": "1998-10-29T10:00", "text": (
        "The toll from the hurricane in Norland rose as rescuers reached the mountain villages: 231 people were "
        "killed, the civil defence agency said on Thursday.")},
    {"id": "d", "time": "1998-11-03T09:00", "text": (
        "Officials in Norland said 9,000 people were killed by the hurricane, a week after it struck the coast, "
        "and thousands more were missing in the flooded valleys.")},
]


def test_a_summary_prefers_the_latest_report_of_a_figure_that_changed() -> None:
    lines = [line.article for line in brief(STORM, max_words=60).summary]
    assert "d" in lines and "c" not in lines
    assert "c" in [line.article for line in brief(STORM, max_words=60, facts=False).summary]


def test_lines_follow_the_time_of_what_they_report_not_of_their_article() -> None:
    story = [
        {"id": "late", "time": "2031-06-20T09:00", "text": (
            "The bridge over the Lune at Carrow collapsed on Friday, sending two lorries into the river, police "
            "said. On 8 June, inspectors had found cracks in two of the bridge's piers and closed one lane.")},
        {"id": "early", "time": "2031-06-12T09:00", "text": (
            "On 10 June, the county council voted to spend 4 million pounds on repairs to the Carrow bridge over "
            "the Lune, after inspectors found cracks in its piers.")},
    ]
    prep = prepare(_articles(story))
    (collapse, inspection), (vote,) = (a.sentences for a in prep.cluster.articles[::-1])
    assert order(prep.cluster, [collapse, inspection, vote]) == [collapse, vote, inspection]  # by article day
    briefing = brief(story, max_words=200)
    found = developing(Focus(), prep.cluster.articles, briefing.conflicts, briefing.timeline)
    assert found.when[("late", 1)] == date(2031, 6, 8) and found.when[("early", 0)] == date(2031, 6, 10)
    assert order(prep.cluster, [collapse, inspection, vote], found) == [collapse, inspection, vote]
    lines = [line.text for line in briefing.summary]
    assert lines.index(inspection.text) < lines.index(collapse.text)  # 8 June before 20 June
    lines = [line.text for line in brief(story, max_words=200, facts=False).summary]
    assert lines.index(collapse.text) < lines.index(inspection.text)  # without the dates: the article's order


def test_the_share_of_articles_read_off_the_cluster_is_the_share_its_sentences_give() -> None:
    cluster = prepare(_articles([*EARLIER, *LATER])).cluster
    found = ClusterConcepts(cluster)
    share = found.own_share()
    assert np.array_equal(share, _share_using(found, cluster.articles))
    assert 0.0 < share.min() and share.max() == 1.0  # every concept is some article's; some are in all


def test_what_the_reader_read_is_the_share_of_the_earlier_articles_using_each_concept() -> None:
    new, earlier = prepare(_articles(LATER)).cluster, prepare(_articles(EARLIER)).cluster
    found = ClusterConcepts(new)
    share, weight = found.read_in(ClusterConcepts(earlier))
    assert np.array_equal(share, _share_using(found, earlier.articles))
    assert share.any() and not share.all()  # the parts share some concepts, not all
    assert np.array_equal(share > 0, weight > 0)


def _share_using(found: ClusterConcepts, articles: Sequence[Article]) -> np.ndarray:
    """Per concept id of ``found``, the share of ``articles`` whose sentences, tokenized one by one, use it."""
    counts = np.zeros(len(found.keys))
    for article in articles:
        counts[np.unique(np.concatenate([*found.ids([s.text for s in article.sentences]), np.zeros(0, int)]))] += 1
    return counts / len(articles)
