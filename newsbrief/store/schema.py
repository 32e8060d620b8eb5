"""The SQLite layout of a store, how vectors and times are kept in it, and how it is opened.

Articles keep their original text (FTS5 indexes it in place, as an external-
content table, so it is stored once) and the vectors grouping compares them by.
Events and stories keep what linking needs (centroids, units, sizes, scales,
time spans), their title and their briefing as JSON (NULL when it must be made
again). ``story_terms`` indexes every story's strongest features, so the
stories close to a new article are found without reading them all;
``aliases`` maps every id merged away to the id it lives on as. The document
frequencies of every feature seen so far give new batches the IDF of the whole
store. ``held`` records, for each batch added, the last ``seq`` it took and when
it was committed, so the store can tell which articles it held at any time
(``Store.held``).

Writers serialise: the database is in WAL mode (readers never wait) and every
write is one ``BEGIN IMMEDIATE`` transaction that reads what it needs and
writes, so two processes adding to one store at once take turns, and the
second sees everything the first wrote.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import datetime, timezone

import numpy as np
import scipy.sparse as sp

from newsbrief.group.features import DIM

SCHEMA_VERSION = "4"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, event TEXT, reason TEXT,
    title TEXT, text TEXT NOT NULL, url TEXT, outlet TEXT, time REAL, source TEXT,
    vector BLOB, story_vector BLOB, story_scale REAL);
CREATE INDEX IF NOT EXISTS articles_event ON articles (event, seq);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, story TEXT, title TEXT, size INTEGER NOT NULL, first REAL, last REAL,
    scale REAL NOT NULL, vector BLOB NOT NULL, unit BLOB NOT NULL, story_vector BLOB NOT NULL,
    touched INTEGER NOT NULL, briefing TEXT);
CREATE INDEX IF NOT EXISTS events_last ON events (last);
CREATE INDEX IF NOT EXISTS events_touched ON events (touched);
CREATE INDEX IF NOT EXISTS events_story ON events (story, touched);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, title TEXT, size INTEGER NOT NULL, first REAL, last REAL,
    unit BLOB NOT NULL, vector BLOB NOT NULL, touched INTEGER NOT NULL, briefing TEXT);
CREATE TABLE IF NOT EXISTS story_terms (feature INTEGER NOT NULL, story TEXT NOT NULL, weight REAL NOT NULL);
CREATE INDEX IF NOT EXISTS story_terms_feature ON story_terms (feature);
CREATE INDEX IF NOT EXISTS story_terms_story ON story_terms (story);
CREATE TABLE IF NOT EXISTS aliases (old TEXT PRIMARY KEY, new TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS aliases_new ON aliases (new);
CREATE TABLE IF NOT EXISTS df (feature INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS held (seq INTEGER PRIMARY KEY, at REAL NOT NULL  -- at: days since 1970, UTC
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content='articles');
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5 (title, summary);
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5 (title, summary);
"""
"""``events_fts`` and ``stories_fts`` rows have the rowid of their event or story."""

BUSY_SECONDS = 600.0
"""How long a writer waits for another one to finish before giving up with a clear message."""


def pack(vector: sp.csr_matrix) -> bytes:
    """A sparse row as bytes: little-endian int32 indices, then float32 values."""
    row = vector.tocsr()
    return row.indices.astype("<i4").tobytes() + row.data.astype("<f4").tobytes()


def unpack(blob: bytes) -> sp.csr_matrix:
    """The sparse row :func:`pack` stored."""
    n = len(blob) // 8
    indices = np.frombuffer(blob[:4 * n], dtype="<i4")
    data = np.frombuffer(blob[4 * n:], dtype="<f4")
    return sp.csr_matrix((data, indices, [0, n]), shape=(1, DIM))


def db_time(value: float | None) -> float | None:
    """A time in days as stored (NULL for unknown)."""
    return None if value is None or math.isnan(value) else float(value)


def day_time(value: float | None) -> float:
    """A stored time back as days (NaN for unknown)."""
    return math.nan if value is None else float(value)


def iso(value: float | None) -> str | None:
    """A stored time (days since the epoch) as ISO 8601 UTC."""
    if value is None:
        return None
    return datetime.fromtimestamp(value * 86400.0, tz=timezone.utc).isoformat()


def connect(path: str, busy: float = BUSY_SECONDS) -> sqlite3.Connection:
    """Open (or create) a store; sqlite3.DatabaseError if the file is not one, has another schema, or FTS5
    is missing. Transactions are explicit (``BEGIN IMMEDIATE`` for writes); opening an existing store
    writes nothing, so it never waits for a writer."""
    conn = sqlite3.connect(path, timeout=busy, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        found = _version(conn)
        if found is None:
            conn.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
            found = _version(conn)
        if found != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"store schema {found}, this newsbrief reads {SCHEMA_VERSION} "
                                        "(make a new store and digest the articles again)")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        raise
    return conn


def _version(conn: sqlite3.Connection) -> str | None:
    """The schema version a store records (None for a new, empty file)."""
    try:
        found = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        return None
    return found[0] if found else None
