"""Second reliability round, ingest: inputs a user sends by mistake or as their tools write them, each read as
what it holds or refused with one line naming the file (and line), never lost and never a traceback."""

from __future__ import annotations

import bz2
import gc
import gzip
import json
import lzma
import warnings
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsbrief.ingest import Problem, load, parse_time, read_inputs
from newsbrief.ingest.streams import cannot_read
from newsbrief.model import Article
from newsbrief.pipeline import brief, brief_stories

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


@pytest.mark.parametrize(("record", "message"), [
    ({"id": "a", "title": 42, "text": BODY}, "'title' is a number, not a string"),
    ({"id": "a", "title": "T", "text": ["one paragraph", "another"]}, "'text' is an array, not a string"),
    ({"id": "a", "text": BODY, "url": {"href": "x"}}, "'url' is an object, not a string"),
    ({"id": "a", "text": BODY, "time": [2020, 1, 1]}, "'time' is an array, not a date string or a number"),
    ({"id": ["a"], "text": BODY}, "'id' is an array, not a string or an integer"),
    ({"id": True, "text": BODY}, "'id' is a boolean, not a string or an integer"),
    ({"id": 1.5, "text": BODY}, "'id' is a number, not a string or an integer"),
    ({"id": "a", "url": "https://x.example/a", "html": "<p>page</p>"}, "article has no 'text' (its fields: id, url, "
                                                                       "html)"),
])
def test_a_field_of_the_wrong_type_is_named_not_dropped(tmp_path: Path, record: dict, message: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([*_records("before"), json.dumps(record), *_records("after")]) + "\n")
    items = _read(path)
    assert _ids(items)[0] == ("before", "article") and _ids(items)[2] == ("after", "article")
    assert isinstance(items[1], Problem) and str(items[1]) == f"{path}:2: {message}"


def test_record_ids_are_one_line_and_never_blank(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": BODY}) for i in ["a/b\n c", "   ", 7]) + "\n")
    assert [a.id for a in _read(path)] == ["a/b c", "feed:2", "7"]


def test_an_article_read_from_a_json_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(_records("a", "b")) + "\n")
    assert [a.source for a in _read(path)] == [f"{path}:1", f"{path}:2"]


def test_a_cluster_record_in_the_python_api_gives_its_articles() -> None:
    cluster = {"id": "c", "articles": [{"text": BODY}, {"title": 5, "text": BODY}]}
    articles, problems = load([cluster])
    assert [a.id for a in articles] == ["c/0"] and [(p.id, p.message) for p in problems] == [
        ("c/1", "'title' is a number, not a string")]


def test_a_bytes_path_is_a_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Budget passes\n\n{BODY}")
    articles, problems = load(str(tmp_path / "a.txt").encode())
    assert [a.id for a in articles] == ["a"] and problems == []


@pytest.mark.parametrize("wrong", [5, None, 1.5])
def test_what_is_no_input_at_all_is_a_type_error_that_says_so(wrong) -> None:
    with pytest.raises(TypeError, match="expected paths, article records or Articles"):
        load(wrong)


@pytest.mark.parametrize("written", ["yesterday", "2 days ago", "Friday", "March 3", "APR 28", "today", "2020", "1999",
                                     "3/28", "12/20", "March 20"])
def test_a_time_that_does_not_say_its_year_and_month_is_unknown_not_read_on_todays_clock(written: str) -> None:
    assert parse_time(written) is None


def test_a_month_without_its_day_is_its_first_day_whatever_today_is() -> None:
    assert parse_time("March 2020") == datetime(2020, 3, 1)


@pytest.mark.parametrize(("written", "read"), [
    ("03/03/20", datetime(2020, 3, 3)), ("3/3/20 10:00 AM", datetime(2020, 3, 3, 10)),
    ("15.03.20", datetime(2020, 3, 15)),
    ("3 March '20", datetime(2020, 3, 3)), ("Mar 3, '20", datetime(2020, 3, 3)), ("5-3-99", datetime(1999, 5, 3))])
def test_a_year_written_in_two_digits_after_the_day_and_month_is_read(written: str, read: datetime) -> None:
    assert parse_time(written) == read


def test_a_negative_unix_time_is_read_alike_as_a_number_and_as_a_string() -> None:
    assert parse_time("-1583229600") == parse_time(-1583229600) == datetime(1919, 10, 31, 14, tzinfo=timezone.utc)


