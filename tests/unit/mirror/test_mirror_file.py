"""The mirror's file: private, WAL, versioned, and rebuilt when damaged."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from qonto_desktop.mirror import database, schema
from qonto_desktop.mirror.bank_mirror import Mirror, open_mirror
from qonto_desktop.mirror.errors import MirrorCorruptError, MirrorNewerError
from qonto_desktop.mirror.schema import SCHEMA_VERSION
from qonto_desktop.system.paths import AppPaths
from tests.support.bank_data import transaction


def test_the_file_is_private_in_a_private_folder_of_the_data_folder(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    mirror = open_mirror(paths)
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1)])
    assert mirror.path.parent == paths.data_dir
    assert stat.S_IMODE(mirror.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    for journal in mirror.path.parent.glob("mirror.sqlite3-*"):
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    mirror.close()


def test_a_file_left_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    Mirror(path).close()
    path.chmod(0o644)
    Mirror(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_wal_is_on_and_the_schema_version_is_recorded(tmp_path: Path) -> None:
    Mirror(tmp_path / "m.sqlite3").close()
    raw = sqlite3.connect(tmp_path / "m.sqlite3")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_reopening_keeps_the_rows(tmp_path: Path) -> None:
    mirror = Mirror(tmp_path / "m.sqlite3")
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1)])
    mirror.close()
    again = Mirror(tmp_path / "m.sqlite3")
    assert again.problem is None
    assert again.counts()["c1"].transactions == 1
    again.close()


def test_a_file_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(MirrorNewerError):
        Mirror(path)
    assert path.read_bytes() == before


def test_a_damaged_file_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    damaged = b"this is not a database at all, " * 200
    path.write_bytes(damaged)
    mirror = Mirror(path)
    problem = mirror.problem
    assert problem is not None
    assert problem.code == "mirror_damaged"
    assert problem.backup.read_bytes() == damaged
    assert str(problem.backup) in problem.message
    assert mirror.counts() == {}
    assert mirror.cursor("c1", "acc-1") is None  # the next sync is a full one
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1)])
    assert mirror.counts()["c1"].transactions == 1
    mirror.close()


def test_a_file_damaged_inside_is_noted_in_use_and_kept_aside_at_next_opening(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.sqlite3"
    mirror = Mirror(path)
    for page in range(20):
        mirror.save_page("c1", "org-1", "acc-1", [transaction(page * 10 + n) for n in range(10)])
    mirror.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(path.read_bytes())
    page_size = 4096
    assert len(data) > 6 * page_size
    data[2 * page_size : 6 * page_size] = b"\xa5" * (4 * page_size)  # pages 3 to 6 overwritten
    path.write_bytes(bytes(data))
    reopened = Mirror(path)
    assert reopened.problem is None  # the first read passes: the damage is met in use
    with pytest.raises(MirrorCorruptError):
        reopened.counts()
    reopened.close()
    reopened = Mirror(path)
    assert reopened.problem is not None
    assert reopened.problem.backup.read_bytes() == bytes(data)
    assert reopened.counts() == {}
    assert not path.with_name(path.name + ".damaged").exists()
    reopened.close()
    assert Mirror(path).problem is None  # set aside once


def test_an_older_file_is_migrated_and_keeps_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.sqlite3"
    mirror = Mirror(path)
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1)])
    mirror.close()
    step = "ALTER TABLE accounts ADD COLUMN closed_at TEXT"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    migrated = Mirror(path)
    assert migrated.counts()["c1"].transactions == 1
    migrated.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    columns = [row[1] for row in raw.execute("PRAGMA table_info(accounts)")]
    assert "closed_at" in columns
    raw.close()
