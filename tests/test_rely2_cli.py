"""Second reliability round, the command line: outputs that would destroy or pollute an input, batch inputs as
their tools write them (compressed, other line ends, stdin, empty), and every article of a batch line
accounted for."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sample_briefing import TEXTS
from typer.testing import CliRunner

from newsbrief.cli import load_commands
from newsbrief.store import Store

APP = load_commands()


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(APP, list(args), input=stdin)


def _cluster(cid: str, *extra: object) -> str:
    return json.dumps({"id": cid, "articles": [{"text": t} for t in TEXTS.values()][:3] + list(extra)})


def _one_line(res) -> str:
    """The run's one message, checked to be one line without a traceback."""
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr
    return res.stderr.strip()


def test_an_output_that_is_an_input_file_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXTS["ellis-1"])
    res = invoke("brief", "--no-facts", str(article), "-o", str(article))
    assert res.exit_code == 2 and "the output is an input" in _one_line(res)
    assert article.read_text() == TEXTS["ellis-1"]


def test_an_output_that_an_input_folder_would_read_is_refused(tmp_path: Path) -> None:
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text)
    brief = tmp_path / "brief.md"
    for _ in range(2):  # the first run as the next: a rule that held only once the file existed broke every rerun
        res = invoke("brief", "--no-facts", str(tmp_path), "-f", "markdown", "-o", str(brief))
        assert res.exit_code == 2 and f"in the input folder {tmp_path}" in _one_line(res) and not brief.exists()
    brief.write_text("# an old briefing")  # one written before the rule: kept, not replaced
    res = invoke("brief", "--no-facts", str(tmp_path), "-o", str(brief))
    assert res.exit_code == 2 and brief.read_text() == "# an old briefing"
    pages = tmp_path / "pages"  # the folder of --per-story --format html
    for _ in range(2):
        res = invoke("brief", "--no-facts", str(tmp_path), "--per-story", "-f", "html", "-o", str(pages))
        assert res.exit_code == 2 and f"in the input folder {tmp_path}" in _one_line(res) and not pages.exists()
    hidden = tmp_path / ".brief.md"  # hidden files are not read: a briefing may be kept there
    assert invoke("brief", "--no-facts", str(tmp_path), "-o", str(hidden)).exit_code == 0
    assert invoke("brief", "--no-facts", str(tmp_path), "-o", str(hidden)).exit_code == 0


def test_summarize_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(_cluster("c") + "\n")
    res = invoke("summarize", str(data), "-o", str(data), "--workers", "1")
    assert res.exit_code == 2 and data.read_text() == _cluster("c") + "\n"


def test_summarize_of_an_empty_file_says_so_and_fails(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text("\n  \n")
    res = invoke("summarize", str(data), "--workers", "1")
    assert res.exit_code == 1 and _one_line(res) == f"newsbrief: {data}: holds no cluster"


def test_summarize_of_a_folder_names_it_as_one(tmp_path: Path) -> None:
    res = invoke("summarize", str(tmp_path))
    assert res.exit_code == 2 and _one_line(res).startswith(f"newsbrief: {tmp_path}: a folder; give a JSON Lines")


def test_summarize_reads_compressed_input_with_any_line_ends_and_stdin(tmp_path: Path) -> None:
    lines = [_cluster("a"), _cluster("b"), _cluster("c")]
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress("\r".join(lines).encode()))
    for args, stdin in [((str(tmp_path / "c.jsonl.gz"),), None), (("-",), "\r\n".join(lines).encode())]:
        res = invoke("summarize", *args, "--workers", "1", stdin=stdin)
        assert res.exit_code == 0, res.stderr
        assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["a", "b", "c"]


def test_summarize_of_a_truncated_file_keeps_what_it_read_and_names_where_it_ended(tmp_path: Path) -> None:
    whole = gzip.compress(("\n".join(_cluster(str(n)) for n in range(40)) + "\n").encode())
    (tmp_path / "c.jsonl.gz").write_bytes(whole[:-20])
    res = invoke("summarize", str(tmp_path / "c.jsonl.gz"), "--workers", "1")
    assert res.exit_code == 0 and len(res.stdout.splitlines()) >= 30
    assert _one_line(res).startswith(f"newsbrief: {tmp_path / 'c.jsonl.gz'}:") and "cannot read" in res.stderr


