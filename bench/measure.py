"""Timings interleaved so drift hits every subject alike; whole processes; import profiles."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
S = TypeVar("S")
Check = Callable[[subprocess.CompletedProcess[str]], None]


@dataclass(frozen=True)
class Command:
    """One command to time: a label, its argv, a check of each run's result, its time limit."""

    label: str
    argv: tuple[str, ...]
    check: Check
    timeout: float = 60.0  # seconds


class Spread:
    """Median, fastest and slowest of ``seconds``, the wall-clock seconds of timed runs."""

    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median run, in seconds."""
        return statistics.median(self.seconds)

    @property
    def fastest(self) -> float:
        """The fastest run, in seconds."""
        return min(self.seconds)

    @property
    def slowest(self) -> float:
        """The slowest run, in seconds."""
        return max(self.seconds)


@dataclass(frozen=True)
class Timing(Spread):
    """The wall-clock seconds of every timed run of one command."""

    command: Command
    seconds: tuple[float, ...]

    @property
    def label(self) -> str:
        """The command's label."""
        return self.command.label


@dataclass(frozen=True)
class Samples(Spread):
    """The wall-clock seconds of every timed run of something done in this process."""

    label: str
    seconds: tuple[float, ...]


def run_process(
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: Path,
    *,
    check: bool = False,
    timeout: float = 60.0,
) -> subprocess.CompletedProcess[str]:
    """Run a measured process to its end: no input, output captured, ``timeout`` s at most."""
    return subprocess.run(
        list(argv),
        env=dict(env),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


def run_once(command: Command, env: Mapping[str, str], cwd: Path) -> float:
    """Run ``command`` to its end, check its result, and return its wall-clock seconds."""
    started = time.perf_counter()
    result = run_process(command.argv, env, cwd, timeout=command.timeout)
    elapsed = time.perf_counter() - started
    command.check(result)
    return elapsed


def take_turns(
    subjects: Sequence[T], measure: Callable[[T], S], *, runs: int, warmup: int
) -> list[list[S]]:
    """Measure each subject ``runs`` times after ``warmup`` untimed runs, taking turns.

    The order of the turn is reversed every round, so no subject always runs first. Returns the
    kept measurements of each subject, in the order of ``subjects``.
    """
    samples: list[list[S]] = [[] for _ in subjects]
    for round_number in range(warmup + runs):
        order = range(len(subjects))
        for index in order if round_number % 2 == 0 else reversed(order):
            sample = measure(subjects[index])
            if round_number >= warmup:
                samples[index].append(sample)
    return samples


def interleaved(
    commands: Sequence[Command],
    env: Mapping[str, str],
    cwd: Path,
    *,
    runs: int,
    warmup: int,
) -> list[Timing]:
    """Time each command ``runs`` times after ``warmup`` untimed runs, taking turns."""
    samples = take_turns(
        commands, lambda command: run_once(command, env, cwd), runs=runs, warmup=warmup
    )
    return [
        Timing(command, tuple(seconds)) for command, seconds in zip(commands, samples, strict=True)
    ]


@dataclass(frozen=True)
class ImportLine:
    """One line of ``python -X importtime``: a module, its own and cumulative microseconds."""

    module: str
    own_us: int
    cumulative_us: int
    depth: int
    parent: str | None


def import_profile(stderr: str) -> list[ImportLine]:
    """Parse ``-X importtime`` output, in import order (each parent before its children)."""
    raw: list[tuple[str, int, int, int]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own_text, cumulative_text, name = line.removeprefix("import time:").split("|", 2)
        indent = len(name) - len(name.lstrip(" "))
        raw.append((name.strip(), int(own_text), int(cumulative_text), (indent - 1) // 2))
    # importtime prints a module after its children: reversed, each parent comes first.
    lines: list[ImportLine] = []
    ancestors: list[str] = []
    for name, own, cumulative, depth in reversed(raw):
        del ancestors[depth:]
        parent = ancestors[-1] if ancestors else None
        ancestors.append(name)
        lines.append(ImportLine(name, own, cumulative, depth, parent))
    return lines


def median_profile(profiles: Sequence[list[ImportLine]]) -> list[ImportLine]:
    """The first profile's tree, each module's times the median over every profile."""
    own: dict[tuple[str, str | None], list[int]] = {}
    cumulative: dict[tuple[str, str | None], list[int]] = {}
    for profile in profiles:
        for line in profile:
            place = (line.module, line.parent)
            own.setdefault(place, []).append(line.own_us)
            cumulative.setdefault(place, []).append(line.cumulative_us)
    return [
        ImportLine(
            line.module,
            int(statistics.median(own[line.module, line.parent])),
            int(statistics.median(cumulative[line.module, line.parent])),
            line.depth,
            line.parent,
        )
        for line in profiles[0]
    ]


def profile_imports(
    argv: Sequence[str], env: Mapping[str, str], cwd: Path, *, repeats: int
) -> list[ImportLine]:
    """Run ``argv`` (a Python command line) under ``-X importtime`` ``repeats`` times."""
    profiles = []
    for _ in range(repeats):
        result = run_process([argv[0], "-X", "importtime", *argv[1:]], env, cwd, check=True)
        profiles.append(import_profile(result.stderr))
    return median_profile(profiles)


def extra_imports(
    subject: list[ImportLine], baseline: list[ImportLine]
) -> list[tuple[ImportLine, int]]:
    """The outermost imports ``subject`` makes that ``baseline`` does not, costliest first.

    Each comes with the microseconds spent in it and in what it imported beyond the baseline
    (its cumulative time also counts modules the baseline imports, just imported later).
    """
    seen = {line.module for line in baseline}
    outermost: list[ImportLine] = []
    extra_us: dict[int, int] = {}  # by position in ``outermost``
    # Walk the tree parent first: each line belongs to its outermost ancestor not in baseline.
    owners: list[int | None] = []  # by depth: the outermost extra import above, if any
    for line in subject:
        del owners[line.depth :]
        owner = owners[-1] if owners else None
        if line.module not in seen:
            if owner is None:
                owner = len(outermost)
                outermost.append(line)
            extra_us[owner] = extra_us.get(owner, 0) + line.own_us
        owners.append(owner)
    ranked = sorted(range(len(outermost)), key=lambda i: extra_us[i], reverse=True)
    return [(outermost[i], extra_us[i]) for i in ranked]
