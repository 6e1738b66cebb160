"""Writing the app's own files so that a crash never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# The temporary files of stream_atomically: "." + the target's name + "." + mkstemp's 8
# random characters + ".tmp". A process killed between the two steps leaves one behind.
_LEFTOVER = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by this user only, where the OS allows."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)


def write_atomically(path: Path, data: bytes, *, mode: int = PRIVATE_FILE) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old file or the new one.

    The bytes go to a temporary file in the same folder, are flushed to disk, then renamed over
    the target; the folder is synced too where the OS allows, so the rename itself survives a
    power cut.
    """
    stream_atomically(path, (data,), mode=mode)


def stream_atomically(path: Path, chunks: Iterable[bytes], *, mode: int = PRIVATE_FILE) -> int:
    """:func:`write_atomically` for bytes that arrive in pieces (a download); the size written.

    If ``chunks`` raises (a download cut short), the temporary file is removed and ``path`` is
    left as it was.
    """
    import tempfile  # noqa: PLC0415 - with shutil and random: only writers need them

    make_private_folder(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    written = 0
    try:
        with os.fdopen(handle, "wb") as file:
            os.chmod(temporary, mode)  # before any byte is written
            for chunk in chunks:
                file.write(chunk)
                written += len(chunk)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)
    return written


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files a killed :func:`stream_atomically` left under ``folder``.

    Only names of its own pattern are touched; returns what was removed.
    """
    removed = []
    for path in sorted(folder.rglob(".*.tmp")):
        if _LEFTOVER.match(path.name) and path.is_file() and not path.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
