"""An incremental store of articles, events and briefings in one SQLite file.

``add`` groups only the new articles (a block at a time, with the IDF of the
whole store) and links their groups to the events still open around their
time, with the stream grouper's window (its horizon taken from the batch's
earliest time); nothing already stored is regrouped. Articles are keyed by id, so
adding the same article again changes nothing; an id already stored for a different
text gets a hashed suffix instead of being taken for a re-add. An event's briefing (``newsbrief.pipeline.brief`` over its articles)
is made on demand and kept until the event grows.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsbrief.group.features import DIM, Prior
from newsbrief.group.settings import Settings
from newsbrief.group.stream import Assignment, BlockResult, Doc, Item, blocks, group_block, to_item
from newsbrief.group.window import Event, Window
from newsbrief.ingest import Problem, days, iter_load
from newsbrief.model import Article
from newsbrief.store.schema import connect, db_time, iso, pack, unpack, window_time


def now() -> datetime:
    """The time now, in UTC: when a batch is committed."""
    return datetime.now(timezone.utc)


class StoreError(Exception):
    """The store cannot be opened or used (one line: the path and why)."""


@dataclass
class EventInfo:
    """An event as listed: title, number of articles, outlets (most frequent first) and time span (ISO 8601)."""

    id: str
    title: str | None
    size: int
    outlets: list[str]
    first: str | None
    last: str | None


@dataclass
class SearchHit:
    """A search result: an event or an article, with the matching text marked [like this]."""

    kind: str  # "event" or "article"
    id: str
    event: str | None
    title: str | None
    snippet: str


_EVENT_COLUMNS = "id, title, size, first, last, scale, vector, touched"
_WORD = re.compile(r"\w+")


class Store:
    """A news store in one SQLite file; use as a context manager (``with Store("news.db") as s:``)."""

    def __init__(self, path: str | os.PathLike[str], settings: Settings | None = None,
                 max_words: int = 100) -> None:
        self.path = str(path)
        self.settings = settings or Settings()
        self.max_words = max_words
        self._lock = threading.RLock()
        try:
            self._db = connect(self.path)
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

    # ------------------------------------------------------------ adding

    def add(self, articles: Any) -> list[Assignment]:
        """Add articles (paths, dicts or Article objects); one Assignment per input, in input order.

        New articles join the open events around their time or open new ones;
        articles whose id is already stored keep their assignment and change nothing.
        """
        out: list[Assignment] = []
        for batch in blocks(iter_load(articles), self.settings.block_size):
            with self._lock:
                out.extend(self._add_batch(batch))
        return out

    def _add_batch(self, batch: Sequence[Article | Problem]) -> list[Assignment]:
        batch = self._rekey_others(batch)
        known = self._assignments([b.id for b in batch])
        fresh: dict[str, Article | Problem] = {}
        for item in batch:
            if item.id not in known:
                fresh.setdefault(item.id, item)
        if fresh:
            new = self._group(list(fresh.values()))
            known.update({a.id: a for a in new})
        return [Assignment(b.id, known[b.id].event, known[b.id].reason) for b in batch]

    def _rekey_others(self, batch: Sequence[Article | Problem]) -> list[Article | Problem]:
        """The batch, an article whose id is stored for a different text given an id of its own,
        ``ID#<text hash>``.

        Ids from file names or positions (``notes.txt``, a record without ``id``) recur
        for other articles; keyed by id alone, those would be taken for re-adds and lost.
        The hashed id is stable, so adding that article again still changes nothing.
        """
        stored = dict(self._rows_in("SELECT id, text FROM articles", "id", [b.id for b in batch]))
        return [replace(item, id=f"{item.id}#{hashlib.sha1(item.text.encode('utf-8')).hexdigest()[:10]}")
                if isinstance(item, Article) and item.id in stored and stored[item.id] != item.text else item
                for item in batch]

    def _group(self, items: list[Article | Problem]) -> list[Assignment]:
        docs = [to_item(i) for i in items]
        window = self._open_window(docs)
        result = group_block(docs, self.settings, self._load_prior(), window)
        joined = window.link(result.groups)
        events = [joined[g] if g is not None else None for g in result.group_of]
        assigned = [Assignment(i.id, e.id if e else None, r) for i, e, r in zip(items, events, result.reasons)]
        with self._db:
            self._save_events({e.id: e for e in joined}.values())
            self._save_articles(items, assigned)
            self._save_counts(result, window)
        return assigned

    def _load_prior(self) -> Prior:
        if self._prior is None:
            rows = self._db.execute("SELECT feature, n FROM df").fetchall()
            idx = np.array([r[0] for r in rows], dtype=np.int64)
            val = np.array([r[1] for r in rows], dtype=np.float32)
            df = sp.csr_matrix((val, (np.zeros_like(idx), idx)), shape=(1, DIM))
            self._prior = Prior(int(self._meta("docs", "0")), df)
        return self._prior

    def _open_window(self, docs: Sequence[Item]) -> Window:
        """The events open around the batch's earliest time (all, when it has none), most recent first."""
        times = [it.time for it in docs if isinstance(it, Doc) and not math.isnan(it.time)]
        since = min(times) - self.settings.window_days if times else -math.inf
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE last IS NULL OR last >= ? "
            "ORDER BY touched DESC, id LIMIT ?", (since, self.settings.max_active)).fetchall()
        events = [Event(unpack(r[6]), r[2], r[5], window_time(r[3]), window_time(r[4]), r[1], id=r[0],
                        touched=r[7]) for r in rows]
        return Window(self.settings, events, int(self._meta("next_event", "1")), int(self._meta("tick", "0")))

    def _save_events(self, events: Iterable[Event]) -> None:
        for e in events:
            self._db.execute(
                "INSERT INTO events (id, title, size, first, last, scale, vector, touched, briefing) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET "
                "size = excluded.size, first = excluded.first, last = excluded.last, scale = excluded.scale, "
                "vector = excluded.vector, touched = excluded.touched, briefing = NULL, "
                "title = coalesce(events.title, excluded.title)",
                (e.id, e.title, e.size, db_time(e.first), db_time(e.last), e.scale, pack(e.vector), e.touched))
            rowid = self._db.execute("SELECT rowid FROM events WHERE id = ?", (e.id,)).fetchone()[0]
            self._db.execute("DELETE FROM events_fts WHERE rowid = ?", (rowid,))  # by rowid: no index scan
            self._db.execute("INSERT INTO events_fts (rowid, title, summary) VALUES (?, ?, '')",
                             (rowid, e.title))

    def _save_articles(self, items: Sequence[Article | Problem], assigned: Sequence[Assignment]) -> None:
        seq = int(self._meta("seq", "0"))
        for n, (item, a) in enumerate(zip(items, assigned), start=seq + 1):
            if isinstance(item, Problem):
                row = (item.id, n, None, a.reason, None, "", None, None, None, item.where)
            else:
                row = (item.id, n, a.event, a.reason, item.title, item.text, item.url, item.outlet,
                       db_time(days(item.time)), item.source)
            cur = self._db.execute("INSERT INTO articles (id, seq, event, reason, title, text, url, outlet, "
                                   "time, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            if a.event is not None:
                self._db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                                 (cur.lastrowid, row[4], row[5]))
        self._set_meta("seq", seq + len(items))
        self._db.execute("INSERT OR REPLACE INTO held (seq, at) VALUES (?, ?)", (seq + len(items), days(now())))

    def _save_counts(self, result: BlockResult, window: Window) -> None:
        if result.df is not None:
            df = result.df.tocsr()
            self._db.executemany("INSERT INTO df (feature, n) VALUES (?, ?) ON CONFLICT (feature) "
                                 "DO UPDATE SET n = n + excluded.n",
                                 zip(df.indices.tolist(), np.rint(df.data).astype(int).tolist()))
            docs = sum(g is not None for g in result.group_of)
            self._set_meta("docs", int(self._meta("docs", "0")) + docs)
            self._prior = None
        self._set_meta("next_event", window.next_number)
        self._set_meta("tick", window.tick)

    def _assignments(self, ids: Sequence[str]) -> dict[str, Assignment]:
        return {r[0]: Assignment(*r) for r in self._rows_in("SELECT id, event, reason FROM articles", "id", ids)}

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """All rows of a query, under the store's lock (a Store may serve several threads)."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _rows_in(self, sql: str, column: str, values: Sequence[str], tail: str = "") -> list[tuple]:
        """Rows of ``sql WHERE column IN values tail``, asked 500 values at a time."""
        rows: list[tuple] = []
        for start in range(0, len(values), 500):
            chunk = list(values[start:start + 500])
            rows += self._rows(f"{sql} WHERE {column} IN ({','.join('?' * len(chunk))}) {tail}", chunk)
        return rows

    def _meta(self, key: str, default: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: object) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (key, str(value)))

    # ------------------------------------------------------------ reading

    def events(self, limit: int | None = None) -> list[EventInfo]:
        """Events, largest first (then earliest)."""
        rows = self._rows("SELECT id, title, size, first, last FROM events "
                          "ORDER BY size DESC, first IS NULL, first, id LIMIT ?", (-1 if limit is None else limit,))
        outlets = self._outlets([r[0] for r in rows])
        return [EventInfo(r[0], r[1], r[2], outlets.get(r[0], []), iso(r[3]), iso(r[4])) for r in rows]

    def event(self, event_id: str) -> EventInfo | None:
        """One event, or None if there is no such event."""
        rows = self._rows("SELECT id, title, size, first, last FROM events WHERE id = ?", (event_id,))
        if not rows:
            return None
        r = rows[0]
        return EventInfo(r[0], r[1], r[2], self._outlets([event_id]).get(event_id, []), iso(r[3]), iso(r[4]))

    def _outlets(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        """Each event's outlets, the one with most articles first."""
        out: dict[str, list[str]] = {}
        for event, outlet, _ in sorted(self._rows_in(
                "SELECT event, outlet, count(*) FROM articles", "event", event_ids,
                "AND outlet IS NOT NULL GROUP BY event, outlet"), key=lambda r: (r[0], -r[2], r[1])):
            out.setdefault(event, []).append(outlet)
        return out

    def articles(self, event_id: str) -> list[dict[str, Any]]:
        """The articles of an event as records ``{"id", "title", "text", "url", "time"}``, earliest first."""
        rows = self._rows("SELECT id, title, text, url, time FROM articles WHERE event = ? "
                          "ORDER BY time IS NULL, time, seq", (event_id,))
        return [{"id": r[0], "title": r[1], "text": r[2], "url": r[3], "time": iso(r[4])} for r in rows]

    def held(self, event_id: str, time: datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The articles of an event (records, as :meth:`articles`) the store held at ``time`` (a naive time
        is UTC), and those it got since: what a reader of the event at that time had read, and what is new.

        Articles added before the store kept these times (``held`` is empty for them) count as held from
        the first time it kept.
        """
        rows = self._rows("SELECT max(seq) FROM held WHERE at <= ?", (days(time),))
        last = rows[0][0] if rows and rows[0][0] is not None else 0
        records = self.articles(event_id)
        seqs = dict(self._rows("SELECT id, seq FROM articles WHERE event = ?", (event_id,)))
        return [r for r in records if seqs[r["id"]] <= last], [r for r in records if seqs[r["id"]] > last]

    def briefing(self, event_id: str) -> dict[str, Any] | None:
        """The event's briefing as a JSON-ready dict (made now if the event is new or has grown)."""
        with self._lock:
            rows = self._rows("SELECT briefing FROM events WHERE id = ?", (event_id,))
            if not rows:
                return None
            return json.loads(rows[0][0]) if rows[0][0] is not None else self._make_briefing(event_id)

    def _make_briefing(self, event_id: str) -> dict[str, Any]:
        from newsbrief.pipeline import brief

        made = brief(self.articles(event_id), max_words=self.max_words).to_dict()
        summary = " ".join(line["text"] for line in made["summary"])
        with self._db:
            self._db.execute("UPDATE events SET briefing = ?, title = ? WHERE id = ?",
                             (json.dumps(made, ensure_ascii=False, default=str), made["title"], event_id))
            self._db.execute("UPDATE events_fts SET title = ?, summary = ? "
                             "WHERE rowid = (SELECT rowid FROM events WHERE id = ?)", (made["title"], summary, event_id))
        return made

    def stale(self) -> list[str]:
        """Ids of the events whose briefing must be made (new or grown since it was made)."""
        return [r[0] for r in self._rows("SELECT id FROM events WHERE briefing IS NULL ORDER BY id")]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Events (by title and summary), then articles (by title and text) matching every word of ``query``."""
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        hits = [SearchHit("event", r[0], r[0], r[1], r[2]) for r in self._rows(
            "SELECT e.id, events_fts.title, snippet(events_fts, -1, '[', ']', '...', 12) "
            "FROM events_fts JOIN events AS e ON e.rowid = events_fts.rowid "
            "WHERE events_fts MATCH ? ORDER BY bm25(events_fts) LIMIT ?", (match, limit))]
        hits += [SearchHit("article", r[0], r[1], r[2], r[3]) for r in self._rows(
            "SELECT a.id, a.event, a.title, snippet(articles_fts, -1, '[', ']', '...', 12) "
            "FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?", (match, limit))]
        return hits[:limit]
