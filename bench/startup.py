"""P1/P2: start to main window shown, and peak memory, against a bare PySide6 window + keyring.

Starts its own GNOME Keyring on a private D-Bus session bus and connects three organizations
through the in-process emulator into a temporary ``QONTO_DESKTOP_HOME`` (:mod:`bench.staging`).
Then runs ``python main.py`` (the real window, not demo mode) and the baseline, a script that
imports keyring and shows a ``QMainWindow`` holding a label, taking turns, both offscreen and
both under :mod:`bench.startup_probe`, which ends each process once its main window's first
frame is painted. Prints the table and rewrites the P1/P2 section of docs/performance.md.
The targets are ratios of medians ≤ 1.3 for both time and memory.

Usage: ``.venv/bin/python bench/startup.py [--runs N] [--warmup N] [--no-write] [--importtime]``
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
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.baselines import bare_window
from bench.measure import (
    Command,
    Timing,
    extra_imports,
    profile_imports,
    run_process,
    take_turns,
)
from bench.report import (
    extra_table,
    import_table,
    load_average,
    machine,
    ms,
    ratio,
    replace_section,
)
from bench.staging import staged
from bench.startup_probe import SPAWNED_AT

REPO = Path(__file__).resolve().parents[1]  # where main.py is
PROBE = REPO / "bench" / "startup_probe.py"
DOCUMENT = REPO / "docs" / "performance.md"
HEADING = "P1/P2 start to main window and peak memory"
TARGET = 1.3
CONNECTIONS = 3

BASELINE_SCRIPT = bare_window("keyring")

# What was done about the cost, and what was not; rewrite it when start-up changes.
NOTES = """\
**Done.** Earlier (2026-11-28): demo mode, `connections.verify`, the French message catalogue
and jeepney became imports on first use (from 2.5x and 1.65x to about 1.75x and 1.33x).
Then (one run of 15 just before: 1.71x, 389 against 228 ms; memory 1.33x), the window shows
a light shell first and builds the rest after its first frame:

- `run_window` passes `build_later=True` to `MainWindow`: the first frame holds the title, the
  menu, the banners and "Loading your connections…". The connection pane (list, detail,
  actions, delegate, sections) and the empty state are imported and built by a zero-delay
  timer queued when the loading words are first painted; a list read before then is shown
  once they exist. `MainWindow(...)` without it is still complete when it returns.
- `MessageBar` builds its contents (and imports `Qt`'s enums, about 15 ms, the error view and
  its icon) when it first shows a message; the window's bars are hidden at start.
- `menu_actions` imports the Settings and About dialogs when they are first opened.
- `ui/app.py` imports our pure modules (desk, store, settings) before PySide6, whose import
  hook then has fewer imports to look at.

After (two runs of 15): 1.38x and 1.35x (263 against 190 ms in the first), peak memory 1.19x
(79 against 66 MiB).

- Then the workers (reading the index, naming the keyring) start after the first frame too:
  their imports (secretstorage, jeepney, cryptography) took the GIL from the GUI thread
  before it. Runs of 20 on a quiet machine: 1.34x to 1.41x, memory 1.15x to 1.18x. The SVG
  icons (window, menu), which load Qt's icon engine, are now set after the first frame too.
  The tables above are the last run.

- Then keyring (about 40 ms of imports) loads with the first keyring call, inside that call's
  timeout guard, on a worker, after the first frame: building the desk no longer imports it.
  The menu's standard shortcuts come from `QKeySequence.keyBindings()`, which avoids building
  PySide6's `Qt` enum namespace (about 15 ms). The browser seam, `hashlib` and `platformdirs`
  (under `QONTO_DESKTOP_HOME`) load on first use. Runs of 20 under load 1.2-1.4: 1.00x, 0.98x,
  0.99x; memory 0.98x. The keyring import has moved, not gone: it is paid just after the first
  frame, off the GUI thread, where the baseline pays it before its window.

