"""The index on disk: atomic writes, private modes, and a lock that two processes really share."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from filelock import FileLock

from qonto_desktop.store import index as index_module
from qonto_desktop.store.index import ConnectionIndex, IndexBusyError
from qonto_desktop.store.index_errors import IndexWriteError
from qonto_desktop.store.index_format import decode
from tests.support.connections import sample

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def index(tmp_path: Path) -> ConnectionIndex:
    return ConnectionIndex(tmp_path / "home" / "data" / "connections.json", lock_timeout=0.2)


def leftovers(index: ConnectionIndex) -> list[str]:
    return sorted(p.name for p in index.path.parent.iterdir() if p.name.endswith(".tmp"))


def test_the_file_holds_no_secret_field(index: ConnectionIndex) -> None:
    index.save(sample())
    text = index.path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert set(document) == {"schema", "connections"}
    for word in ("token", "secret", "code_verifier", "password", '"code"'):
        assert word not in text.lower()


@pytest.mark.parametrize("failing", ["replace", "fsync", "encode"])
def test_a_crash_mid_write_leaves_the_previous_file_and_no_temporary(
    index: ConnectionIndex, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    index.save(sample())
    before = index.path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    def crash_encoding(*args: object) -> bytes:
        raise RuntimeError("the process dies here")

    if failing == "encode":
        monkeypatch.setattr(index_module, "encode", crash_encoding)
    else:
        monkeypatch.setattr(os, failing, crash)
    expected: type[Exception] = RuntimeError if failing == "encode" else IndexWriteError
    with pytest.raises(expected):
        index.save(sample(id="other", organization_id="org-2"))
    monkeypatch.undo()
    assert index.path.read_bytes() == before
    assert leftovers(index) == []
    assert [c.id for c in index.load().connections] == ["c0nn1"]


def test_a_failed_write_says_what_and_where(
    index: ConnectionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(IndexWriteError) as caught:
        index.save(sample())
    assert caught.value.code == "index_write"
    assert str(index.path) in caught.value.message
    assert "No space left on device" in caught.value.message


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_file_and_lock_are_private_and_the_new_folder_too(index: ConnectionIndex) -> None:
    old = os.umask(0o022)  # a usual umask: created files would be 0644, folders 0755
    try:
        index.save(sample())
    finally:
        os.umask(old)
    assert index.path.stat().st_mode & 0o777 == 0o600
    assert index.path.parent.stat().st_mode & 0o777 == 0o700
    if index.lock_path.exists():  # filelock may remove it on release
        assert index.lock_path.stat().st_mode & 0o777 == 0o600


def test_a_held_lock_makes_every_change_a_busy_error(index: ConnectionIndex) -> None:
    index.save(sample())
    before = index.path.read_bytes()
    with FileLock(index.lock_path):
        for change in (
            lambda: index.save(sample(id="x", organization_id="org-x")),
            lambda: index.update("c0nn1", role="admin"),
            lambda: index.remove("c0nn1"),
        ):
            with pytest.raises(IndexBusyError) as caught:
                change()
            assert caught.value.code == "index_busy"
            assert caught.value.message == (
                "Another Qonto Desktop is busy with the connections list; try again."
            )
        assert [c.id for c in index.load().connections] == ["c0nn1"]  # reading needs no lock
    assert index.path.read_bytes() == before
    index.save(sample(id="x", organization_id="org-x"))  # free again


def test_many_changes_leave_no_temporary_file(index: ConnectionIndex) -> None:
    for n in range(10):
        index.save(sample(id=f"c{n}", organization_id=f"org-{n}"))
        index.update(f"c{n}", role="admin")
    index.remove("c3")
    assert leftovers(index) == []
    assert len(index.load().connections) == 9


def test_two_threads_sharing_one_index_lose_nothing(index: ConnectionIndex) -> None:
    def save_many(name: str) -> None:
        for n in range(20):
            index.save(sample(id=f"{name}-{n}", organization_id=f"{name}-org-{n}"))

    index.lock_timeout = 30.0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for done in [pool.submit(save_many, name) for name in ("gui", "worker")]:
            done.result()
    assert len(index.load().connections) == 40


SAVER = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from qonto_desktop.store.index import ConnectionIndex
from tests.support.connections import sample

path, name = Path(sys.argv[1]), sys.argv[2]
index = ConnectionIndex(path)
print("ready", flush=True)
sys.stdin.readline()  # both processes start saving together
for n in range(30):
    index.save(sample(id=f"{name}-{n}", organization_id=f"{name}-org-{n}"))
"""


def test_two_processes_saving_at_once_lose_nothing(index: ConnectionIndex) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(index.path), name],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.close()
        for process in processes:
            assert process.wait(timeout=60) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
    decoded = decode(index.path.read_bytes())
    assert decoded.problems == ()
    expected = {f"{name}-{n}" for name in ("one", "two") for n in range(30)}
    assert {c.id for c in decoded.connections} == expected
    assert leftovers(index) == []
