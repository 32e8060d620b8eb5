"""Ingest: every input form, every kind of bad input, and ids."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsbrief.ingest import Problem, read_inputs
from newsbrief.ingest.decode import decode
from newsbrief.ingest.readers import MAX_ARTICLE_BYTES
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