**Left** (small): `logging.handlers` (about 8 ms: the log file must exist before the window
starts), `tempfile` through `files.py` (about 4.5 ms), the index module and dataclasses, and a
French window's two translation files, which its first frame needs.
"""


@dataclass(frozen=True)
class Run:
    """One probed run: the probe's figures and the parent's clock."""

    shown: float  # seconds from just before the process was started to its first frame
    whole: float  # seconds the whole process took, seen from here
    interpreter: float  # seconds from just before the start to the probe's first line
    building: float  # seconds from the probe's first line to ``show()`` of the main window
    peak_kib: int  # the process's peak resident memory, KiB


@dataclass(frozen=True)
class Subject:
    """One command's runs."""

    command: Command
    runs: tuple[Run, ...]

    def timing(self, seconds: Sequence[float]) -> Timing:
        """The runs' ``seconds``, as a :class:`Timing` of this command."""
        return Timing(self.command, tuple(seconds))

    @property
    def shown(self) -> Timing:
        """Start to window shown."""
        return self.timing([run.shown for run in self.runs])

    @property
    def whole(self) -> Timing:
        """The whole process, as the parent saw it."""
        return self.timing([run.whole for run in self.runs])

    def median(self, phase: str) -> float:
        """The median of one of :class:`Run`'s fields."""
        return statistics.median(float(getattr(run, phase)) for run in self.runs)

    @property
    def peak_mib(self) -> tuple[float, float, float]:
        """Peak memory in MiB: median, min and max."""
        kib = [run.peak_kib for run in self.runs]
        return statistics.median(kib) / 1024, min(kib) / 1024, max(kib) / 1024


def succeeded(result: subprocess.CompletedProcess[str]) -> None:
    """Stop the benchmark when a measured process failed."""
    if result.returncode != 0:
        raise SystemExit(f"{result.args!r} failed ({result.returncode}): {result.stderr}")


def probed(command: Command, env: Mapping[str, str], cwd: Path) -> Run:
    """Run ``command`` (the probe on a script) to its end; return what it measured."""
    started = time.monotonic()
    result = run_process(command.argv, {**env, SPAWNED_AT: repr(started)}, cwd)
    whole = time.monotonic() - started
    command.check(result)
    lines = result.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"{command.label}: the probe printed nothing: {result.stderr}")
    figures = json.loads(lines[-1])
    return Run(
        shown=figures["spawned_to_shown_ms"] / 1000,
        whole=whole,
        interpreter=(figures["spawned_to_shown_ms"] - figures["probe_to_shown_ms"]) / 1000,
        building=figures["probe_to_show_ms"] / 1000,
        peak_kib=int(figures["peak_rss_kib"]),
    )


def commands(baseline_script: Path) -> tuple[Command, Command]:
    """The baseline and the subject, each run under the probe."""
    python = sys.executable
    return (
        Command(
            "bare PySide6 window + `import keyring` (baseline)",
            (python, str(PROBE), str(baseline_script)),
            succeeded,
        ),
        Command("`python main.py` (the window)", (python, str(PROBE), "main.py"), succeeded),
    )


@dataclass(frozen=True)
class Results:
    """One run of the benchmark."""

    baseline: Subject
    subject: Subject
    runs: int
    warmup: int
    load: tuple[str, str]  # 1-minute load average before and after the timed runs
    costs: str  # imports beyond the baseline, when a target is missed

    @property
    def time_ratio(self) -> float:
        """Start to window shown: the subject's median over the baseline's."""
        return ratio(self.subject.shown, self.baseline.shown)

    @property
    def memory_ratio(self) -> float:
        """Peak memory: the subject's median over the baseline's."""
        return self.subject.peak_mib[0] / self.baseline.peak_mib[0]

    @property
    def met(self) -> bool:
        """Whether both targets are met."""
        return self.time_ratio <= TARGET and self.memory_ratio <= TARGET


