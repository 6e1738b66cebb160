"""The SHA-256 file written beside a one-file build, to publish with it.

Its line is what ``sha256sum`` writes and ``sha256sum -c`` checks (PowerShell:
``Get-FileHash -Algorithm SHA256``), so whoever downloads the program can verify it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    """The file's SHA-256, in hexadecimal."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_checksum(path: Path) -> Path:
    """Write ``<file>.sha256`` beside ``path`` (``<hash>  <file name>``); return its path."""
    target = path.with_name(path.name + ".sha256")
    target.write_text(f"{sha256_of(path)}  {path.name}\n", encoding="ascii")
    return target
