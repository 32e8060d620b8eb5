"""The incremental store: adding, idempotent re-adds, events and stories, merges after the fact with
stable ids, briefings, search, writers that take turns, and its commands."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sample_events import bridge, gold_partition, later_chess, partition, stream
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.store import Store, StoreError

runner = CliRunner()


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "stories", "story_terms", "aliases", "df", "events_fts")}


def test_add_groups_and_lists_events_largest_first(tmp_path: Path) -> None:
    records = stream()
    with Store(tmp_path / "news.db") as store:
        added = store.add(records[:-1])
        assert partition([a.id for a in added], [a.event for a in added]) == gold_partition(records[:-1])
        events = store.events()
    assert [e.size for e in events] == [4, 4, 3]
    assert len({e.story for e in events}) == 3  # three subjects, three stories
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


def test_search_finds_stories_events_and_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add(stream())
        hits = store.search("Kovalenko tiebreak")
        assert hits and {h.story for h in hits} == {hits[0].story}
        assert [h.kind for h in hits][:2] == ["story", "event"] and {h.event for h in hits[1:]} == {hits[1].event}
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
    assert "12 articles read, 12 in events; 3 events briefed; 3 events in 3 stories" in digest.stdout
    again = runner.invoke(app, ["digest", str(data), "--store", db])
    assert again.exit_code == 0 and "0 events briefed; 3 events in 3 stories" in again.stdout
    listed = runner.invoke(app, ["events", "--store", db, "--format", "json"])
    stories = json.loads(listed.stdout)
    assert [s["size"] for s in stories] == [4, 4, 4] and all(s["title"] for s in stories)
    assert [[e["size"] for e in s["events"]] for s in stories] == [[4], [4], [4]]
    assert all(e["story"] == s["id"] for s in stories for e in s["events"])
    text = runner.invoke(app, ["events", "--store", db, "--limit", "1"])
    lines = text.stdout.splitlines()
    assert text.exit_code == 0 and len(lines) == 2 and "2024-03-" in lines[0]  # the story, then its event
    assert lines[1].startswith(" " * 4) and stories[0]["events"][0]["id"] in lines[1]
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


# ---------------------------------------------------------------- two levels, merges


def test_a_story_spans_a_long_time_gap(tmp_path: Path) -> None:
    """Two years later the same subject is another event (the first one long closed), but the same story."""
    with Store(tmp_path / "news.db") as store:
        first = {a.id: a for a in store.add(stream())}
        later = store.add(later_chess())
        chess = first["chess-0"]
        assert {a.story for a in later} == {chess.story}
        assert {a.event for a in later} != {chess.event} and len({a.event for a in later}) == 1
        assert {first["fire-0"].story, first["election-0"].story}.isdisjoint({chess.story})
        story = store.story(chess.story)
        assert story.size == 7 and [e.size for e in story.events] == [4, 3]
        assert story.first.startswith("2024-03-16") and story.last.startswith("2026-03-15")
        assert len(store.story_articles(chess.story)) == 7 and len(store.articles(chess.event)) == 4
        assert [s.size for s in store.stories()] == [7, 4, 4]


def test_a_later_article_merges_events_and_old_ids_still_lead_there(tmp_path: Path) -> None:
    """Two reports of one fire share almost no words: two events; the third shares words with both and shows
    them to be one. The older ids live on; the other ids resolve to them."""
    one, two, three = bridge()
    path = tmp_path / "news.db"
    with Store(path) as store:
        a = store.add([one])[0]
        b = store.add([two])[0]
        assert (a.event, a.story) != (b.event, b.story)
        store.briefing(b.event)  # published before the merge
        c = store.add([three])[0]
        assert (c.event, c.story) == (a.event, a.story)
        assert store.resolve(b.event) == a.event and store.resolve(b.story) == a.story
        assert store.event(b.event).id == a.event and store.event(b.event).size == 3
        assert store.story(b.story).id == a.story
        assert {r["id"] for r in store.articles(b.event)} == {"bridge-0", "bridge-1", "bridge-2"}
        assert len(store.briefing(b.event)["articles"]) == 3
        assert [x.event for x in store.add([one, two])] == [a.event, a.event]  # re-adding: current ids
        assert [e.id for e in store.events()] == [a.event]
    assert table_counts(path)["aliases"] == 2


def test_brief_a_whole_story_from_the_store(tmp_path: Path) -> None:
    app = load_commands()
    data = tmp_path / "feed.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in stream() + later_chess()) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["digest", str(data), "--store", str(db)]).exit_code == 0
    with Store(db) as store:
        chess = next(s for s in store.stories() if len(s.events) == 2)
    out = tmp_path / "story.json"
    res = runner.invoke(app, ["brief", "--store", str(db), "--story", chess.id, "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    made = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in made["articles"]) == sorted(
        [f"chess-{n}" for n in range(4)] + [f"chess-later-{n}" for n in range(3)])
    assert made["summary"]
    event = runner.invoke(app, ["brief", "--store", str(db), "--event", chess.events[1].id, "--no-facts"])
    assert event.exit_code == 0 and "Brandt" in event.stdout
    for bad in (["--story", "s999"], ["--story", chess.id, "--event", "e1"], []):
        res = runner.invoke(app, ["brief", "--store", str(db), *bad])
        assert res.exit_code == 2 and res.stderr.startswith("newsbrief: ") and "Traceback" not in res.output
    res = runner.invoke(app, ["brief", "--story", chess.id])
    assert res.exit_code == 2 and "--store" in res.stderr


# ---------------------------------------------------------------- writers take turns


def _first_writer(path: str, records: list[dict], inside: Any, trying: Any, out: Any) -> None:
    """Add ``records``, pausing inside the write transaction until the second writer is trying to write."""
    from newsbrief.store.memory import SqlMemory

    save = SqlMemory.save

    def paused(self: SqlMemory, changes: Any) -> None:
        inside.set()
        trying.wait(60)  # a safety net: the other process sets it as soon as it starts its write
        save(self, changes)

    SqlMemory.save = paused  # type: ignore[method-assign]
    with Store(path) as store:
        out.put([(a.id, a.event, a.story) for a in store.add(records)])


def _second_writer(path: str, records: list[dict], inside: Any, trying: Any, out: Any) -> None:
    """Once the first writer is inside its transaction, add ``records`` (saying so as the write starts)."""
    writing = Store._writing

    def announced(self: Store) -> Any:
        trying.set()
        return writing(self)

    Store._writing = announced  # type: ignore[method-assign]
    inside.wait(60)
    with Store(path) as store:
        out.put([(a.id, a.event, a.story) for a in store.add(records)])


@pytest.mark.parametrize("same_input", [False, True])
def test_two_writers_at_once_give_what_one_after_the_other_gives(tmp_path: Path, same_input: bool) -> None:
    """The second writer starts while the first is inside its write (a certain overlap, made by events, not
    by timing): it waits its turn and sees what the first wrote, so nothing mixes and nothing fails."""
    records = stream(interleave=False)
    first, second = (records, records) if same_input else (records[:6], records[6:] + later_chess())
    context = multiprocessing.get_context("fork")
    inside, trying, out = context.Event(), context.Event(), context.Queue()
    path = str(tmp_path / "shared.db")
    workers = [context.Process(target=_first_writer, args=(path, first, inside, trying, out)),
               context.Process(target=_second_writer, args=(path, second, inside, trying, out))]
    for w in workers:
        w.start()
    results = [out.get(timeout=120), out.get(timeout=120)]
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    with Store(tmp_path / "one-after-the-other.db") as alone:
        expected = [[(a.id, a.event, a.story) for a in alone.add(part)] for part in (first, second)]
    assert sorted(results) == sorted(expected)
    with Store(path) as shared, Store(tmp_path / "one-after-the-other.db") as alone:
        assert shared.stories() == alone.stories()


def test_a_writer_that_waits_too_long_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add(stream()[:2])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for as long as this test wants
    try:
        with Store(path, busy=0.1) as store, pytest.raises(StoreError, match="busy") as refused:
            store.add(stream()[2:])
        assert "\n" not in str(refused.value) and str(path) in str(refused.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
