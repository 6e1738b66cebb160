"""macOS: a launchd agent in the user's ``~/Library/LaunchAgents``, loaded into their session.

The agent runs ``refresh --all`` every day at noon, and once each time the user signs in
(``RunAtLoad``): launchd runs a calendar job missed while the Mac slept when it wakes, but not
one missed while it was off.
"""

from __future__ import annotations

import plistlib

from qonto_desktop import APP_ID
from qonto_desktop.i18n.message import N_
from qonto_desktop.system.scheduled_task import TaskFile, TaskPlan, TaskRequest

SYSTEM = "launchd"
LABEL = f"com.{APP_ID}.renew"

UNAVAILABLE = N_(
    "launchd did not accept the agent for your session. Install the task while signed in to "
    "the Mac's desktop (not over SSH), then try again."
)


def plist_text(request: TaskRequest) -> str:
    """The agent's property list."""
    agent: dict[str, object] = {
        "Label": LABEL,
        "ProgramArguments": list(request.program),
        "StartCalendarInterval": {"Hour": 12, "Minute": 0},
        "RunAtLoad": True,
        "ProcessType": "Background",
        "LowPriorityIO": True,
        "WorkingDirectory": str(request.home),
    }
    if request.variables:
        agent["EnvironmentVariables"] = dict(request.variables)
    return plistlib.dumps(agent, sort_keys=False).decode("utf-8")


def plan(request: TaskRequest, uid: int) -> TaskPlan:
    """What installing the agent writes and runs; ``uid`` names the user's session."""
    path = request.home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
    domain = f"gui/{uid}"
    return TaskPlan(
        system=SYSTEM,
        scheduler="launchd",
        name=LABEL,
        program=request.program,
        files=(TaskFile(path, plist_text(request)),),
        install=(("launchctl", "bootstrap", domain, str(path)),),
        remove=(("launchctl", "bootout", f"{domain}/{LABEL}"),),
        probe=("launchctl", "print", domain),
    )
