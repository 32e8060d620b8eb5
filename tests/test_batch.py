"""Batch mode: the exact output contract the held-out evaluation reads."""

from __future__ import annotations

import gc
import io
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsbrief.clean.lines as lines
import newsbrief.pipeline as pipeline
from newsbrief.batch import cluster_articles, summarize_cluster, summarize_stream
from newsbrief.cli import load_commands
from newsbrief.model import squash
from newsbrief.parallel import (
    DaskEngine,
    collector_paused,
    cores_for_one_job,
    make_engine,
    worker_count,
)

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


def _big_cluster(size: int) -> dict:
    """A cluster of ``size`` distinct articles built from the two above (numbers changed), with a few exact
    copies and a line every article repeats (a template cleaning drops)."""
    articles = []
    for n in range(size):
        base = ARTICLES[n % 2]
        text = base["text"].replace("5,000", f"{5000 + n:,}").replace("1,200", f"{1200 + 7 * n:,}")
        articles.append({**base, "text": f"{text}\nShare this article\n" if n % 3 else text})
    return {"id": "big", "articles": articles + articles[:5]}


def test_a_big_cluster_spread_over_cores_gives_the_same_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    record = _big_cluster(lines.SPREAD_FROM + 10)
    monkeypatch.setattr(lines, "cores_for_one_job", lambda: 2)
    spread = pipeline.prepare(cluster_articles(record))
    monkeypatch.setattr(lines, "cores_for_one_job", lambda: 1)
    here = pipeline.prepare(cluster_articles(record))
    assert spread == here
    assert sum(status == "duplicate" for status, _ in here.status.values()) >= 5
    out = summarize_cluster(record, max_words=60)
    _check(record, out, 60)


def test_workers_and_server_threads_do_not_spread_a_cluster() -> None:
    assert cores_for_one_job() == worker_count()
    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(cores_for_one_job()))
    thread.start()
    thread.join()
    with ProcessPoolExecutor(1) as pool:
        found.append(pool.submit(cores_for_one_job).result())
    assert found == [1, 1]


def test_the_collector_is_paused_for_a_cluster_and_back_as_it_was_after() -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:  # a server thread whose cluster starts after this one and ends after it
        with collector_paused():
            inside.set()
            leave.wait()  # no timeout: the test thread sets it, whatever the load
            seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with collector_paused():
        with collector_paused():
            seen.append(gc.isenabled())
        thread.start()
        inside.wait()
    seen.append(gc.isenabled())  # the other thread's cluster still runs
    leave.set()
    thread.join()
    assert seen == [False, False, False] and gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a program that runs without the collector keeps it off
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failing cluster")
    assert gc.isenabled()


def test_summarize_engine_options_are_checked(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "c", "articles": ARTICLES}) + "\n", encoding="utf-8")
    app = load_commands()
    res = CliRunner().invoke(app, ["summarize", str(data), "--engine", "dask"])
    assert res.exit_code == 2 and "needs a scheduler address" in res.stderr
    res = CliRunner().invoke(app, ["summarize", str(data), "--engine", "spark"])
    assert res.exit_code == 2 and "unknown engine 'spark'" in res.stderr
    res = CliRunner().invoke(app, ["summarize", str(data), "--workers", "1"])
    assert res.exit_code == 0 and json.loads(res.stdout)["id"] == "c"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  processes=True) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_writes_what_the_local_engine_writes(scheduler: str, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"c{n}", "articles": ARTICLES[n % 2:] + ARTICLES[:n % 2]}) for n in range(6)]
    lines[3] = "{broken"
    data = tmp_path / "in.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.jsonl"
        res = CliRunner().invoke(load_commands(), ["summarize", str(data), "-o", str(out), "--max-words", "40",
                                                   "--engine", engine, "--scheduler", scheduler])
        assert res.exit_code == 0, res.output
        outputs[engine] = out.read_text(encoding="utf-8")
    assert outputs["dask"] == outputs["local"]
    rows = [json.loads(line) for line in outputs["dask"].splitlines()]
    assert [r["id"] for r in rows] == ["c0", "c1", "c2", f"{data}:4", "c4", "c5"] and "error" in rows[3]


@pytest.mark.shared
def test_dask_engine_on_dev_clusters(scheduler: str, multinews: list[dict]) -> None:
    lines = [json.dumps(r).encode() for r in multinews[:12]]
    local, dask = io.StringIO(), io.StringIO()
    assert summarize_stream(lines, local, 100) == summarize_stream(lines, dask, 100,
                                                                   engine=make_engine("dask", scheduler)) == (12, 0)
    assert dask.getvalue() == local.getvalue()


def test_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")

    monkeypatch.setattr(DaskEngine, "connect_timeout", "1s")
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "c", "articles": ARTICLES}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(load_commands(), ["summarize", str(data), "--engine", "dask",
                                               "--scheduler", "tcp://127.0.0.1:9"])
    assert res.exit_code == 3 and "dask engine" in res.stderr and "Traceback" not in res.output
