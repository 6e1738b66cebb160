"""A token on the clipboard is taken off after the delay, but only if it is still there."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qonto_desktop.ui.clipboard import CLEAR_AFTER_MS, TokenClipboard


def test_the_default_delay_is_a_minute(qapp: QApplication) -> None:
    guard = TokenClipboard()
    assert guard.clear_after_ms == CLEAR_AFTER_MS == 60_000


def test_the_token_is_cleared_after_the_delay(qtbot: QtBot) -> None:
    guard = TokenClipboard(clear_after_ms=100)
    guard.put("token-123")
    assert QGuiApplication.clipboard().text() == "token-123"
    assert guard.holds_token
    with qtbot.waitSignal(guard.expired, timeout=5000) as expired:
        pass
    assert expired.args == [True]
    assert QGuiApplication.clipboard().text() == ""
    assert not guard.holds_token


def test_what_the_user_copied_since_is_left_alone(qtbot: QtBot) -> None:
    guard = TokenClipboard(clear_after_ms=100)
    guard.put("token-123")
    QGuiApplication.clipboard().setText("the user's own text")
    with qtbot.waitSignal(guard.expired, timeout=5000) as expired:
        pass
    assert expired.args == [False]
    assert QGuiApplication.clipboard().text() == "the user's own text"


def test_the_token_is_marked_secret_for_clipboard_managers(qapp: QApplication) -> None:
    guard = TokenClipboard()
    guard.put("token-456")
    data = QGuiApplication.clipboard().mimeData()
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert guard.clear_now()
    assert QGuiApplication.clipboard().text() == ""


def test_clearing_now_forgets_the_token(qapp: QApplication) -> None:
    guard = TokenClipboard()
    guard.put("token-789")
    QGuiApplication.clipboard().setText("other")
    assert not guard.clear_now()
    QGuiApplication.clipboard().setText("token-789")  # the same text copied by the user later
    assert not guard.clear_now()
    assert QGuiApplication.clipboard().text() == "token-789"
