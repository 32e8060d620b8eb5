"""Second reliability round, ingest: inputs a user sends by mistake or as their tools write them, each read as
what it holds or refused with one line naming the file (and line), never lost and never a traceback."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pytest

from newsbrief.ingest import Problem, load, read_inputs
from newsbrief.model import Article

BODY = "The council approved the new budget on Monday after a long debate in the city hall. " * 3


def _records(*ids: str) -> list[str]:
    return [json.dumps({"id": i, "title": f"Title {i}", "text": BODY}) for i in ids]


def _read(path: Path) -> list[Article | Problem]:
    return list(read_inputs([str(path)]))


def _ids(items: list[Article | Problem]) -> list[tuple[str, str]]:
    return [(i.id, "problem" if isinstance(i, Problem) else "article") for i in items]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_json_lines_end_with_any_line_break(tmp_path: Path, end: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(end.join(_records("a", "b", "c")).encode() + end.encode())
    assert _ids(_read(path)) == [("a", "article"), ("b", "article"), ("c", "article")]


def test_a_bad_line_after_lone_carriage_returns_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\r".join([*_records("a"), "not json", *_records("c")]).encode())
    items = _read(path)
    assert _ids(items) == [("a", "article"), ("feed:2", "problem"), ("c", "article")]
    assert str(items[1]).startswith(f"{path}:2: invalid JSON")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_json_lines_with_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\r\n".join(_records("a", "b")) + "\r\n").encode(encoding))
    items = _read(path)
    assert _ids(items) == [("a", "article"), ("b", "article")]
    assert items[0].text == BODY


@pytest.mark.parametrize(("name", "pack"), [("feed.jsonl.gz", gzip.compress), ("feed.jsonl.xz", lzma.compress),
                                            ("feed.jsonl.bz2", bz2.compress), ("feed.jsonl", gzip.compress)])
def test_compressed_json_lines_are_read(tmp_path: Path, name: str, pack) -> None:
    path = tmp_path / name
    path.write_bytes(pack("\n".join(_records("a", "b")).encode()))
    assert _ids(_read(path)) == [("a", "article"), ("b", "article")]


def test_a_compressed_text_file_is_named_without_its_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(f"Budget passes\n\n{BODY}".encode()))
    (art,) = _read(path)
    assert isinstance(art, Article) and art.id == "story" and art.title == "Budget passes"


def test_corrupt_or_truncated_compressed_data_is_one_problem_each(tmp_path: Path) -> None:
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b" + b"x" * 40)
    whole = gzip.compress(("\n".join(_records("a", "b", "c")) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[:-30])
    items = _read(tmp_path)
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.source.rsplit("/", 1)[-1] for p in problems] == ["bad.gz", "cut.jsonl.gz"]
    assert all(str(p).count("\n") == 0 and "cannot read" in p.message for p in problems)
    assert problems[1].line is not None  # the line where the data ended