def table(subjects: Sequence[Subject]) -> str:
    """A Markdown table: start to window shown, the whole process, and peak memory."""
    rows = [
        "| Command | Start to window shown, median (ms) | Min (ms) | Max (ms) "
        "| Whole process, median (ms) | Peak memory, median (MiB) | Min (MiB) | Max (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for subject in subjects:
        shown, memory = subject.shown, subject.peak_mib
        rows.append(
            f"| {subject.command.label} | {ms(shown.median)} | {ms(shown.fastest)} "
            f"| {ms(shown.slowest)} | {ms(subject.whole.median)} | {memory[0]:.1f} "
            f"| {memory[1]:.1f} | {memory[2]:.1f} |"
        )
    return "\n".join(rows)


def phases(baseline: Subject, subject: Subject) -> str:
    """A Markdown table of where the time to the window goes, medians, both commands."""
    rows = ["| Phase, median (ms) | Baseline | `main.py` |", "|---|---:|---:|"]
    for name, phase in (
        ("Interpreter start (to the probe's first line)", "interpreter"),
        ("Imports and building the window (to `show()`)", "building"),
    ):
        rows.append(f"| {name} | {ms(baseline.median(phase))} | {ms(subject.median(phase))} |")
    painted = [
        s.median("shown") - s.median("interpreter") - s.median("building")
        for s in (baseline, subject)
    ]
    rows.append(f"| `show()` to first frame (the rest) | {ms(painted[0])} | {ms(painted[1])} |")
    return "\n".join(rows)


def _verdict(value: float) -> str:
    return f"**{value:.2f}x** ({'meets' if value <= TARGET else 'misses'} the ≤ {TARGET}x target)"


def _section(results: Results) -> str:
    parts = [
        f"Measured {date.today().isoformat()} on {machine()}, 1-minute load average "
        f"{results.load[0]} before and {results.load[1]} after: {results.runs} timed runs "
        f"of each command, taking turns, after {results.warmup} warm-up runs of each. Whole "
        "processes, same interpreter and environment, `QT_QPA_PLATFORM=offscreen`, bytecode "
        "cached (as installed). `main.py` opens its real window (not demo mode) on a home "
        f"holding {CONNECTIONS} connections, their tokens in a private GNOME Keyring on its "
        "own D-Bus session bus. Both commands run under `bench/startup_probe.py`, which stops "
        "each process once its `QMainWindow`'s first expose has been handled (first frame "
        "painted); start is the parent's clock just before it starts the process.",
        table([results.baseline, results.subject]),
        f"Ratios of medians, `main.py` / baseline: start to window shown "
        f"{_verdict(results.time_ratio)}; peak memory {_verdict(results.memory_ratio)}.",
        phases(results.baseline, results.subject),
        f"Reproduce: `.venv/bin/python bench/startup.py --runs {results.runs}` "
        "(needs `dbus-daemon` and `gnome-keyring-daemon`); `--importtime` prints the "
        "costliest imports of `main.py` under the probe.",
    ]
    if results.costs:
        parts.append(
            "Remaining cost, as `python -X importtime` shows it: the imports beyond the "
            "baseline (median of 5 runs, both under the probe). It counts every thread: "
            "`secretstorage`, `jeepney` and `cryptography` are imported by the worker that names "
            f"the keyring, not by the GUI thread.\n\n{results.costs}"
        )
    if NOTES.strip():
        parts.append(NOTES.strip())
    return "\n\n".join(parts) + "\n"


def _measure(
    env: Mapping[str, str], timed: tuple[Command, Command], runs: int, warmup: int
) -> Results:
    before = load_average()
    samples = take_turns(
        timed, lambda command: probed(command, env, REPO), runs=runs, warmup=warmup
    )
    after = load_average()
    baseline, subject = (
        Subject(command, tuple(kept)) for command, kept in zip(timed, samples, strict=True)
    )
    results = Results(baseline, subject, runs, warmup, (before, after), "")
    if results.met:
        return results
    extra = extra_imports(
        profile_imports(timed[1].argv, env, REPO, repeats=5),
        profile_imports(timed[0].argv, env, REPO, repeats=5),
    )
    return Results(baseline, subject, runs, warmup, (before, after), extra_table(extra, 12))


def main() -> int:
    """Run the benchmark; with ``--importtime``, print the import profile instead."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each (20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each first (3)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/performance.md")
    parser.add_argument(
        "--importtime", action="store_true", help="print main.py's costliest imports"
    )
    parser.add_argument("--top", type=int, default=25, help="imports listed (25)")
    args = parser.parse_args()
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")

    with tempfile.TemporaryDirectory(prefix="qonto-bench-baseline-") as folder:
        baseline_script = Path(folder) / "bare_window.py"
        baseline_script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        timed = commands(baseline_script)
        with staged(CONNECTIONS) as stage:
            env = {**stage.env, "QT_QPA_PLATFORM": "offscreen"}
            if args.importtime:
                lines = profile_imports(timed[1].argv, env, REPO, repeats=5)
                ranked = sorted(lines, key=lambda line: line.cumulative_us, reverse=True)
                print(import_table(ranked, args.top))
                return 0
            results = _measure(env, timed, args.runs, args.warmup)

    print(table([results.baseline, results.subject]))
    print(f"\n{phases(results.baseline, results.subject)}")
    print(
        f"\nratios of medians: start to window {results.time_ratio:.2f}x, peak memory "
        f"{results.memory_ratio:.2f}x (targets ≤ {TARGET}x); "
        f"load average {results.load[0]} -> {results.load[1]}"
    )
    if results.costs:
        print(f"\nimports beyond the baseline:\n{results.costs}")
    if not args.no_write:
        replace_section(DOCUMENT, HEADING, _section(results))
        print(f"\nwrote {DOCUMENT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
