"""A damaged index never crashes the app and never loses a connection without a copy and a word."""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest
from filelock import FileLock

from qonto_desktop.store.index import ConnectionIndex, IndexLoad, IndexProblem
from qonto_desktop.store.index_errors import (
    IndexCopyFailedError,
    IndexNewerError,
    IndexUnreadableError,
)
from qonto_desktop.store.index_format import connection_to_record, decode
from tests.support.connections import sample

GOOD = connection_to_record(sample(id="good", organization_name="Good Co"))


def document(*records: object, schema: object = 1) -> bytes:
    return json.dumps({"schema": schema, "connections": list(records)}).encode()


@pytest.fixture
def index(tmp_path: Path) -> ConnectionIndex:
    path = tmp_path / "data" / "connections.json"
    path.parent.mkdir(mode=0o700)
    return ConnectionIndex(path, lock_timeout=0.2)


def copies(index: ConnectionIndex) -> list[Path]:
    return sorted(index.path.parent.glob("connections.json.corrupt-*"))


# Each: the file's bytes, and the ids that must survive.
DAMAGED = {
    "bad JSON": (b'{"schema": 1, "connections": [', []),
    "undecodable bytes": (b"\xff\xfe\x00\x81 not text", []),
    "not an object": (b'[{"id": "x"}]', []),
    "no schema": (b'{"connections": []}', []),
    "connections not a list": (b'{"schema": 1, "connections": {"x": 1}}', []),
    "empty file": (b"", []),
    "a record missing a field": (document(GOOD, {"id": "half"}), ["good"]),
    "a record with a wrong type": (
        document({**GOOD, "id": "bad", "created_at": "?"}, GOOD),
        ["good"],
    ),
    "a duplicate id": (document(GOOD, {**GOOD, "organization_name": "Twin"}), ["good"]),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_file_is_copied_reported_and_the_good_records_kept(
    index: ConnectionIndex, case: str
) -> None:
    data, survivors = DAMAGED[case]
    index.path.write_bytes(data)
    loaded = index.load()
    assert [c.id for c in loaded.connections] == survivors
    problem = loaded.problem
    assert isinstance(problem, IndexProblem)
    assert problem.code == "index_damaged"
    assert not problem.blocks_writes
    [copy] = copies(index)
    assert problem.backup == copy
    assert copy.read_bytes() == data
    assert problem.message.startswith(
        f"The list of connections was damaged; a copy was kept at {copy}."
    )
    assert problem.next_action
    if survivors:
        assert problem.damaged_records == 1
        assert "1 of its 2 connections could not be read." in problem.message
    else:
        assert problem.damaged_records is None
        assert "It could not be read at all" in problem.message
    assert index.path.read_bytes() == data  # reading never rewrites


@pytest.mark.parametrize("case", DAMAGED)
def test_after_damage_the_app_can_save_and_the_copy_stays(
    index: ConnectionIndex, case: str
) -> None:
    data, survivors = DAMAGED[case]
    index.path.write_bytes(data)
    index.save(sample(id="new", organization_id="org-new"))
    assert sorted(c.id for c in decode(index.path.read_bytes()).connections) == sorted(
        [*survivors, "new"]
    )
    assert index.load().problem is None
    [copy] = copies(index)
    assert copy.read_bytes() == data


def test_damage_is_reported_on_every_load_with_one_copy_until_a_change(
    index: ConnectionIndex,
) -> None:
    index.path.write_bytes(b"{oops")
    first, second = index.load().problem, index.load().problem
    assert first is not None
    assert second is not None
    assert first.backup == second.backup
    assert len(copies(index)) == 1


def test_an_earlier_copy_is_never_overwritten(
    index: ConnectionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = time.gmtime(1767323045)  # 2026-01-02 03:04:05 UTC
    monkeypatch.setattr(time, "gmtime", lambda seconds=None: frozen)  # the index's clock
    taken = index.path.with_name("connections.json.corrupt-20260102T030405Z")
    taken.write_bytes(b"an older, different copy")
    index.path.write_bytes(b"{oops")
    problem = index.load().problem
    assert problem is not None
    assert problem.backup == index.path.with_name("connections.json.corrupt-20260102T030405Z-1")
    assert taken.read_bytes() == b"an older, different copy"
    assert problem.backup.read_bytes() == b"{oops"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_copy_is_private(index: ConnectionIndex) -> None:
    index.path.write_bytes(b"{oops")
    problem = index.load().problem
    assert problem is not None
    assert problem.backup is not None
    assert problem.backup.stat().st_mode & 0o777 == 0o600


def test_a_newer_schema_is_reported_left_untouched_and_never_written(
    index: ConnectionIndex,
) -> None:
    data = document({**GOOD, "added_later": True}, schema=2)
    index.path.write_bytes(data)
    before = index.path.stat()
    loaded = index.load()
    assert [c.id for c in loaded.connections] == ["good"]  # shown as far as it can be read
    assert isinstance(loaded.problem, IndexNewerError)
    assert loaded.problem.code == "index_newer"
    assert loaded.problem.schema == 2
    assert loaded.problem.blocks_writes
    assert "made by a newer version" in loaded.problem.message
    with pytest.raises(IndexNewerError):
        index.save(sample(id="new", organization_id="org-new"))
    with pytest.raises(IndexNewerError):
        index.update("good", role="admin")
    with pytest.raises(IndexNewerError):
        index.remove("good")
    assert index.path.read_bytes() == data
    assert index.path.stat().st_mtime_ns == before.st_mtime_ns
    assert copies(index) == []


def test_an_unreadable_file_is_reported_and_never_replaced(index: ConnectionIndex) -> None:
    index.path.mkdir()  # a folder where the file should be: reading it fails on every OS
    loaded = index.load()
    assert loaded.connections == ()
    assert isinstance(loaded.problem, IndexUnreadableError)
    assert str(index.path) in loaded.problem.message
    with pytest.raises(IndexUnreadableError):
        index.save(sample())
    assert index.path.is_dir()


def test_when_no_copy_can_be_kept_the_file_is_reported_and_never_changed(
    index: ConnectionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = document(GOOD, {"id": "half"})
    index.path.write_bytes(data)

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        loaded = index.load()
        assert isinstance(loaded.problem, IndexCopyFailedError)
        assert "No space left on device" in loaded.problem.message
        assert [c.id for c in loaded.connections] == ["good"]
        with pytest.raises(IndexCopyFailedError):
            index.save(sample(id="new", organization_id="org-new"))
    assert copies(index) == []  # the half-written copy was removed
    assert index.path.read_bytes() == data
    problem = index.load().problem  # space again: the copy is made
    assert problem is not None
    assert problem.backup is not None
    assert problem.backup.read_bytes() == data


def test_when_another_copy_holds_the_lock_a_damaged_file_is_still_read(
    index: ConnectionIndex,
) -> None:
    index.path.write_bytes(document(GOOD, {"id": "half"}))
    with FileLock(index.lock_path):
        loaded = index.load()
    assert [c.id for c in loaded.connections] == ["good"]
    assert isinstance(loaded.problem, IndexCopyFailedError)
    assert "busy" in loaded.problem.message
    assert copies(index) == []


def test_a_clean_file_has_no_problem(index: ConnectionIndex) -> None:
    index.save(sample())
    assert index.load() == IndexLoad((sample(),), None)
    assert copies(index) == []
