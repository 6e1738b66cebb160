"""The system's own scheduled task that runs ``refresh --all``: what it is, install, remove.

The connections stay alive without the window open: the system starts this very app's
``refresh --all`` every day (a systemd user timer on Linux, Task Scheduler on Windows, a
launchd agent on macOS). Every call names the system it plans for (by default this one) and
the :data:`Runner` that runs the scheduler's commands (the seam tests replace).
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qonto_desktop.connections.desk import Desk
from qonto_desktop.system import launchd_agent, systemd_timer, task_install, task_scheduler
from qonto_desktop.system.schedule_errors import (
    ScheduleError,
    SchedulerUnavailableError,
    TaskCommandError,
    TaskFileError,
    TaskVariableError,
    UnsupportedSystemError,
)
from qonto_desktop.system.scheduled_task import (
    CommandResult,
    Runner,
    TaskFile,
    TaskPlan,
    TaskRequest,
    app_command,
    carried_variables,
    run_command,
)
from qonto_desktop.system.task_install import Removal, command_line

__all__ = [
    "CommandResult",
    "Removal",
    "Runner",
    "ScheduleError",
    "ScheduledTask",
    "SchedulerUnavailableError",
    "TaskCommandError",
    "TaskFile",
    "TaskFileError",
    "TaskPlan",
    "TaskVariableError",
    "UnsupportedSystemError",
    "command_line",
    "install_task",
    "planned_task",
    "remove_task",
    "run_command",
    "task_status",
]


@dataclass(frozen=True)
class ScheduledTask:
    """The task as planned for this user, and whether it is installed now."""

    plan: TaskPlan
    installed: bool

    @property
    def program_line(self) -> str:
        """The command the task runs, as one would type it."""
        return command_line(self.plan.program, self.plan.system)

    def command_lines(self, commands: tuple[tuple[str, ...], ...]) -> list[str]:
        """Commands of the plan as one would type them."""
        return [command_line(argv, self.plan.system) for argv in commands]


def planned_task(desk: Desk, *, platform: str = sys.platform) -> TaskPlan:
    """What installing the task would write and run, exactly.

    Raises:
        UnsupportedSystemError: this system has no scheduler the app knows.
        TaskVariableError: the task could not carry the variable that moved the app's folders.
    """
    request = _request(desk)
    if platform.startswith("linux"):
        return systemd_timer.plan(request)
    if platform == "win32":
        return task_scheduler.plan(request)
    if platform == "darwin":
        return launchd_agent.plan(request, os.getuid() if hasattr(os, "getuid") else 0)
    raise UnsupportedSystemError(platform, shlex.join(request.program))


def task_status(
    desk: Desk, *, runner: Runner = run_command, platform: str = sys.platform
) -> ScheduledTask:
    """The planned task and whether it is installed (as ``planned_task`` raises)."""
    plan = planned_task(desk, platform=platform)
    return ScheduledTask(plan, task_install.is_installed(plan, runner))


def install_task(
    desk: Desk, *, runner: Runner = run_command, platform: str = sys.platform
) -> ScheduledTask:
    """Install the task (replacing one installed before); nothing is left half-installed.

    Raises:
        ScheduleError: why it could not be installed, what to do, and what stayed if anything.
    """
    plan = planned_task(desk, platform=platform)
    if task_install.is_installed(plan, runner):
        task_install.remove(plan, runner)
    task_install.install(plan, runner, unavailable=_unavailable(plan))
    return ScheduledTask(plan, installed=True)


def remove_task(
    desk: Desk, *, runner: Runner = run_command, platform: str = sys.platform
) -> Removal:
    """Stop the task and delete its files; what failed meanwhile is in the result.

    Raises:
        ScheduleError: the task could not be removed (it says why).
    """
    plan = planned_task(desk, platform=platform)
    if not task_install.is_installed(plan, runner):
        return Removal((), (), was_installed=False)
    return task_install.remove(plan, runner)


def _request(desk: Desk) -> TaskRequest:
    home = Path(desk.environ.get("HOME") or Path.home())
    return TaskRequest(
        program=app_command(),
        variables=carried_variables(desk.environ),
        environ=desk.environ,
        home=home,
        work_dir=desk.paths.config_dir,
        now=datetime.fromtimestamp(desk.now()),
    )


def _unavailable(plan: TaskPlan) -> str:
    return {
        systemd_timer.SYSTEM: systemd_timer.UNAVAILABLE,
        task_scheduler.SYSTEM: task_scheduler.UNAVAILABLE,
        launchd_agent.SYSTEM: launchd_agent.UNAVAILABLE,
    }[plan.system]
