"""Writing an export folder: each file atomically, and only when its bytes changed.

A file whose bytes are already there is not rewritten, so its modification time stays and a
backup or sync tool sees nothing new. Every file goes through ``write`` (by default
:func:`qonto_desktop.system.files.write_atomically`: a temporary file in the same folder, then a
rename), so a crash or a full disk never leaves half a file under its real name. The file
system's failures become the export's typed errors.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from qonto_desktop.export.errors import (
    DestinationNotWritableError,
    DiskFullError,
    ExportWriteError,
)
from qonto_desktop.system.files import make_private_folder, remove_leftovers, write_atomically

Write = Callable[[Path, bytes], None]
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def default_write(path: Path, data: bytes) -> None:
    """The atomic write, readable by this user only: the files are a client's bank data."""
    write_atomically(path, data)


class FolderWriter:
    """Puts files in one folder, recording the SHA-256 of each and which ones changed."""

    def __init__(self, folder: Path, destination: Path, write: Write = default_write) -> None:
        self.folder = folder
        self._destination = destination
        self._write = write
        self.hashes: dict[str, str] = {}
        self.changed: list[str] = []

    def open(self) -> None:
        """Create the folder, or say plainly that the destination cannot be written to.

        Temporary files an earlier, killed export left in the folder are removed first.
        """
        try:
            make_private_folder(self.folder)
            remove_leftovers(self.folder)
            writable = os.access(self.folder, os.W_OK | os.X_OK)
        except OSError as error:
            raise self.failure(error, self.folder) from error
        if not writable:
            raise DestinationNotWritableError(params={"folder": str(self._destination)})

    def put(self, relative: str, data: bytes) -> None:
        """Write ``data`` at ``relative`` (``/``-separated) unless it is already there."""
        path = self.folder / relative
        self.hashes[relative] = hashlib.sha256(data).hexdigest()
        if _holds(path, data):
            return
        try:
            self._write(path, data)
        except OSError as error:
            raise self.failure(error, path) from error
        self.changed.append(relative)

    def remove_except(self, earlier: Iterable[str], kept: Iterable[str]) -> list[str]:
        """Remove the files an earlier export wrote that this one no longer does.

        Only names the earlier manifest listed, inside this folder: a file the user put here
        is never touched.
        """
        keep = set(kept)
        removed: list[str] = []
        root = self.folder.resolve()
        for relative in sorted(set(earlier) - keep):
            path = (self.folder / relative).resolve()
            if root not in path.parents or not path.is_file():
                continue
            try:
                path.unlink()
            except OSError as error:
                raise self.failure(error, path) from error
            removed.append(relative)
        return removed

    def failure(self, error: OSError, path: Path) -> Exception:
        """The typed error for a file system failure at ``path``."""
        if error.errno in _FULL:
            return DiskFullError(params={"folder": str(self._destination)})
        denied = (PermissionError, NotADirectoryError, FileExistsError)
        if isinstance(error, denied) or error.errno in _DENIED:
            return DestinationNotWritableError(params={"folder": str(self._destination)})
        reason = error.strerror or type(error).__name__
        return ExportWriteError(params={"file": str(path), "reason": reason})


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
