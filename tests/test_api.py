"""The HTTP API on a real uvicorn server on a free loopback port: answers, errors and limits."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import REPO
from sample_briefing import TEXTS

from newsbrief import __version__
from newsbrief.api import ServerSettings, bind, create_app, jobs, running
from newsbrief.api.workers import Overloaded, TooSlow, WorkerPool
from newsbrief.model import ArticleRecord, Briefing, squash
from newsbrief.segment import split_spans
from newsbrief.store import Store

LIMIT = 2**20


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with running(create_app(settings=ServerSettings(max_body=LIMIT))) as url, httpx.Client(base_url=url, timeout=60) as c:
        assert url.startswith("http://127.0.0.1:")
        yield c


def cluster() -> dict[str, Any]:
    return {"id": "ellis", "articles": [{"id": k, "text": v, "url": f"https://news.example/{k}"}
                                        for k, v in TEXTS.items()]}


def test_health_and_openapi(client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok", "version": _version(), "store": False, "work": {
        "running": 0, "waiting": 0, "workers": 2, "queue": 16}}
    doc = client.get("/openapi.json").json()
    assert {"/health", "/brief", "/group", "/events", "/events/{event_id}", "/events/{event_id}/brief"} \
        <= set(doc["paths"])
    body = doc["paths"]["/brief"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert body["application/json"]["schema"]["$ref"] == "#/components/schemas/BriefRequest"
    fields = doc["components"]["schemas"]["BriefRequest"]["properties"]
    assert fields["articles"]["items"]["$ref"] == "#/components/schemas/ArticleIn"
    assert {"earlier", "query"} <= set(fields) and {"earlier", "query"} <= set(
        body["multipart/form-data"]["schema"]["properties"])


def _version() -> str:
    return __version__


def test_brief_json_returns_briefing_with_spans(client: httpx.Client) -> None:
    res = client.post("/brief", params={"max_words": 60}, json=cluster())
    assert res.status_code == 200 and res.headers["content-type"] == "application/json"
    data = res.json()
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["summary"] and sum(len(s["text"].split()) for s in data["summary"]) <= 60
    for line in data["summary"]:
        assert squash(texts[line["article"]][line["start"]:line["end"]]) == line["text"]
    assert {a["id"]: a["status"] for a in data["articles"]}["ellis-3"] == "duplicate"
    assert {"facts", "conflicts", "timeline"} <= set(data)


def test_brief_multipart_files_names_uploads_not_temp_paths(client: httpx.Client) -> None:
    files = [("files", (f"{k}.txt", v.encode(), "text/plain")) for k, v in TEXTS.items()]
    files.append(("files", ("../../etc/binary.dat", b"\x00\x01" * 40, "application/octet-stream")))
    res = client.post("/brief", files=files)
    assert res.status_code == 200, res.text
    records = {a["id"]: a for a in res.json()["articles"]}
    assert records["ellis-1"]["source"] == "ellis-1.txt"
    assert records["binary"]["status"] == "unreadable" and records["binary"]["source"] == "binary.dat"
    assert "newsbrief-" not in res.text and "/tmp" not in res.text


def test_brief_in_other_formats(client: httpx.Client) -> None:
    res = client.post("/brief", params={"format": "html"}, json=cluster())
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    assert res.text.startswith("<!DOCTYPE html>") and res.text.count("<script") == 2
    res = client.post("/brief", params={"format": "markdown"}, json=cluster())
    assert res.text.startswith("# ") and "## Summary" in res.text


@pytest.mark.parametrize(("kwargs", "status", "detail"), [
    ({"content": b"{bad", "headers": {"content-type": "application/json"}}, 400, "invalid JSON: Expecting property"),
    ({"content": b"{\"a\": \"\xc3\x28\"}", "headers": {"content-type": "application/json"}}, 400, "not UTF-8 JSON"),
    ({"json": {"articles": []}}, 422, "articles: List should have at least 1 item"),
    ({"json": {"articles": [{"title": "no text"}]}}, 422, "no usable article among the inputs"),
    ({"json": {"articles": "one"}}, 422, "articles: Input should be a valid list"),
    ({"json": [1, 2]}, 422, "Input should be a valid dictionary"),
    ({"json": {"articles": [{"text": "Too short."}]}}, 422, "no usable article among the inputs"),
    ({"content": b"a=1", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 415, "unsupported"),
    ({"content": json.dumps(cluster()).encode()}, 415, "unsupported content type none"),  # no Content-Type
    ({"content": b"[" * 100_000, "headers": {"content-type": "application/json"}}, 400, "nested too deeply"),
    ({"files": [("other", ("a.txt", b"x", "text/plain"))]}, 422, "in the field 'files'"),
    ({"params": {"method": "magic"}, "json": cluster()}, 400, "unknown summarizer 'magic'"),
    ({"params": {"max_words": 0}, "json": cluster()}, 422, "query.max_words"),
    ({"params": {"format": "pdf"}, "json": cluster()}, 422, "query.format"),
])
def test_bad_input_gets_a_clear_4xx(client: httpx.Client, kwargs: dict, status: int, detail: str) -> None:
    res = client.post("/brief", **kwargs)
    assert res.status_code == status, res.text
    assert detail in res.json()["detail"] and "\n" not in res.json()["detail"]
    assert "Traceback" not in res.text


@pytest.mark.parametrize("bad", [{"title": 5, "text": TEXTS["ellis-1"]}, {"title": "no text"}, 7, None,
                                 {"id": ["x"], "text": TEXTS["ellis-1"]}, {"text": ["a", "b"]}])
def test_one_bad_article_is_accounted_for_and_the_others_briefed(client: httpx.Client, bad: Any) -> None:
    body = cluster()
    body["articles"].insert(1, bad)
    res = client.post("/brief", json=body)
    assert res.status_code == 200, res.text
    account = res.json()["articles"]
    assert len(account) == len(body["articles"]) and account[1]["status"] == "unreadable"
    assert account[1]["id"] == "1" and "\n" not in account[1]["reason"]
    assert sum(a["status"] == "used" for a in account) >= 2
    res = client.post("/group", json={"articles": body["articles"]})
    assert res.status_code == 200 and len(res.json()["assignments"]) == len(body["articles"])
    assert res.json()["assignments"][1]["event"] is None and "unreadable" in res.json()["assignments"][1]["reason"]


def test_a_bad_article_alone_is_a_422_that_names_its_field(client: httpx.Client) -> None:
    res = client.post("/brief", json={"articles": [{"title": 5, "text": TEXTS["ellis-1"]}]})
    assert res.status_code == 422 and res.json()["articles"] == [
        {"id": "0", "status": "unreadable", "reason": "'title' is a number, not a string", "source": "<record>"}]


def test_lines_of_an_uploaded_json_lines_file_are_named_by_upload_name_and_line(client: httpx.Client) -> None:
    lines = [json.dumps({"id": k, "text": v}) for k, v in TEXTS.items()]
    lines.insert(1, "[1]")
    res = client.post("/brief", files=[("files", ("feed.jsonl", "\n".join(lines).encode(), "application/json"))])
    assert res.status_code == 200, res.text
    assert [a["source"] for a in res.json()["articles"]] == [f"feed.jsonl:{n}" for n in range(1, len(lines) + 1)]
    assert "newsbrief-" not in res.text and "/tmp" not in res.text


def test_error_replies_do_not_echo_input(client: httpx.Client) -> None:
    secret = "x" * 5000
    res = client.post("/brief", json={"articles": [{"text": 5, "title": secret}]})
    assert res.status_code == 422 and secret not in res.text and len(res.text) < 1000


def test_request_size_limits(client: httpx.Client) -> None:
    big = json.dumps({"articles": [{"text": "word " * (LIMIT // 5)}]}).encode()
    res = client.post("/brief", content=big, headers={"content-type": "application/json"})
    assert res.status_code == 413 and "too large" in res.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"articles": [{"text": "'
        for _ in range(4):
            yield b"word " * (LIMIT // 16)
        yield b'"}]}'

    res = client.post("/brief", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413
    assert client.get("/health").status_code == 200


def test_internal_errors_are_logged_not_leaked(client: httpx.Client, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(jobs, "brief", _broken)  # runs in a worker process, which imports this module
    res = client.post("/brief", json=cluster())
    assert res.status_code == 500
    assert res.json() == {"detail": "internal error; the server log has the details"}
    assert "secret" not in res.text and "Traceback" not in res.text
    assert any("POST /brief failed" in r.message for r in caplog.records)
    for _ in range(3):  # the keep-alive connection survives the failure
        assert client.get("/health").status_code == 200


def test_a_worker_that_dies_is_a_500_and_is_replaced(client: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "brief", _dies)
    res = client.post("/brief", json=cluster())
    assert res.status_code == 500 and "Traceback" not in res.text
    monkeypatch.undo()
    assert client.post("/brief", json=cluster()).status_code == 200


def _broken(*args: Any) -> None:
    raise RuntimeError("secret internals at /srv/newsbrief/pipeline.py")


def _dies(*args: Any) -> None:
    os._exit(9)  # a worker killed mid-request (out of memory, a crash in a C library)


RATES = {"id": "rates", "title": "Central bank raises rates",
         "text": "The central bank raised its main interest rate by half a point on Thursday, citing inflation "
                 "that has stayed above target for a year. Markets had expected the move."}


def test_group_assigns_every_article_in_input_order(client: httpx.Client) -> None:
    articles = [*cluster()["articles"], RATES]
    res = client.post("/group", json={"articles": articles, "options": {"threshold": 0.5}})
    assert res.status_code == 200, res.text
    data = res.json()
    assert [a["id"] for a in data["assignments"]] == [a["id"] for a in articles]
    event = {a["id"]: a["event"] for a in data["assignments"]}
    assert event["ellis-1"] == event["ellis-3"] != event["rates"]
    assert sorted(i for e in data["events"] for i in e["articles"]) == sorted(k for k, v in event.items() if v)


def test_group_integer_options_stay_integers(client: httpx.Client) -> None:
    articles = [*cluster()["articles"], RATES]
    res = client.post("/group", json={"articles": articles, "options": {"block_size": 2}})
    assert res.status_code == 200, res.text
    assert len(res.json()["assignments"]) == len(articles)


@pytest.mark.parametrize(("options", "detail"), [
    ({"workers": 8}, "option 'workers' cannot be set over HTTP"),
    ({"bogus": 1}, "unknown grouping option(s): bogus"),
    ({"threshold": 5}, "threshold must be in (0, 1]"),
])
def test_group_refuses_bad_options(client: httpx.Client, options: dict, detail: str) -> None:
    res = client.post("/group", json={"articles": [RATES], "options": options})
    assert res.status_code == 400 and detail in res.json()["detail"]


@pytest.fixture(scope="module")
def store_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store(path) as store:
        store.add([*cluster()["articles"], RATES])
    with running(create_app(store=path)) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


def test_events_over_a_store(store_client: httpx.Client) -> None:
    events = store_client.get("/events").json()
    assert sum(e["size"] for e in events) == len(TEXTS) + 1
    assert set(events[0]) == {"id", "story", "title", "size", "outlets", "first", "last"}
    ellis = next(e for e in events if e["size"] > 1)
    one = store_client.get(f"/events/{ellis['id']}").json()
    assert one["event"] == {**ellis, "title": one["briefing"]["title"]} and one["briefing"]["summary"]
    assert {a["id"] for a in one["briefing"]["articles"]} <= set(TEXTS)
    found = store_client.get("/events", params={"q": "interest rate"}).json()
    assert [e["id"] for e in found] == [next(e["id"] for e in events if e["id"] != ellis["id"])]
    assert [e["id"] for e in store_client.get("/events", params={"limit": 1}).json()] == [events[0]["id"]]


def test_stories_over_a_store(store_client: httpx.Client) -> None:
    stories = store_client.get("/stories").json()
    events = {e["id"]: e for e in store_client.get("/events").json()}
    assert sorted(e["id"] for s in stories for e in s["events"]) == sorted(events)
    assert all(e == events[e["id"]] and e["story"] == s["id"] for s in stories for e in s["events"])
    assert [s["size"] for s in stories] == sorted((s["size"] for s in stories), reverse=True)
    largest = store_client.get(f"/stories/{stories[0]['id']}").json()
    assert largest["story"] == {**stories[0], "title": largest["briefing"]["title"]} and largest["briefing"]["summary"]
    assert {a["id"] for a in largest["briefing"]["articles"]} <= set(TEXTS)
    assert store_client.get("/stories/s999").status_code == 404


def test_a_missing_briefing_is_made_in_the_worker_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GET /events/{id} and /stories/{id} make a briefing the store lacks in the worker pool, as POST /brief
    does (the server's threads only read and write the store), and the store keeps it."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add(cluster()["articles"])
        event = store.events()[0]
        story = store.stories()[0]

    def refuse(*_: Any) -> None:
        raise AssertionError("a briefing was made in the server's thread")

    monkeypatch.setattr(Store, "_made", refuse)
    with running(create_app(store=path)) as url, httpx.Client(base_url=url, timeout=60) as c:
        one = c.get(f"/events/{event.id}").json()
        whole = c.get(f"/stories/{story.id}").json()
        again = c.get(f"/events/{event.id}").json()
    monkeypatch.undo()
    assert one["briefing"]["summary"] and whole["briefing"]["summary"] and again == one
    with Store(path) as store:  # kept: what the store holds, not a briefing it would make again if it lacked it
        assert store.held_briefing("events", event.id) == one["briefing"]
        assert store.held_briefing("stories", story.id) == whole["briefing"]


def test_events_errors(client: httpx.Client, store_client: httpx.Client) -> None:
    res = store_client.get("/events/e999")
    assert res.status_code == 404 and res.json()["detail"] == "no event 'e999' in the store"
    res = client.get("/events")
    assert res.status_code == 404 and "--store" in res.json()["detail"]
    assert store_client.get("/events", params={"limit": 0}).status_code == 422


def test_sentence_splitting_is_safe_in_worker_threads() -> None:
    """The API briefs in worker threads; blingfire runs without the GIL, so shared buffers would mix offsets."""
    texts = [*TEXTS.values(), "Ünïcödé “quoted” text — again. Another one here! And é more. " * 30]
    expected = [split_spans(t) for t in texts]
    wrong: list[int] = []

    def work() -> None:
        for _ in range(150):
            wrong.extend(n for n, t in enumerate(texts) if split_spans(t) != expected[n])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong


def test_bound_socket_is_tcp_so_replies_are_not_delayed() -> None:
    with bind("127.0.0.1", 0) as sock:  # asyncio sets TCP_NODELAY on accepted sockets only for IPPROTO_TCP
        assert sock.proto == socket.IPPROTO_TCP and sock.getsockname()[0] == "127.0.0.1"


def test_unknown_route_and_method(client: httpx.Client) -> None:
    assert client.get("/nope").status_code == 404
    assert client.get("/brief").status_code == 405
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("sigint", ["default", "ignored"])
def test_serve_command_runs_the_real_server(sigint: str) -> None:
    """Ctrl-C ends the server with 130, also when it started with SIGINT ignored, as a background job of a
    non-interactive shell does (as CI runs): that is how this test once saw 0 instead of 130."""
    proc = subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "serve", "--port", "0"], cwd=REPO,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=_ignore_sigint if sigint == "ignored" else None)
    try:
        line = proc.stderr.readline()  # written once the server listens, its signal handlers in place
        url = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert url, line
        assert httpx.get(url.group(0) + "/health", timeout=60).json()["status"] == "ok"
        res = httpx.post(url.group(0) + "/brief", json={"articles": []}, timeout=60)
        assert res.status_code == 422 and res.json()["detail"].startswith("articles:")
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(60)
        log = proc.stderr.read()
        proc.stderr.close()
    assert code == 130
    assert re.search(r'newsbrief: 127\.0\.0\.1 "GET /health" 200 \d+ ms\n', log), log
    assert re.search(r'newsbrief: 127\.0\.0\.1 "POST /brief" 422 \d+ ms\n', log), log


@pytest.mark.parametrize("path", ["/brief", "/group"])
def test_json_is_read_only_when_declared_and_deep_nesting_is_a_400(client: httpx.Client, path: str) -> None:
    body = {"articles": cluster()["articles"]}
    res = client.post(path, content=json.dumps(body).encode())
    assert res.status_code == 415 and res.json()["detail"].startswith("unsupported content type none")
    res = client.post(path, content=b"[" * 100_000, headers={"content-type": "application/json"})
    assert res.status_code == 400 and res.json()["detail"] == "JSON nested too deeply to read"


LONE = '{"articles": [{"id": "s\\ud800", "title": "Bad \\udc00 title", "text": "%s Lone \\ud800 here."}]}'


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
def test_lone_surrogates_in_a_request_are_briefed_in_every_format(client: httpx.Client, fmt: str) -> None:
    text = cluster()["articles"][0]["text"].replace("\n", " ").replace('"', "'")
    res = client.post("/brief", params={"format": fmt}, content=(LONE % text).encode(),
                      headers={"content-type": "application/json"})
    assert res.status_code == 200, res.text
    assert "\ufffd" in res.text or "\\ufffd" in res.text


def test_lone_surrogate_in_a_grouping_option_is_a_400(client: httpx.Client) -> None:
    res = client.post("/group", content=b'{"articles": [{"text": "x"}], "options": {"\\ud800": 1}}',
                      headers={"content-type": "application/json"})
    assert res.status_code == 400 and "unknown grouping option" in res.json()["detail"]


def test_a_body_shorter_than_its_content_length_is_a_408_and_the_connection_closes() -> None:
    with running(create_app(settings=ServerSettings(body_seconds=0.5))) as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"POST /brief HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100\r\n\r\n{\"articles\"")
            sock.settimeout(60)  # a server that holds the connection fails the test here
            reply = b""
            while chunk := sock.recv(4096):
                reply += chunk
    assert reply.startswith(b"HTTP/1.1 408 ") and b"request body not received within 0.5 s" in reply


def test_every_request_is_logged_with_its_status_and_time(client: httpx.Client,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="newsbrief.access"):
        client.get("/health")
        client.post("/brief", json={"articles": []})
    lines = [r.getMessage() for r in caplog.records if r.name == "newsbrief.access"]
    assert re.fullmatch(r'127\.0\.0\.1 "GET /health" 200 \d+ ms', lines[0]), lines
    assert re.fullmatch(r'127\.0\.0\.1 "POST /brief" 422 \d+ ms', lines[1]), lines


def test_a_path_with_escaped_control_characters_is_logged_as_sent(client: httpx.Client,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="newsbrief.access"):
        client.get("/a%0A127.0.0.1%20%22GET%20/forged%22%1B%5B2J")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "newsbrief.access"]
    assert line.startswith('127.0.0.1 "GET /a%0A127.0.0.1%20%22GET%20/forged%22%1B%5B2J" 404 ')
    assert line.isprintable()


# ---------------------------------------------------------------- the worker pool: queue, time limit, fairness


def _gated(items: list[Any], *options: Any) -> Briefing:
    """A stand-in for the briefing job that works until the file named by the first article's title
    exists: a request that takes exactly as long as the test wants, whatever the machine's speed."""
    while not Path(items[0]["title"]).exists():
        time.sleep(0.01)
    return Briefing("done", [], [ArticleRecord("a", "used", "stand-in")])


