"""#14: the monthly close of N clients against the emulator, beside its floor.

For each N (``--n 30,300``), :mod:`bench.scale_stage` connects N organizations through the real
flow into a temporary home, tokens in a private GNOME Keyring; the emulator gives each generated
organization two accounts of about ``--per-month`` (300) transactions a month over a year, with
receipts on most, keeps Qonto's per-IP rate limits and answers every request after ``--latency``
(50 ms). Every token is renewed once, untimed. Then, as whole processes:

- **full**: the month end of the last complete month from an empty mirror, ``main.py export
  --all --period YYYY-MM --to DIR``: one process syncs, downloads and writes every folder;
- **nothing new**: the same again;
- **incremental**: 1 % of the transactions changed in the emulator (``change_transactions``),
  then the same again.

The emulator counts the requests; each phase is set beside its floor (:mod:`bench.close_floor`)
and the reruns' counts are checked. The emulator's per-IP windows are emptied before each
phase, as ten quiet minutes would. Prints the tables and rewrites the #14 section of
docs/performance.md (``--no-write`` leaves it).

Usage: ``.venv/bin/python bench/monthly_close.py [--n 30,300] [--per-month 300]
[--latency 0.05] [--no-write]``
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import sqlite3
import tempfile
from contextlib import closing
from datetime import date
from pathlib import Path

from bench.close_report import CloseResult, memory_line, summary
from bench.close_runs import Phase, Run, run_child
from bench.measure import run_process
from bench.report import load_average, machine, replace_section
from bench.scale import _counts
from bench.scale_checks import succeeded
from bench.scale_stage import ScaleStage, scaled
from qonto_desktop.connections.sync import POOL_SIZE

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = REPO / "docs" / "performance.md"
HEADING = "#14 monthly close"
PYTHON = sys.executable
CHANGED_SHARE = 0.01  # the incremental run's changed transactions


def last_month(today: date) -> str:
    """``YYYY-MM`` of the month before ``today``'s: the month a close is made for."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"


class CloseSteps:
    """The processes of one month end on a stage, and their checks."""

    def __init__(self, stage: ScaleStage, period: str, folder: Path, latency: float) -> None:
        self.stage, self.period, self.folder, self.latency = stage, period, folder, latency
        self.timeout = 900.0 + 20.0 * len(stage.connections)

    @property
    def how(self) -> str:
        """What the phases run, said for the report."""
        return f"`main.py export --all --period {self.period}`, one process"

    def _run(self, label: str, argv: tuple[str, ...]) -> Run:
        stage = self.stage
        run = run_child(label, argv, stage.env, REPO, stage.emulator, timeout=self.timeout)
        if run.returncode != 0:
            said = run.stderr[-2000:] + run.stdout[-2000:]
            raise SystemExit(f"{label} failed ({run.returncode}): {said}")
        return run

    def phase(self, label: str) -> Phase:
        """One month end, as whole processes."""
        self.stage.emulator.forget_rate_limits()
        argv = ("main.py", "export", "--all", "--period", self.period, "--to", str(self.folder))
        runs = (self._run("`export --all`", (PYTHON, *argv, "--json")),)
        return Phase(label, runs, self.latency, POOL_SIZE)


def _mirrored(stage: ScaleStage) -> int:
    """Transactions in the stage's mirror (the application's own file, read after the run)."""
    (found,) = [
        p for p in stage.desk_stage.root.rglob("mirror.sqlite3") if "floor-home" not in p.parts
    ]
    with closing(sqlite3.connect(found)) as database:
        return int(database.execute("SELECT count(*) FROM transactions").fetchone()[0])


def measure(count: int, per_month: int, latency: float) -> CloseResult:
    """Every figure for ``count`` clients, on a stage of its own."""
    options = {"transactions_per_month": per_month, "two_accounts": True}
    with scaled(count, **options) as stage, tempfile.TemporaryDirectory() as folder:
        print(f"N={count}: connected in {stage.connect_seconds:.0f} s", file=sys.stderr)
        stage.make_fresh()
        renew = (PYTHON, "main.py", "refresh", "--all")  # untimed: fresh tokens from here on
        succeeded(run_process(renew, stage.env, REPO, timeout=3600))
        emulator = stage.emulator
        emulator.bank_switches.latency = latency
        steps = CloseSteps(stage, last_month(date.today()), Path(folder) / "close", latency)
        accounts = [a.id for o in emulator.organizations[:count] for a in o.bank_accounts]
        before = load_average()
        full = steps.phase("full")
        print(f"  full: {full.seconds:.0f} s", file=sys.stderr, flush=True)
        nothing_new = steps.phase("nothing new")
        transactions = _mirrored(stage)
        each = max(1, round(transactions * CHANGED_SHARE / len(accounts)))
        changed = sum(len(emulator.change_transactions(a, each, seed=14)) for a in accounts)
        incremental = steps.phase("incremental")
        after = load_average()
    return CloseResult(
        count=count,
        accounts=len(accounts),
        transactions=transactions,
        changed=changed,
        how=steps.how,
        full=full,
        nothing_new=nothing_new,
        incremental=incremental,
        connect_seconds=stage.connect_seconds,
        load=(before, after),
    )


def _section(results: list[CloseResult], args: argparse.Namespace) -> str:
    counts = ",".join(str(result.count) for result in results)
    intro = (
        f"Measured {date.today().isoformat()} on {machine()}, each N on a stage of its own: N "
        "organizations connected through the real flow against the emulator, tokens in a "
        "private GNOME Keyring; the generated organizations with two accounts of about "
        f"{args.per_month} transactions a month over a year, receipts on most; Qonto's per-IP "
        f"rate limits on, {args.latency * 1000:.0f} ms latency on every request and download. "
        "Requests as the emulator counted them; wall time and peak memory (`ru_maxrss`) of "
        f"each process, one run each. The floor: the larger of the time the process's limiter "
        "(800 / 10 s, 8,000 / 10 min) needs for the API requests and latency times every request "
        f"over the pool ({POOL_SIZE}); downloads are not Qonto API calls and do not count in its "
        "rate."
    )
    command = (
        f"Reproduce: `.venv/bin/python bench/monthly_close.py --n {counts} --per-month "
        f"{args.per_month} --latency {args.latency}` (needs `dbus-daemon` and "
        "`gnome-keyring-daemon`)."
    )
    parts = [intro, *(summary(r).strip() for r in results), memory_line(results), command]
    return "\n\n".join(part for part in parts if part) + "\n"


def main() -> int:
    """Run the bench for each N; print the tables; rewrite the #14 section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=_counts, default=[30, 300], help="Ns (30,300)")
    parser.add_argument("--per-month", type=int, default=300, help="transactions (300)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds (0.05)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/performance.md")
    args = parser.parse_args()
    results = []
    for count in args.n:
        results.append(measure(count, args.per_month, args.latency))
        print(summary(results[-1]), flush=True)
        if not args.no_write:  # after each N: a long run stopped later keeps what it measured
            replace_section(DOCUMENT, HEADING, _section(results, args))
    line = memory_line(results)
    if line:
        print(f"\n{line}")
    if not args.no_write:
        print(f"\nwrote {DOCUMENT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
