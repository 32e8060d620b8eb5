"""Grouping's memory kept in a store's SQLite file (see :class:`newsbrief.group.memory.Memory`).

Unlike a stream's memory it forgets nothing: every event stays open to the
articles of its time (``window_days`` either side of a batch), every story to
articles of any time. Stories close to new articles are found through
``story_terms`` (each story's strongest features), then compared in full.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsbrief.group.memory import (EMPTY, TERMS, ArticleState, Changes, EventState, StoryState, shortlist,
                                    top_stories, top_terms)
from newsbrief.group.settings import Settings
from newsbrief.model import Article
from newsbrief.store.schema import day_time, db_time, pack, unpack

_EVENT = "id, story, vector, unit, story_vector, size, scale, first, last, title, touched"
_STORY = "id, unit, vector, size, first, last, title, touched"
_ARTICLE = "id, vector, story_vector, time, title, story_scale, event"


def _event(r: tuple) -> EventState:
    return EventState(r[0], r[1], unpack(r[2]), unpack(r[3]), unpack(r[4]), r[5], r[6], day_time(r[7]),
                      day_time(r[8]), r[9], r[10])


def _story(r: tuple) -> StoryState:
    return StoryState(r[0], unpack(r[1]), unpack(r[2]), r[3], day_time(r[4]), day_time(r[5]), r[6], r[7])


def _article(r: tuple) -> ArticleState:
    return ArticleState(r[0], unpack(r[1]), unpack(r[2]), day_time(r[3]), r[4], r[5], r[6])


def rows_in(db: sqlite3.Connection, sql: str, column: str, values: Sequence[Any], tail: str = "",
            params: Sequence[Any] = ()) -> list[tuple]:
    """Rows of ``sql WHERE column IN values tail``, asked 500 values at a time."""
    rows: list[tuple] = []
    for start in range(0, len(values), 500):
        chunk = list(values[start:start + 500])
        rows += db.execute(f"{sql} WHERE {column} IN ({','.join('?' * len(chunk))}) {tail}",
                           [*chunk, *params]).fetchall()
    return rows


def meta(db: sqlite3.Connection, key: str, default: str) -> str:
    """A value of the store's ``meta`` table (counters, the schema version), or ``default``."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite3.Connection, key: str, value: object) -> None:
    """Set a value of the store's ``meta`` table."""
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               (key, str(value)))


