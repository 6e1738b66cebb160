"""bench/monthly_close.py runs to its end at one client, so it cannot rot.

It times nothing here: whatever the figures, the bench must connect through the real flow, run
the month end and its two reruns as processes, count their requests at the emulator and say
the reruns' counts (nothing new: at most one transactions request per account, no download).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.command_line import REPO


@pytest.mark.keyring
@pytest.mark.slow(seconds=30)
def test_the_monthly_close_bench_runs_at_one_client() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "monthly_close.py"),
            *("--n", "1", "--per-month", "8", "--latency", "0.01", "--no-write"),
        ],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "### N = 1" in out
    for phase in ("full", "nothing new", "incremental"):
        assert f"| {phase} |" in out
    assert "(1.00 per account, meets ≤ 1), 0 downloads (meets none)" in out
    assert "| full | `export --all` |" in out
    assert "wrote" not in out  # --no-write left docs/performance.md alone