@pytest.mark.parametrize("epoch", [1582848000, 1582848000000, "1582848000", "1582848000000"])
def test_unix_times_in_seconds_or_milliseconds_number_or_string_are_utc(epoch) -> None:
    assert parse_time(epoch) == datetime(2020, 2, 28, tzinfo=timezone.utc)


def test_a_record_dated_yesterday_is_not_dated_by_the_machines_clock(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY, "time": "yesterday"}) + "\n")
    (art,) = _read(path)
    assert art.time is None and art.time_source == "unknown"


RSS = ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title><item><title>Budget passes</title>'
       f'<description>{BODY}</description></item></channel></rss>')
ATOM = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- made by a feed tool -->\n<feed xmlns="http://www.w3.org/2005/'
        f'Atom"><title>F</title><entry><title>Budget</title><content>{BODY}</content></entry></feed>')


@pytest.mark.parametrize(("name", "content"), [("news.xml", RSS), ("news.html", RSS), ("news.txt", ATOM),
                                               ("news", ATOM)])
def test_a_feed_is_named_as_one_whatever_its_name(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content)
    (item,) = _read(tmp_path / name)
    assert isinstance(item, Problem) and item.message.startswith("an RSS or Atom feed, not an article")


@pytest.mark.parametrize("name", ["page.php", "page.aspx", "page.shtml", "page"])
def test_a_web_page_is_read_as_one_whatever_its_extension(tmp_path: Path, name: str) -> None:
    paragraphs = "".join(f"<p>{BODY}</p>" for _ in range(3))
    (tmp_path / name).write_text(f"<!DOCTYPE html><html><head><title>Budget passes</title></head><body><article>"
                                 f"{paragraphs}</article></body></html>")
    (art,) = _read(tmp_path / name)
    assert isinstance(art, Article) and art.title == "Budget passes" and "<p>" not in art.text


@pytest.mark.parametrize(("data", "kind"), [(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
                                            (b"PK\x03\x04\x14\x00\x06\x00" + b"x" * 100, "a ZIP archive")])
def test_a_document_renamed_html_is_named_by_what_it_is(tmp_path: Path, data: bytes, kind: str) -> None:
    (tmp_path / "report.html").write_bytes(data)
    (item,) = _read(tmp_path / "report.html")
    assert isinstance(item, Problem) and item.message.startswith(f"binary file, not text: {kind}")


def test_a_text_file_with_lone_carriage_returns_has_its_title_and_paragraphs(tmp_path: Path) -> None:
    text = f"Budget passes\n\n{BODY}\n\nA second paragraph follows the first one here.\n"
    (tmp_path / "old-mac.txt").write_bytes(text.replace("\n", "\r").encode())
    (art,) = _read(tmp_path / "old-mac.txt")
    assert art.title == "Budget passes" and art.text == text and len(art.text) == len(text)


@pytest.mark.parametrize("budget", [0, -1, "5", 2.5, True])
@pytest.mark.parametrize("call", [brief, brief_stories])
def test_a_word_budget_that_is_no_positive_integer_is_refused_by_name(call, budget, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Budget passes\n\n{BODY}")
    with pytest.raises(ValueError, match="max_words must be a positive integer"):
        call(tmp_path, max_words=budget, facts=False)


def test_a_question_that_is_no_string_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Budget passes\n\n{BODY}")
    with pytest.raises(TypeError, match="query must be a string, got int"):
        brief(tmp_path, query=5, facts=False)


def test_a_compressed_file_is_closed_with_its_decompressor(tmp_path: Path) -> None:
    """gzip, xz and bzip2 readers given a file object leave it open: the file under them is closed too."""
    record = json.dumps({"id": "a", "text": BODY}).encode() + b"\n"
    for suffix, pack in ((".gz", gzip.compress), (".xz", lzma.compress), (".bz2", bz2.compress)):
        (tmp_path / f"feed{suffix}").write_bytes(pack(record))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles, problems = load(tmp_path)
        gc.collect()
    assert len(articles) == 3 and problems == []
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


def test_corrupt_compressed_data_is_named_never_a_blank_reason() -> None:
    assert cannot_read(zlib.error()) == cannot_read(EOFError()) == "cannot read: compressed data ends too early"


def test_a_problem_alone_is_accounted_for_as_a_list_of_them_is() -> None:
    problem = Problem("x", "<record>", "article is a string, not an object")
    articles, problems = load(problem)
    assert articles == [] and [(p.id, p.message) for p in problems] == [("x", problem.message)]