def _until(check: Callable[[], bool]) -> None:
    """Wait for a state of the server the test brought about (bounded: a broken server fails, not hangs)."""
    for _ in range(6000):
        if check():
            return
        time.sleep(0.01)
    raise AssertionError("the server never reached the expected state")


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(jobs, "brief", _gated)
    return tmp_path / "release"


def test_a_full_queue_is_refused_at_once_with_retry_after(gated: Path) -> None:
    slow = {"articles": [{"title": str(gated), "text": "waits for the test"}]}
    with running(create_app(settings=ServerSettings(workers=1, queue=1, time_limit=600))) as url, \
            httpx.Client(base_url=url, timeout=120) as c:
        work = lambda: c.get("/health").json()["work"]  # noqa: E731
        replies: list[httpx.Response] = []
        first = threading.Thread(target=lambda: replies.append(httpx.post(url + "/brief", json=slow, timeout=120)))
        first.start()
        _until(lambda: work()["running"] == 1)
        second = threading.Thread(target=lambda: replies.append(httpx.post(url + "/brief", json=slow, timeout=120)))
        second.start()
        _until(lambda: work()["waiting"] == 1)
        res = c.post("/brief", json=slow)
        assert res.status_code == 503 and int(res.headers["retry-after"]) >= 1
        assert res.json()["detail"].startswith("the server is busy")
        gated.touch()
        first.join()
        second.join()
    assert [r.status_code for r in replies] == [200, 200]


