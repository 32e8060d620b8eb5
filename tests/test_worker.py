"""The reading worker of ``newsbrief brief`` (:mod:`newsbrief.reading`): the same briefing as in-process, no
spaCy in the main process, and a fallback (or the one-line message of today) when the worker fails or dies,
with no process left behind. Nothing here depends on time: each script waits for its worker's answer."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief import reading
from newsbrief.pipeline import brief
from newsbrief.reading import SWITCH, Worker
from newsbrief.report import render

from conftest import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the worker needs the fork start method")

CLI = """
import json, os, sys
import newsbrief.reading as reading
{patch}
sys.argv = ["newsbrief", "brief", *{args!r}]
from newsbrief.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
try:
    os.waitpid(-1, os.WNOHANG)
    children = "some"  # a child not reaped, or still running
except ChildProcessError:
    children = "none"
print(json.dumps({{"spacy": "spacy" in sys.modules, "children": children, "code": code}}), file=sys.stderr)
"""
"""A whole ``newsbrief brief`` run in a fresh process, then what it imported and whether a child is left
(``waitpid`` finds any child, running or not reaped), as the last line of stderr."""

IN_CHILD = """
real = reading.read_story
main_pid = os.getpid()

def patched(story, facts_from=None):
    if os.getpid() != main_pid:
        {in_child}
    return real(story, facts_from)

reading.read_story = patched
"""
"""A patch of the reader for :data:`CLI`: in the worker, ``in_child`` runs first; in the main process the
real reader runs."""


def _script(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh Python that imports this tree's newsbrief, the worker not turned off."""
    env = {k: v for k, v in os.environ.items() if k != SWITCH}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**env, "PYTHONPATH": str(ROOT)}, timeout=600)


def _run(args: list[str], patch: str = "") -> tuple[str, str, dict[str, object]]:
    """stdout, stderr (without the status line) and the status of a CLI brief in a fresh process."""
    done = _script(CLI.format(patch=patch, args=args))
    *lines, status = done.stderr.rstrip("\n").split("\n")
    return done.stdout, "\n".join(lines), json.loads(status)


@pytest.fixture(scope="module")
def in_process() -> str:
    """The example's briefing as JSON, made in this process without a worker."""
    return render(brief(EXAMPLE), "json")


def test_the_cli_brief_reads_in_the_worker_and_writes_the_in_process_briefing(in_process: str) -> None:
    out, err, status = _run([str(EXAMPLE), "--format", "json"])
    assert status == {"spacy": False, "children": "none", "code": 0}, err
    assert out == in_process


def test_without_facts_the_worker_reads_the_off_event_check() -> None:
    out, err, status = _run([str(EXAMPLE), "--format", "json", "--no-facts"])
    assert status == {"spacy": False, "children": "none", "code": 0}, err
    assert out == render(brief(EXAMPLE, facts=False), "json")
    assert any(r["status"] == "off-event" for r in json.loads(out)["articles"])


def test_a_worker_that_raises_leaves_the_reading_to_the_main_process(in_process: str) -> None:
    patch = IN_CHILD.format(in_child='raise RuntimeError("the worker failed")')
    out, err, status = _run([str(EXAMPLE), "--format", "json"], patch)
    assert status == {"spacy": True, "children": "none", "code": 0}, err  # read (and spaCy loaded) here
    assert out == in_process and "Traceback" not in err


def test_a_worker_that_dies_leaves_the_reading_to_the_main_process(in_process: str) -> None:
    out, err, status = _run([str(EXAMPLE), "--format", "json"], IN_CHILD.format(in_child="os._exit(9)"))
    assert status == {"spacy": True, "children": "none", "code": 0}, err
    assert out == in_process and "Traceback" not in err


def test_a_worker_sent_ctrl_c_keeps_reading(in_process: str) -> None:
    """Ctrl-C reaches the whole process group; the worker leaves it to the main process."""
    patch = IN_CHILD.format(in_child="import signal; os.kill(os.getpid(), signal.SIGINT)")
    out, err, status = _run([str(EXAMPLE), "--format", "json"], patch)
    assert status == {"spacy": False, "children": "none", "code": 0}, err
    assert out == in_process and "Traceback" not in err


def test_an_error_in_both_processes_gives_the_one_line_message_of_today() -> None:
    patch = IN_CHILD.format(in_child="pass").replace(
        "return real(story, facts_from)", 'raise ValueError("the story cannot be read")')
    out, err, status = _run([str(EXAMPLE)], patch)
    assert status["children"] == "none" and status["code"] != 0
    assert out == "" and err.strip().splitlines()[-1].endswith("the story cannot be read")
    assert "Traceback" not in err


ENDED = """
import multiprocessing, os
from newsbrief.reading import Worker
try:
    with Worker() as reader:
        assert reader.running
        raise KeyboardInterrupt
except KeyboardInterrupt:
    pass
assert not reader.running and not multiprocessing.active_children()
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no child left")
"""


def test_a_worker_is_ended_whatever_ends_its_block() -> None:
    done = _script(ENDED)
    assert done.stdout == "no child left\n", done.stderr


def _threads(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    """As if ``n`` threads ran: the suite's own threads (Dask's, left by other tests) would else stop every
    fork, and these tests could not fail."""
    monkeypatch.setattr(reading.threading, "active_count", lambda: n)


def test_no_worker_is_forked_while_a_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SWITCH, raising=False)
    monkeypatch.setattr(reading, "_serve", lambda *_: None)  # the fork itself, not spaCy, is under test
    _threads(monkeypatch, 1)
    with Worker() as reader:
        assert reader.running  # the same call forks with no other thread
    _threads(monkeypatch, 2)
    with Worker() as reader:
        assert not reader.running


def test_the_switch_turns_the_worker_off(monkeypatch: pytest.MonkeyPatch) -> None:
    _threads(monkeypatch, 1)
    monkeypatch.setenv(SWITCH, "0")
    with Worker() as reader:
        assert not reader.running
