"""The window at scale: ``main.py`` until its full list is usable, against a bare window.

Both run under :mod:`bench.list_probe`, offscreen, taking turns: the app until its list holds
every connection, painted, first row current, search checked; the bare PySide6 window (with
``import keyring``, as in P1) until its first frame.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Command, run_process, take_turns
from bench.scale_stage import ScaleStage
from bench.startup_probe import SPAWNED_AT

REPO = Path(__file__).resolve().parents[1]
PROBE = REPO / "bench" / "list_probe.py"
ROWS = "QONTO_BENCH_LIST_ROWS"  # what the probe waits for (bench.list_probe.ROWS)


@dataclass(frozen=True)
class WindowRun:
    """One probed process."""

    usable: float  # seconds from just before the start to the list usable (bare: first frame)
    shown: float  # seconds from just before the start to the first frame
    rows: int
    peak_kib: int


def _succeeded(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0:
        raise SystemExit(f"{result.args!r} failed ({result.returncode}): {result.stderr}")


def probed(command: Command, env: dict[str, str], rows: int) -> WindowRun:
    """Run ``command`` (the probe on a script) to its end; return what it measured."""
    started = time.monotonic()
    result = run_process(command.argv, {**env, SPAWNED_AT: repr(started), ROWS: str(rows)}, REPO)
    command.check(result)
    lines = result.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"{command.label}: the probe printed nothing: {result.stderr}")
    figures = json.loads(lines[-1])
    if int(figures["rows"]) < rows:
        raise SystemExit(f"{command.label}: {figures['rows']} rows, {rows} expected")
    return WindowRun(
        usable=figures["spawned_to_usable_ms"] / 1000,
        shown=figures["spawned_to_shown_ms"] / 1000,
        rows=int(figures["rows"]),
        peak_kib=int(figures["peak_rss_kib"]),
    )


def window_runs(
    stage: ScaleStage, count: int, bare_script: Path, *, runs: int, warmup: int
) -> tuple[list[WindowRun], list[WindowRun]]:
    """The bare window's runs and the app's, taking turns."""
    env = {**stage.env, "QT_QPA_PLATFORM": "offscreen"}
    python = sys.executable
    bare = Command(
        "bare PySide6 window + `import keyring` (baseline)",
        (python, str(PROBE), str(bare_script)),
        _succeeded,
    )
    app = Command(
        "`python main.py`, start to full list usable", (python, str(PROBE), "main.py"), _succeeded
    )
    expected = {bare.label: 0, app.label: count}
    samples = take_turns(
        [bare, app],
        lambda command: probed(command, env, expected[command.label]),
        runs=runs,
        warmup=warmup,
    )
    return samples[0], samples[1]
