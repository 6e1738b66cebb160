"""Workers: results and errors come back on the GUI thread; bugs become plain messages."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.workers import UnexpectedError, Workers


def test_a_result_comes_back_on_the_gui_thread(qtbot: QtBot, workers: Workers) -> None:
    seen: list[tuple[object, bool]] = []
    gui = threading.current_thread()

    def work() -> str:
        assert threading.current_thread() is not gui
        return "done"

    workers.run(work, lambda value: seen.append((value, threading.current_thread() is gui)), print)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("done", True)]


def test_an_error_in_the_users_words_comes_back_as_is(qtbot: QtBot, workers: Workers) -> None:
    failures: list[QontoDesktopError] = []
    error = QontoDesktopError("The keyring is locked.")

    def work() -> None:
        raise error

    workers.run(work, print, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert failures == [error]


def test_a_bug_becomes_a_plain_message_never_a_traceback(qtbot: QtBot, workers: Workers) -> None:
    failures: list[QontoDesktopError] = []

    def work() -> None:
        raise KeyError("internal detail")

    workers.run(work, print, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], UnexpectedError)
    assert "internal detail" not in failures[0].message
