"""The loopback receiver under hostile load: the app's asyncio one against http.server ones.

Runs the hostile load of ``tests/unit/oauth/test_loopback_hostile.py`` (the same seeded
generator and the same answer checks, with idle connections half silent and half slow-loris)
against, each in its own process:

- ``asyncio``: the app's :class:`qonto_desktop.oauth.loopback.Receiver`;
- ``threading``: a minimal receiver on the standard library's ``ThreadingHTTPServer``, as
  well-known receivers are written, with the same answers and the same size rules where
  ``http.server`` lets a handler apply them (:mod:`bench.stdlib_receiver`, never shipped);
- ``single``: the same handler on a plain ``HTTPServer``, one request at a time (as MSAL's and
  google-auth-oauthlib's receivers serve).

Reports whether the genuine callback still completes after the flood, how long it took, how
long a harmless request took during the flood, and the threads and memory the server used.

Usage: ``.venv/bin/python bench/receiver_hostile.py [--idle N ...] [--variants NAME ...]
[--requests N] [--deadline S]``
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import json
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.stdlib_receiver import GENUINE_CODE, HttpServerReceiver
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.loopback_server import READ_TIMEOUT
from tests.support.hostile_load import IdleCrowd, Tally, check, generate
from tests.support.loopback_client import STATE, call, exchange, listening

VARIANTS = ("asyncio", "threading", "single")
CLIENTS = 4
HEALTH_EVERY = 50
OWN_THREADS = ("MainThread", "bench-", "idle-crowd")


@dataclass
class Figures:
    """What one variant did under the load."""

    variant: str
    idle: int
    sent: int = 0
    wrong_answers: int = 0
    false_completions: int = 0
    reflections: int = 0
    unanswered: int = 0
    flood_seconds: float = 0.0
    health_median_ms: float = 0.0
    health_max_ms: float = 0.0
    health_failed: int = 0
    idle_held: int = 0
    idle_reopened: int = 0
    idle_refused: int = 0
    genuine_completed: bool = False
    genuine_ms: float = 0.0
    server_threads_peak: int = 0
    rss_growth_mib: float = 0.0
    note: str = ""


class Crowd(IdleCrowd):
    """The test's idle crowd, counting the connections a full receiver refuses, not failing."""

    refused = 0

    def _open(self, number: int) -> None:
        try:
            super()._open(number)
        except OSError:
            self.refused += 1


# --- one variant, in this process --------------------------------------------------------------


class Sampler:
    """Samples the server's threads and this process's resident memory every 20 ms."""

    def __init__(self) -> None:
        self.peak_threads = 0
        self.peak_rss = 0
        self.start_rss = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-sampler")

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            server = [t for t in threading.enumerate() if not t.name.startswith(OWN_THREADS)]
            self.peak_threads = max(self.peak_threads, len(server))
            self.peak_rss = max(self.peak_rss, rss_bytes())


def rss_bytes() -> int:
    """This process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def flood(port: int, requests: int, deadline: float, figures: Figures) -> list[float]:
    """Send the hostile requests from ``CLIENTS`` threads; return the harmless requests' times."""
    tally, lock = Tally(), threading.Lock()
    health: list[float] = []

    def client(first: int) -> None:
        seen, times = Tally(), list[float]()
        for number in range(first, requests, CLIENTS):
            if time.monotonic() > deadline:
                break
            if number % HEALTH_EVERY < CLIENTS:
                started = time.monotonic()
                try:
                    ok = call(port, "/favicon.ico").status == 404
                except OSError:
                    ok = False
                times.append(time.monotonic() - started if ok else float("inf"))
            probe = generate(number, port)
            seen.sent += 1
            try:
                raw = exchange(port, probe.data, timeout=READ_TIMEOUT + 5)
            except OSError:
                seen.unanswered += 1
                continue
            check(number, probe, raw, seen)
        with lock:
            for name in ("sent", "false_completions", "reflections", "unanswered"):
                setattr(tally, name, getattr(tally, name) + getattr(seen, name))
            tally.wrong_answers += seen.wrong_answers
            health.extend(times)

    with ThreadPoolExecutor(CLIENTS, thread_name_prefix="bench-client") as pool:
        for done in [pool.submit(client, first) for first in range(CLIENTS)]:
            done.result()
    figures.sent = tally.sent
    figures.wrong_answers = len(tally.wrong_answers)
    figures.false_completions = tally.false_completions
    figures.reflections = tally.reflections
    figures.unanswered = tally.unanswered
    return health


