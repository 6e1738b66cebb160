"""Window tests: offscreen Qt, an in-memory keyring, the emulator, no thread left behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.ui.connect.dialog import ConnectDialog
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


MakeDialog = Callable[..., ConnectDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, desk: Desk, workers: Workers) -> Iterator[MakeDialog]:
    """Open connect dialogs (on ``desk`` unless told ``on=``); each is closed after the test."""
    made: list[ConnectDialog] = []

    def make(
        *, on: Desk = desk, environments: tuple[str, ...] = ("emulator",), **kwargs: Any
    ) -> ConnectDialog:
        dialog = ConnectDialog(on, workers, environments=environments, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()  # cancels and waits for any attempt still running
