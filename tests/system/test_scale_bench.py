"""bench/scale.py runs to its end at N = 1 (one run of each, no warm-up), so it cannot rot.

It times nothing here: whatever the figures, the bench must connect through the real flow, check
each command's result (every token renewed when due, none when fresh, the same cached token),
find the full list in the window and write its tables.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.command_line import REPO


@pytest.mark.keyring
@pytest.mark.slow(seconds=15)
def test_the_scale_bench_runs_at_one_connection() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "scale.py"),
            *("--n", "1", "--runs", "1", "--refresh-runs", "1", "--warmup", "0"),
            "--no-write",
        ],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "### N = 1" in out
    for subject in (
        "`refresh --all`, every token due",
        "`refresh --all`, nothing due",
        "`token <id>`, cached",
        "window, start to full list usable",
        "window, peak memory (MiB)",
    ):
        assert f"| {subject} |" in out
    assert "wrote" not in out  # --no-write left docs/performance.md alone
