"""Grouping a stream into events and stories: the API, time-awareness, the sliding window, stories over time,
merges after the fact, metrics and ``newsbrief group``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sample_events import bridge, gold_partition, later_chess, partition, stream
from typer.testing import CliRunner

import newsbrief
from newsbrief.cli import load_commands
from newsbrief.group import Assignment, Settings, group
from newsbrief.group.cluster import copies
from newsbrief.group.features import KINDS, Weights, combine, hashed, read_parts, stop_words, unit_rows, weigh
from newsbrief.group.metrics import bcubed, scores

runner = CliRunner()


def grouping(result: list[Assignment]) -> set[frozenset[str]]:
    return partition([a.id for a in result], [a.event for a in result])


def test_each_event_becomes_one_group() -> None:
    records = stream()
    result = group(records, workers=1)
    assert [a.id for a in result] == [r["id"] for r in records]
    assert grouping(result) == gold_partition(records)
    assert partition([a.id for a in result], [a.story for a in result]) == gold_partition(records)
    assert all(a.reason is None for a in result)


@pytest.mark.parametrize("block_size", [2000, 3])
def test_a_story_holds_events_years_apart(block_size: int) -> None:
    """The same subject two years later: another event, the same story (also when the first event has long
    left the window of open events); other subjects are other stories."""
    result = {a.id: a for a in group(stream(interleave=False) + later_chess(), block_size=block_size)}
    chess, later = result["chess-0"], result["chess-later-0"]
    assert later.event != chess.event and later.story == chess.story
    assert {result[f"chess-later-{n}"].event for n in range(3)} == {later.event}
    assert len({result["fire-0"].story, result["election-0"].story, chess.story}) == 3
    stories = {a.story for a in result.values()}
    assert len(stories) == 3 and all(a.story is not None for a in result.values())


@pytest.mark.parametrize("limits", [{}, {"max_active": 2, "max_stories": 2, "per_event": 2}])
def test_every_event_lies_in_one_story(limits: dict) -> None:
    """Also when tiny memory limits make events and stories leave while their articles move and merge."""
    result = group(stream() + later_chess() + bridge(), block_size=4, **limits)
    assert all(a.event and a.story for a in result)
    story_of: dict[str, set[str | None]] = {}
    for a in result:
        story_of.setdefault(a.event, set()).add(a.story)
    assert all(len(s) == 1 for s in story_of.values())


def test_a_later_article_merges_two_events_of_the_stream() -> None:
    """Read one at a time, two reports that share almost no words open two events; the third shows them to
    be one. The result holds the ids current at the end: one event, one story, the older ids."""
    records = bridge()
    result = group(records, block_size=1)
    assert {a.event for a in result} == {"e1"} and {a.story for a in result} == {"s1"}
    apart = group(records[:2], block_size=1)
    assert apart[0].event != apart[1].event


@pytest.mark.parametrize("block_size", [2, 5])
def test_events_join_across_blocks(block_size: int) -> None:
    records = stream(interleave=False)
    assert grouping(group(records, block_size=block_size, workers=1)) == gold_partition(records)


def test_newsbrief_group_is_callable_both_ways() -> None:
    import newsbrief.group as package

    records = stream()
    assert newsbrief.group(records) == package(records) == package.group(records)


def test_nothing_is_lost_and_unassigned_say_why() -> None:
    records = [*stream()[:3], {"id": "blank", "title": " ", "text": "\n"}, {"id": "dots", "text": "... !!"},
               "no-such-file.txt", ["not", "an", "article"]]
    result = group(records, workers=1)
    assert len(result) == len(records)
    by_id = {a.id: a for a in result}
    assert by_id["blank"].event is None and "empty" in by_id["blank"].reason
    assert by_id["dots"].event is None and "no words" in by_id["dots"].reason
    assert by_id["no-such-file"].event is None and "no such file" in by_id["no-such-file"].reason
    assert by_id["6"].event is None and by_id["6"].reason.startswith("unreadable")
    assert all(a.event is not None for a in result[:3])


def test_far_apart_in_time_needs_strong_evidence() -> None:
    first, second = (dict(r) for r in stream(interleave=False)[:2])
    assert len({a.event for a in group([first, second])}) == 1
    second["time"] = "2027-03-05T08:00:00+00:00"  # the same kind of report, three years later
    assert len({a.event for a in group([first, second])}) == 2


def test_sliding_window_closes_silent_events() -> None:
    first = stream(interleave=False)[0]
    repeat = dict(first, id="again", time="2024-04-24T08:00:00+00:00")  # 50 days later, word for word
    assert len({a.event for a in group([first, repeat], block_size=1)}) == 1
    assert len({a.event for a in group([first, repeat], block_size=1, window_days=30)}) == 2


def test_open_events_stay_bounded() -> None:
    reports = stream(interleave=False, times=False)
    fire_election_fire = reports[0:2] + reports[4:6] + reports[2:4]
    events = [a.event for a in group(fire_election_fire, block_size=2)]
    assert events[4] == events[0]
    bounded = [a.event for a in group(fire_election_fire, block_size=2, max_active=1)]
    assert bounded[4] not in bounded[:4]  # the fire event had to leave when the election opened


def test_wire_copies_count_as_one_report() -> None:
    records = stream(interleave=False)
    wire = [dict(records[0], id=f"fire-0#{c}", title=f"{records[0]['title']} (update {c})") for c in range(6)]
    result = group(records + wire)
    fire = {a.event for a in result if a.id.startswith("fire")}
    assert len(fire) == 1 and grouping(result[:12]) == gold_partition(records)
    sim = np.array([[1.0, 0.9, 0.1, 0.85], [0.9, 1.0, 0.2, 0.7], [0.1, 0.2, 1.0, 0.1], [0.85, 0.7, 0.1, 1.0]])
    report, first = copies(sim, 0.8)
    assert report.tolist() == [0, 0, 1, 0] and first.tolist() == [0, 2]


def test_layout_codes_of_wire_text_are_no_features() -> None:
    """Agency layout codes (``&QL;``, ``&UR;``, ``&HT;``) are shared by unrelated stories of one feed: they
    must not make words or names (they did, and pulled a feature about a novel into a sitcom story)."""
    coded = read_parts("&HT; &HT; HATE GROUPS GROW &QL;",
                       "&UR; NEW AMERICA NEWS SERVICE &QC; &UR; The Southern Poverty Law Center counted 474 groups, "
                       "its founder Morris Dees said. &QL; &QL; Dees spoke in Montgomery &AMP; Atlanta.")
    features = {f for bag in (coded.title, coded.lead, coded.body) for kind in (bag.word, bag.name) for f in kind}
    assert not features & {"ht", "ql", "qc", "ur", "amp", "montgomery atlanta"}
    assert {"morris dees", "southern poverty law center", "montgomery", "atlanta", "hate"} <= features


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown grouping option"):
        group(stream(), colour="red")
    with pytest.raises(ValueError, match="threshold"):
        group(stream(), threshold=1.5)
    with pytest.raises(ValueError, match="story_threshold"):
        group(stream(), story_threshold=0)
    with pytest.raises(ValueError, match="unknown engine"):
        group(stream(), engine="spark")
    assert Settings().with_options(title=3.0).weights.title == 3.0


def test_local_worker_processes_give_the_same_events() -> None:
    records = stream(interleave=False) * 2
    records = [dict(r, id=f"{r['id']}/{n}") for n, r in enumerate(records)]
    assert group(records, block_size=6, workers=2) == group(records, block_size=6, workers=1)


def test_bcubed_and_ari() -> None:
    gold = ["a", "a", "b", "b"]
    p, r, f = bcubed(gold, ["x", "x", "x", "y"])
    assert (p, r) == pytest.approx(((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4))
    assert f == pytest.approx(2 * p * r / (p + r))
    perfect = scores(gold, ["u", "u", "v", "v"])
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.ari) == (1.0, 1.0, 1.0, 1.0)
    with pytest.raises(ValueError):
        bcubed(gold, ["x"])


# ---------------------------------------------------------------- command line


def test_group_command_writes_one_line_per_input_in_order(tmp_path: Path) -> None:
    records = stream()
    misleading = [{**r, "event": "same-for-all"} for r in records]  # the gold key is never read
    data = tmp_path / "docs.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in misleading) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "groups.jsonl"
    result = runner.invoke(load_commands(), ["group", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines[:-1]] == [r["id"] for r in records]
    assert partition([x["id"] for x in lines[:-1]], [x["event"] for x in lines[:-1]]) == gold_partition(records)
    assert partition([x["id"] for x in lines[:-1]], [x["story"] for x in lines[:-1]]) == gold_partition(records)
    assert set(lines[0]) == {"id", "event", "story"}
    assert lines[-1]["event"] is None and lines[-1]["story"] is None and "invalid JSON" in lines[-1]["reason"]
    assert "docs.jsonl:13" in result.stderr


def test_group_command_errors(tmp_path: Path) -> None:
    app = load_commands()
    missing = runner.invoke(app, ["group", str(tmp_path / "missing.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    data = tmp_path / "docs.jsonl"
    data.write_text(json.dumps(stream()[0]) + "\n", encoding="utf-8")
    no_scheduler = runner.invoke(app, ["group", str(data), "--engine", "dask"])
    assert no_scheduler.exit_code == 2 and "scheduler" in no_scheduler.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"id": "x", "text": ""}) + "\n", encoding="utf-8")
    nothing = runner.invoke(app, ["group", str(empty)])
    assert nothing.exit_code == 1 and '"event": null' in nothing.stdout


def test_group_command_writes_the_ids_current_at_the_end(tmp_path: Path) -> None:
    data = tmp_path / "docs.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in bridge()) + "\n", encoding="utf-8")
    out = tmp_path / "groups.jsonl"
    res = runner.invoke(load_commands(), ["group", str(data), "-o", str(out), "--block-size", "1"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(x["event"], x["story"]) for x in lines] == [("e1", "s1")] * 3


# ---------------------------------------------------------------- dev data


@pytest.mark.shared
def test_ecbplus_quality_with_default_settings(shared_dir: Path) -> None:
    """A regression guard (the settings were chosen by cross-validation: bench/group_quality.py)."""
    rows = [json.loads(line) for line in (shared_dir / "data" / "ecbplus_docs.jsonl").open(encoding="utf-8")]
    result = group([{k: v for k, v in r.items() if k not in ("event", "topic")} for r in rows])
    assert scores([r["event"] for r in rows], [a.event for a in result]).f1 >= 0.93


def test_features_are_scikit_learns_without_loading_it() -> None:
    """The hashed counts, the unit rows and the stop list are exactly those of scikit-learn's FeatureHasher,
    normalize and ENGLISH_STOP_WORDS (so grouping's measured figures hold), though briefing never imports
    scikit-learn (0.7 s of start-up)."""
    from sklearn.feature_extraction import FeatureHasher  # the reference, loaded only by this test
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    from sklearn.preprocessing import normalize

    texts = [("Quake hits Port Ellis", "A strong earthquake struck Port Ellis on Monday. São Paulo sent 40 "
              "rescuers; Dr. Ines Calder said 1,200 homes were damaged."),
             (None, "The harbour reopened. The harbour reopened! Officials said the harbour reopened."),
             ("Empty", "")]
    parts = [read_parts(title, text) for title, text in texts]
    counts = hashed(parts)
    for part, matrices in counts.items():
        for kind, matrix in zip(KINDS, matrices):
            bags = [getattr(getattr(p, part), kind) for p in parts]
            expected = FeatureHasher(n_features=matrix.shape[1], input_type="dict", alternate_sign=False,
                                     dtype=np.float32).transform(bags).tocsr()
            expected.sort_indices()
            assert (matrix.indptr.tolist(), matrix.indices.tolist(), matrix.data.tolist()) == (
                expected.indptr.tolist(), expected.indices.tolist(), expected.data.tolist())
    weighted = combine(counts, Weights())
    for matrix in weighted:
        assert (unit_rows(matrix) != normalize(matrix)).nnz == 0
    assert weigh(weighted).dtype == np.float32
    assert ENGLISH_STOP_WORDS <= stop_words()
