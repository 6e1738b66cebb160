"""The monthly-close bench's figures as Markdown: one table per N, then the memory ratio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.close_runs import Phase

FLOOR_TARGET = 1.1  # the month end's time over its floor (#14)
MEMORY_TARGET = 1.3  # peak memory at 300 clients over that at 30 (#14)


@dataclass(frozen=True)
class CloseResult:
    """Every figure for one N."""

    count: int
    accounts: int
    transactions: int  # mirrored by the full run
    changed: int  # transactions changed for the incremental run
    how: str  # what was run: the export command, or sync and the bench's downloads
    full: Phase
    nothing_new: Phase
    incremental: Phase
    connect_seconds: float
    load: tuple[str, str]  # 1-minute load average before and after

    @property
    def per_account(self) -> float:
        """Transactions requests per bank account in the rerun with nothing new."""
        return self.nothing_new.requests["transactions"] / self.accounts


def _verdict(value: float, target: float) -> str:
    return f"{value:.2f}x ({'meets' if value <= target else 'misses'} ≤ {target}x)"


def _row(phase: Phase) -> str:
    floor = phase.floor
    return (
        f"| {phase.label} | {phase.api_calls} | {phase.downloads} | {phase.seconds:.1f} "
        f"| {floor.rate:.1f} | {floor.latency:.1f} | {floor.bound_by} "
        f"| {_verdict(phase.ratio, FLOOR_TARGET)} | {phase.peak_mib:.1f} |"
    )


def phases_table(result: CloseResult) -> str:
    """A Markdown table for one N: each phase's requests, time, floor, ratio and memory."""
    rows = [
        "| Run | API requests | Downloads | Wall (s) | Rate floor (s) | Latency floor (s) "
        "| Bound by | Wall / floor (target) | Peak memory (MiB) |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|",
        *(_row(p) for p in (result.full, result.nothing_new, result.incremental)),
    ]
    return "\n".join(rows)


def runs_table(result: CloseResult) -> str:
    """Each process of each phase: seconds, peak memory, requests by route."""
    rows = [
        "| Phase | Process | Wall (s) | Peak (MiB) | Requests by route |",
        "|---|---|---:|---:|---|",
    ]
    for phase in (result.full, result.nothing_new, result.incremental):
        for run in phase.runs:
            routes = ", ".join(f"{k} {v}" for k, v in sorted(run.requests.items()))
            rows.append(
                f"| {phase.label} | {run.label} | {run.seconds:.1f} "
                f"| {run.peak_kib / 1024:.1f} | {routes or '—'} |"
            )
    return "\n".join(rows)


def checks(result: CloseResult) -> str:
    """The counts the issue asks of the reruns, said as counts."""
    full, again, little = result.full, result.nothing_new, result.incremental
    share = result.changed / result.transactions if result.transactions else 0.0
    return (
        f"Nothing new: {again.requests['transactions']} transactions requests for "
        f"{result.accounts} bank accounts ({result.per_account:.2f} per account, "
        f"{'meets' if result.per_account <= 1 else 'misses'} ≤ 1), {again.downloads} downloads "
        f"({'meets' if again.downloads == 0 else 'misses'} none). Incremental: "
        f"{result.changed} of {result.transactions} transactions changed ({share:.1%}): "
        f"{little.api_calls + little.downloads} requests "
        f"({(little.api_calls + little.downloads) / max(1, full.api_calls + full.downloads):.1%}"
        f" of the full run's), {little.seconds:.1f} s ({little.seconds / full.seconds:.1%} of "
        f"its time)."
    )


def summary(result: CloseResult) -> str:
    """What to print for one N."""
    return (
        f"\n### N = {result.count}\n\n{result.count} clients, {result.accounts} bank accounts, "
        f"{result.transactions} transactions mirrored; {result.how}.\n\n"
        f"{phases_table(result)}\n\n{checks(result)}\n\n{runs_table(result)}\n\n"
        f"Connecting the {result.count} took {result.connect_seconds:.0f} s; 1-minute load "
        f"average {result.load[0]} before the runs and {result.load[1]} after."
    )


def memory_line(results: Sequence[CloseResult]) -> str:
    """Peak memory of the largest N's full run over the smallest N's, if both ran."""
    if len(results) < 2:
        return ""
    small, large = min(results, key=lambda r: r.count), max(results, key=lambda r: r.count)
    ratio = large.full.peak_mib / small.full.peak_mib
    return (
        f"Peak memory of the full run at N = {large.count} over N = {small.count}: "
        f"{large.full.peak_mib:.1f} / {small.full.peak_mib:.1f} MiB = "
        f"{_verdict(ratio, MEMORY_TARGET)}."
    )
