"""What can go wrong with the index of connections, in the user's words.

``qonto_desktop.store.index`` re-exports these; import them from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection


class IndexProblem(QontoDesktopError):  # noqa: N818 - a reported condition, not only raised
    """The file was damaged: the readable connections were kept and a copy of the file saved.

    Subclasses describe the cases where no copy was made; those set ``blocks_writes``, since a
    write would then lose what could not be read, and every change raises the problem instead.

    Attributes:
        path: the index file.
        reason: what was wrong, in the app's words (it names fields, never a value from the file).
        backup: the copy of the damaged bytes, when one was kept.
        damaged_records: how many records could not be read; None when the whole file could not.
    """

    code = "index_damaged"
    message = "The list of connections was damaged; a copy was kept at {backup}."
    next_action = (
        "The connections that could be read are listed; connect again any that are missing, "
        "and keep the copy for a bug report."
    )
    blocks_writes = False

    def __init__(
        self,
        path: Path,
        reason: str,
        *,
        backup: Path | None = None,
        damaged_records: int | None = None,
        total_records: int = 0,
    ) -> None:
        text = type(self).message.format(path=path, backup=backup, reason=reason)
        if backup is not None:
            if damaged_records is None:
                text += f" It could not be read at all: {reason}."
            else:
                text += f" {damaged_records} of its {total_records} connections could not be read."
        super().__init__(text)
        self.path = path
        self.reason = reason
        self.backup = backup
        self.damaged_records = damaged_records


class IndexCopyFailedError(IndexProblem):
    """The file is damaged and no copy of it could be kept, so the app will not change it."""

    code = "index_damaged_no_copy"
    message = (
        "The list of connections at {path} is damaged ({reason}), and no copy of it could be "
        "kept; the app will not change it until one can be."
    )
    next_action = "Check the free space and the permissions of that folder, then try again."
    blocks_writes = True


class IndexUnreadableError(IndexProblem):
    """The file exists but cannot be opened or read (permissions, a folder in its place)."""

    code = "index_unreadable"
    message = "The list of connections at {path} cannot be read ({reason})."
    next_action = "Check that file's permissions, then try again."
    blocks_writes = True


class IndexNewerError(IndexProblem):
    """A newer version wrote the file; it is shown as far as possible and never changed."""

    code = "index_newer"
    message = (
        "The list of connections at {path} was made by a newer version of Qonto Desktop; "
        "this version shows what it can read but will not change it."
    )
    next_action = "Install the newer version of Qonto Desktop again to change your connections."
    blocks_writes = True

    def __init__(self, path: Path, schema: int) -> None:
        super().__init__(path, f"schema version {schema}")
        self.schema = schema


class IndexBusyError(QontoDesktopError):
    """Another copy of the app held the list's lock for longer than the timeout."""

    code = "index_busy"
    message = "Another Qonto Desktop is busy with the connections list; try again."
    next_action = "Wait a moment. If it lasts, close the other Qonto Desktop windows and commands."

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class IndexWriteError(QontoDesktopError):
    """The file could not be written (disk full, permissions); the previous one is intact."""

    code = "index_write"
    message = "The list of connections at {path} could not be saved ({reason})."
    next_action = "Check the free space and the permissions of that folder, then try again."

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(type(self).message.format(path=path, reason=reason))
        self.path = path
        self.reason = reason


class NotFoundError(QontoDesktopError):
    """No connection matches what the user typed (or there is none at all)."""

    code = "not_found"
    message = "No connection matches '{query}'."
    next_action = "Run `status` to list them."

    def __init__(self, query: str | None) -> None:
        if query is None:
            super().__init__("There is no connection yet.", next_action="Connect one first.")
        else:
            super().__init__(type(self).message.format(query=query))
        self.query = query


class AmbiguousError(NotFoundError):
    """Several connections match; the message names each by id, name and environment."""

    code = "ambiguous"
    next_action = "Name one by its id."

    def __init__(self, query: str | None, candidates: Iterable[Connection]) -> None:
        self.candidates = tuple(candidates)
        names = ", ".join(f"{c.id} ({c.display_name}, {c.environment})" for c in self.candidates)
        if query is None:
            text = f"There are several connections: {names}."
        else:
            text = f"'{query}' matches several connections: {names}."
        QontoDesktopError.__init__(self, text)
        self.query = query
