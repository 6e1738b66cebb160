"""Installing and removing a :class:`~.scheduled_task.TaskPlan`, leaving nothing half-done.

Install: the scheduler is asked first whether it can be used (nothing is written otherwise),
then the files are written, then its commands run; a failure takes back what was done and says
what, if anything, stayed. Remove: the scheduler is told to stop the task, then its files go;
a task made of files is gone once they are, whatever the scheduler answered.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop.i18n.message import Message, Text
from qonto_desktop.system.files import write_atomically
from qonto_desktop.system.schedule_errors import (
    NOT_DELETED,
    NOT_REMOVED,
    SchedulerUnavailableError,
    TaskCommandError,
    TaskFileError,
)
from qonto_desktop.system.scheduled_task import CommandResult, Runner, TaskFile, TaskPlan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Removal:
    """What removing the task did: the files deleted, and the commands that failed meanwhile."""

    removed: tuple[Path, ...]
    failed: tuple[tuple[str, CommandResult], ...]
    was_installed: bool = True


def command_line(argv: Sequence[str], system: str) -> str:
    """A command as one would type it: Windows' quoting for ``schtasks``, else the shell's."""
    if system == "schtasks":
        return subprocess.list2cmdline(list(argv))
    return shlex.join(argv)


def install(plan: TaskPlan, runner: Runner, *, unavailable: Text) -> None:
    """Write the plan's files and run its commands; on failure, undo them.

    Raises:
        SchedulerUnavailableError: the probe failed; nothing was written.
        TaskFileError: a file could not be written; those written were deleted.
        TaskCommandError: a command failed; it says which files (if any) stayed.
    """
    if plan.probe is not None:
        probed = runner(plan.probe)
        if probed.returncode != 0:
            raise SchedulerUnavailableError(plan.scheduler, probed.output, next_action=unavailable)
    written: list[Path] = []
    try:
        for task_file in (*plan.files, *plan.transient):
            _write(task_file)
            written.append(task_file.path)
    except OSError as exc:
        failed_path = task_file.path
        _delete(written)
        raise TaskFileError(failed_path, exc.strerror or str(exc)) from None
    try:
        for argv in plan.install:
            result = runner(argv)
            if result.returncode != 0:
                left = _undo(plan, runner)
                raise TaskCommandError(command_line(argv, plan.system), result.output, left=left)
    finally:
        _delete([task_file.path for task_file in plan.transient])
    log.info("scheduled task %s installed with %s", plan.name, plan.system)


def remove(plan: TaskPlan, runner: Runner) -> Removal:
    """Stop the task and delete its files.

    Raises:
        TaskCommandError: a task with no file of its own was not removed by the scheduler.
        TaskFileError: a file of the task could not be deleted.
    """
    failed: list[tuple[str, CommandResult]] = []
    for argv in plan.remove:
        result = runner(argv)
        if result.returncode != 0:
            if not plan.files:
                words = command_line(argv, plan.system)
                raise TaskCommandError(words, result.output, template=NOT_REMOVED)
            failed.append((command_line(argv, plan.system), result))
    removed: list[Path] = []
    for task_file in plan.files:
        try:
            task_file.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            reason = exc.strerror or str(exc)
            deleted = Message(NOT_DELETED, path=str(task_file.path), reason=reason)
            raise TaskFileError(task_file.path, reason, message=deleted) from None
        removed.append(task_file.path)
    for argv in plan.after_remove:
        result = runner(argv)
        if result.returncode != 0:
            failed.append((command_line(argv, plan.system), result))
    log.info("scheduled task %s removed from %s", plan.name, plan.system)
    return Removal(tuple(removed), tuple(failed))


def is_installed(plan: TaskPlan, runner: Runner) -> bool:
    """Whether any file of the task is there or, for a task with none, the scheduler has it."""
    if plan.files:
        return any(task_file.path.exists() for task_file in plan.files)
    return plan.query is not None and runner(plan.query).returncode == 0


def _write(task_file: TaskFile) -> None:
    task_file.path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(task_file.path, task_file.text.encode(task_file.encoding))


def _undo(plan: TaskPlan, runner: Runner) -> list[Path]:
    """Take back a failed install; the files that could not be deleted."""
    for argv in plan.remove:
        runner(argv)
    left = _delete([task_file.path for task_file in plan.files])
    for argv in plan.after_remove:
        runner(argv)
    return left


def _delete(paths: Sequence[Path]) -> list[Path]:
    """Delete files; those that stayed."""
    left: list[Path] = []
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        except OSError:
            left.append(path)
    return left
