"""Linux: a systemd user service and its timer, in the user's own systemd folder.

The service runs ``refresh --all`` once (``Type=oneshot``); the timer starts it every day, a
run missed while the computer was off happens at the next start (``Persistent=true``), and a
random delay of up to an hour spreads the runs of many computers over Qonto's servers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from qonto_desktop import APP_ID, APP_NAME
from qonto_desktop.i18n.message import N_
from qonto_desktop.system.schedule_errors import TaskProgramError
from qonto_desktop.system.scheduled_task import TaskFile, TaskPlan, TaskRequest

SYSTEM = "systemd"
UNIT = f"{APP_ID}-renew"
SERVICE = f"{UNIT}.service"
TIMER = f"{UNIT}.timer"
SYSTEMCTL = ("systemctl", "--user")
SCHEDULER = "systemctl --user"
# systemd refuses these in the name of the program it starts (string_is_safe in its source).
UNSAFE_IN_PROGRAM = ('"', "'", "\\")

UNAVAILABLE = N_(
    "Your user's systemd manager is not running here (a container, or a session without it). "
    "Install the task from a desktop session, or let it run without one with "
    "“loginctl enable-linger”, then try again."
)


def unit_folder(environ: Mapping[str, str], home: Path) -> Path:
    """The user's systemd folder: ``$XDG_CONFIG_HOME/systemd/user`` (default ``~/.config``)."""
    base = environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if os.path.isabs(base) else home / ".config"
    return root / "systemd" / "user"


def quote(word: str, *, variables: bool = True) -> str:
    """One word of ``ExecStart=`` or ``Environment=``, as systemd reads it back unchanged.

    In double quotes, systemd undoes C-style escapes (``\\\\``, ``\\"``); it expands ``%``
    specifiers everywhere (``%%`` is a per cent sign) and, in ``ExecStart=`` (``variables``),
    ``$`` variables (``$$`` is a dollar sign). A control character has no spelling there: it
    is refused.
    """
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in word):
        raise ValueError("a control character cannot be written in a systemd unit")
    escaped = word.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("%", "%%")
    return '"' + (escaped.replace("$", "$$") if variables else escaped) + '"'


def exec_line(argv: Sequence[str]) -> str:
    """The words of ``ExecStart=``, each quoted; systemd expands no variable in the first."""
    program, *arguments = argv
    return " ".join([quote(program, variables=False), *(quote(word) for word in arguments)])


def service_text(request: TaskRequest) -> str:
    """The service unit: one run of ``refresh --all``."""
    lines = [
        "[Unit]",
        f"Description={APP_NAME}: renew the Qonto connections",
        "",
        "[Service]",
        "Type=oneshot",
        f"ExecStart={exec_line(request.program)}",
        "WorkingDirectory=~",
    ]
    for name, value in request.variables:
        lines.append(f"Environment={quote(f'{name}={value}', variables=False)}")
    lines += ["Nice=10", "IOSchedulingClass=idle", ""]
    return "\n".join(lines)


def timer_text() -> str:
    """The timer unit: every day, a run missed while off made up at the next start."""
    return "\n".join(
        [
            "[Unit]",
            f"Description={APP_NAME}: renew the Qonto connections every day",
            "",
            "[Timer]",
            "OnCalendar=daily",
            "RandomizedDelaySec=1h",
            "Persistent=true",
            f"Unit={SERVICE}",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )


def plan(request: TaskRequest) -> TaskPlan:
    """What installing the timer writes and runs.

    Raises:
        TaskProgramError: systemd could not start the app from its path, or be told its words.
    """
    program = request.program[0]
    if any(char in program for char in UNSAFE_IN_PROGRAM):
        raise TaskProgramError(SCHEDULER, " ".join(UNSAFE_IN_PROGRAM), program)
    try:
        service = service_text(request)
    except ValueError:
        raise TaskProgramError(SCHEDULER, "a control character", _words(request)) from None
    folder = unit_folder(request.environ, request.home)
    return TaskPlan(
        system=SYSTEM,
        scheduler=SCHEDULER,
        name=TIMER,
        program=request.program,
        files=(
            TaskFile(folder / SERVICE, service),
            TaskFile(folder / TIMER, timer_text()),
        ),
        install=((*SYSTEMCTL, "daemon-reload"), (*SYSTEMCTL, "enable", "--now", TIMER)),
        remove=((*SYSTEMCTL, "disable", "--now", TIMER),),
        after_remove=((*SYSTEMCTL, "daemon-reload"),),
        probe=(*SYSTEMCTL, "show-environment"),
    )


def _words(request: TaskRequest) -> str:
    return " ".join([*request.program, *(f"{name}={value}" for name, value in request.variables)])
