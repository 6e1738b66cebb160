"""The index of connections: ``connections.json`` in the app's data folder, with no secret in it.

Every change is a read-modify-write under a lock shared by all running copies of the app
(``connections.json.lock``), and replaces the file in one step, so two copies never lose each
other's changes and a crash never leaves half a file.

A damaged file never stops the app and never loses a connection silently: the connections that
can be read are returned, the file's bytes are copied to ``connections.json.corrupt-<UTC time>``
(one copy per distinct content; never overwritten, never deleted), and every load reports it
until the next change rewrites the file with the readable connections. A file written by a newer
version is read as far as possible, reported, and never moved or rewritten: a downgrade loses
nothing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from qonto_desktop.i18n.message import N_, Message, Text, listing
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.finding import matching
from qonto_desktop.store.index_errors import (
    AmbiguousError,
    IndexBusyError,
    IndexCopyFailedError,
    IndexNewerError,
    IndexProblem,
    IndexUnreadableError,
    IndexWriteError,
    NotFoundError,
)
from qonto_desktop.store.index_format import decode, encode
from qonto_desktop.store.index_records import INDEX_FILE, SCHEMA_VERSION, FormatError
from qonto_desktop.system.files import PRIVATE_FILE, make_private_folder, write_atomically
from qonto_desktop.system.paths import app_paths

__all__ = [
    "AmbiguousError",
    "ConnectionIndex",
    "IndexBusyError",
    "IndexLoad",
    "IndexProblem",
    "NotFoundError",
]

log = logging.getLogger(__name__)


_T = TypeVar("_T")


@dataclass(frozen=True)
class IndexLoad:
    """The connections read (sorted by display name), and what was wrong with the file."""

    connections: tuple[Connection, ...]
    problem: IndexProblem | None


@dataclass(frozen=True)
class _Damage:
    data: bytes
    reason: Text
    damaged_records: int | None = None  # None: the whole file could not be read


@dataclass(frozen=True)
class _Reading:
    connections: tuple[Connection, ...] = ()
    problem: IndexProblem | None = None  # unreadable or newer: final, nothing to copy
    damage: _Damage | None = None  # a copy must be kept before anything else


class ConnectionIndex:
    """The connections the app knows, in one JSON file shared by every running copy of the app.

    Connections are keyed by ``(environment, organization_id)``; without an organization id by
    ``(environment, subject)``; without either by ``id``.
    """

    def __init__(self, path: Path, *, lock_timeout: float = 10.0) -> None:
        """Use the index file at ``path``; nothing is read or created yet.

        Args:
            path: the ``connections.json`` file.
            lock_timeout: seconds to wait for another copy of the app to finish a change.
        """
        self.path = path
        self.lock_path = path.with_name(f"{path.name}.lock")
        self.lock_timeout = lock_timeout

    @classmethod
    def default(cls) -> ConnectionIndex:
        """The index in the app's data folder (under ``QONTO_DESKTOP_HOME`` when it is set)."""
        return cls(app_paths().data_dir / INDEX_FILE)

    def load(self) -> IndexLoad:
        """Read every connection; a missing file is an empty list. Never raises.

        When the file is damaged, a copy is kept first (under the lock) and ``problem`` says
        where; the connections that could be read are returned all the same.
        """
        reading = self._read()
        if reading.damage is None:
            return _settled(reading.connections, reading.problem)
        try:
            with self._locked():
                return self._settle(self._read())
        except (IndexBusyError, IndexWriteError) as exc:
            reason = listing([reading.damage.reason, exc.message_text])
            problem = IndexCopyFailedError(self.path, reason)
            return _settled(reading.connections, problem)

    def find_same(self, connection: Connection) -> Connection | None:
        """The stored connection that ``connection`` would replace: same id, else same key."""
        connections = list(self.load().connections)
        position = _position(connections, connection)
        return None if position is None else connections[position]

    def save(self, connection: Connection) -> Connection:
        """Add ``connection``, or replace the one with the same id or else the same key.

        A replaced connection keeps its ``id`` and ``created_at``.

        Returns:
            The connection as stored (with the id callers must use from now on).

        Raises:
            IndexBusyError: another copy of the app held the list for too long.
            IndexProblem: the file cannot be changed without losing something (``blocks_writes``).
            IndexWriteError: the file could not be written; the previous one is intact.
        """

        def upsert(connections: list[Connection]) -> Connection:
            position = _position(connections, connection)
            if position is None:
                connections.append(connection)
                return connection
            existing = connections[position]
            stored = replace(connection, id=existing.id, created_at=existing.created_at)
            connections[position] = stored
            return stored

        return self._change(upsert)

    def update(self, connection_id: str, **changes: object) -> Connection:
        """Change some fields of one connection (by id; keys are not merged here).

        Raises:
            NotFoundError: no connection has this id.
            TypeError: ``changes`` names an unknown field, or the id.
            IndexBusyError, IndexProblem, IndexWriteError: as for ``save``.
        """
        if "id" in changes:
            raise TypeError("the id of a connection never changes")

        def change(connections: list[Connection]) -> Connection:
            for position, existing in enumerate(connections):
                if existing.id == connection_id:
                    connections[position] = replace(existing, **cast("dict[str, Any]", changes))
                    return connections[position]
            raise NotFoundError(connection_id)

        return self._change(change)

    def update_all(
        self, connection_ids: Iterable[str], **changes: object
    ) -> tuple[Connection, ...]:
        """Change the same fields of several connections in one write (those still there).

        Raises:
            TypeError: ``changes`` names an unknown field, or the id.
            IndexBusyError, IndexProblem, IndexWriteError: as for ``save``.
        """
        if "id" in changes:
            raise TypeError("the id of a connection never changes")
        wanted = set(connection_ids)

        def change(connections: list[Connection]) -> tuple[Connection, ...]:
            changed = []
            for position, existing in enumerate(connections):
                if existing.id in wanted:
                    connections[position] = replace(existing, **cast("dict[str, Any]", changes))
                    changed.append(connections[position])
            return tuple(changed)

        return self._change(change)

    def update_each(
        self, changes: Mapping[str, Mapping[str, object]], *, keep_damaged: bool = False
    ) -> tuple[Connection, ...]:
        """Change each connection (by id) its own way, all in one write (those still there).

        A batch of renewals records its outcomes with this: one read and one write of the file
        for the whole batch, however many connections it changed.

        Args:
            keep_damaged: a damaged file (its copy kept) is not rewritten with the readable
                connections: its problem is raised instead, and the file left as it is.

        Raises:
            TypeError: a change names an unknown field, or the id.
            IndexBusyError, IndexProblem, IndexWriteError: as for ``save``.
        """
        if any("id" in change for change in changes.values()):
            raise TypeError("the id of a connection never changes")

        def change(connections: list[Connection]) -> tuple[Connection, ...]:
            changed = []
            for position, existing in enumerate(connections):
                wanted = changes.get(existing.id)
                if wanted is not None:
                    connections[position] = replace(existing, **cast("dict[str, Any]", wanted))
                    changed.append(connections[position])
            return tuple(changed)

        if not changes:
            return ()
        return self._change(change, keep_damaged=keep_damaged)

    def remove(self, connection_id: str) -> None:
        """Forget one connection; an id that is not there is fine.

        Raises:
            IndexBusyError, IndexProblem, IndexWriteError: as for ``save``.
        """

        def forget(connections: list[Connection]) -> None:
            connections[:] = [c for c in connections if c.id != connection_id]

        self._change(forget)

    def get(self, connection_id: str) -> Connection:
        """The connection with this id.

        Raises:
            NotFoundError: none has it.
        """
        for connection in self.load().connections:
            if connection.id == connection_id:
                return connection
        raise NotFoundError(connection_id)

    def find(self, query: str | None) -> Connection:
        """The connection a person means by ``query``.

        ``None`` (or blank) means the only connection. Otherwise the first rule that matches
        anything decides: exact id; exact organization slug; organization name ignoring case;
        the start of the organization name or slug, ignoring case.

        Raises:
            NotFoundError: nothing matches (or there is no connection at all).
            AmbiguousError: several match the deciding rule; it names them.
        """
        connections = self.load().connections
        text, found = matching(
            query, [(c.id, c.organization_slug, c.organization_name) for c in connections]
        )
        if len(found) == 1:
            return connections[found[0]]
        if found:
            raise AmbiguousError(text or None, [connections[position] for position in found])
        raise NotFoundError(text or None)

    # --- Reading, copying, writing --------------------------------------------------------------

    def _read(self) -> _Reading:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return _Reading()
        except OSError as exc:
            log.warning("cannot read %s", self.path)
            return _Reading(problem=IndexUnreadableError(self.path, exc.strerror or str(exc)))
        log.debug("read %s", self.path)
        try:
            decoded = decode(data)
        except FormatError as exc:
            return _Reading(damage=_Damage(data, exc.reason))
        if decoded.schema > SCHEMA_VERSION:
            log.warning("%s was written by a newer version; not changing it", self.path)
            return _Reading(decoded.connections, problem=IndexNewerError(self.path, decoded.schema))
        if decoded.problems:
            damage = _Damage(data, listing(decoded.reasons), len(decoded.reasons))
            return _Reading(decoded.connections, damage=damage)
        return _Reading(decoded.connections)

    def _settle(self, reading: _Reading) -> IndexLoad:
        """Keep a copy of a damaged file and describe it; the caller holds the lock."""
        damage = reading.damage
        if damage is None:
            return _settled(reading.connections, reading.problem)
        log.warning("%s is damaged: %s", self.path, damage.reason)
        try:
            backup = self._keep_copy(damage.data)
        except OSError as exc:
            failed = Message(N_("the copy failed: {detail}"), detail=exc.strerror or str(exc))
            reason = listing([damage.reason, failed])
            return _settled(reading.connections, IndexCopyFailedError(self.path, reason))
        problem = IndexProblem(
            self.path,
            damage.reason,
            backup=backup,
            damaged_records=damage.damaged_records,
            total_records=len(reading.connections) + (damage.damaged_records or 0),
        )
        return _settled(reading.connections, problem)

    def _keep_copy(self, data: bytes) -> Path:
        """Copy damaged bytes aside, or name the copy already kept of the same bytes."""
        prefix = f"{self.path.name}.corrupt-"
        earlier = (entry for entry in self.path.parent.iterdir() if entry.name.startswith(prefix))
        for existing in sorted(earlier):
            try:
                if existing.stat().st_size == len(data) and existing.read_bytes() == data:
                    return existing
            except OSError:
                continue
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())  # UTC
        attempt = 0
        while True:
            suffix = f"-{attempt}" if attempt else ""
            copy = self.path.with_name(f"{self.path.name}.corrupt-{stamp}{suffix}")
            attempt += 1
            try:
                file = copy.open("xb")  # never overwrite an earlier copy
            except FileExistsError:
                continue
            try:
                with file:
                    os.chmod(copy, PRIVATE_FILE)  # it names clients, like the index
                    file.write(data)
                    file.flush()
                    os.fsync(file.fileno())
            except BaseException:
                copy.unlink(missing_ok=True)  # only our own half-written copy
                raise
            log.warning("kept a copy of the damaged %s at %s", self.path, copy)
            return copy

    def _change(self, edit: Callable[[list[Connection]], _T], *, keep_damaged: bool = False) -> _T:
        """Read, edit and write the list under the lock; write only when something changed."""
        try:
            make_private_folder(self.path.parent)
        except OSError as exc:
            raise IndexWriteError(self.path, exc.strerror or str(exc)) from exc
        with self._locked():
            current = self._settle(self._read())
            if current.problem is not None and (current.problem.blocks_writes or keep_damaged):
                raise current.problem
            connections = list(current.connections)
            result = edit(connections)
            if connections != list(current.connections):
                data = encode(_sorted(connections))
                try:
                    write_atomically(self.path, data)
                except OSError as exc:
                    raise IndexWriteError(self.path, exc.strerror or str(exc)) from exc
                log.debug("wrote %s", self.path)
            return result

    @contextmanager
    def _locked(self) -> Iterator[None]:
        # Imported here: reading the index (``token``'s whole use of it) needs no lock.
        from filelock import FileLock, Timeout  # noqa: PLC0415

        lock = FileLock(self.lock_path, timeout=self.lock_timeout, mode=PRIVATE_FILE)
        try:
            lock.acquire()
        except Timeout:
            raise IndexBusyError(self.path) from None
        except OSError as exc:
            raise IndexWriteError(self.path, exc.strerror or str(exc)) from exc
        try:
            yield
        finally:
            lock.release()


def _key(connection: Connection) -> tuple[str, str, str]:
    if connection.organization_id is not None:
        return (connection.environment, "organization", connection.organization_id)
    if connection.subject is not None:
        return (connection.environment, "subject", connection.subject)
    return ("", "id", connection.id)


def _position(connections: list[Connection], connection: Connection) -> int | None:
    """Where ``connection`` goes: the same id first, else the same key; None for a new one."""
    for same in (lambda c: c.id == connection.id, lambda c: _key(c) == _key(connection)):
        for position, existing in enumerate(connections):
            if same(existing):
                return position
    return None


def _sorted(connections: Iterable[Connection]) -> tuple[Connection, ...]:
    return tuple(sorted(connections, key=lambda c: (c.display_name.casefold(), c.id)))


def _settled(connections: Iterable[Connection], problem: IndexProblem | None) -> IndexLoad:
    return IndexLoad(_sorted(connections), problem)
