"""``schedule show|install|remove [--json]``: the system's own daily ``refresh --all``.

``show`` prints exactly what ``install`` writes and runs; nothing is installed without it
being asked for.
"""

from __future__ import annotations

from typing import Any, TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.render import json_text
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.schedule import (
    Removal,
    Runner,
    ScheduledTask,
    install_task,
    remove_task,
    run_command,
    task_status,
)
from qonto_desktop.i18n.display import safe_text


def task_data(task: ScheduledTask) -> dict[str, Any]:
    """The task as plain data: what it runs, its files with their text, its commands."""
    plan = task.plan
    return {
        "system": plan.system,
        "name": plan.name,
        "installed": task.installed,
        "runs": list(plan.program),
        "files": [{"path": str(f.path), "text": f.text} for f in (*plan.files, *plan.transient)],
        "install_commands": [list(argv) for argv in plan.install],
        "remove_commands": [list(argv) for argv in (*plan.remove, *plan.after_remove)],
    }


def task_text(task: ScheduledTask) -> str:
    """What installing the task writes and runs, as one reads it in a terminal."""
    plan = task.plan
    state = "installed" if task.installed else "not installed"
    lines = [
        f"Scheduled renewal ({plan.system}, {safe_text(plan.name)}): {state}.",
        f"Every day it runs: {safe_text(task.program_line, limit=2000)}",
        "",
    ]
    for task_file in plan.files:
        lines += [f"It writes {safe_text(str(task_file.path), limit=1000)}:", task_file.text]
    for task_file in plan.transient:
        lines += [
            f"It writes {safe_text(str(task_file.path), limit=1000)} for Task Scheduler to read "
            "(deleted afterwards):",
            task_file.text,
        ]
    lines.append("Then it runs:")
    lines += [f"  {safe_text(line, limit=2000)}" for line in task.command_lines(plan.install)]
    lines.append("Removing it runs:")
    removal = (*plan.remove, *plan.after_remove)
    lines += [f"  {safe_text(line, limit=2000)}" for line in task.command_lines(removal)]
    return "\n".join(lines)


def run(
    desk: Desk, action: str, *, as_json: bool, out: TextIO, runner: Runner = run_command
) -> int:
    """Show, install or remove the scheduled task; errors are raised for the dispatch to word."""
    if action == "install":
        task = install_task(desk, runner=runner)
        if as_json:
            print(json_text(task_data(task)), file=out)
        else:
            print(task_text(task), file=out)
            print("Installed: the system now runs refresh --all every day.", file=out)
        return exit_codes.OK
    if action == "remove":
        removal = remove_task(desk, runner=runner)
        if as_json:
            print(json_text(removal_data(removal)), file=out)
        else:
            print(removal_text(removal), file=out)
        return exit_codes.OK
    task = task_status(desk, runner=runner)
    print(json_text(task_data(task)) if as_json else task_text(task), file=out)
    return exit_codes.OK


def removal_data(removal: Removal) -> dict[str, Any]:
    """What removing did, as plain data."""
    return {
        "was_installed": removal.was_installed,
        "removed_files": [str(path) for path in removal.removed],
        "failed_commands": [
            {"command": command, "status": result.returncode, "output": result.output}
            for command, result in removal.failed
        ],
    }


def removal_text(removal: Removal) -> str:
    """What removing did, in a few lines."""
    if not removal.was_installed:
        return "No scheduled renewal was installed: nothing to remove."
    lines = [f"Deleted {safe_text(str(path), limit=1000)}" for path in removal.removed]
    for command, result in removal.failed:
        said = safe_text(result.output) or "it said nothing"
        lines.append(f"“{safe_text(command, limit=2000)}” failed ({said}).")
    lines.append("Removed: the system no longer runs refresh --all.")
    return "\n".join(lines)
