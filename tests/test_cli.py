"""The command line's shared polish: --version, --help with examples, --quiet/--verbose, progress,
exit codes."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO
from typer.testing import CliRunner

from newsbrief.cli import COMMANDS, load_commands
from newsbrief.cli.app import progress, settings, show_progress
from newsbrief.pipeline import brief

runner = CliRunner()
APP = load_commands()


def invoke(*args: str):
    return runner.invoke(APP, list(args))


def test_version() -> None:
    res = invoke("--version")
    assert res.exit_code == 0 and res.stdout == f"newsbrief {version('newsbrief')}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    res = invoke(command, "--help")
    assert res.exit_code == 0
    assert "Example" in res.stdout and f"newsbrief {command}" in res.stdout


def test_help_keeps_every_word_of_its_docstring() -> None:
    res = invoke("summarize", "--help")  # rich markup once ate "[articles the reader has read]"
    said = " ".join(res.stdout.split())  # as words: rich wraps at the terminal's width
    assert "a list of the articles the reader has read" in said


def test_top_level_help_lists_commands_and_global_options() -> None:
    res = invoke("--help")
    assert res.exit_code == 0
    for word in (*COMMANDS, "--version", "--quiet", "--verbose", "Examples"):
        assert word in res.stdout


def test_quiet_keeps_errors_only(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    res = invoke("brief", str(EXAMPLE), missing)
    assert res.exit_code == 0 and "missing.txt: no such file or folder" in res.stderr
    res = invoke("--quiet", "brief", str(EXAMPLE), missing)
    assert res.exit_code == 0 and res.stderr == "" and "SUMMARY" in res.stdout
    res = invoke("-q", "brief", missing)
    assert res.exit_code == 1 and res.stderr == "newsbrief: no usable article among the inputs\n"


def test_verbose_says_what_was_done(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    res = invoke("--verbose", "brief", str(EXAMPLE), "-f", "html", "-o", str(out))
    assert res.exit_code == 0
    counts = ", ".join(f"{n} {status}" for status, n in brief(EXAMPLE).counts().items())
    assert f"newsbrief: {counts}; " in res.stderr and "summary lines" in res.stderr
    assert f"wrote {out}" in res.stderr and "briefing 1 input:" in res.stderr
    assert invoke("-q", "-v", "brief", str(EXAMPLE)).exit_code == 2


def test_progress_only_for_a_person_watching(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, out = Tty(), Tty()
    monkeypatch.setattr("sys.stderr", tty)
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr(settings, "quiet", False)
    assert show_progress()
    with progress("working hard"):
        pass
    assert "working hard" in tty.getvalue() and out.getvalue() == ""  # stdout carries only the output
    monkeypatch.setattr(settings, "quiet", True)
    assert not show_progress()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    monkeypatch.setattr(settings, "quiet", False)
    assert not show_progress()


def test_no_progress_noise_when_stderr_is_not_a_terminal() -> None:
    res = invoke("brief", str(EXAMPLE))
    assert res.exit_code == 0 and res.stderr == ""


def test_exit_codes(tmp_path: Path) -> None:
    assert invoke("brief", str(EXAMPLE), "--format", "pdf").exit_code == 2
    assert invoke("brief", str(tmp_path / "none")).exit_code == 1
    res = invoke("brief", str(EXAMPLE), "-o", str(tmp_path))  # a folder: cannot write
    assert res.exit_code == 3 and "cannot write" in res.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        res = invoke("serve", "--port", port)
    assert res.exit_code == 3 and f"cannot listen on 127.0.0.1:{port}" in res.stderr
    assert "Traceback" not in res.stderr
    res = invoke("serve", "--store", str(tmp_path / "nowhere.db"))
    assert res.exit_code == 3 and "no such store" in res.stderr
    (tmp_path / "junk.db").write_text("not a database")
    res = invoke("serve", "--store", str(tmp_path / "junk.db"))
    assert res.exit_code == 3 and "junk.db: cannot open the store" in res.stderr


def test_serve_logs_each_request_unless_quiet_and_exits_with_the_stopping_signal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bool, int]] = []

    def fake_serve(app: object, sock: socket.socket, log_level: str, access_log: bool,
                   on_start: Callable[[], None]) -> int:
        sock.close()
        calls.append((access_log, app.state.settings.workers))  # type: ignore[attr-defined]
        return signal.SIGINT  # stopped by Ctrl-C, whose re-raise found SIGINT ignored

    monkeypatch.setattr("newsbrief.api.serve", fake_serve)
    assert invoke("serve", "--port", "0", "--workers", "3").exit_code == 130
    assert invoke("-q", "serve", "--port", "0").exit_code == 130
    assert calls == [(True, 3), (False, 2)]


def test_messages_with_stderr_closed_go_nowhere_not_to_stdout(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from newsbrief.cli.app import warn

    monkeypatch.setattr("sys.stderr", None)
    monkeypatch.setattr(settings, "quiet", False)
    warn("not for stdout")
    assert not show_progress()
    assert "not for stdout" not in capsys.readouterr().out


BLAS_THREADS = ("import json, newsbrief.cli, numpy, threadpoolctl; "
                "print(json.dumps([p['num_threads'] for p in threadpoolctl.threadpool_info()"
                " if p['internal_api'] == 'openblas']))")


@pytest.mark.parametrize(("setting", "threads"), [(None, 1), ("2", 2)])
def test_the_command_line_gives_numpy_one_blas_thread_unless_the_user_says_otherwise(setting: str | None,
                                                                                     threads: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    if setting:
        env["OPENBLAS_NUM_THREADS"] = setting
    out = subprocess.run([sys.executable, "-c", BLAS_THREADS], env=env, capture_output=True, text=True, check=True)
    found = json.loads(out.stdout)
    assert found and set(found) == {threads}
