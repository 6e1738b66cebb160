"""Window tests: offscreen Qt, an in-memory keyring, the emulator, no thread left behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from qonto_desktop.ui.workers import Workers
from tests.support.desk_fixtures import desk, emulator, keyring_backend


@pytest.fixture(autouse=True)
def no_running_qt_threads(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a Qt worker thread busy (the Python-thread check is global)."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "a task of the global thread pool is still running"


@pytest.fixture
def workers(qapp: QApplication) -> Iterator[Workers]:
    pool = Workers()
    yield pool
    assert pool.wait_for_done(10_000), "a worker task is still running"
    pool.deleteLater()


__all__ = ["desk", "emulator", "keyring_backend", "no_running_qt_threads", "workers"]
