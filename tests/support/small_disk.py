"""A real small file system for a test: a tmpfs of a few kilobytes, grown or removed after.

Mounting needs root (CI runs as root on Debian); elsewhere the test that asks is skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``size`` (``16k``); unmounted when the block ends."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True, timeout=30)


def grow(folder: Path, size: str) -> None:
    """Give the tmpfs at ``folder`` more room (space freed), its files kept."""
    _mount("-o", f"remount,size={size}", str(folder))
