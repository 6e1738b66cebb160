"""Keyring backends for tests: real ``KeyringBackend`` subclasses that fail the ways OSes do.

None of them is ever picked by ``keyring.get_keyring()``: keyring registers every subclass it
sees, so each sets ``viable = False`` (as keyring's own chainer sets ``viable = True``) while
keeping a positive ``priority`` for the store's own check.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from keyring import errors
from keyring.backend import KeyringBackend

# Windows Credential Manager: CRED_MAX_CREDENTIAL_BLOB_SIZE, 5 * 512 bytes of UTF-16.
WINDOWS_MAX_BLOB_BYTES = 2560


def backend_of(cls: type[KeyringBackend]) -> KeyringBackend:
    """An instance of a keyring backend class (keyring's own constructors are untyped)."""
    backend: KeyringBackend = cls()
    return backend


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict, ``entries[(service, username)] = password``."""

    priority = 1
    viable = False

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's is untyped
        self.entries: dict[tuple[str, str], str] = {}
        self.sets = 0

    def get_password(self, service: str, username: str) -> str | None:
        """The stored password, or None."""
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the password."""
        self.sets += 1
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Delete the password; like real backends, refuse when there is none."""
        if self.entries.pop((service, username), None) is None:
            raise errors.PasswordDeleteError("No such password!")

    def names(self, service: str = "qonto-desktop") -> set[str]:
        """The entry names stored for ``service``."""
        return {name for (svc, name) in self.entries if svc == service}


class WinError(Exception):
    """What ``win32ctypes``' ``pywintypes.error`` carries: not a keyring error at all."""

    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror = winerror
        self.funcname = funcname
        self.strerror = strerror


class WindowsLimitKeyring(MemoryKeyring):
    """Refuses a password over 2,560 bytes of UTF-16, as ``CredWrite`` does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the password, or fail with WinError 1783 when it is too large."""
        if len(password.encode("utf-16-le")) > WINDOWS_MAX_BLOB_BYTES:
            raise WinError(1783, "CredWrite", "The stub received bad data.")
        super().set_password(service, username, password)


class LockedKeyring(MemoryKeyring):
    """Every call fails as a keyring whose unlock prompt was dismissed."""

    def get_password(self, service: str, username: str) -> str | None:
        """Fail: locked."""
        raise errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Fail: locked."""
        raise errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        """Fail: locked."""
        raise errors.KeyringLocked("Failed to unlock the collection!")


class FailingSetKeyring(MemoryKeyring):
    """Refuses writes after ``fail_after`` successful ones, ``times`` times (None: for ever).

    With ``inner``, entries are kept there (a real backend, say) instead of in ``entries``.
    """

    def __init__(
        self, fail_after: int = 0, *, times: int | None = None, inner: KeyringBackend | None = None
    ) -> None:
        super().__init__()
        self.fail_after = fail_after
        self.times = times
        self.failures = 0
        self.inner = inner

    def get_password(self, service: str, username: str) -> str | None:
        """The stored password, or None."""
        if self.inner is not None:
            return self.inner.get_password(service, username)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the password, unless this write is one to refuse."""
        due = self.sets >= self.fail_after and (self.times is None or self.failures < self.times)
        if due:
            self.failures += 1
            raise errors.PasswordSetError("Failed to create the item")
        if self.inner is not None:
            self.sets += 1
            self.inner.set_password(service, username, password)
        else:
            super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        """Delete the password."""
        if self.inner is not None:
            self.inner.delete_password(service, username)
        else:
            super().delete_password(service, username)


class LyingKeyring(MemoryKeyring):
    """Accepts every write but silently keeps only its first ``keep`` characters."""

    def __init__(self, keep: int = 100) -> None:
        super().__init__()
        self.keep = keep

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a truncated password, without saying so."""
        super().set_password(service, username, password[: self.keep])


class HangingKeyring(MemoryKeyring):
    """Every call blocks until :meth:`release` (a keyring waiting on an unseen prompt)."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self._released = threading.Event()

    def release(self) -> None:
        """Let every blocked call (and every later one) go on."""
        self._released.set()

    def _block(self) -> None:
        self.entered.set()
        self._released.wait(timeout=60)  # bounded: a test that forgets to release still ends

    def get_password(self, service: str, username: str) -> str | None:
        """Block, then answer."""
        self._block()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Block, then store."""
        self._block()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        """Block, then delete."""
        self._block()
        super().delete_password(service, username)


def files_containing(root: Path, secret: str) -> list[Path]:
    """Every file under ``root`` holding ``secret`` as UTF-8 or UTF-16 (an empty list, we hope)."""
    needles = [secret.encode(encoding) for encoding in ("utf-8", "utf-16-le")]
    if not root.exists():
        return []
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


_recording: list[list[str]] = []
_hook_added = False


def _on_audit(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _recording:
        return
    path, mode, flags = args[0], args[1], args[2]  # the "open" event's (path, mode, flags)
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
    )
    if writes:
        for record in _recording:
            record.append(str(path))


@contextlib.contextmanager
def file_writes() -> Iterator[list[str]]:
    """Record every file opened for writing, by any thread, while the block runs.

    Uses an audit hook (PEP 578), so it sees ``open`` and ``os.open`` alike, whoever calls.
    """
    global _hook_added  # noqa: PLW0603 - audit hooks cannot be removed: add one, once
    if not _hook_added:
        sys.addaudithook(_on_audit)
        _hook_added = True
    record: list[str] = []
    _recording.append(record)
    try:
        yield record
    finally:
        _recording.remove(record)
