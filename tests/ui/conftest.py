"""Window tests: offscreen Qt, an in-memory keyring, the emulator, no thread left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.ui.workers import Workers
from tests.support.desks import make_desk
from tests.support.keyrings import MemoryKeyring


@pytest.fixture(autouse=True)
def no_running_qt_threads(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a Qt worker thread busy (the Python-thread check is global)."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "a task of the global thread pool is still running"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(consent_mode="approve") as running:
        yield running


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def desk(app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring) -> Desk:
    return make_desk(app_home, emulator, keyring_backend)


@pytest.fixture
def workers(qapp: QApplication) -> Iterator[Workers]:
    pool = Workers()
    yield pool
    assert pool.wait_for_done(10_000), "a worker task is still running"
    pool.deleteLater()
