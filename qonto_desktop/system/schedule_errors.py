"""Why the scheduled task could not be installed or removed, and what to do about it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message, Text

NO_OUTPUT = N_("it said nothing")


class ScheduleError(QontoDesktopError):
    """The scheduled task that renews the connections could not be set up or taken away."""

    code = "schedule"
    message = N_("The scheduled renewal could not be set up.")


class SchedulerUnavailableError(ScheduleError):
    """The system's scheduler cannot be used from here; nothing was written."""

    code = "scheduler_unavailable"
    message = N_("{scheduler} cannot be used here ({reason}); nothing was installed.")

    def __init__(self, scheduler: str, reason: str, *, next_action: Text) -> None:
        super().__init__(
            params={"scheduler": scheduler, "reason": reason or Message(NO_OUTPUT)},
            next_action=next_action,
        )


class UnsupportedSystemError(ScheduleError):
    """No scheduler of this system is known to the app."""

    code = "scheduler_unsupported"
    message = N_("Qonto Desktop cannot install a scheduled task on this system ({platform}).")
    next_action = N_(
        "Have the system run “{command}” once a day with its own scheduler (cron, for example)."
    )

    def __init__(self, platform: str, command: str) -> None:
        super().__init__(params={"platform": platform, "command": command})


class TaskVariableError(ScheduleError):
    """The task would not see the folder this app keeps its connections in."""

    code = "scheduler_variable"
    message = N_(
        "The Windows scheduled task cannot carry {variable}, so it would not renew "
        "the connections kept in {folder}; nothing was installed."
    )
    next_action = N_(
        "Set {variable} as a user environment variable in Windows' settings, "
        "start Qonto Desktop again, then install the task."
    )

    def __init__(self, variable: str, folder: str) -> None:
        super().__init__(params={"variable": variable, "folder": folder})


class TaskProgramError(ScheduleError):
    """The scheduler cannot start the app where it is, or cannot be told its words."""

    code = "scheduler_program"
    message = N_(
        "{scheduler} cannot start a program whose path or words hold {characters}: {text}."
    )
    next_action = N_(
        "Move Qonto Desktop (or its folder of connections) to a folder whose name has none of "
        "them, then install the scheduled renewal again."
    )

    def __init__(self, scheduler: str, characters: str, text: str) -> None:
        super().__init__(params={"scheduler": scheduler, "characters": characters, "text": text})


class TaskFileError(ScheduleError):
    """A file of the task could not be written or deleted."""

    code = "scheduler_file"
    message = N_("The file {path} could not be written ({reason}); nothing was installed.")
    next_action = N_("Check that the folder exists and is yours to write to, then try again.")

    def __init__(self, path: Path, reason: str, *, message: Text | None = None) -> None:
        super().__init__(message, params={"path": str(path), "reason": reason})


NOT_DELETED = N_("The file {path} could not be deleted ({reason}); the task may still run.")

LEFT_BEHIND = N_(
    "“{command}” failed ({output}); nothing was installed, but these files stayed: {files}."
)
NOTHING_LEFT = N_("“{command}” failed ({output}); nothing was installed.")
NOT_REMOVED = N_("“{command}” failed ({output}); the task is still installed.")


class TaskCommandError(ScheduleError):
    """A command of the scheduler failed; what stayed behind is said."""

    code = "scheduler_command"
    next_action = N_("Read what the scheduler said, correct it, then try again.")

    def __init__(
        self,
        command: str,
        output: str,
        *,
        left: Sequence[Path] = (),
        template: str | None = None,
        next_action: Text | None = None,
    ) -> None:
        chosen = template or (LEFT_BEHIND if left else NOTHING_LEFT)
        said = output or Message(NO_OUTPUT)
        files = ", ".join(str(path) for path in left)
        super().__init__(
            Message(chosen, command=command, output=said, files=files), next_action=next_action
        )
        self.left = tuple(left)
