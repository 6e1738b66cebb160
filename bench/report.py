"""Benchmark results as Markdown: a table of timings, and a section of docs/performance.md."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from pathlib import Path

from bench.measure import ImportLine, Samples, Spread, Timing

PERFORMANCE_INTRO = """# Performance

Measured by the scripts in `bench/`, never guessed: each compares a command with a bare
baseline in the same run, as whole processes, and reports medians and the ratio of medians.
Each script rewrites its own section below; tests never assert timings. All of them, one after
the other: `.venv/bin/python bench/run.py` (about four minutes).
"""


def ms(seconds: float) -> str:
    """Seconds as milliseconds, to one decimal."""
    return f"{seconds * 1000:.1f}"


def ratio(subject: Spread, baseline: Spread) -> float:
    """How many times slower ``subject``'s median is than ``baseline``'s."""
    return subject.median / baseline.median


def table(timings: Sequence[Timing | Samples], first: str = "Command") -> str:
    """A Markdown table: one row per label, median, min and max in milliseconds."""
    rows = [f"| {first} | Median (ms) | Min (ms) | Max (ms) |", "|---|---:|---:|---:|"]
    rows += [
        f"| {timing.label} | {ms(timing.median)} | {ms(timing.fastest)} | {ms(timing.slowest)} |"
        for timing in timings
    ]
    return "\n".join(rows)


def import_table(lines: Sequence[ImportLine], limit: int) -> str:
    """A Markdown table of the first ``limit`` imports: own and cumulative milliseconds."""
    rows = ["| Module | Own (ms) | Cumulative (ms) |", "|---|---:|---:|"]
    rows += [
        f"| `{'  ' * line.depth}{line.module}` | {line.own_us / 1000:.1f} "
        f"| {line.cumulative_us / 1000:.1f} |"
        for line in lines[:limit]
    ]
    return "\n".join(rows)


def extra_table(extra: Sequence[tuple[ImportLine, int]], limit: int) -> str:
    """A Markdown table of imports beyond a baseline, with the milliseconds they add."""
    rows = ["| Imported beyond the baseline | Adds (ms) | Cumulative (ms) |", "|---|---:|---:|"]
    rows += [
        f"| `{line.module}` | {extra_us / 1000:.1f} | {line.cumulative_us / 1000:.1f} |"
        for line, extra_us in extra[:limit]
    ]
    return "\n".join(rows)


def machine() -> str:
    """The CPUs this process may use, the OS and the Python version, in one line."""
    try:
        cpus = len(os.sched_getaffinity(0))  # what `nproc` prints
    except AttributeError:  # not on every OS
        cpus = os.cpu_count() or 0
    return (
        f"{cpus} CPUs (nproc), {platform.system()} {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}"
    )


def load_average() -> str:
    """The 1-minute load average, to one decimal; ``?`` where the OS does not tell."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:  # not available here
        return "?"


def replace_section(document: Path, heading: str, body: str) -> None:
    """Put ``## heading`` and ``body`` into ``document``, replacing that section if present."""
    section = f"## {heading}\n\n{body.strip()}\n"
    text = document.read_text(encoding="utf-8") if document.exists() else PERFORMANCE_INTRO
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == f"## {heading}"), None)
    if start is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        rest = "".join(lines[end:])
        text = "".join(lines[:start]) + section + ("\n" + rest if rest else "")
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(text, encoding="utf-8")
