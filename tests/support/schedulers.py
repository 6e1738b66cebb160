"""A scheduler's commands answered without running them, and real systemd checks of units.

:class:`FakeRunner` stands where the app runs ``systemctl``, ``schtasks`` or ``launchctl``: it
records each command, and answers by the first words of it (``fail``), otherwise with success.
``on_run`` lets a test look at the files at the moment a command runs (``schtasks`` reads its
task definition then).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from qonto_desktop.system.scheduled_task import CommandResult, TaskRequest

SYSTEMD_ANALYZE = "/usr/bin/systemd-analyze"


class FakeRunner:
    """Record commands; fail those starting with a registered prefix."""

    def __init__(self, on_run: Callable[[Sequence[str]], None] | None = None) -> None:
        self.commands: list[tuple[str, ...]] = []
        self.failures: dict[tuple[str, ...], CommandResult] = {}
        self.on_run = on_run

    def fail(self, *prefix: str, returncode: int = 1, output: str = "") -> None:
        """Commands starting with ``prefix`` end with ``returncode`` and ``output``."""
        self.failures[prefix] = CommandResult(returncode, output)

    def __call__(self, argv: Sequence[str]) -> CommandResult:
        command = tuple(argv)
        self.commands.append(command)
        if self.on_run is not None:
            self.on_run(command)
        for prefix, result in self.failures.items():
            if command[: len(prefix)] == prefix:
                return result
        return CommandResult(0, "")


def make_request(
    tmp_path: Path,
    program: Sequence[str] = ("/opt/qonto desktop/QontoDesktop", "refresh", "--all"),
    *,
    variables: Sequence[tuple[str, str]] = (),
) -> TaskRequest:
    """A request with its config folder and home under ``tmp_path``."""
    return TaskRequest(
        program=tuple(program),
        variables=tuple(variables),
        environ={"XDG_CONFIG_HOME": str(tmp_path / "xdg")},
        home=tmp_path / "home",
        work_dir=tmp_path / "config",
        now=datetime(2026, 12, 7, 9, 30),
    )


def fake_program(folder: Path, name: str) -> Path:
    """An executable file (a shell script that does nothing) at ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    program.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def systemd_verify(units: Sequence[Path], runtime: Path) -> subprocess.CompletedProcess[str]:
    """``systemd-analyze --user verify`` of unit files, with a private runtime folder."""
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env["XDG_CONFIG_HOME"] = str(units[0].parents[2])
    return subprocess.run(
        [SYSTEMD_ANALYZE, "--user", "verify", *map(str, units)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