def test_a_request_past_the_time_limit_is_a_504_and_its_worker_is_replaced(gated: Path) -> None:
    slow = {"articles": [{"title": str(gated), "text": "waits for the test"}]}
    with running(create_app(settings=ServerSettings(workers=1, time_limit=3))) as url, \
            httpx.Client(base_url=url, timeout=120) as c:
        res = c.post("/brief", json=slow)
        assert res.status_code == 504 and int(res.headers["retry-after"]) >= 1
        assert res.json()["detail"] == "the request took longer than the server's limit of 3 s"
        gated.touch()
        assert c.post("/brief", json=slow).status_code == 200


def _pool_scenario(settings: ServerSettings, scenario: Callable[[WorkerPool], Any]) -> None:
    """Run ``scenario(pool)`` (a coroutine function) on a fresh pool, then stop every worker."""
    async def main() -> None:
        pool = WorkerPool(settings)
        try:
            await scenario(pool)
        finally:
            for task in asyncio.all_tasks() - {asyncio.current_task()}:
                task.cancel()
            pool.close()

    asyncio.run(main())


def test_a_small_request_never_waits_behind_large_ones() -> None:
    async def scenario(pool: WorkerPool) -> None:
        for _ in range(2):  # two large requests that outlast the test: one works, one waits
            asyncio.create_task(pool.run(time.sleep, 3600, large=True))
        await asyncio.sleep(0)
        assert (pool.running_large, pool.waiting) == (1, 1)
        assert await pool.run(abs, -7, large=False) == 7
        assert (pool.running_large, pool.waiting) == (1, 1)

    _pool_scenario(ServerSettings(workers=2, queue=4, time_limit=600), scenario)


