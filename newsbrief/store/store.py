"""An incremental store of articles, events, stories and briefings in one SQLite file.

``add`` groups only the new articles, a block at a time, with the IDF of the
whole store, and links them as a stream links its blocks
(:mod:`newsbrief.group.link`): each batch is grouped again with the stored
articles of the events close to it, and the events with the stories close to
them, so events and stories merge (or trade articles) when a later article
shows where they belong, and small batches end up grouped much as one large
one. An id merged away lives on as an alias: every lookup resolves it.

Articles are keyed by id, so adding the same article again changes nothing;
an id already stored for a different text gets a hashed suffix instead of
being taken for a re-add. Briefings of events and stories
(``newsbrief.pipeline.brief`` over their articles) are made on demand and kept
until they change.

Every write is one transaction that reads what it needs and writes
(``BEGIN IMMEDIATE``), so several processes (two ``newsbrief digest`` runs, a
server) can share one store: writers take turns, and one that waits longer
than the busy timeout is refused with a :class:`StoreError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp

from newsbrief.group.features import DIM, Prior
from newsbrief.group.link import Linker
from newsbrief.group.settings import Settings
from newsbrief.group.stream import Assignment, BlockResult, blocks, group_block, to_item
from newsbrief.ingest import Problem, days, iter_load
from newsbrief.model import Article
from newsbrief.store.memory import SqlMemory, meta, rows_in, set_meta
from newsbrief.store.schema import BUSY_SECONDS, connect, db_time, iso


def now() -> datetime:
    """The time now, in UTC: when a batch is committed."""
    return datetime.now(timezone.utc)


class StoreError(Exception):
    """The store cannot be opened or used (one line: the path and why)."""


@dataclass
class EventInfo:
    """An event as listed: its story, title, number of articles, outlets (most frequent first) and time
    span (ISO 8601)."""

    id: str
    story: str | None
    title: str | None
    size: int
    outlets: list[str]
    first: str | None
    last: str | None


@dataclass
class StoryInfo:
    """A story as listed: title, number of articles, time span (ISO 8601) and its events, largest first."""

    id: str
    title: str | None
    size: int
    first: str | None
    last: str | None
    events: list[EventInfo]


@dataclass(frozen=True)
class Pending:
    """A briefing the store does not hold yet: the records to brief and the version of the group they
    were read at (``touched``); :meth:`Store.keep` stores the briefing only if the group has not changed
    meanwhile. Lets a server make the briefing in its own worker processes."""

    table: str
    id: str
    records: list[dict[str, Any]]
    max_words: int
    touched: int


@dataclass
class SearchHit:
    """A search result: a story, an event or an article, with the matching text marked [like this]."""

    kind: str  # "story", "event" or "article"
    id: str
    event: str | None
    story: str | None
    title: str | None
    snippet: str


_WORD = re.compile(r"\w+")


class Store:
    """A news store in one SQLite file; use as a context manager (``with Store("news.db") as s:``).

    ``busy``: seconds a write waits for another process's write to finish before giving up.
    """

    def __init__(self, path: str | os.PathLike[str], settings: Settings | None = None,
                 max_words: int = 100, busy: float = BUSY_SECONDS) -> None:
        self.path = str(path)
        self.settings = settings or Settings()
        self.max_words = max_words
        self.busy = busy
        self._lock = threading.RLock()
        try:
            self._db = connect(self.path, busy)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        self._prior: Prior | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database; every change is already committed, so nothing is lost."""
        self._db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before anything is read (other writers wait, or we do)."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.path}: the store is busy: another process kept writing to it for "
                                 f"more than {self.busy:g} s ({exc})") from None
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # ------------------------------------------------------------ adding

    def add(self, articles: Any) -> list[Assignment]:
        """Add articles (paths, dicts or Article objects); one Assignment per input, in input order.

        New articles join the events and stories around them or open new ones,
        mending earlier groups; articles whose id is already stored keep their
        assignment and change nothing. Ids are those current when the call returns.
        """
        out: list[Assignment] = []
        for batch in blocks(iter_load(articles), self.settings.block_size):
            with self._writing():
                out.extend(self._add_batch(batch))
        return self._current(out)

    def _add_batch(self, batch: Sequence[Article | Problem]) -> list[Assignment]:
        batch = self._rekey_others(batch)
        known = self._assignments([b.id for b in batch])
        fresh: dict[str, Article | Problem] = {}
        for item in batch:
            if item.id not in known:
                fresh.setdefault(item.id, item)
        if fresh:
            known.update({a.id: a for a in self._group(list(fresh.values()))})
        return [replace(known[b.id], id=b.id) for b in batch]

    def _rekey_others(self, batch: Sequence[Article | Problem]) -> list[Article | Problem]:
        """The batch, an article whose id is stored for a different text given an id of its own,
        ``ID#<text hash>``.

        Ids from file names or positions (``notes.txt``, a record without ``id``) recur
        for other articles; keyed by id alone, those would be taken for re-adds and lost.
        The hashed id is stable, so adding that article again still changes nothing.
        """
        stored = dict(rows_in(self._db, "SELECT id, text FROM articles", "id", [b.id for b in batch]))
        return [replace(item, id=f"{item.id}#{hashlib.sha1(item.text.encode('utf-8')).hexdigest()[:10]}")
                if isinstance(item, Article) and item.id in stored and stored[item.id] != item.text else item
                for item in batch]

    def _group(self, items: list[Article | Problem]) -> list[Assignment]:
        seq = int(meta(self._db, "seq", "0"))
        numbered = {item.id: (item, seq + n) for n, item in enumerate(items, start=1)}
        set_meta(self._db, "seq", seq + len(items))
        self._db.execute("INSERT OR REPLACE INTO held (seq, at) VALUES (?, ?)", (seq + len(items), days(now())))
        result = group_block([to_item(i) for i in items], self.settings, self._load_prior())
        pending = {i: (a, n) for i, (a, n) in numbered.items() if isinstance(a, Article)}
        assigned = Linker(SqlMemory(self._db, self.settings, pending), self.settings).link(result)
        for item, a in zip(items, assigned):
            if a.event is None:
                self._save_unassigned(item, a.reason, numbered[item.id][1])
        self._save_counts(result)
        return assigned

    def _save_unassigned(self, item: Article | Problem, reason: str | None, seq: int) -> None:
        if isinstance(item, Problem):
            row = (item.id, seq, reason, None, "", None, None, None, item.where)
        else:
            row = (item.id, seq, reason, item.title, item.text, item.url, item.outlet, db_time(days(item.time)),
                   item.source)
        self._db.execute("INSERT INTO articles (id, seq, event, reason, title, text, url, outlet, time, source) "
                         "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)", row)

    def _load_prior(self) -> Prior:
        """The store's document frequencies (read again only when another batch has been added since)."""
        docs = int(meta(self._db, "docs", "0"))
        if self._prior is None or self._prior.docs != docs:
            rows = self._db.execute("SELECT feature, n FROM df").fetchall()
            idx = np.array([r[0] for r in rows], dtype=np.int64)
            val = np.array([r[1] for r in rows], dtype=np.float32)
            self._prior = Prior(docs, sp.csr_matrix((val, (np.zeros_like(idx), idx)), shape=(1, DIM)))
        return self._prior

    def _save_counts(self, result: BlockResult) -> None:
        if result.vectors is None:
            return
        df = result.vectors.df.tocsr()
        self._db.executemany("INSERT INTO df (feature, n) VALUES (?, ?) ON CONFLICT (feature) "
                             "DO UPDATE SET n = n + excluded.n",
                             zip(df.indices.tolist(), np.rint(df.data).astype(int).tolist()))
        set_meta(self._db, "docs", int(meta(self._db, "docs", "0")) + len(result.vectors.rows))

    def _assignments(self, ids: Sequence[str]) -> dict[str, Assignment]:
        return {r[0]: Assignment(*r) for r in rows_in(
            self._db, "SELECT a.id, a.event, e.story, a.reason FROM articles AS a "
            "LEFT JOIN events AS e ON e.id = a.event", "a.id", ids)}

    def _current(self, assigned: list[Assignment]) -> list[Assignment]:
        """The assignments with the ids their events and stories live on as now."""
        with self._lock:
            now = self._assignments(list(dict.fromkeys(a.id for a in assigned)))
        return [replace(now[a.id], id=a.id) if a.id in now else a for a in assigned]

    # ------------------------------------------------------------ reading

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """All rows of a query, under the store's lock (a Store may serve several threads)."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def resolve(self, name: str) -> str:
        """The id an event or story id lives on as (itself if it was never merged into another)."""
        rows = self._rows("SELECT new FROM aliases WHERE old = ?", (name,))
        return rows[0][0] if rows else name

    def events(self, limit: int | None = None) -> list[EventInfo]:
        """Events, largest first (then earliest)."""
        return self._event_infos("SELECT id, story, title, size, first, last FROM events "
                                 "ORDER BY size DESC, first IS NULL, first, id LIMIT ?",
                                 (_sql_limit(limit),))

    def event(self, event_id: str) -> EventInfo | None:
        """One event (an old id leads to the event it was merged into), or None if there is no such event."""
        found = self._event_infos("SELECT id, story, title, size, first, last FROM events WHERE id = ?",
                                  (self.resolve(event_id),))
        return found[0] if found else None

    def _event_infos(self, sql: str, params: Sequence[Any]) -> list[EventInfo]:
        rows = self._rows(sql, params)
        outlets = self._outlets([r[0] for r in rows])
        return [EventInfo(r[0], r[1], r[2], r[3], outlets.get(r[0], []), iso(r[4]), iso(r[5])) for r in rows]

    def stories(self, limit: int | None = None) -> list[StoryInfo]:
        """Stories, largest first (then earliest), each with its events."""
        rows = self._rows("SELECT id, title, size, first, last FROM stories "
                          "ORDER BY size DESC, first IS NULL, first, id LIMIT ?", (_sql_limit(limit),))
        return self._story_infos(rows)

    def story(self, story_id: str) -> StoryInfo | None:
        """One story with its events (an old id leads to the story it was merged into), or None."""
        found = self._story_infos(self._rows("SELECT id, title, size, first, last FROM stories WHERE id = ?",
                                             (self.resolve(story_id),)))
        return found[0] if found else None

    def _story_infos(self, rows: Sequence[tuple]) -> list[StoryInfo]:
        with self._lock:
            events = self._event_infos_in([r[0] for r in rows])
        by_story: dict[str, list[EventInfo]] = {}
        for e in events:
            by_story.setdefault(e.story or "", []).append(e)
        return [StoryInfo(r[0], r[1], r[2], iso(r[3]), iso(r[4]), by_story.get(r[0], [])) for r in rows]

    def _event_infos_in(self, stories: Sequence[str]) -> list[EventInfo]:
        rows = sorted(rows_in(self._db, "SELECT id, story, title, size, first, last FROM events", "story", stories),
                      key=lambda r: (-r[3], r[4] is None, r[4] or 0, r[0]))
        outlets = self._outlets([r[0] for r in rows])
        return [EventInfo(r[0], r[1], r[2], r[3], outlets.get(r[0], []), iso(r[4]), iso(r[5])) for r in rows]

    def _outlets(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        """Each event's outlets, the one with most articles first."""
        out: dict[str, list[str]] = {}
        with self._lock:
            found = rows_in(self._db, "SELECT event, outlet, count(*) FROM articles", "event", event_ids,
                            "AND outlet IS NOT NULL GROUP BY event, outlet")
        for event, outlet, _ in sorted(found, key=lambda r: (r[0], -r[2], r[1])):
            out.setdefault(event, []).append(outlet)
        return out

    def articles(self, event_id: str) -> list[dict[str, Any]]:
        """The articles of an event as records ``{"id", "title", "text", "url", "time"}``, earliest first."""
        return self._records("WHERE event = ?", self.resolve(event_id))

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        """The articles of every event of a story, as :meth:`articles` gives them, earliest first."""
        return self._records("WHERE event IN (SELECT id FROM events WHERE story = ?)", self.resolve(story_id))

    def _records(self, where: str, name: str) -> list[dict[str, Any]]:
        rows = self._rows(f"SELECT id, title, text, url, time FROM articles {where} "
                          "ORDER BY time IS NULL, time, seq", (name,))
        return [{"id": r[0], "title": r[1], "text": r[2], "url": r[3], "time": iso(r[4])} for r in rows]

    def held(self, records: Sequence[dict[str, Any]], time: datetime) -> tuple[list[dict[str, Any]],
                                                                               list[dict[str, Any]]]:
        """Of stored ``records`` (as :meth:`articles` or :meth:`story_articles` give them), those the store
        held at ``time`` (a naive time is UTC) and those it got since: what a reader of the event or story
        at that time had read, and what is new."""
        rows = self._rows("SELECT max(seq) FROM held WHERE at <= ?", (days(time),))
        last = rows[0][0] if rows and rows[0][0] is not None else 0
        with self._lock:
            seqs = dict(rows_in(self._db, "SELECT id, seq FROM articles", "id", [r["id"] for r in records]))
        return [r for r in records if seqs[r["id"]] <= last], [r for r in records if seqs[r["id"]] > last]

    def briefing(self, event_id: str) -> dict[str, Any] | None:
        """The event's briefing as a JSON-ready dict (made now if the event is new or has changed)."""
        return self._made(self.held_briefing("events", event_id))

    def story_briefing(self, story_id: str) -> dict[str, Any] | None:
        """The briefing of a whole story, every event's articles together (made now if it has changed)."""
        return self._made(self.held_briefing("stories", story_id))

    def held_briefing(self, table: Literal["events", "stories"], name: str) -> dict[str, Any] | Pending | None:
        """The briefing the store holds for an event (``table`` "events") or a story ("stories"), or, when
        it must be made (new or changed since), what making it takes; None for an unknown id."""
        name = self.resolve(name)
        rows = self._rows(f"SELECT briefing, touched FROM {table} WHERE id = ?", (name,))
        if not rows:
            return None
        if rows[0][0] is not None:
            return json.loads(rows[0][0])
        records = self.articles(name) if table == "events" else self.story_articles(name)
        return Pending(table, name, records, self.max_words, rows[0][1])

    def keep(self, pending: Pending, made: dict[str, Any]) -> None:
        """Store the briefing ``made`` for ``pending``, unless its group changed since it was read (another
        process may have added articles meanwhile: then it is made again when next asked for)."""
        summary = " ".join(line["text"] for line in made["summary"])
        with self._writing():
            self._db.execute(f"UPDATE {pending.table} SET briefing = ?, title = ? WHERE id = ? AND touched = ?",
                             (json.dumps(made, ensure_ascii=False, default=str), made["title"], pending.id,
                              pending.touched))
            self._db.execute(f"UPDATE {pending.table}_fts SET title = ?, summary = ? "
                             f"WHERE rowid = (SELECT rowid FROM {pending.table} WHERE id = ? AND touched = ?)",
                             (made["title"], summary, pending.id, pending.touched))

    def _made(self, held: dict[str, Any] | Pending | None) -> dict[str, Any] | None:
        if not isinstance(held, Pending):
            return held
        from newsbrief.pipeline import brief  # the whole briefing pipeline, loaded only when a briefing is made

        made = brief(held.records, max_words=held.max_words).to_dict()
        self.keep(held, made)
        return made

    def stale(self) -> list[str]:
        """Ids of the events whose briefing must be made (new or changed since it was made)."""
        return [r[0] for r in self._rows("SELECT id FROM events WHERE briefing IS NULL ORDER BY id")]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Stories and events (by title and summary), then articles (by title and text) matching every word
        of ``query``."""
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        hits = [SearchHit("story", r[0], None, r[0], r[1], r[2]) for r in self._rows(
            "SELECT s.id, stories_fts.title, snippet(stories_fts, -1, '[', ']', '...', 12) "
            "FROM stories_fts JOIN stories AS s ON s.rowid = stories_fts.rowid "
            "WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts) LIMIT ?", (match, _sql_limit(limit)))]
        hits += [SearchHit("event", r[0], r[0], r[1], r[2], r[3]) for r in self._rows(
            "SELECT e.id, e.story, events_fts.title, snippet(events_fts, -1, '[', ']', '...', 12) "
            "FROM events_fts JOIN events AS e ON e.rowid = events_fts.rowid "
            "WHERE events_fts MATCH ? ORDER BY bm25(events_fts) LIMIT ?", (match, _sql_limit(limit)))]
        hits += [SearchHit("article", r[0], r[1], r[2], r[3], r[4]) for r in self._rows(
            "SELECT a.id, a.event, e.story, a.title, snippet(articles_fts, -1, '[', ']', '...', 12) "
            "FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
            "LEFT JOIN events AS e ON e.id = a.event "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?", (match, _sql_limit(limit)))]
        return hits[:limit]


def _sql_limit(limit: int | None) -> int:
    """``limit`` as SQLite's ``LIMIT`` takes it: -1 for none, and for one larger than SQLite's integers (no table
    holds that many rows; SQLite would refuse the number with an OverflowError)."""
    return -1 if limit is None or limit > SQLITE_MAX_INT else limit


SQLITE_MAX_INT = 2**63 - 1