def test_a_batch_line_accounts_for_the_articles_it_could_not_read(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(_cluster("c", {"text": 5}, None, {"title": "no text"}) + "\n")
    res = invoke("summarize", str(data), "--workers", "1")
    line = json.loads(res.stdout)
    assert res.exit_code == 0 and line["sentences"] and line["unreadable"] == [
        {"article": 3, "error": "'text' is a number, not a string"},
        {"article": 4, "error": "article is null, not an object"},
        {"article": 5, "error": "article has no 'text' (its fields: title)"}]
    assert {s["article"] for s in line["sentences"]} <= {0, 1, 2}


def test_a_batch_line_accounts_for_the_earlier_articles_it_could_not_read(tmp_path: Path) -> None:
    record = json.loads(_cluster("c", 7))
    record["earlier"] = [{"text": TEXTS["ellis-old"]}, "x.txt", {"title": "no text"}]
    data = tmp_path / "c.jsonl"
    data.write_text(json.dumps(record) + "\n")
    res = invoke("summarize", str(data), "--workers", "1")
    assert res.exit_code == 0 and json.loads(res.stdout)["unreadable"] == [
        {"article": 3, "error": "article is a number, not an object"},
        {"earlier": 1, "error": "article is a string, not an object"},
        {"earlier": 2, "error": "article has no 'text' (its fields: title)"}]


def test_a_batch_line_of_good_articles_is_as_before(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(_cluster("c") + "\n")
    assert set(json.loads(invoke("summarize", str(data), "--workers", "1").stdout)) == {"id", "summary",
                                                                                        "sentences"}


def test_summarize_says_how_many_clusters_failed(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text("\n".join([_cluster("a"), "[1]", _cluster("c")]) + "\n")
    res = invoke("summarize", str(data), "--workers", "1")
    assert res.exit_code == 0 and _one_line(res) == (
        f"newsbrief: {data}: 1 of 3 clusters could not be summarized (their lines hold the error)")


def test_group_reads_a_folder_and_compressed_lines(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name, text in TEXTS.items():
        (tmp_path / "in" / f"{name}.txt").write_text(text)
    res = invoke("group", str(tmp_path / "in"), "--workers", "1")
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == len(TEXTS)
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress("\r\n".join(json.dumps({"id": k, "text": v}) for k, v in TEXTS.items()).encode()))
    res = invoke("group", str(feed), "--workers", "1")
    assert res.exit_code == 0 and [json.loads(x)["id"] for x in res.stdout.splitlines()] == list(TEXTS)


@pytest.mark.parametrize(("args", "said"), [
    (("brief", "--max-words", "abc", "x"), "Invalid value for '--max-words'"),
    (("brief", "--nope"), "No such option: --nope"),
    (("summarize",), "Missing argument"),
    (("nocommand",), "No such command 'nocommand'"),
    (("summarize", "x.jsonl", "--workers", "99999999999999999999"), "Invalid value for '--workers'"),
    (("events", "--store", "x.db", "--limit", "99999999999999999999"), "Invalid value for '--limit'"),
    (("group", "x.jsonl", "--block-size", "99999999999999999999"), "Invalid value for '--block-size'"),
    (("serve", "--queue", "99999999999999999999"), "Invalid value for '--queue'"),
])
def test_a_usage_error_is_one_line_with_exit_code_2(args: tuple[str, ...], said: str) -> None:
    res = invoke(*args)
    assert res.exit_code == 2 and said in _one_line(res) and _one_line(res).startswith("newsbrief: ")
    assert "--help" in res.stderr and "╭" not in res.stderr


def test_a_usage_error_is_one_line_in_a_real_process_too() -> None:
    res = subprocess.run([sys.executable, "-m", "newsbrief.cli", "brief", "--max-words", "0", "x"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "Invalid value for '--max-words'" in res.stderr


def test_a_store_listing_with_a_limit_past_sqlites_integers_lists_everything(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add([{"id": k, "text": v} for k, v in TEXTS.items()])
        assert len(store.events(10**20)) == len(store.events()) >= 1
        assert store.search("fire", 10**20) == store.search("fire", 1000)


def test_digest_refuses_a_store_its_input_folder_would_read(tmp_path: Path) -> None:
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text)
    store = tmp_path / "news.db"
    for _ in range(2):  # refused from the first run, not only once the store exists
        res = invoke("digest", str(tmp_path), "--store", str(store))
        assert res.exit_code == 2 and f"the store is in the input folder {tmp_path}" in _one_line(res)
        assert not store.exists()


def test_a_file_name_with_a_line_break_or_an_escape_is_one_line_in_messages_and_ids(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXTS["ellis-1"])
    (tmp_path / "bad\nname\x1b[2J.dat").write_bytes(b"\x00\x01" * 20)
    res = invoke("brief", "--no-facts", "-f", "json", str(tmp_path))
    assert res.exit_code == 0 and _one_line(res).endswith("bad\\nname\\x1b[2J.dat: binary file, not text")
    assert [a["id"] for a in json.loads(res.stdout)["articles"]] == ["bad name\x1b[2J", "good"]


@pytest.mark.parametrize("command", ["summarize", "evaluate", "group"])
def test_a_socket_given_as_the_input_file_is_named_as_one(tmp_path: Path, command: str) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "s.jsonl"))
        res = invoke(command, str(tmp_path / "s.jsonl"))
    assert res.exit_code == 2 and _one_line(res) == f"newsbrief: {tmp_path / 's.jsonl'}: a socket, not a regular file"


@pytest.mark.parametrize("command", ["summarize", "evaluate"])
def test_closed_standard_input_is_one_line(command: str) -> None:
    res = subprocess.run(["bash", "-c", f'"$0" -m newsbrief.cli {command} - <&-', sys.executable],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode != 0 and res.stderr == "newsbrief: -: cannot read: standard input is closed\n", res.stderr


def test_compressed_data_corrupt_from_its_first_line_claims_no_lines_read(tmp_path: Path) -> None:
    bad = tmp_path / "c.jsonl.gz"
    bad.write_bytes(gzip.compress(b"x")[:10] + b"not deflate data")
    res = invoke("summarize", str(bad), "--workers", "1")
    assert res.exit_code == 1 and "Traceback" not in res.stderr
    assert res.stderr.splitlines()[0].startswith(f"newsbrief: {bad}:1: cannot read")
    assert "lines before" not in res.stderr