class SqlMemory:
    """The memory of one store, used inside one write transaction. ``pending``: the batch's new articles
    and their sequence numbers, which :meth:`save` stores with their text."""

    def __init__(self, db: sqlite3.Connection, settings: Settings, pending: dict[str, tuple[Article, int]]) -> None:
        self.db = db
        self.settings = settings
        self.pending = pending
        self.tick = int(meta(db, "tick", "0"))

    def open_events(self, since: float) -> list[EventState]:
        """See :meth:`newsbrief.group.memory.Memory.open_events` (only the centroid and span are read)."""
        return [EventState(r[0], None, unpack(r[1]), EMPTY, EMPTY, 0, 0.0, day_time(r[2]), day_time(r[3]), None)
                for r in self.db.execute(
                    "SELECT id, vector, first, last FROM events WHERE last IS NULL OR last >= ? "
                    "ORDER BY touched DESC, id LIMIT ?",
                    (since if np.isfinite(since) else -1e18, self.settings.max_active))]

    def members(self, events: Sequence[str], per_event: int, limit: int) -> list[ArticleState]:
        """See :meth:`newsbrief.group.memory.Memory.members`."""
        out: list[ArticleState] = []
        for name in events:
            found = [_article(r) for r in self.db.execute(
                f"SELECT {_ARTICLE} FROM articles WHERE event = ? ORDER BY seq DESC LIMIT ?", (name, per_event))]
            if len(out) + len(found) <= limit:
                out += reversed(found)
        return out

    def story_events(self, stories: Sequence[str], limit: int) -> list[EventState]:
        """See :meth:`newsbrief.group.memory.Memory.story_events`."""
        found = [_event(r) for r in rows_in(self.db, f"SELECT {_EVENT} FROM events", "story", stories,
                                             "ORDER BY touched DESC LIMIT ?", (limit,))]
        return sorted(found, key=lambda e: (-e.touched, e.id))[:limit]

    def stories(self, ids: Sequence[str]) -> list[StoryState]:
        """See :meth:`newsbrief.group.memory.Memory.stories`."""
        return [_story(r) for r in rows_in(self.db, f"SELECT {_STORY} FROM stories", "id", ids)]

    def find_stories(self, vectors: sp.csr_matrix, bound: float, per_row: int) -> list[StoryState]:
        """See :meth:`newsbrief.group.memory.Memory.find_stories`: a shortlist from ``story_terms``, then the
        full comparison."""
        found = shortlist(vectors, lambda features: rows_in(
            self.db, "SELECT feature, story, weight FROM story_terms", "feature", features))
        return top_stories(vectors, self.stories(found), bound, per_row)

    def events(self, ids: Sequence[str]) -> list[EventState]:
        """The events of these ids, in full."""
        return [_event(r) for r in rows_in(self.db, f"SELECT {_EVENT} FROM events", "id", ids)]

    def new_id(self, kind: str) -> str:
        """See :meth:`newsbrief.group.memory.Memory.new_id`."""
        key = "next_event" if kind == "e" else "next_story"
        number = int(meta(self.db, key, "1"))
        set_meta(self.db, key, number + 1)
        return f"{kind}{number}"

    def resolve(self, name: str) -> str:
        """See :meth:`newsbrief.group.memory.Memory.resolve`."""
        row = self.db.execute("SELECT new FROM aliases WHERE old = ?", (name,)).fetchone()
        return row[0] if row else name

    # ---------------------------------------------------------------- writing

    def save(self, changes: Changes) -> None:
        """See :meth:`newsbrief.group.memory.Memory.save`."""
        self.tick += 1
        set_meta(self.db, "tick", self.tick)
        for old, new in changes.merged:
            self._merge(old, new)
        for story in changes.stories:
            self._save_story(story)
        for event in changes.events:
            self._save_event(event)
        for a in changes.articles:
            if a.id in self.pending:
                self._insert(a)
            else:
                self.db.execute("UPDATE articles SET event = ?, story_scale = ? WHERE id = ?",
                                (a.event, a.story_scale, a.id))

    def _merge(self, old: str, new: str) -> None:
        """Record that ``old`` lives on as ``new`` (chains kept one step long) and move what it held."""
        self.db.execute("INSERT INTO aliases (old, new) VALUES (?, ?) ON CONFLICT (old) DO UPDATE SET new = "
                        "excluded.new", (old, new))
        self.db.execute("UPDATE aliases SET new = ? WHERE new = ?", (new, old))
        if old.startswith("e"):
            self.db.execute("UPDATE articles SET event = ? WHERE event = ?", (new, old))
            self._delete("events", old)
        else:
            self.db.execute("UPDATE events SET story = ?, briefing = NULL WHERE story = ?", (new, old))
            self.db.execute("DELETE FROM story_terms WHERE story = ?", (old,))
            self._delete("stories", old)

    def _delete(self, table: str, name: str) -> None:
        row = self.db.execute(f"SELECT rowid FROM {table} WHERE id = ?", (name,)).fetchone()
        if row:
            self.db.execute(f"DELETE FROM {table}_fts WHERE rowid = ?", (row[0],))
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", (name,))

    def _title_row(self, table: str, name: str, title: str | None) -> None:
        """Index the title of an event or story for search (its summary comes with its briefing)."""
        rowid = self.db.execute(f"SELECT rowid FROM {table} WHERE id = ?", (name,)).fetchone()[0]
        self.db.execute(f"DELETE FROM {table}_fts WHERE rowid = ?", (rowid,))
        self.db.execute(f"INSERT INTO {table}_fts (rowid, title, summary) VALUES (?, ?, '')", (rowid, title))

    def _save_event(self, e: EventState) -> None:
        self.db.execute(
            "INSERT INTO events (id, story, title, size, first, last, scale, vector, unit, story_vector, touched, "
            "briefing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET "
            "story = excluded.story, size = excluded.size, first = excluded.first, last = excluded.last, "
            "scale = excluded.scale, vector = excluded.vector, unit = excluded.unit, "
            "story_vector = excluded.story_vector, touched = excluded.touched, briefing = NULL, "
            "title = coalesce(events.title, excluded.title)",
            (e.id, e.story, e.title, e.size, db_time(e.first), db_time(e.last), e.scale, pack(e.vector),
             pack(e.unit), pack(e.story_vector), e.touched))
        self._title_row("events", e.id, e.title)

    def _save_story(self, s: StoryState) -> None:
        self.db.execute(
            "INSERT INTO stories (id, title, size, first, last, unit, vector, touched, briefing) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET size = excluded.size, "
            "first = excluded.first, last = excluded.last, unit = excluded.unit, vector = excluded.vector, "
            "touched = excluded.touched, briefing = NULL, title = coalesce(stories.title, excluded.title)",
            (s.id, s.title, s.size, db_time(s.first), db_time(s.last), pack(s.unit), pack(s.vector), s.touched))
        self._title_row("stories", s.id, s.title)
        self.db.execute("DELETE FROM story_terms WHERE story = ?", (s.id,))
        self.db.executemany("INSERT INTO story_terms (feature, story, weight) VALUES (?, ?, ?)",
                            [(feature, s.id, weight) for feature, weight in top_terms(s.vector, TERMS)])

    def _insert(self, a: ArticleState) -> None:
        article, seq = self.pending[a.id]
        cur = self.db.execute(
            "INSERT INTO articles (id, seq, event, reason, title, text, url, outlet, time, source, vector, "
            "story_vector, story_scale) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, seq, a.event, article.title, article.text, article.url, article.outlet, db_time(a.time),
             article.source, pack(a.vector), pack(a.story_vector), a.story_scale))
        self.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                        (cur.lastrowid, article.title, article.text))

