"""Batch mode: the exact output contract the held-out evaluation reads."""

from __future__ import annotations

import io
import json

import pytest

from newsbrief.batch import summarize_cluster, summarize_stream
from newsbrief.model import squash

ARTICLES = [
    {"title": None, "url": None, "time": None, "text":
     "Officials said the wildfire near Carver had burned 5,000 acres by Tuesday evening. "
     "About 1,200 residents were ordered to leave their homes as winds picked up.\n\n"
     "Firefighters from four counties joined the effort overnight, the forestry service said."},
    {"title": "Wildfire grows", "url": "https://x.example/a", "time": None, "text":
     "The Carver wildfire grew to 5,000 acres on Tuesday, forcing about 1,200 people to evacuate. "
     "Crews hoped cooler weather on Thursday would help them contain the blaze."},
]


def _check(record: dict, out: dict, budget: int) -> None:
    assert set(out) == {"id", "summary", "sentences"}
    assert out["summary"] == " ".join(s["text"] for s in out["sentences"])
    assert len(out["summary"].split()) <= budget
    for s in out["sentences"]:
        assert set(s) == {"text", "article", "start", "end"} and isinstance(s["article"], int)
        assert squash(record["articles"][s["article"]]["text"][s["start"]:s["end"]]) == s["text"]


def test_cluster_output_contract() -> None:
    record = {"id": "c1", "articles": ARTICLES, "summaries": ["ignored"]}
    out = summarize_cluster(record, max_words=40)
    assert out["id"] == "c1"
    _check(record, out, 40)


def test_stream_keeps_order_and_reports_failures_inline() -> None:
    good = {"id": "good", "articles": ARTICLES}
    lines = [json.dumps(good).encode(), b"{broken\n", json.dumps({"id": "noarts"}).encode(),
             json.dumps({"id": "empty", "articles": [{"text": ""}]}).encode(), json.dumps(good).encode()]
    out = io.StringIO()
    ticks: list[int] = []
    done, failed = summarize_stream(lines, out, max_words=50, source="in.jsonl", tick=lambda: ticks.append(1))
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["good", "in.jsonl:2", "noarts", "empty", "good"]
    assert (done, failed) == (5, 3) and len(ticks) == 5
    assert rows[1]["error"].startswith("in.jsonl:2: invalid JSON")
    assert rows[2] == {"id": "noarts", "error": "no 'articles' list"}
    assert rows[3] == {"id": "empty", "error": "no usable article text"}
    _check(good, rows[0], 50)


def test_unknown_method_is_refused_before_work() -> None:
    with pytest.raises(ValueError, match="unknown summarizer"):
        summarize_stream([], io.StringIO(), method="nope")


@pytest.mark.shared
def test_first_multinews_clusters(multinews: list[dict]) -> None:
    for record in multinews[:15]:
        out = summarize_cluster(record, max_words=230)
        _check(record, out, 230)
        assert len(out["summary"].split()) >= 100


def test_html_looking_text_is_kept_as_given_so_offsets_point_into_it() -> None:
    page = ("<html><body><p>The Korvan bridge reopened on Monday after two years of repairs, officials said.</p>"
            "<p>Traffic returned to normal by the evening rush hour, the city transport office reported.</p>"
            "</body></html>")
    record = {"id": "h", "articles": [{"text": page}, ARTICLES[0]]}
    out = summarize_cluster(record, max_words=100)
    _check(record, out, 100)


def test_a_lone_surrogate_does_not_fail_the_cluster() -> None:
    text = ARTICLES[0]["text"].replace("Officials", "Officials \ud800", 1)
    record = {"id": "s", "articles": [{"text": text}, ARTICLES[1]]}
    out = io.StringIO()
    done, failed = summarize_stream([json.dumps(record).encode()], out, max_words=60)
    assert (done, failed) == (1, 0)
    _check(record, json.loads(out.getvalue()), 60)
