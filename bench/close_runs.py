"""The monthly-close bench's processes: each timed, its peak memory read, its requests counted.

A :class:`Run` is one child process (``main.py sync --all``, the downloads, ``main.py export``):
its wall-clock seconds, its own peak resident memory (``ru_maxrss`` from ``wait4``) and the
bank data requests the emulator counted while it ran. A :class:`Phase` is the runs that make one
month end (sync then downloads, or the one ``export``) and their floor.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.close_floor import DOWNLOADS, Floor, api_calls, floor_of
from qonto_desktop.emulator import Emulator


@dataclass(frozen=True)
class Run:
    """One child process, run to its end."""

    label: str
    seconds: float
    peak_kib: int  # the child's own peak resident memory
    requests: Counter[str]  # bank data requests the emulator received meanwhile, by route
    returncode: int
    stdout: str
    stderr: str


def run_child(
    label: str,
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: Path,
    emulator: Emulator,
    *,
    timeout: float,
) -> Run:
    """Run ``argv`` to its end (killed after ``timeout`` s); time it, count its requests."""
    before = emulator.bank_requests
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    requests = emulator.bank_requests - before
    return Run(label, elapsed, usage.ru_maxrss, requests, process.returncode, stdout, stderr)


@dataclass(frozen=True)
class Phase:
    """One month end (or its rerun): its runs, one after the other, and its floor."""

    label: str
    runs: tuple[Run, ...]
    latency: float
    concurrency: int

    @property
    def seconds(self) -> float:
        """Wall-clock seconds of every run, added."""
        return sum(run.seconds for run in self.runs)

    @property
    def requests(self) -> Counter[str]:
        """Every run's requests by route, added."""
        total: Counter[str] = Counter()
        for run in self.runs:
            total += run.requests
        return total

    @property
    def api_calls(self) -> int:
        """The requests Qonto's limits count."""
        return api_calls(self.requests)

    @property
    def downloads(self) -> int:
        """The files fetched from their presigned addresses."""
        return self.requests[DOWNLOADS]

    @property
    def peak_mib(self) -> float:
        """The largest peak memory of its runs, in MiB."""
        return max(run.peak_kib for run in self.runs) / 1024

    @property
    def floor(self) -> Floor:
        """The floor of the requests it made."""
        return floor_of(self.requests, latency=self.latency, concurrency=self.concurrency)

    @property
    def ratio(self) -> float:
        """Its time over its floor (infinite when the floor is 0)."""
        floor = self.floor.seconds
        return self.seconds / floor if floor > 0 else float("inf")
