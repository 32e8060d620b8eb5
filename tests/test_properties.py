"""Property-based tests (hypothesis): whatever the input, ingest -> brief gives a briefing (or one-line
refusals in its account), every input is accounted for once, every span checks out, and every output
format can be written as UTF-8.

Inputs are any text (lone surrogates included), any bytes under any file name, and any JSON shape,
mixed with news sentences so that some examples have a summary to check. Examples are bounded and
derandomized: the same inputs on every run, so the suite cannot flake.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.model import Briefing, squash
from newsbrief.pipeline import brief
from newsbrief.report import FORMATS, render

SETTINGS = settings(max_examples=40, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SENTENCES = [
    "Firefighters battled a blaze at the harbour warehouse for six hours on Tuesday night.",
    "At least 12 workers were taken to hospital, the regional health authority said.",
    "The mayor said the cause of the fire was not yet known and an inquiry would follow.",
    "Police closed the coastal road and asked residents to keep their windows shut.",
    "The company that owns the warehouse denied that chemicals had been stored there.",
    "Your email address will not be published.",
    "Share on Facebook",
    "Copyright 2024 Example Media. All rights reserved.",
]

# Every code point, and lone surrogates (valid in JSON and in a str, never in UTF-8) often enough to matter.
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.sampled_from(["\ud800", "\udc80", "\udfff"]))


def any_text(max_size: int) -> st.SearchStrategy[str]:
    """Strings of any characters (``st.text`` never draws a surrogate, so they are joined here)."""
    return st.lists(ANY_CHAR, max_size=max_size).map("".join)


NEWSY = st.lists(st.one_of(st.sampled_from(SENTENCES), any_text(40)), max_size=8).map(
    lambda parts: " ".join(parts))
SEPARATED = st.lists(NEWSY, max_size=4).map("\n\n".join)


def check(result: Briefing, inputs: int) -> None:
    """The properties every briefing must have, whatever it was made of."""
    assert isinstance(result, Briefing)
    assert len(result.articles) == inputs and len({a.id for a in result.articles}) == inputs
    texts = {a.id: a.text or "" for a in result.articles}
    for line in result.summary:
        assert squash(texts[line.article][line.start:line.end]) == line.text
    for rec in result.articles:
        assert "\n" not in rec.reason and rec.reason
        for r in rec.removed:
            assert 0 <= r.start <= r.end <= len(texts[rec.id])
    for fact in result.facts:
        for s in fact.sources:
            assert texts[s.article][s.start:s.end].strip()
            if s.text:
                assert squash(texts[s.article][s.start:s.end]) == s.text
    for fmt in FORMATS:
        render(result, fmt).encode("utf-8")


@SETTINGS
@given(st.lists(st.tuples(any_text(30), SEPARATED), min_size=1, max_size=4))
def test_any_text_as_records(records: list[tuple[str, str]]) -> None:
    items = [{"id": f"r{n}", "title": title, "text": text} for n, (title, text) in enumerate(records)]
    check(brief(items, max_words=60), len(items))


@SETTINGS
@given(st.lists(SEPARATED, min_size=1, max_size=3))
def test_any_text_as_files(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    folder = tmp_path_factory.mktemp("texts")
    for n, text in enumerate(texts):
        (folder / f"t{n}.txt").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    check(brief(str(folder), max_words=60), len(texts))


NAMES = st.sampled_from(["a.txt", "a.html", "a.md", "a.json", "a.jsonl", "a", "a.dat"])
BYTES = st.one_of(st.binary(max_size=300),
                  SEPARATED.flatmap(lambda t: st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]).map(
                      lambda enc: t.encode(enc, errors="replace"))))


@SETTINGS
@given(st.lists(st.tuples(NAMES, BYTES), min_size=1, max_size=4))
def test_any_bytes_under_any_name(tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]]) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    paths = []
    for n, (name, data) in enumerate(files):
        path = folder / str(n) / name  # one folder each: names may repeat
        path.parent.mkdir()
        path.write_bytes(data)
        paths.append(str(path))
    result = brief(paths, max_words=60)
    rows = [Path(a.source or "").parts[-2] for a in result.articles]  # the folder of the file it came from
    for n, (name, _) in enumerate(files):  # JSON (or what sniffs as JSON) may hold several articles
        assert rows.count(str(n)) == 1 if name in ("a.txt", "a.md", "a.html") else rows.count(str(n)) >= 1
    check(result, len(rows))


JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                      any_text(20), st.sampled_from(SENTENCES))
JSON_ANY = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(any_text(8), inner, max_size=4)), max_leaves=12)
ARTICLE_LIKE = st.fixed_dictionaries({}, optional={"id": JSON_ANY, "title": JSON_ANY, "url": JSON_ANY,
                                                   "time": JSON_ANY, "text": st.one_of(SEPARATED, JSON_ANY)})
LINE = st.one_of(JSON_ANY, ARTICLE_LIKE, st.lists(ARTICLE_LIKE, max_size=3).map(lambda a: {"articles": a}))


@SETTINGS
@given(st.lists(LINE, min_size=1, max_size=5))
def test_any_json_shape_as_json_lines(tmp_path_factory: pytest.TempPathFactory, lines: list[Any]) -> None:
    path = tmp_path_factory.mktemp("json") / "feed.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in lines), encoding="utf-8")
    expected = sum(len(v["articles"]) or 1 if isinstance(v, dict) and isinstance(v.get("articles"), list) else 1
                   for v in lines)
    check(brief(str(path), max_words=60), expected)
