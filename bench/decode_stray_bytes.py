"""Real UTF-8 pages with one stray Latin-1 byte: how many keep their UTF-8 text when decoded?

Each non-ASCII page of ``../shared/data/wcxb_dev_articles.jsonl.gz`` is encoded as UTF-8
with one byte 0xE9 (a Latin-1 "é") put in at an ASCII position half-way, then decoded
two ways in the same run: by ``newsbrief.ingest.decode.decode`` (UTF-8 with the bad
byte replaced when the bytes are mostly UTF-8), and by the baseline it replaced (strict
UTF-8, else the page's declared charset, else charset-normalizer's guess for the whole
page). A page keeps its text when the decoded text, U+FFFD aside, is the page::

    .venv/bin/python bench/decode_stray_bytes.py
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from newsbrief.ingest.decode import declared_charset, decode

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wcxb_dev_articles.jsonl.gz"


def baseline(data: bytes) -> str:
    """What decoding did before: strict UTF-8, the declared charset, then a guess for the whole page."""
    for codec in ("utf-8", declared_charset(data)):
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    best = from_bytes(data[:200_000]).best()
    return data.decode(best.encoding if best and best.encoding else "cp1252", errors="replace")


def with_stray_byte(page: str) -> bytes:
    data = page.encode("utf-8")
    at = len(data) // 2
    while data[at] >= 0x80:  # an ASCII position, so no character is cut
        at += 1
    return data[:at] + b"\xe9" + data[at:]


def kept(decoder: Callable[[bytes], str], pages: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    ok = sum(decoder(with_stray_byte(p)).replace("\ufffd", "") == p for p in pages)
    return ok, time.perf_counter() - started


def main() -> None:
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        pages = [p["html"] for p in map(json.loads, fh) if not p["html"].isascii()]
    ours, ours_s = kept(decode, pages)
    base, base_s = kept(baseline, pages)
    print(f"{len(pages)} non-ASCII pages, one stray byte each")
    print(f"newsbrief decode:  {ours:4d} keep their UTF-8 text ({ours_s:.2f} s)")
    print(f"baseline:          {base:4d} keep their UTF-8 text ({base_s:.2f} s)")
    print(f"ratio: {ours / max(base, 1):.1f}x as many pages kept")


if __name__ == "__main__":
    main()
