"""The mirror's SQLite file: opened once per process, one connection per thread, WAL.

The file lives in the app's data folder (``mirror.sqlite3``), created readable by the user only
in a private folder. WAL lets readers go on while one sync writes; ``busy_timeout`` makes a
writer wait for another (different clients' syncs write in short transactions, one page each)
instead of failing. A file SQLite cannot read on opening, or found damaged while in use, is
moved aside (at its next opening), with its journals, and a new one started: the mirror is a
copy of Qonto's data, so the next sync rebuilds it in full.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from qonto_desktop.mirror.errors import MirrorDamagedError, MirrorError, MirrorNewerError
from qonto_desktop.mirror.schema import SCHEMA_VERSION, migrate, version_of
from qonto_desktop.system.files import PRIVATE_FILE, make_private_folder
from qonto_desktop.system.paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "mirror.sqlite3"
BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another before failing
_JOURNALS = ("-wal", "-shm")
DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_DAMAGED = {*DAMAGED, None}  # None: the damage noted while in use


def mirror_path(paths: AppPaths) -> Path:
    """Where the mirror lives: the app's data folder."""
    return paths.data_dir / FILE_NAME


class Database:
    """The open file: :meth:`connection` gives the calling thread its own connection.

    Attributes:
        problem: the file was found damaged on opening and kept aside (None if not).
    """

    def __init__(self, path: Path) -> None:
        """Open (or create) the file, set it up, and migrate it.

        Raises:
            MirrorNewerError: a newer version of the app wrote the file.
            MirrorError: the file or its folder could not be opened.
        """
        self.path = path
        self.problem: MirrorDamagedError | None = None
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            make_private_folder(path.parent)
            self._create_private()
            self._check()
        except OSError as exc:
            raise MirrorError(path, exc.strerror or str(exc)) from None

    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection (autocommit: callers open their transactions)."""
        current: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if current is None:
            current = self._open()
            self._local.connection = current
        return current

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for connection in self._all:
                connection.close()
            self._all.clear()
        self._local = threading.local()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=30.0
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints
        with self._lock:
            self._all.append(connection)
        return connection

    def _create_private(self) -> None:
        """Create the file 0600 before SQLite does, so it is never readable by others."""
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        os.close(descriptor)
        for suffix in ("", *_JOURNALS):  # SQLite gives its journals the main file's mode
            existing = self.path.with_name(self.path.name + suffix)
            if existing.exists():
                os.chmod(existing, PRIVATE_FILE)

    def _check(self) -> None:
        """Read the version and migrate; a file SQLite cannot read is kept aside."""
        try:
            self._settle(self.connection())
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in _DAMAGED:
                raise MirrorError(self.path, str(exc)) from None
            log.warning("%s is damaged: %s", self.path, exc)
            self.close()
            backup = self._keep_aside()
            self.problem = MirrorDamagedError(self.path, backup)
            self._marker.unlink(missing_ok=True)
            self._create_private()
            try:
                self._settle(self.connection())
            except sqlite3.Error as again:
                raise MirrorError(self.path, str(again)) from None

    def _settle(self, connection: sqlite3.Connection) -> None:
        """Check the version, turn WAL on (kept in the file) and run the missing migrations."""
        version = version_of(connection)
        if version > SCHEMA_VERSION:
            raise MirrorNewerError(self.path, version)
        if self._marker.exists():  # damage met while in use, by this or another process
            raise sqlite3.DatabaseError("damage was found while in use")
        connection.execute("SELECT name FROM sqlite_master").fetchall()  # a cheap first read
        connection.execute("PRAGMA journal_mode = WAL")
        migrate(connection)

    def note_damage(self) -> None:
        """Remember that SQLite found the file damaged: the next opening keeps it aside.

        Checking every page at each opening would cost seconds on years of data; damage is
        rare (WAL survives crashes), so it is noted where it is met instead.
        """
        log.warning("%s is damaged; it is kept aside at its next opening", self.path)
        try:
            self._marker.touch(mode=PRIVATE_FILE)
        except OSError as exc:
            log.warning("could not note the damage of %s: %s", self.path, exc.strerror)

    @property
    def _marker(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def _keep_aside(self) -> Path:
        """Rename the damaged file (and its journals) next to it; the copy's path."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        attempt = 0
        while True:
            backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{attempt}")
            if not backup.exists():
                break
            attempt += 1
        os.replace(self.path, backup)
        for suffix in _JOURNALS:
            journal = self.path.with_name(self.path.name + suffix)
            if journal.exists():
                os.replace(journal, backup.with_name(backup.name + suffix))
        log.warning("kept the damaged %s at %s", self.path, backup)
        return backup
