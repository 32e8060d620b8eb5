"""``--engine dask``: the same events and stories as on one machine, block by block on a small local Dask
cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_events import bridge, later_chess, stream
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.group import group

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  processes=True) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_single_machine_events_and_stories(scheduler: str, tmp_path: Path) -> None:
    records = [dict(r, id=f"{r['id']}/{n}") for n, r in enumerate(stream(interleave=False) * 2)]
    records += later_chess() + bridge()
    local = group(records, block_size=5, workers=1)
    assert len({a.story for a in local}) < len({a.event for a in local})  # a story holds two events
    assert group(records, block_size=5, engine="dask", scheduler=scheduler) == local
    assert group(records, block_size=5, workers=2) == local
    data, out = tmp_path / "docs.jsonl", tmp_path / "groups.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    res = CliRunner().invoke(load_commands(), ["group", str(data), "-o", str(out), "--block-size", "5",
                                               "--engine", "dask", "--scheduler", scheduler])
    assert res.exit_code == 0, res.output
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == \
        [{"id": a.id, "event": a.event, "story": a.story} for a in local]


@pytest.mark.shared
def test_dask_matches_on_dev_data(scheduler: str, shared_dir: Path) -> None:
    with (shared_dir / "data" / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(300), fh)]
    records = [{k: v for k, v in r.items() if k not in ("event", "topic")} for r in rows]
    local = group(records, block_size=100, workers=1)
    assert len({a.event for a in local}) > 10 and 1 < len({a.story for a in local}) < len({a.event for a in local})
    assert group(records, block_size=100, engine="dask", scheduler=scheduler) == local


def test_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.parallel import DaskEngine

    monkeypatch.setattr(DaskEngine, "connect_timeout", "1s")
    data = tmp_path / "docs.jsonl"
    data.write_text(json.dumps(stream()[0]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(load_commands(), ["group", str(data), "--engine", "dask",
                                               "--scheduler", "tcp://127.0.0.1:9"])
    assert res.exit_code == 3 and "dask engine" in res.stderr and "Traceback" not in res.output
