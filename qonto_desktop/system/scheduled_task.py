"""The common shape of the system's own scheduled task that runs ``refresh --all``.

Each system (``systemd_timer``, ``task_scheduler``, ``launchd_agent``) turns one
:class:`TaskRequest` into a :class:`TaskPlan`: the files it writes and the commands it runs,
exactly as they will be, so the user is shown what is installed before anything is. The
commands go through one :data:`Runner`, the seam tests replace.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qonto_desktop.system.child_environment import restore_library_path

MAIN_SCRIPT = Path(__file__).resolve().parents[2] / "main.py"
RENEW_ARGUMENTS = ("refresh", "--all")
COMMAND_TIMEOUT = 30.0
"""Seconds a scheduler's command may take (``systemctl``, ``schtasks``, ``launchctl``)."""
# Carried into the task, so that it renews the connections this app shows.
CARRIED_VARIABLES = ("QONTO_DESKTOP_HOME",)


@dataclass(frozen=True)
class CommandResult:
    """How a scheduler's command ended: its exit status and what it printed."""

    returncode: int
    output: str


Runner = Callable[[Sequence[str]], CommandResult]


@dataclass(frozen=True)
class TaskFile:
    """A file the task consists of, with its exact text."""

    path: Path
    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class TaskPlan:
    """What installing the task writes and runs, and what removing it runs.

    ``install`` commands run after the files (and the ``transient`` ones, deleted once the
    commands ran) are written; ``remove`` commands run before the files are deleted,
    ``after_remove`` ones after. ``probe`` (when set) tells whether the scheduler can be used at
    all, and ``query`` whether the task is registered there.
    """

    system: str
    scheduler: str
    """The scheduler in the user's words: ``systemctl --user``, ``Task Scheduler``, ``launchd``."""
    name: str
    program: tuple[str, ...]
    files: tuple[TaskFile, ...]
    install: tuple[tuple[str, ...], ...]
    remove: tuple[tuple[str, ...], ...]
    after_remove: tuple[tuple[str, ...], ...] = ()
    transient: tuple[TaskFile, ...] = ()
    probe: tuple[str, ...] | None = None
    query: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TaskRequest:
    """What every system's task needs: the command, its variables, and where the user lives."""

    program: tuple[str, ...]
    variables: tuple[tuple[str, str], ...]
    environ: Mapping[str, str]
    home: Path
    work_dir: Path
    now: datetime


def app_command(
    *, frozen: bool | None = None, executable: str | None = None, main_script: Path = MAIN_SCRIPT
) -> tuple[str, ...]:
    """This very app's ``refresh --all``, with absolute paths.

    The executable when frozen; from a source checkout, the interpreter and ``main.py``; else
    the installed package (``python -m qonto_desktop``). The interpreter's path is kept as
    started (not resolved): a virtual environment's ``python`` is a link to the system's.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    program = os.path.abspath(executable or sys.executable)
    if frozen:
        return (program, *RENEW_ARGUMENTS)
    if main_script.is_file():
        return (program, str(main_script.resolve()), *RENEW_ARGUMENTS)
    return (program, "-m", "qonto_desktop", *RENEW_ARGUMENTS)


def carried_variables(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The variables of this run the task must have too (the app's folder, when moved)."""
    return tuple(
        (name, os.path.abspath(os.path.expanduser(environ[name])))
        for name in CARRIED_VARIABLES
        if environ.get(name, "").strip()
    )


def run_command(argv: Sequence[str]) -> CommandResult:
    """Run a scheduler's command with the system's library path; never raises.

    A program that is missing or cannot start ends with status 127 and the reason as output.
    On Windows no console window opens for it: the executable is a window app.
    """
    env = dict(os.environ)
    restore_library_path(env)
    no_window = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        done = subprocess.run(  # noqa: S603 - the system's own scheduler, arguments as a list
            list(argv),
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=COMMAND_TIMEOUT,
            check=False,
            creationflags=no_window,
        )
    except subprocess.TimeoutExpired:
        return CommandResult(124, f"no answer within {COMMAND_TIMEOUT:g} seconds")
    except OSError as exc:
        return CommandResult(127, exc.strerror or str(exc))
    output = "\n".join(part.strip() for part in (done.stderr, done.stdout) if part.strip())
    return CommandResult(done.returncode, output)
