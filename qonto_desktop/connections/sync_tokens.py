"""Where a sync gets each client's access token and its bank reader.

Both are parameters of the sync, so that tests give fakes; by default the tokens come from the
fresh-token use case (a cached token, else a refresh under the grant's lock) and the reader is
Qonto's Business API (:class:`qonto_desktop.qonto.bank_api.QontoBankApi`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from qonto_desktop.connections import fresh
from qonto_desktop.connections.context import for_connection
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.shared_grant import lock_name
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.store.connection import Connection

Readers = Callable[[Connection, str], BankReader]


class Tokens(Protocol):
    """A client's access token, and a new one when Qonto refused it."""

    def access(self, connection: Connection) -> str:
        """A token with some life left (refreshed first if it was due)."""
        ...

    def refreshed(self, connection: Connection, refused: str) -> str:
        """A token other than ``refused`` (which Qonto just answered 401 to)."""
        ...


class DeskTokens:
    """The tokens of the desk's connections, through :mod:`qonto_desktop.connections.fresh`.

    Companies sharing one grant (Qonto's user access) share its token: when several of them
    meet the same 401, the first refreshes and the others take its new token. Refreshing again
    would rotate once more and revoke the token the first one just got.
    """

    def __init__(self, desk: Desk) -> None:
        """Tokens of ``desk``'s connections."""
        self._desk = desk
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def access(self, connection: Connection) -> str:
        """See :class:`Tokens`."""
        return fresh.access_token(self._desk, connection.id).access_token

    def refreshed(self, connection: Connection, refused: str) -> str:
        """See :class:`Tokens`: the grant's token refreshed once, whoever met the 401 first."""
        with self._guard:
            lock = self._locks.setdefault(lock_name(connection), threading.Lock())
        with lock:
            current = fresh.access_token(self._desk, connection.id).access_token
            if current != refused:  # renewed meanwhile (by a company of the same grant)
                return current
            return fresh.refresh(self._desk, connection.id).access_token


def qonto_readers(desk: Desk) -> Readers:
    """Readers on Qonto's Business API, with each connection's environment and headers."""

    def reader(connection: Connection, access_token: str) -> BankReader:
        from qonto_desktop.qonto.bank_api import (  # noqa: PLC0415
            QontoBankApi,
        )

        # Imported at the first client: the command line's other commands never load it.
        context = for_connection(desk, connection)
        api: BankReader = QontoBankApi(
            context.environment,
            access_token,
            staging_token=context.staging_token,
            organization_id=context.organization_id,
        )
        return api

    return reader
