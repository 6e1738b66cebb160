"""What can go wrong with the index of connections, in the user's words.

``qonto_desktop.store.index`` re-exports these; import them from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.message import N_, Message, Text, as_message
from qonto_desktop.store.connection import Connection

NAME_LIMIT = 60
"""The most characters of one name in a list of candidates, so that every candidate shows."""


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
    message = N_("The list of connections was damaged; a copy was kept at {backup}.")
    next_action = N_(
        "The connections that could be read are listed; connect again any that are missing, "
        "and keep the copy for a bug report."
    )
    blocks_writes = False

    def __init__(
        self,
        path: Path,
        reason: Text,
        *,
        backup: Path | None = None,
        damaged_records: int | None = None,
        total_records: int = 0,
    ) -> None:
        # The app's reasons are templates; an OS message is looked up in vain and kept.
        shown = as_message(reason)
        text = Message(type(self).message, path=path, backup=backup, reason=shown)
        if backup is not None:
            if damaged_records is None:
                text = Message(
                    N_("{message} It could not be read at all: {reason}."),
                    message=text,
                    reason=shown,
                )
            else:
                text = Message(
                    N_("{message} {damaged} of its {total} connections could not be read."),
                    message=text,
                    damaged=damaged_records,
                    total=total_records,
                )
        super().__init__(text)
        self.path = path
        self.reason = reason
        self.backup = backup
        self.damaged_records = damaged_records


class IndexCopyFailedError(IndexProblem):
    """The file is damaged and no copy of it could be kept, so the app will not change it."""

    code = "index_damaged_no_copy"
    message = N_(
        "The list of connections at {path} is damaged ({reason}), and no copy of it could be "
        "kept; the app will not change it until one can be."
    )
    next_action = N_("Check the free space and the permissions of that folder, then try again.")
    blocks_writes = True


class IndexUnreadableError(IndexProblem):
    """The file exists but cannot be opened or read (permissions, a folder in its place)."""

    code = "index_unreadable"
    message = N_("The list of connections at {path} cannot be read ({reason}).")
    next_action = N_("Check that file's permissions, then try again.")
    blocks_writes = True


class IndexNewerError(IndexProblem):
    """A newer version wrote the file; it is shown as far as possible and never changed."""

    code = "index_newer"
    message = N_(
        "The list of connections at {path} was made by a newer version of Qonto Desktop; "
        "this version shows what it can read but will not change it."
    )
    next_action = N_("Install the newer version of Qonto Desktop again to change your connections.")
    blocks_writes = True

    def __init__(self, path: Path, schema: int) -> None:
        super().__init__(path, Message(N_("schema version {schema}"), schema=schema))
        self.schema = schema


class IndexBusyError(QontoDesktopError):
    """Another copy of the app held the list's lock for longer than the timeout."""

    code = "index_busy"
    message = N_("Another Qonto Desktop is busy with the connections list; try again.")
    next_action = N_(
        "Wait a moment. If it lasts, close the other Qonto Desktop windows and commands."
    )

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class IndexWriteError(QontoDesktopError):
    """The file could not be written (disk full, permissions); the previous one is intact."""

    code = "index_write"
    message = N_("The list of connections at {path} could not be saved ({reason}).")
    next_action = N_("Check the free space and the permissions of that folder, then try again.")

    def __init__(self, path: Path, reason: Text) -> None:
        super().__init__(params={"path": path, "reason": as_message(reason)})
        self.path = path
        self.reason = reason


class NotFoundError(QontoDesktopError):
    """No connection matches what the user typed (or there is none at all)."""

    code = "not_found"
    message = N_("No connection matches '{query}'.")
    next_action = N_("Run `status` to list them.")

    def __init__(self, query: str | None) -> None:
        if query is None:
            super().__init__(
                N_("There is no connection yet."), next_action=N_("Connect one first.")
            )
        else:
            super().__init__(params={"query": query})
        self.query = query


class AmbiguousError(NotFoundError):
    """Several connections match; the message names each by id, name and environment."""

    code = "ambiguous"
    next_action = N_("Name one by its id.")

    def __init__(self, query: str | None, candidates: Iterable[Connection]) -> None:
        self.candidates = tuple(candidates)
        names = ", ".join(
            f"{c.id} ({safe_text(c.display_name, limit=NAME_LIMIT)}, {c.environment})"
            for c in self.candidates
        )
        if query is None:
            text = Message(N_("There are several connections: {names}."), names=names)
        else:
            text = Message(
                N_("'{query}' matches several connections: {names}."), query=query, names=names
            )
        QontoDesktopError.__init__(self, text)
        self.query = query