def run_variant(variant: str, idle: int, requests: int, seconds: float) -> Figures:
    """Flood one receiver, then send the genuine callback; measure what it cost."""
    figures = Figures(variant, idle)
    health: list[float] = []
    with Sampler() as sampler, ExitStack() as stack:
        waiter: Callable[[float], object]
        if variant == "asyncio":
            receiver = stack.enter_context(listening(timeout=seconds + 120))
            port, waiter = receiver.port, receiver.wait
        else:
            other = stack.enter_context(HttpServerReceiver(threaded=variant == "threading"))
            port, waiter = other.port, other.wait
        started = time.monotonic()
        try:
            crowd = Crowd(port, idle)
            with crowd:
                health = flood(port, requests, started + seconds, figures)
                figures.flood_seconds = round(time.monotonic() - started, 1)
                figures.idle_held = crowd.freeze()
                figures.idle_reopened = crowd.reopened
                figures.idle_refused = crowd.refused
                figures.genuine_completed, figures.genuine_ms = genuine(port, waiter)
        except OSError as exc:
            figures.note = f"the load could not be set up: {type(exc).__name__}"
    finite = [t for t in health if t != float("inf")]
    figures.health_failed = len(health) - len(finite)
    if finite:
        figures.health_median_ms = round(statistics.median(finite) * 1000, 1)
        figures.health_max_ms = round(max(finite) * 1000, 1)
    figures.server_threads_peak = sampler.peak_threads
    figures.rss_growth_mib = round((sampler.peak_rss - sampler.start_rss) / 2**20, 1)
    return figures


def genuine(port: int, wait: Callable[[float], object]) -> tuple[bool, float]:
    """Send the browser's genuine callback; return whether it completed, and how fast (ms)."""
    started = time.monotonic()
    try:
        answered = call(port, f"/callback?code={GENUINE_CODE}&state={STATE}").status == 200
        outcome = wait(30.0)
    except Exception:  # refused, timed out, or the receiver already completed
        return False, round((time.monotonic() - started) * 1000, 1)
    completed = answered and isinstance(outcome, CallbackParams)
    return completed, round((time.monotonic() - started) * 1000, 1)


# --- all variants, each in a fresh process -----------------------------------------------------


def main() -> int:
    """Run each variant in its own process and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=VARIANTS, help="run one, in this process")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--idle", type=int, nargs="+", default=[100, 400], help="(100 400)")
    parser.add_argument("--requests", type=int, default=10_000, help="hostile requests (10000)")
    parser.add_argument("--deadline", type=float, default=90.0, help="seconds of flood (90)")
    args = parser.parse_args()
    if args.variant:
        print(
            json.dumps(
                asdict(run_variant(args.variant, args.idle[0], args.requests, args.deadline))
            )
        )
        return 0
    rows = []
    for idle in args.idle:
        for variant in args.variants:
            command = [sys.executable, __file__, "--variant", variant, "--idle", str(idle)]
            command += ["--requests", str(args.requests), "--deadline", str(args.deadline)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            lines = done.stdout.strip().splitlines()
            if done.returncode != 0 or not lines:
                print(f"{variant} idle={idle} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(lines[-1]))
            print(f"done: {variant}, {idle} idle", file=sys.stderr)
    print(table(rows))
    return 0


def table(rows: list[dict[str, object]]) -> str:
    """The figures as a Markdown table, one row per variant and idle crowd."""
    names = [name for name in Figures.__dataclass_fields__ if name != "note"]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for row in rows:
        lines.append("| " + " | ".join(str(row[name]) for name in names) + " |")
    notes = [
        f"- {row['variant']}, {row['idle']} idle: {row['note']}" for row in rows if row["note"]
    ]
    return "\n".join(lines + notes)


if __name__ == "__main__":
    sys.exit(main())
