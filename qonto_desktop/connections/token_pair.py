"""A grant's access and refresh tokens, kept together in one keyring entry.

GNOME Keyring rewrites its whole file on every change, so a write costs more as the collection
grows (docs/performance.md). One entry per grant makes a rotation one keyring write instead of
two, halves the entries, and commits both tokens at once: a crash can no longer leave a new
refresh token beside an access token of the grant before.

Connections saved before 0.2.0 keep their tokens in two entries (``…/refresh_token`` and
``…/access_token``). They are read as they are until the next save, which writes the pair and
then removes them: the pair, when there, is the truth. Every entry is saved and read back
through the secret store (:mod:`qonto_desktop.store.secrets`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.pair_text import pair_of, pair_text
from qonto_desktop.connections.shared_grant import access_key, pair_key, refresh_key
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import SecretDamagedError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tokens:
    """A grant's tokens as saved.

    Attributes:
        raw: the pair entry's text as read (None: no pair entry), to put back as it was.
        split: read from the two entries of an earlier version, to remove at the next save.
    """

    access: str | None
    refresh: str | None
    raw: str | None = None
    split: bool = False


NONE = Tokens(None, None)


def encode(access: str | None, refresh: str | None) -> str:
    """The entry's text: a small JSON object, the same text for the same tokens."""
    return pair_text(access, refresh)


def decode(text: str, *, key: str) -> Tokens:
    """The tokens a pair entry holds.

    Raises:
        SecretDamagedError: not an entry this app wrote.
    """
    try:
        access, refresh = pair_of(text)
    except ValueError as exc:
        raise SecretDamagedError(key=key, detail=str(exc)) from None
    return Tokens(access, refresh, raw=text)


def read(desk: Desk, connection: Connection) -> Tokens:
    """Both tokens ``connection`` uses (either may be None).

    Raises:
        SecretDamagedError: the entry is not one this app wrote.
        StorageError: the keyring failed or timed out.
    """
    key = pair_key(connection)
    text = desk.secrets.get(key)
    if text is not None:
        return decode(text, key=key)
    refresh = desk.secrets.get(refresh_key(connection))
    access = desk.secrets.get(access_key(connection))
    return Tokens(access, refresh, split=refresh is not None or access is not None)


def read_access(desk: Desk, connection: Connection) -> str | None:
    """The access token alone: for a connection saved in pairs, one keyring read."""
    key = pair_key(connection)
    text = desk.secrets.get(key)
    if text is not None:
        return decode(text, key=key).access
    return desk.secrets.get(access_key(connection))


def save(
    desk: Desk, connection: Connection, access: str, refresh: str | None, *, was: Tokens
) -> None:
    """Save both tokens in one write, read back; then remove the two entries of before.

    Args:
        was: what :func:`read` gave, under the grant's refresh lock (or :func:`before_save`):
            what to put back if the write fails, without asking the keyring again.

    Raises:
        SecretMismatchError, PartialWriteError, StorageError: as ``SecretStore.set``.
    """
    key = pair_key(connection)
    value = encode(access, refresh)
    if was.raw is not None:
        desk.secrets.replace(key, value, was=was.raw)
    else:
        desk.secrets.set(key, value)
    if was.split:
        _forget_split(desk, connection)


def before_save(desk: Desk, connection: Connection) -> Tokens:
    """What :func:`save` replaces: the tokens as read, or nothing when the entry is damaged.

    Raises:
        StorageError: the keyring failed or timed out.
    """
    try:
        return read(desk, connection)
    except SecretDamagedError as error:  # replaced by the save; nothing to put back
        log.warning("the tokens of %s were damaged (%s); replacing them", connection.id, error.code)
        return NONE


def put_back(desk: Desk, connection: Connection, was: Tokens) -> None:
    """Undo a :func:`save` (best effort, under a failure): the pair as it was, or none."""
    try:
        if was.raw is not None:
            desk.secrets.set(pair_key(connection), was.raw)
        else:
            desk.secrets.delete(pair_key(connection))
            if was.split:  # the save removed them: they are the tokens again
                if was.refresh is not None:
                    desk.secrets.set(refresh_key(connection), was.refresh)
                if was.access is not None:
                    desk.secrets.set(access_key(connection), was.access)
    except QontoDesktopError as exc:
        log.warning("could not put the tokens of %s back: %s", connection.id, exc.code)


def forget(desk: Desk, connection: Connection) -> None:
    """Delete the tokens ``connection`` uses, in either layout.

    Raises:
        StorageError: the keyring failed or timed out.
    """
    desk.secrets.delete(pair_key(connection))
    desk.secrets.delete(refresh_key(connection))
    desk.secrets.delete(access_key(connection))


def _forget_split(desk: Desk, connection: Connection) -> None:
    """Remove the two entries of before (the pair now holds the tokens): clutter if it fails."""
    try:
        desk.secrets.delete(refresh_key(connection))
        desk.secrets.delete(access_key(connection))
    except QontoDesktopError as exc:
        log.warning("could not remove the old token entries of %s: %s", connection.id, exc.code)
