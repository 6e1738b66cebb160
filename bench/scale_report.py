"""The scale bench's figures as Markdown: one table per N, each row beside its baseline."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bench.measure import Samples, Spread, Timing
from bench.report import ms, ratio, table
from bench.scale_window import WindowRun

# The targets (#12), for the verdicts; ratios of medians in one run.
TOKEN_TARGET = 0.5  # token / bare keyring.get_password process
WINDOW_TARGET = 1.3  # window / bare window, time and peak memory
FLOOR_TARGET = 2.0  # refresh --all, every token due / its floor
NOTHING_DUE_TARGET = 1.2  # refresh --all, nothing due / status


@dataclass(frozen=True)
class WindowSide:
    """One command's probed window runs."""

    usable: Samples
    shown: Samples
    peak_mib: float  # median

    @classmethod
    def of(cls, runs: Sequence[WindowRun]) -> WindowSide:
        """Medians of ``runs``."""
        return cls(
            usable=Samples("usable", tuple(run.usable for run in runs)),
            shown=Samples("shown", tuple(run.shown for run in runs)),
            peak_mib=statistics.median(run.peak_kib for run in runs) / 1024,
        )


@dataclass(frozen=True)
class ScaleResult:
    """Every figure for one N."""

    count: int
    pool: int
    connect_seconds: float
    all_due: Timing
    one_trip: Samples
    floor: Samples
    keyring_floor: Samples  # N serial (read, write, read back) on the same daemon
    nothing_due: Timing
    status: Timing
    token: Timing
    keyring_read: Timing
    bare_window: WindowSide
    window: WindowSide
    load: tuple[str, str]  # 1-minute load average before and after

    @property
    def both_floors(self) -> Samples:
        """The network floor's median plus each run of the keyring floor."""
        network = self.floor.median
        return Samples(
            "floor: network + keyring", tuple(network + k for k in self.keyring_floor.seconds)
        )

    @property
    def memory_ratio(self) -> float:
        """The window's peak memory over the bare window's."""
        return self.window.peak_mib / self.bare_window.peak_mib


def _verdict(value: float, target: float) -> str:
    return f"{value:.2f}x ({'meets' if value <= target else 'misses'} ≤ {target}x)"


def _row(what: str, subject: Spread, baseline: Spread, against: str, target: float) -> str:
    return (
        f"| {what} | {ms(subject.median)} | {against} | {ms(baseline.median)} "
        f"| {_verdict(ratio(subject, baseline), target)} |"
    )


def ratios_table(result: ScaleResult) -> str:
    """A Markdown table for one N: each subject's median, its baseline's, and the ratio."""
    window, bare = result.window, result.bare_window
    rows = [
        "| Subject | Median (ms) | Baseline | Median (ms) | Ratio (target) |",
        "|---|---:|---|---:|---:|",
        _row(
            "`refresh --all`, every token due",
            result.all_due,
            result.floor,
            f"floor ⌈N / {result.pool}⌉ times one refresh round trip",
            FLOOR_TARGET,
        ),
        _row(
            "`refresh --all`, every token due",
            result.all_due,
            result.both_floors,
            "that floor + the keyring floor (N serial read, write, read back)",
            FLOOR_TARGET,
        ),
        _row(
            "`refresh --all`, nothing due",
            result.nothing_due,
            result.status,
            "`status`",
            NOTHING_DUE_TARGET,
        ),
        _row(
            "`token <id>`, cached",
            result.token,
            result.keyring_read,
            "bare `keyring.get_password` process",
            TOKEN_TARGET,
        ),
        _row(
            "window, start to full list usable",
            window.usable,
            bare.shown,
            "bare PySide6 window, start to first frame",
            WINDOW_TARGET,
        ),
        f"| window, peak memory (MiB) | {window.peak_mib:.1f} | bare PySide6 window "
        f"| {bare.peak_mib:.1f} | {_verdict(result.memory_ratio, WINDOW_TARGET)} |",
    ]
    return "\n".join(rows)


def details(result: ScaleResult) -> str:
    """Every timing of one N, with min and max, as :func:`bench.report.table` writes them."""
    labelled: list[Timing | Samples] = [
        result.all_due,
        result.floor,
        result.one_trip,
        result.keyring_floor,
        result.both_floors,
        result.nothing_due,
        result.status,
        result.token,
        result.keyring_read,
        Samples("window: start to first frame", result.window.shown.seconds),
        Samples("window: start to full list usable", result.window.usable.seconds),
        Samples("bare window: start to first frame", result.bare_window.shown.seconds),
    ]
    return table(labelled)


def summary(result: ScaleResult) -> str:
    """What to print for one N."""
    return (
        f"\n### N = {result.count}\n\n{ratios_table(result)}\n\n{details(result)}\n\n"
        f"Connecting the {result.count} took {result.connect_seconds:.0f} s; 1-minute load "
        f"average {result.load[0]} before the timed runs and {result.load[1]} after."
    )


def section_body(intro: str, results: Sequence[ScaleResult], command: str, notes: str) -> str:
    """The #12 section of docs/performance.md: the tables, the command, then the notes."""
    parts = [intro, *(summary(r).strip() for r in results), command]
    return "\n\n".join([*parts, notes.strip()] if notes.strip() else parts) + "\n"
