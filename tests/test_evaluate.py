"""The evaluate command and its ROUGE protocol, on a tiny handmade JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_summarizers import ARTICLES
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.evaluate import evaluate
from newsbrief.evaluate.batchrun import span_errors
from newsbrief.evaluate.peers import SumyTokenizer, cluster_text, sumy_lines
from newsbrief.evaluate.rouge import cut, reference_lines, score

REFERENCE = ("The Korvan dam on the Selva river collapsed, flooding four villages. "
             "More than two thousand residents were evacuated. Two people are missing.")
CLUSTER = {"id": "korvan", "articles": [{k: a[k] for k in ("title", "text")} for a in ARTICLES],
           "summaries": [REFERENCE]}
APP = load_commands()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(CLUSTER) + "\n" + json.dumps({**CLUSTER, "id": "again"}) + "\n", encoding="utf-8")
    return path


def test_cut_keeps_one_sentence_a_line_and_stops_at_the_budget() -> None:
    assert cut(["a b c", "d e", "f g h"], 4) == "a b c\nd"
    assert cut(["a b", "", "c"], 10) == "a b\nc"


def test_references_are_split_into_lines() -> None:
    assert reference_lines(REFERENCE).count("\n") == 2


def test_a_summary_equal_to_its_reference_scores_100() -> None:
    lines = reference_lines(REFERENCE).split("\n")
    scores = score([lines], [[REFERENCE]], 100)
    assert all(v == pytest.approx(100.0) for v in scores.values())


def test_cut_lowers_recall_not_precision() -> None:
    lines = reference_lines(REFERENCE).split("\n")
    scores = score([lines], [[REFERENCE]], 8)
    assert scores["rouge1_r"] < 100 and scores["rouge1_f"] < 100


def test_mean_over_references_then_clusters() -> None:
    lines = reference_lines(REFERENCE).split("\n")
    scores = score([lines, lines], [[REFERENCE, "Nothing in common here at all."], [REFERENCE]], 100)
    assert scores["rouge1_r"] == pytest.approx((50 + 100) / 2)


def test_oracle_bounds_lead_and_newsbrief() -> None:
    results = {r.system: r for r in evaluate([CLUSTER], 20, ["newsbrief", "lead", "oracle"])}
    oracle = results["oracle"].scores
    for other in ("newsbrief", "lead"):
        assert oracle["rouge1_r"] + oracle["rouge2_r"] >= \
            results[other].scores["rouge1_r"] + results[other].scores["rouge2_r"]


def test_sumy_peers_run_offline_on_the_cluster_text() -> None:
    pytest.importorskip("sumy")
    text = cluster_text(CLUSTER)
    for kind in ("lexrank", "textrank"):
        lines = sumy_lines(kind, CLUSTER, 30)
        assert lines and all(line in " ".join(text.split()) for line in lines)
        sizes = [len(line.split()) for line in lines]
        assert sum(sizes) >= 30 and sum(sizes) - max(sizes) < 30, "best-rated sentences until the budget"
    assert SumyTokenizer().to_words("The U.S. dam, it's 40 m high.") == ("The", "dam", "it", "m", "high")


def test_span_errors_catch_a_wrong_span() -> None:
    text = CLUSTER["articles"][0]["text"]
    start = text.index("Rescue")
    good = {"id": "korvan", "summary": "x", "sentences": [
        {"text": "Rescue teams evacuated", "article": 0, "start": start, "end": start + 22}]}
    assert span_errors(CLUSTER, good, 10) == []
    bad = {**good, "sentences": [{**good["sentences"][0], "start": start + 1}]}
    assert len(span_errors(CLUSTER, bad, 10)) == 1
    assert "over the budget" in span_errors(CLUSTER, good, 2)[0]


def test_evaluate_command_table_and_json(data: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(APP, ["evaluate", str(data), "--max-words", "30", "--systems", "lead,oracle"])
    assert res.exit_code == 0, res.output
    assert "2 clusters" in res.stdout and "lead" in res.stdout and "oracle" in res.stdout
    assert "R-1 R" in res.stdout and "R-Lsum F1" in res.stdout and "seconds" in res.stdout
    res = runner.invoke(APP, ["evaluate", str(data), "-w", "30", "--systems", "lead", "--json", "--limit", "1"])
    payload = json.loads(res.stdout)
    assert payload["clusters"] == 1 and set(payload["systems"]) == {"lead"}
    assert set(payload["systems"]["lead"]) >= {"rouge1_r", "rouge2_f", "rougeLsum_f", "seconds"}


def test_evaluate_command_bad_input_is_one_line(tmp_path: Path, data: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(CLUSTER) + "\n{not json\n", encoding="utf-8")
    res = runner.invoke(APP, ["evaluate", str(bad), "--systems", "lead"])
    assert res.exit_code == 2 and f"{bad}:2: invalid JSON" in res.stderr
    res = runner.invoke(APP, ["evaluate", str(data), "--systems", "lead,nope"])
    assert res.exit_code == 2 and "unknown system 'nope'" in res.stderr
    no_refs = tmp_path / "norefs.jsonl"
    no_refs.write_text(json.dumps({**CLUSTER, "summaries": []}) + "\n", encoding="utf-8")
    res = runner.invoke(APP, ["evaluate", str(no_refs)])
    assert res.exit_code == 2 and "norefs.jsonl:1" in res.stderr
    assert "Traceback" not in res.output
