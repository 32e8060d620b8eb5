"""The brief and summarize commands as a user runs them: output, messages and exit codes."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, REPO

STORY = "Title\nThe city council voted on Tuesday to expand the tram network to the airport by 2028."


def run(*args: str, stdin: str | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsbrief.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd)


def test_brief_text_on_example() -> None:
    res = run("brief", str(EXAMPLE))
    assert res.returncode == 0, res.stderr
    assert "SUMMARY" in res.stdout and "duplicate  regional-post" in res.stdout
    assert res.stderr == ""


def test_brief_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    res = run("brief", str(EXAMPLE), "--format", "json", "--max-words", "50", "-o", str(out))
    assert res.returncode == 0 and res.stdout == ""
    data = json.loads(out.read_text())
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 50


def test_bad_inputs_one_line_each_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "bin.dat").write_bytes(b"\x00" * 50)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1,\n', encoding="utf-8")
    res = run("brief", str(tmp_path / "bin.dat"), str(bad), str(tmp_path / "missing"))
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert lines[0] == f"newsbrief: {tmp_path / 'bin.dat'}: binary file, not text"
    assert lines[1].startswith(f"newsbrief: {bad}:1: invalid JSON")
    assert lines[2] == f"newsbrief: {tmp_path / 'missing'}: no such file or folder"
    assert lines[3] == "newsbrief: no usable article among the inputs"
    assert "Traceback" not in res.stderr
    good = tmp_path / "good.txt"
    good.write_text(STORY * 1 + " Work starts next spring, the mayor said on Tuesday evening.", encoding="utf-8")
    res = run("brief", str(good), str(tmp_path / "missing"))
    assert res.returncode == 0 and "no such file" in res.stderr


def test_stdin_and_usage_errors() -> None:
    res = run("brief", "-", stdin=STORY + " Work starts next spring, the mayor said on Tuesday evening.")
    assert res.returncode == 0 and "tram network" in res.stdout
    res = run("brief", str(EXAMPLE), "--format", "pdf")
    assert res.returncode == 2 and "unknown format 'pdf'" in res.stderr and "Traceback" not in res.stderr


def test_summarize_batch_command(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    arts = [{"text": (EXAMPLE / f).read_text(encoding="utf-8")} for f in ("varen-daily.txt", "northern-wire.txt")]
    data.write_text(json.dumps({"id": "a", "articles": arts}) + "\n" + "oops\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = run("summarize", str(data), "-o", str(out), "--max-words", "60")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert rows[0]["id"] == "a" and len(rows[0]["summary"].split()) <= 60
    assert "error" in rows[1]
    data.write_text("oops\n" + json.dumps({"id": "b", "articles": []}) + "\n", encoding="utf-8")
    res = run("summarize", str(data), "-o", str(out))
    assert res.returncode == 1 and "no cluster could be summarized" in res.stderr
    assert len(out.read_text().splitlines()) == 2
    res = run("summarize", str(tmp_path / "none.jsonl"))
    assert res.returncode == 2 and "no such file" in res.stderr


# ---------------------------------------------------------------- hostile and broken input (issue 16)


def shell(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` run by bash with ``$NB`` the newsbrief command: for redirections Python cannot make."""
    nb = f"{sys.executable} -m newsbrief.cli"
    return subprocess.run(["bash", "-c", script, "bash", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "NB": nb})


def _cluster_line(n: int) -> str:
    texts = [(EXAMPLE / f).read_text(encoding="utf-8") for f in ("varen-daily.txt", "northern-wire.txt")]
    return json.dumps({"id": f"c{n}", "articles": [{"id": f"c{n}-{i}", "text": t} for i, t in enumerate(texts)]})


