"""The brief and summarize commands as a user runs them: output, messages and exit codes."""

from __future__ import annotations

import json
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
