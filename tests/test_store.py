"""The incremental store: adding, idempotent re-adds, events, briefings, search, and its commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sample_events import gold_partition, partition, stream
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.store import Store, StoreError

runner = CliRunner()


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "df", "events_fts")}


def test_add_groups_and_lists_events_largest_first(tmp_path: Path) -> None:
    records = stream()
    with Store(tmp_path / "news.db") as store:
        added = store.add(records[:-1])
        assert partition([a.id for a in added], [a.event for a in added]) == gold_partition(records[:-1])
        events = store.events()
    assert [e.size for e in events] == [4, 4, 3]
    fire = next(e for e in events if "Port Elsby" in e.title)
    assert fire.first.startswith("2024-03-05T08") and fire.last.startswith("2024-03-05T11")
    assert set(fire.outlets) == {"daily.example", "herald.example", "post.example", "wire.example"}


def test_new_articles_join_stored_events_without_regrouping(tmp_path: Path) -> None:
    records = stream(interleave=False)
    path = tmp_path / "news.db"
    with Store(path) as store:
        first = {a.id: a.event for a in store.add(records[:2] + records[4:6])}
    with Store(path) as store:
        later = store.add(records[2:4] + records[6:])
        assert {a.event for a in later[:2]} == {first["fire-0"]}
        assert {a.event for a in later[2:4]} == {first["election-0"]}
        assert later[4].event not in first.values()
        assert store.event(first["fire-0"]).size == 4


def test_re_adding_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    records = [*stream(), {"id": "blank", "text": ""}]
    with Store(path) as store:
        added = store.add(records)
        before = table_counts(path), store.events()
        assert store.add(records) == added
        assert store.add(list(reversed(records))) == list(reversed(added))
        assert (table_counts(path), store.events()) == before
    assert added[-1].event is None and "empty" in added[-1].reason


def test_briefing_is_kept_until_the_event_grows(tmp_path: Path) -> None:
    records = stream(interleave=False)
    with Store(tmp_path / "news.db") as store:
        event = store.add(records[:3])[0].event
        assert store.stale() == [event]
        made = store.briefing(event)
        assert made["summary"] and {a["id"] for a in made["articles"]} == {"fire-0", "fire-1", "fire-2"}
        assert store.stale() == [] and store.briefing(event) == made
        store.add(records[3:4])
        assert store.stale() == [event]
        assert len(store.briefing(event)["articles"]) == 4
        assert store.briefing("no-such-event") is None and store.event("no-such-event") is None


def test_search_finds_events_and_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add(stream())
        hits = store.search("Kovalenko tiebreak")
        assert hits and {h.event for h in hits} == {hits[0].event}
        assert any(h.kind == "article" and "[Kovalenko]" in h.snippet for h in hits)
        assert any(h.kind == "event" for h in store.search("Wenlow"))
        assert store.search('"AND (OR* -') == [] and store.search("zeppelin") == []
        assert len(store.search("Port Elsby", limit=2)) == 2


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "news.db"
    bad.write_text("not a database at all " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="news.db"):
        Store(bad)


def test_digest_events_and_search_commands(tmp_path: Path) -> None:
    app = load_commands()
    data = tmp_path / "feed.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in stream()) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    digest = runner.invoke(app, ["digest", str(data), "--store", db, "--max-words", "40"])
    assert digest.exit_code == 0, digest.output
    assert "12 articles read, 12 in events; 3 events briefed; 3 events" in digest.stdout
    again = runner.invoke(app, ["digest", str(data), "--store", db])
    assert again.exit_code == 0 and "0 events briefed; 3 events" in again.stdout
    listed = runner.invoke(app, ["events", "--store", db, "--format", "json"])
    events = json.loads(listed.stdout)
    assert [e["size"] for e in events] == [4, 4, 4] and all(e["title"] for e in events)
    text = runner.invoke(app, ["events", "--store", db, "--limit", "1"])
    assert text.exit_code == 0 and len(text.stdout.splitlines()) == 1 and "2024-03-" in text.stdout
    found = runner.invoke(app, ["search", "Vantre", "--store", db])
    assert found.exit_code == 0 and "election-" in found.stdout
    nothing = runner.invoke(app, ["search", "zeppelin", "--store", db])
    assert nothing.exit_code == 0 and "nothing matches" in nothing.stderr


def test_store_command_errors(tmp_path: Path) -> None:
    app = load_commands()
    bad = tmp_path / "bad.db"
    bad.write_text("x" * 500, encoding="utf-8")
    res = runner.invoke(app, ["events", "--store", str(bad)])
    assert res.exit_code == 3 and res.stderr.startswith("newsbrief: ") and "Traceback" not in res.output
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["digest", str(empty), "--store", str(tmp_path / "news.db")])
    assert res.exit_code == 1 and "empty" in res.stderr
