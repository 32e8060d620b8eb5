"""Loopback load on the HTTP API: POST /brief with the seed articles, against GET /health as baseline.

Starts ``newsbrief serve`` as a separate process on 127.0.0.1 (a free port, never another
host), sends one warm-up briefing (models load lazily on first use), then runs a bounded
loop per target: at most ``--requests`` requests or ``--seconds`` seconds, from
``--concurrency`` client threads on keep-alive connections. Prints requests per second and
p50/p95 latency for each, and their ratios, all from the same run::

    .venv/bin/python bench/api_load.py                      # 200 requests or 30 s each, 2 clients
    .venv/bin/python bench/api_load.py --requests 50 --seconds 10
"""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
HOST = "127.0.0.1"
ACCESS_LINE = re.compile(r'newsbrief: \S+ "[A-Z]+ \S+" \d{3} \d+ ms$')


@dataclass
class Run:
    """Latencies (seconds) of the successful requests of one bounded loop, and its wall time."""

    latencies: list[float]
    errors: int
    seconds: float

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def line(self, name: str) -> str:
        return (f"{name:<34} {len(self.latencies):>4} ok {self.errors:>3} failed  {self.seconds:6.1f} s  "
                f"{self.rate:8.1f} req/s  p50 {self.pct(.5) * 1000:8.1f} ms  p95 {self.pct(.95) * 1000:8.1f} ms")


@contextmanager
def server() -> Iterator[str]:
    """``newsbrief serve`` on a free loopback port, in its own process; yields the base URL."""
    proc = subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "serve", "--host", HOST, "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        found = re.search(r"http://127\.0\.0\.1:\d+", proc.stderr.readline())
        if not found:
            raise SystemExit("bench: the server did not start")
        # The server's log is read as it comes (an unread pipe would fill up and stall it) and copied
        # to ours, but for its access log: a line per request would bury the figures.
        threading.Thread(target=lambda: sys.stderr.writelines(
            line for line in proc.stderr if not ACCESS_LINE.match(line)), daemon=True).start()  # type: ignore[union-attr]
        yield found.group(0)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(15)


def load(url: str, send: Callable[[httpx.Client], httpx.Response], requests: int, seconds: float,
         concurrency: int) -> Run:
    """At most ``requests`` requests or ``seconds`` seconds of ``send``, from ``concurrency`` threads."""
    latencies: list[float] = []
    errors = 0
    left = requests
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal left, errors
        with httpx.Client(base_url=url, timeout=120) as client:
            while time.perf_counter() < deadline:
                with lock:
                    if left <= 0:
                        return
                    left -= 1
                t0 = time.perf_counter()
                try:
                    ok = send(client).status_code == 200
                except httpx.TransportError as exc:
                    print(f"bench: {type(exc).__name__}: {exc}", file=sys.stderr)
                    ok = False
                took = time.perf_counter() - t0
                with lock:
                    if ok:
                        latencies.append(took)
                    else:
                        errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Run(latencies, errors, time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of articles to brief")
    parser.add_argument("--requests", type=int, default=200, help="most requests per target")
    parser.add_argument("--seconds", type=float, default=30.0, help="most seconds per target")
    parser.add_argument("--concurrency", type=int, default=2, help="client threads")
    args = parser.parse_args()
    seeds = sorted(p for p in args.seeds.iterdir() if p.is_file())
    if not seeds:
        raise SystemExit(f"bench: no articles in {args.seeds}")
    files = [(p.name, p.read_bytes()) for p in seeds]

    def brief(client: httpx.Client) -> httpx.Response:
        return client.post("/brief", files=[("files", (name, data, "text/plain")) for name, data in files])

    def health(client: httpx.Client) -> httpx.Response:
        return client.get("/health")

    with server() as url:
        with httpx.Client(base_url=url, timeout=300) as client:
            t0 = time.perf_counter()
            first = brief(client)
            if first.status_code != 200:
                raise SystemExit(f"bench: POST /brief failed: {first.status_code} {first.text[:200]}")
            warm = time.perf_counter() - t0
        print(f"server {url}; {len(files)} seed articles ({sum(len(d) for _, d in files):,} bytes) per POST /brief; "
              f"{args.concurrency} clients; bound: {args.requests} requests or {args.seconds:g} s per target")
        print(f"first POST /brief (loads models): {warm * 1000:.0f} ms")
        base = load(url, health, args.requests, args.seconds, args.concurrency)
        run = load(url, brief, args.requests, args.seconds, args.concurrency)
    print(base.line("GET /health (baseline)"))
    print(run.line(f"POST /brief ({len(files)} files, multipart)"))
    print(f"ratio: /brief serves {run.rate / base.rate:.4f}x the requests/s of /health "
          f"(1/{base.rate / run.rate:.0f}); its p95 is {run.pct(.95) / base.pct(.95):.0f}x")


if __name__ == "__main__":
    main()
