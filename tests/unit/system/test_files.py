"""Files written in one step: whole or not at all, readable by the user only."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from qonto_desktop.system.files import remove_leftovers, stream_atomically, write_atomically


def test_pieces_land_as_one_file_and_their_size_is_told(tmp_path: Path) -> None:
    target = tmp_path / "new" / "receipt.pdf"
    assert stream_atomically(target, iter([b"%PDF", b"-1.4", b""])) == 8
    assert target.read_bytes() == b"%PDF-1.4"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["receipt.pdf"]


def test_a_stream_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "receipt.pdf"
    write_atomically(target, b"before")

    def full_disk() -> Iterator[bytes]:
        yield b"half"
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        stream_atomically(target, full_disk())
    assert target.read_bytes() == b"before"
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]


def test_the_leftovers_of_a_killed_atomic_write_are_removed_and_nothing_else(
    tmp_path: Path,
) -> None:
    (tmp_path / "sub").mkdir()
    left = [tmp_path / ".manifest.json.ibrq4v0w.tmp", tmp_path / "sub" / ".a b.pdf.x_1y2z3w.tmp"]
    kept = [tmp_path / "notes.tmp", tmp_path / ".mine.tmp", tmp_path / "manifest.json"]
    for path in (*left, *kept):
        path.write_bytes(b"x")
    assert remove_leftovers(tmp_path) == sorted(left)
    assert all(path.exists() for path in kept)
