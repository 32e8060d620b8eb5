"""Ingest: every input form, every kind of bad input, and ids."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import dateparser
import pytest

from newsbrief.ingest import JSONError, Problem, in_input_order, load, parse_json, read_inputs, readers
from newsbrief.ingest.decode import decode
from newsbrief.ingest.readers import MAX_ARTICLE_BYTES
from newsbrief.ingest.times import COMMON_FORMATS, parse_time
from newsbrief.model import Article

BODY = "The council approved the new budget on Monday after a long debate. " * 3


def _read(*paths) -> tuple[list[Article], list[Problem]]:
    items = list(read_inputs([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_txt_title_is_first_nonempty_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"\n\n  Budget passes  \n\n{BODY}\n", encoding="utf-8")
    (arts, probs) = _read(tmp_path / "a.txt")
    assert probs == []
    assert arts[0].id == "a" and arts[0].title == "Budget passes"
    assert arts[0].text[arts[0].body_start:].strip() == BODY.strip()


def test_txt_whose_first_line_is_a_paragraph_keeps_it_as_body(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(BODY + "\nMore text follows here.\n", encoding="utf-8")
    (art,), _ = _read(tmp_path / "p.txt")
    assert art.title is None and art.body_start == 0


def test_folder_is_read_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text("One\n" + BODY, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.txt").write_text("Two\n" + BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n" + BODY, encoding="utf-8")
    arts, probs = _read(tmp_path)
    assert sorted(a.id for a in arts) == ["one", "two"] and probs == []


def test_html_gives_text_title_date_url(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge opens | Site</title>"
        '<meta property="og:title" content="Bridge opens">'
        '<meta property="og:url" content="https://news.example/bridge">'
        '<meta property="article:published_time" content="2023-05-02T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Bridge opens</h1>"
        f"<p>{BODY}</p><p>Engineers said the bridge had passed every load test before opening.</p>"
        "</article><footer>Copyright 2023 Site. All rights reserved.</footer></body></html>",
        encoding="utf-8")
    (art,), _ = _read(page)
    assert art.title == "Bridge opens"
    assert art.url == "https://news.example/bridge"
    assert art.time is not None and art.time.date().isoformat() == "2023-05-02"
    assert "load test" in art.text and "Home | World" not in art.text


def test_jsonl_clusters_and_articles(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        json.dumps({"id": "c1", "articles": [{"title": "T", "text": BODY, "url": None, "time": None},
                                             {"text": BODY + " Extra."}]}) + "\n"
        + json.dumps({"id": "solo", "title": "Solo", "text": BODY, "time": "2020-02-28T09:15:00"}) + "\n",
        encoding="utf-8")
    arts, probs = _read(f)
    assert [a.id for a in arts] == ["c1/0", "c1/1", "solo"] and probs == []
    assert arts[2].time is not None and arts[2].time.hour == 9


def test_common_times_read_as_dateparser_reads_them() -> None:
    rng = random.Random(7)
    for form in COMMON_FORMATS:
        for _ in range(25):
            when = datetime(1950, 1, 1) + timedelta(minutes=rng.randrange(80 * 365 * 24 * 60))
            value = when.strftime(form)
            if rng.random() < 0.3:
                value = value.lower()
            elif rng.random() < 0.5:  # unpadded numbers
                value = value.replace(" 0", " ").replace("/0", "/").replace("-0", "-").replace(":0", ":")
            assert parse_time(value) == dateparser.parse(value, languages=["en"]), value
    # Not one of them: still read by dateparser (day first when the month cannot be first; a zone kept).
    assert parse_time("16/06/1998 21:38") == datetime(1998, 6, 16, 21, 38)
    assert parse_time("Tue, 24 May 2005 10:00:00 +0200").utcoffset() == timedelta(hours=2)


def test_common_times_need_no_dateparser() -> None:
    code = ("import sys; from newsbrief.ingest.times import parse_time; "
            "print(parse_time('06/16/1998 21:38:00'), parse_time('May 02, 2013'), parse_time('1998-30-06 09:17'), "
            "'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1998-06-16", "21:38:00", "2013-05-02", "00:00:00", "1998-06-30", "09:17:00", "False"]


def test_invalid_json_names_file_and_line_and_others_go_on(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(json.dumps({"id": "ok", "text": BODY}) + "\n{not json\n"
                 + json.dumps({"id": "ok2", "text": BODY}) + "\n", encoding="utf-8")
    arts, probs = _read(f)
    assert [a.id for a in arts] == ["ok", "ok2"]
    assert len(probs) == 1 and probs[0].line == 2
    assert str(probs[0]).startswith(f"{f}:2: invalid JSON")


def test_record_without_text_is_a_problem(tmp_path: Path) -> None:
    f = tmp_path / "nt.jsonl"
    f.write_text(json.dumps({"id": "x", "title": "no text"}) + "\n", encoding="utf-8")
    _, (prob,) = _read(f)
    assert prob.id == "x" and "text" in prob.message


def test_missing_path_binary_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    arts, probs = _read(tmp_path / "nope.txt", tmp_path / "empty", tmp_path / "img.png")
    assert arts == []
    messages = [str(p) for p in probs]
    assert messages[0].endswith("nope.txt: no such file or folder")
    assert messages[1].endswith("empty: folder holds no files")
    assert messages[2].endswith("img.png: binary file, not text")


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    _, (prob,) = _read(big)
    assert prob.message == f"too large for one article (200 MB > {MAX_ARTICLE_BYTES // 2**20} MB)"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_non_utf8_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Café owners in Zürich protest — prices rose “sharply”, they said. " * 3
    f = tmp_path / "enc.txt"
    f.write_bytes(("Headline\n" + text).encode(encoding, errors="replace"))
    (art,), probs = _read(f)
    assert probs == [] and "Zürich" in art.text


def test_declared_charset_wins_over_guessing() -> None:
    data = '<html><head><meta charset="iso-8859-7"></head><body>Αθήνα</body></html>'.encode("iso-8859-7")
    assert "Αθήνα" in decode(data)


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(
        ("Title line\n" + BODY).encode()))))
    (art,) = list(read_inputs(["-"]))
    assert art.id == "stdin" and art.title == "Title line"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(
        (json.dumps({"id": "j", "text": BODY}) + "\n").encode()))))
    (art,) = list(read_inputs(["-"]))
    assert art.id == "j"


# ---------------------------------------------------------------- hostile and broken input (issue 16)


def test_deeply_nested_json_is_one_problem_and_the_lines_around_it_are_read(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"ok{n}", "text": BODY}) for n in (1, 2)]
    f = tmp_path / "deep.jsonl"
    f.write_text(f"{good[0]}\n{'[' * 100_000}\n{good[1]}\n", encoding="utf-8")
    arts, (prob,) = _read(f)
    assert [a.id for a in arts] == ["ok1", "ok2"]
    assert str(prob) == f"{f}:2: JSON nested too deeply to read"
    whole = tmp_path / "deep.json"
    whole.write_text("[" * 100_000, encoding="utf-8")
    assert [str(p) for p in _read(whole)[1]] == [f"{whole}:1: JSON nested too deeply to read"]


def test_parse_json_raises_only_json_error_and_scrubs_surrogates() -> None:
    for bad in (b"[" * 100_000, b'{"a": "\xc3\x28"}', "{bad", b""):
        with pytest.raises(JSONError) as err:
            parse_json(bad)
        assert "\n" not in str(err.value)
    assert parse_json('{"k\\ud800": ["v\\udfff", {"w": "\\ud83d\\ude00"}]}') == {"k\ufffd": ["v\ufffd", {"w": "😀"}]}
    assert parse_json(b'{"a": "\xed\xa0\x80"}') == {"a": "\ufffd"}  # an encoded surrogate in bytes


def test_lone_surrogates_become_replacement_characters_and_offsets_hold(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "s\\ud800", "title": "T\\udc00", "text": "Lone \\ud800 here. ' + BODY + '"}\n',
                 encoding="utf-8")
    (art,), _ = _read(f)
    assert (art.id, art.title, art.text[:12]) == ("s\ufffd", "T\ufffd", "Lone \ufffd here.")
    (rec,), _ = load([{"id": "r", "text": "x\udcff" + BODY, "url": "http://e.example/\ud800"}])
    assert rec.text == "x\ufffd" + BODY and len(rec.text) == 2 + len(BODY) and rec.url == "http://e.example/\ufffd"
    (obj,), _ = load([Article(id="o\udc80", text="é\udc80" + BODY)])
    assert obj.id == "o\ufffd" and obj.text.startswith("é\ufffd")
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")  # a file name that is not UTF-8
    odd.write_text("Title\n" + BODY, encoding="utf-8")
    (named,), _ = _read(odd)
    assert named.id == "caf\ufffd" and "\ufffd" in named.source
    for item in (art, rec, obj, named):
        f"{item.id} {item.source} {getattr(item, 'text', '')}".encode("utf-8")


def test_unreadable_files_with_one_stem_keep_their_own_ids_and_places(tmp_path: Path) -> None:
    for name, data in (("a.txt", b"\x00bin"), ("a.html", b"\x00bin"), ("b.txt", ("B\n" + BODY).encode()),
                       ("a.md", b"\x00bin"), ("a.json", json.dumps({"text": BODY}).encode())):
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "a.html", "a.md", "a.json")]
    arts, probs = load(paths)
    assert [(p.id, Path(p.source).name, p.position) for p in probs] == [
        ("a", "a.txt", 0), ("a#2", "a.html", 2), ("a#3", "a.md", 3)]
    assert [a.id for a in arts] == ["b", "a#4"]
    assert [i.id for i in in_input_order(arts, probs)] == ["a", "b", "a#2", "a#3", "a#4"]


def test_in_input_order_puts_problems_without_a_place_last() -> None:
    arts = [Article(id=i, text=BODY) for i in "xy"]
    probs = [Problem("p", "p.txt", "bad", position=0), Problem("q", "q.txt", "bad")]
    assert [i.id for i in in_input_order(arts, probs)] == ["p", "x", "y", "q"]


def test_random_bytes_without_nul_are_refused_as_binary(tmp_path: Path) -> None:
    noise = bytes(b for b in random.Random(16).randbytes(6000) if b)
    assert b"\x00" not in noise
    for name in ("noise.txt", "noise"):
        (tmp_path / name).write_bytes(noise)
        arts, (prob,) = _read(tmp_path / name)
        assert arts == [] and prob.message == "binary file, not text"


def test_a_utf8_page_with_one_stray_latin1_byte_stays_utf8() -> None:
    page = ('<html><head><meta charset="utf-8"><title>Schöne Vögel</title></head><body><p>Schöne Vögel '
            'singen über den Dächern.</p><p>Caf').encode() + b"\xe9" + " und Vögel.</p></body></html>".encode()
    text = decode(page)
    assert "Schöne Vögel singen über den Dächern." in text and "Caf\ufffd und Vögel." in text
    latin = "Café owners in Zürich protest, prices rose sharply, they said.".encode("latin-1")
    assert decode(latin) == "Café owners in Zürich protest, prices rose sharply, they said."


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_devices_are_read_with_a_limit_whatever_their_size_says() -> None:
    for device in ("/dev/zero", "/dev/urandom"):
        _, (prob,) = _read(device)
        assert prob.message == f"too large for one article (over {MAX_ARTICLE_BYTES // 2**20} MB)"


def test_a_jsonl_line_over_the_limit_is_skipped_without_being_held(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "word " * 100}) + "\n" + "x" * 5000 + "\n"
                 + json.dumps({"id": "b", "text": "word " * 100}) + "\n", encoding="utf-8")
    arts, (prob,) = _read(f)
    assert [a.id for a in arts] == ["a", "b"] and prob.line == 2 and "too large" in prob.message


def _in_thread(fn: Callable[[], Any]) -> Any:
    """``fn()`` in a thread; a call that hangs fails the test instead of hanging the suite."""
    out: list[Any] = []
    worker = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    worker.start()
    worker.join(120)
    assert out, "reading hung"
    return out[0]


def test_a_fifo_argument_without_a_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (art,) = _in_thread(lambda: list(read_inputs([str(fifo)])))
    assert art.id == "pipe" and art.text == ""


def test_folder_entries_that_are_not_files_each_get_a_line(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text("Story\n" + BODY, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    os.mkfifo(tmp_path / "pipe.txt")
    arts, probs = _in_thread(lambda: _read(tmp_path))
    assert [a.id for a in arts] == ["story"]
    assert [(Path(p.source).name, p.message) for p in probs] == [
        ("dangling.txt", "dangling symbolic link"), ("linked", "symbolic link to a folder, not followed"),
        ("loop1", "symbolic link loop"), ("loop2", "symbolic link loop"), ("pipe.txt", "a FIFO (named pipe), not a regular file")]


def test_dangling_link_and_link_loop_named_as_arguments(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "me.txt").symlink_to(tmp_path / "me.txt")
    _, probs = _read(tmp_path / "gone.txt", tmp_path / "me.txt")
    assert [p.message for p in probs] == ["dangling symbolic link", "symbolic link loop"]


def test_closed_stdin_is_a_problem_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert [str(p) for p in read_inputs(["-"])] == ["<stdin>: standard input is closed"]


def test_json_that_holds_no_article_still_gets_its_line(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "bare.jsonl").write_text(json.dumps({"id": "c", "articles": []}) + "\n", encoding="utf-8")
    _, probs = _read(tmp_path / "empty.jsonl", tmp_path / "none.json", tmp_path / "bare.jsonl")
    assert [str(p) for p in probs] == [f"{tmp_path / 'empty.jsonl'}: holds no article",
                                       f"{tmp_path / 'none.json'}: holds no article",
                                       f"{tmp_path / 'bare.jsonl'}:1: the cluster holds no article"]
