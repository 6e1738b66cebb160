"""What can go wrong with the local mirror of bank data, in the user's words."""

from __future__ import annotations

from pathlib import Path

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message


class MirrorError(QontoDesktopError):
    """The mirror file could not be opened, read or written."""

    code = "mirror"
    message = N_("The local copy of bank data at {path} could not be used: {reason}.")
    next_action = N_("Check that the disk is not full and the folder is writable, then sync again.")

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(params={"path": path, "reason": reason})
        self.path = path


class MirrorCorruptError(MirrorError):
    """SQLite found the mirror file damaged while using it: it is kept aside at next opening."""

    code = "mirror_corrupt"
    message = N_("The local copy of bank data at {path} is damaged: {reason}.")
    next_action = N_(
        "Sync again: the damaged copy is set aside and every client's bank data is read again."
    )


class MirrorDamagedError(QontoDesktopError):
    """The mirror file was damaged: it was moved aside and a new, empty one started."""

    code = "mirror_damaged"
    message = N_("The local copy of bank data was damaged; it was kept at {backup}.")
    next_action = N_(
        "Nothing to do: the next sync reads every client's bank data again. "
        "Keep the copy for a bug report."
    )

    def __init__(self, path: Path, backup: Path) -> None:
        super().__init__(params={"path": path, "backup": backup})
        self.path = path
        self.backup = backup


class MirrorNewerError(QontoDesktopError):
    """The mirror file was written by a newer version of the app: it is left untouched."""

    code = "mirror_newer"
    message = N_("The local copy of bank data was written by a newer version of the app.")
    next_action = N_("Update the app, or sync with the version that wrote it.")

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(Message(type(self).message), params={"path": path, "version": version})
        self.path = path
        self.version = version
