"""One keyring worker per secret store: every call on the same thread, each with a deadline.

It never keeps the program alive (a daemon, even with a call hung in it) and ends with its store.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from keyring import errors as keyring_errors

from qonto_desktop.store.errors import KeyringLockedError, KeyringTimeoutError
from qonto_desktop.store.keyring_calls import KeyringCalls
from qonto_desktop.store.keyring_worker import KEYRING_WORKER, KeyringWorker
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import HangingKeyring, MemoryKeyring

ROOT = Path(__file__).resolve().parents[3]


class ThreadNoting(MemoryKeyring):
    """Notes the thread each call runs on."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[int] = []

    def get_password(self, service: str, username: str) -> str | None:
        """Note the thread, then answer."""
        self.threads.append(threading.get_ident())
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Note the thread, then store."""
        self.threads.append(threading.get_ident())
        super().set_password(service, username, password)


class LocksAfter(MemoryKeyring):
    """Answers ``calls`` calls, then is locked (the user locked the keyring mid-batch)."""

    def __init__(self, calls: int) -> None:
        super().__init__()
        self.left = calls

    def _spend(self) -> None:
        if self.left <= 0:
            raise keyring_errors.KeyringLocked("Failed to unlock the collection!")
        self.left -= 1

    def get_password(self, service: str, username: str) -> str | None:
        """Answer while calls are left."""
        self._spend()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store while calls are left."""
        self._spend()
        super().set_password(service, username, password)


def test_every_call_runs_on_one_thread_that_is_not_the_callers() -> None:
    backend = ThreadNoting()
    store = SecretStore(backend, service="svc", timeout=5)
    before = threading.active_count()
    for index in range(20):
        store.set(f"conn/{index}/access_token", "x" * 30)
        assert store.get(f"conn/{index}/access_token") == "x" * 30
    assert len(set(backend.threads)) == 1
    assert backend.threads[0] != threading.get_ident()
    assert threading.active_count() <= before + 1  # the worker, started once


def test_a_keyring_locked_mid_batch_gives_the_clear_error_and_the_store_goes_on() -> None:
    backend = LocksAfter(calls=8)
    store = SecretStore(backend, service="svc", timeout=5)
    saved = 0

    def save_ten() -> None:
        nonlocal saved
        for index in range(10):
            store.set(f"conn/{index}/refresh_token", "token")
            saved += 1

    with pytest.raises(KeyringLockedError, match=r"The keyring is locked\.") as caught:
        save_ten()
    # Four calls each (what was there, the head, the read-back, a look for stale chunks); the
    # third is locked out at its first call, before anything was written.
    assert saved == 2
    assert caught.value.key == "conn/2/refresh_token"
    backend.left = 100  # unlocked again: the same store, the same worker, answers
    assert store.get("conn/0/refresh_token") == "token"


def test_the_worker_ends_when_its_store_is_collected() -> None:
    before = set(threading.enumerate())
    store = SecretStore(MemoryKeyring(), service="svc", timeout=5)
    store.get("conn/a/access_token")
    (worker,) = set(threading.enumerate()) - before
    assert worker.name == KEYRING_WORKER
    assert worker.daemon
    del store
    gc.collect()
    worker.join(timeout=5)
    assert not worker.is_alive()


def test_a_worker_never_used_starts_no_thread() -> None:
    before = threading.active_count()
    worker = KeyringWorker()
    assert worker.thread is None
    assert threading.active_count() == before


def test_a_hung_call_leaves_the_worker_busy_then_the_next_call_goes_through(
    hanging: HangingKeyring,
) -> None:
    calls = KeyringCalls(hanging, service="svc", timeout=0.2, platform="linux")
    started = time.monotonic()
    with pytest.raises(KeyringTimeoutError):
        calls.get("a")
    assert time.monotonic() - started < 2
    hanging.release()
    assert calls.get("a") is None
    assert calls.count == 2


HUNG_AT_EXIT = """\
import sys, threading, time
from keyring.backend import KeyringBackend
from qonto_desktop.store.errors import KeyringTimeoutError
from qonto_desktop.store.secrets import SecretStore

class Hung(KeyringBackend):
    priority = 1
    viable = False
    def get_password(self, service, username):
        threading.Event().wait()  # for ever: an unlock prompt nobody answers
    def set_password(self, service, username, password):
        threading.Event().wait()
    def delete_password(self, service, username):
        threading.Event().wait()

store = SecretStore(Hung(), timeout=0.3)
try:
    store.get("conn/a/access_token")
except KeyringTimeoutError:
    print("timed out", flush=True)
"""


@pytest.mark.slow(seconds=3)
def test_a_call_hung_in_the_worker_does_not_keep_the_program_alive() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", HUNG_AT_EXIT],
        cwd=ROOT,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert finished.stdout.strip() == "timed out"
    assert finished.returncode == 0, finished.stderr
