"""The checksum file published beside the executable."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from qonto_desktop.packaging.checksum import sha256_of, write_checksum


def test_the_checksum_file_is_what_sha256sum_writes(tmp_path: Path) -> None:
    program = tmp_path / "QontoDesktop"
    content = bytes(range(256)) * 9000  # more than one read
    program.write_bytes(content)
    written = write_checksum(program)
    assert written == tmp_path / "QontoDesktop.sha256"
    expected = hashlib.sha256(content).hexdigest()
    assert sha256_of(program) == expected
    assert written.read_text(encoding="ascii") == f"{expected}  QontoDesktop\n"


def test_sha256sum_accepts_it_and_catches_a_changed_file(tmp_path: Path) -> None:
    program = tmp_path / "QontoDesktop"
    program.write_bytes(b"the program")
    write_checksum(program)
    checked = subprocess.run(
        ["sha256sum", "-c", "QontoDesktop.sha256"], cwd=tmp_path, capture_output=True, check=False
    )
    assert checked.returncode == 0
    program.write_bytes(b"the program, changed")
    changed = subprocess.run(
        ["sha256sum", "-c", "QontoDesktop.sha256"], cwd=tmp_path, capture_output=True, check=False
    )
    assert changed.returncode == 1
