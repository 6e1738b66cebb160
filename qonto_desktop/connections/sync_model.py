"""The plain values of a sync: its cancel token, its progress events, its summary.

The window and the command line take them from here: a sync of several clients tells each
client's progress as events (:data:`SyncEvent`), on the calling thread, and ends with a
:class:`SyncSummary` the ``--json`` output and the window both read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection

Outcome = Literal["done", "failed", "to_reconnect", "stopped"]


class CancelToken:
    """Set from any thread to stop a sync between two pages; what was committed stays."""

    def __init__(self) -> None:
        """A token not yet cancelled."""
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the sync to stop at its next page."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()


@dataclass(frozen=True)
class Waiting:
    """The client is queued: the pool is busy with others."""

    connection: Connection


@dataclass(frozen=True)
class Syncing:
    """The client's transactions are coming in: ``done`` of ``total`` (Qonto's page meta).

    ``total`` is None until the first page of each account told its count.
    """

    connection: Connection
    done: int
    total: int | None


@dataclass(frozen=True)
class ClientSync:
    """One client's outcome.

    Attributes:
        accounts: the bank accounts listed.
        new, changed: transactions first mirrored, and replaced by a correction.
        error: why it failed (``message`` and ``next_action``), None when done.
        outcome: ``done``, ``failed``, ``to_reconnect`` (Qonto refused its access: marked so in
            the list) or ``stopped`` (cancelled: it resumes from its last page next time).
    """

    connection: Connection
    outcome: Outcome
    accounts: int = 0
    new: int = 0
    changed: int = 0
    error: QontoDesktopError | None = None


@dataclass(frozen=True)
class Done:
    """The client is up to date: its :class:`ClientSync` with its counts."""

    result: ClientSync

    @property
    def connection(self) -> Connection:
        """The client it is about."""
        return self.result.connection


@dataclass(frozen=True)
class Failed:
    """The client did not finish: ``result.outcome`` says how (``failed``, ``to_reconnect``,
    ``stopped``) and ``result.error`` why, with what to do (``message``, ``next_action``)."""

    result: ClientSync

    @property
    def connection(self) -> Connection:
        """The client it is about."""
        return self.result.connection


SyncEvent = Waiting | Syncing | Done | Failed


@dataclass(frozen=True)
class SyncSummary:
    """Every client's outcome, in the order asked, and the mirror's damage found on opening.

    Attributes:
        problem: the mirror file was damaged, kept aside and rebuilt by this sync (or None).
    """

    clients: tuple[ClientSync, ...]
    problem: QontoDesktopError | None = None

    @property
    def failed(self) -> tuple[ClientSync, ...]:
        """The clients that did not finish (failed, to reconnect, stopped)."""
        return tuple(c for c in self.clients if c.outcome != "done")