def test_the_pool_refuses_past_its_queue_and_stops_work_past_its_time_limit() -> None:
    async def queue(pool: WorkerPool) -> None:
        for _ in range(2):
            asyncio.create_task(pool.run(time.sleep, 3600, large=False))
        await asyncio.sleep(0)
        assert (pool.running, pool.waiting) == (1, 1)
        with pytest.raises(Overloaded):
            await pool.run(abs, -1, large=False)

    async def time_limit(pool: WorkerPool) -> None:
        pool._take(False)  # the only worker taken and not given back until the wait is over: no race
        with pytest.raises(TooSlow):  # waited past the limit
            await pool.run(abs, -1, large=False)
        pool._release(False)
        with pytest.raises(TooSlow):  # worked past the limit: its worker is killed
            await pool.run(time.sleep, 3600, large=False)
        assert await pool.run(abs, -2, large=False) == 2  # in a new worker

    _pool_scenario(ServerSettings(workers=1, queue=1, time_limit=600), queue)
    _pool_scenario(ServerSettings(workers=1, queue=1, time_limit=2), time_limit)



def test_a_string_is_never_read_as_a_path_on_the_server(client: httpx.Client, tmp_path: Path) -> None:
    secret = tmp_path / "memo.txt"
    secret.write_text("The zanzibarquux plan is secret. " * 20)
    paths = [str(secret), str(tmp_path), "/nonexistent/x", "-"]
    body = cluster()
    body["articles"] += paths
    body["earlier"] = [str(secret), str(tmp_path)]
    res = client.post("/brief", json=body)
    assert res.status_code == 200, res.text
    assert "zanzibarquux" not in res.text and "memo.txt" not in res.text and "nonexistent" not in res.text
    account = {a["id"]: a for a in res.json()["articles"]}
    for n in range(len(TEXTS), len(body["articles"])):
        assert (account[str(n)]["status"], account[str(n)]["reason"]) == (
            "unreadable", "article is a string, not an object")
    res = client.post("/group", json={"articles": body["articles"]})
    assert res.status_code == 200 and "zanzibarquux" not in res.text and "memo.txt" not in res.text
    assert [a["event"] for a in res.json()["assignments"][len(TEXTS):]] == [None] * len(paths)