def test_a_deeply_nested_line_is_one_line_on_stderr_and_the_good_lines_are_read(tmp_path: Path) -> None:
    data = tmp_path / "feed.jsonl"
    data.write_text(f"{_cluster_line(1)}\n{'[' * 100_000}\n{_cluster_line(2)}\n", encoding="utf-8")
    res = run("brief", str(data), "--no-facts", "--format", "json")
    assert res.returncode == 0 and res.stderr == f"newsbrief: {data}:2: JSON nested too deeply to read\n"
    accounts = {a["id"]: a["status"] for a in json.loads(res.stdout)["articles"]}
    assert len(accounts) == 5 and accounts["feed:2"] == "unreadable"
    res = run("group", str(data))
    assert res.returncode == 0 and "Traceback" not in res.stderr
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["c1-0", "c1-1", "feed:2", "c2-0", "c2-1"]


def test_lone_surrogates_brief_in_every_format(tmp_path: Path) -> None:
    text = (EXAMPLE / "varen-daily.txt").read_text(encoding="utf-8")
    data = tmp_path / "s.jsonl"
    data.write_text(json.dumps({"id": "s", "title": "Fire", "text": text}).replace('"Fire"', '"Fire \\ud800"')
                    + "\n" + json.dumps({"id": "t", "text": text[:400] + " \\udc00 " + text[400:]}) + "\n",
                    encoding="utf-8")
    for fmt, extra in (("json", []), *((f, ["--no-facts"]) for f in ("text", "json", "markdown", "html"))):
        res = run("brief", str(data), "--format", fmt, *extra)
        assert res.returncode == 0 and res.stderr == "", (fmt, extra, res.stderr[-300:])
        if fmt in ("json", "html"):  # they carry the article texts; text and Markdown show only what they cite
            assert "\ufffd" in res.stdout or "\\ufffd" in res.stdout


def test_closed_streams_and_a_full_disk_are_one_line_each(tmp_path: Path) -> None:
    res = shell('$NB brief - <&-')
    assert res.returncode == 1 and res.stderr.splitlines() == [
        "newsbrief: <stdin>: standard input is closed", "newsbrief: no usable article among the inputs"]
    res = shell('$NB brief "$1" --no-facts >&-', str(EXAMPLE))
    assert res.returncode == 3 and res.stderr == "newsbrief: standard output: cannot write: it is closed\n"
    res = shell('$NB brief "$1" --no-facts -o "$2" >&-', str(EXAMPLE), str(tmp_path / "b.txt"))
    assert res.returncode == 0 and res.stderr == "" and "SUMMARY" in (tmp_path / "b.txt").read_text()
    res = shell('$NB brief "$1" --no-facts >/dev/full', str(EXAMPLE))
    assert res.returncode == 3
    assert res.stderr == "newsbrief: standard output: cannot write: No space left on device\n"
    res = shell('$NB brief "$1" --no-facts -o /dev/full', str(EXAMPLE))
    assert res.returncode == 3 and res.stderr == "newsbrief: /dev/full: cannot write: No space left on device\n"
    data = tmp_path / "c.jsonl"
    data.write_text(_cluster_line(1) + "\n", encoding="utf-8")
    store = str(tmp_path / "news.db")
    for command in (f"summarize {data}", f"group {data}", f"digest {data} --store {store}", f"events --store {store}"):
        res = shell(f"$NB {command} >/dev/full")
        assert res.returncode == 3, (command, res.stderr)
        assert res.stderr == "newsbrief: standard output: cannot write: No space left on device\n", command


def test_random_bytes_are_refused_not_briefed(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(b for b in random.Random(16).randbytes(6000) if b))
    res = run("brief", str(noise), "--no-facts")
    assert res.returncode == 1
    assert res.stderr.splitlines()[0] == f"newsbrief: {noise}: binary file, not text"


def test_device_and_fifo_arguments_end(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    res = subprocess.run([sys.executable, "-m", "newsbrief.cli", "brief", "/dev/zero", str(fifo), "--no-facts"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)  # a hang fails, not blocks
    assert res.returncode == 1 and "/dev/zero: too large for one article (over 20 MB)" in res.stderr
