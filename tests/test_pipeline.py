"""The main job end to end: spans, support, budget, statuses, the Python API and the formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE

import newsbrief
from newsbrief.model import squash
from newsbrief.summarize import available

STORY = ("Rescue teams reached the flooded village of Marden on Sunday after three days of rain. "
         "At least 40 homes were damaged and 200 people spent the night in the school gym, officials said. "
         "The regional governor promised emergency funds for families who lost their homes.")


def _spans_check_out(briefing) -> None:
    texts = {a.id: a.text for a in briefing.articles}
    for line in briefing.summary:
        assert squash(texts[line.article][line.start:line.end]) == line.text


def test_example_briefing_has_provenance_and_accounts_for_everything() -> None:
    b = newsbrief.brief(EXAMPLE, max_words=100)
    files = sorted(p.stem for p in EXAMPLE.iterdir())
    assert sorted(r.id for r in b.articles) == files
    status = {r.id: r.status for r in b.articles}
    assert status["regional-post"] == "duplicate"
    assert "northern-wire" in next(r.reason for r in b.articles if r.id == "regional-post")
    assert b.summary and sum(len(s.text.split()) for s in b.summary) <= 100
    _spans_check_out(b)
    assert all(r.reason for r in b.articles)


def test_duplicate_is_support_never_said_twice() -> None:
    b = newsbrief.brief(EXAMPLE, max_words=200)
    texts = [s.text for s in b.summary]
    assert len(texts) == len(set(texts))
    assert all(s.article != "regional-post" for s in b.summary)
    wire = [s for s in b.summary if s.article == "northern-wire"]
    assert wire and all("regional-post" in s.support for s in wire)


def test_short_lines_shared_by_copies_are_not_template() -> None:
    b = newsbrief.brief(EXAMPLE, facts=False)
    wire = next(r for r in b.articles if r.id == "northern-wire")
    assert not any(r.reason == "line repeated across articles of the cluster" for r in wire.removed)


@pytest.mark.parametrize("budget", [20, 45, 100, 250])
def test_budget_is_respected_without_cutting_sentences(budget: int) -> None:
    b = newsbrief.brief(EXAMPLE, max_words=budget)
    assert sum(len(s.text.split()) for s in b.summary) <= budget
    _spans_check_out(b)


@pytest.mark.parametrize("method", sorted(available()))
def test_every_summarizer_runs_in_the_pipeline(method: str) -> None:
    b = newsbrief.brief(EXAMPLE, max_words=80, method=method)
    assert b.summary
    _spans_check_out(b)


def test_empty_one_line_and_unreadable_articles_are_accounted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Flood\n" + STORY, encoding="utf-8")
    (tmp_path / "oneline.txt").write_text("Just a headline\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    b = newsbrief.brief([tmp_path, tmp_path / "missing.txt"])
    got = {r.id: (r.status, r.reason) for r in b.articles}
    assert got["good"][0] == "used"
    assert got["oneline"] == ("empty", "no text besides the title line")
    assert got["blank"] == ("empty", "the article has no text")
    assert got["bin"] == ("unreadable", "binary file, not text")
    assert got["missing"] == ("unreadable", "no such file or folder")


def test_records_and_articles_are_accepted_and_ids_made_unique() -> None:
    b = newsbrief.brief([{"id": "x", "title": "A", "text": STORY},
                         {"id": "x", "title": "B", "text": STORY.replace("Marden", "Holt")}])
    assert sorted(r.id for r in b.articles) == ["x", "x#2"]


def test_reading_order_follows_time_when_known() -> None:
    early = {"id": "early", "time": "2024-01-01T08:00:00", "text":
             "The bridge collapsed at dawn on Monday, trapping two trucks on the lower deck of the span. "
             "Engineers had warned about cracks in the support pillars for years, records show."}
    late = {"id": "late", "time": "2024-01-02T08:00:00", "text":
            "Divers recovered both truck drivers alive from the river on Tuesday morning after a long search. "
            "The transport minister ordered inspections of every bridge of the same design nationwide."}
    b = newsbrief.brief([late, early], max_words=200)
    assert [s.article for s in b.summary][0] == "early"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_formats_render_the_same_briefing(fmt: str) -> None:
    b = newsbrief.brief(EXAMPLE, max_words=60)
    out = newsbrief.render(b, fmt)
    assert b.summary[0].text[:40] in out.replace("\n     ", " ").replace("\n", " ")
    assert "regional-post" in out
    if fmt == "json":
        data = json.loads(out)
        assert {"title", "summary", "articles"} <= data.keys()
        assert {"text", "article", "start", "end", "support"} <= data["summary"][0].keys()
        assert {"id", "title", "url", "time", "status", "reason"} <= data["articles"][0].keys()


def test_import_is_light() -> None:
    code = "import sys, newsbrief; print(any(m in sys.modules for m in ('spacy', 'torch', 'trafilatura', 'datasketch')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_briefing_never_loads_scikit_learn() -> None:
    """The story split reads grouping's features, which once imported scikit-learn (0.7 s of every briefing)
    for a stop list, a hasher and a norm: a briefing loads none of it."""
    code = ("import sys, newsbrief; newsbrief.brief([{'id': 'a', 'text': 'Fire destroyed a warehouse at the harbour "
            "on Monday, officials said, and 40 firefighters fought it for hours.'}, {'id': 'b', 'text': 'A warehouse "
            "at the harbour burned on Monday; 40 firefighters fought the blaze, officials said.'}], facts=False); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.shared
def test_seeds_briefing(seeds: Path) -> None:
    b = newsbrief.brief(seeds, max_words=100)
    assert len(b.articles) == 5 and all(r.status != "unreadable" for r in b.articles)
    assert 3 <= len(b.summary) and sum(len(s.text.split()) for s in b.summary) <= 100
    _spans_check_out(b)
    summary = " ".join(s.text for s in b.summary)
    assert "Idlib" in summary and "Turkish" in summary
