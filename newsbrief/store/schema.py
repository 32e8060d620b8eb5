"""The SQLite layout of a store, and how event vectors and times are kept in it.

Articles keep their original text (FTS5 indexes it in place, as an external-
content table, so it is stored once). Events keep what the sliding window needs
to link new articles (centroid, size, local scale, time span, last growth),
their title and their briefing as JSON (NULL when it must be made again). The
document frequencies of every feature seen so far give new batches the IDF of
the whole store. ``held`` records, for each batch added, the last ``seq`` it
took and when it was committed, so the store can tell which articles it held at
any time (``Store.held``).
"""

from __future__ import annotations

import math
import sqlite3
from datetime import datetime, timezone

import numpy as np
import scipy.sparse as sp

from newsbrief.group.features import DIM

SCHEMA_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, event TEXT, reason TEXT,
    title TEXT, text TEXT NOT NULL, url TEXT, outlet TEXT, time REAL, source TEXT);
CREATE INDEX IF NOT EXISTS articles_event ON articles (event);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, title TEXT, size INTEGER NOT NULL, first REAL, last REAL,
    scale REAL NOT NULL, vector BLOB NOT NULL, touched INTEGER NOT NULL, briefing TEXT);
CREATE INDEX IF NOT EXISTS events_last ON events (last);
CREATE TABLE IF NOT EXISTS df (feature INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS held (seq INTEGER PRIMARY KEY, at REAL NOT NULL);  -- at: days since 1970, UTC
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content='articles');
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5 (title, summary);  -- rowid = events.rowid
"""


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


def db_time(value: float) -> float | None:
    """A time in days as stored (NULL for unknown)."""
    return None if value is None or math.isnan(value) else float(value)


def window_time(value: float | None) -> float:
    """A stored time back as days (NaN for unknown)."""
    return math.nan if value is None else float(value)


def iso(value: float | None) -> str | None:
    """A stored time (days since the epoch) as ISO 8601 UTC."""
    if value is None:
        return None
    return datetime.fromtimestamp(value * 86400.0, tz=timezone.utc).isoformat()


def connect(path: str) -> sqlite3.Connection:
    """Open (or create) a store; sqlite3.DatabaseError if the file is not one, or FTS5 is missing."""
    conn = sqlite3.connect(path, check_same_thread=False)
    conn.executescript(SCHEMA)
    found = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if found is None:
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        conn.commit()
    elif found[0] != SCHEMA_VERSION:
        raise sqlite3.DatabaseError(f"store schema {found[0]}, this newsbrief reads {SCHEMA_VERSION}")
    return conn
