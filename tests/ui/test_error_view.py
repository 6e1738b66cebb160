"""Errors reach the window in the user's words and language, never as a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.oauth.errors import AccessDeniedError, PortUnavailableError
from qonto_desktop.ui.language import current_language, set_language
from qonto_desktop.ui.panes.error_view import ErrorView


@pytest.fixture
def french() -> Iterator[None]:
    before = current_language()
    set_language("fr")
    yield
    set_language(before)


def test_an_error_in_english(qtbot: QtBot) -> None:
    view = ErrorView()
    qtbot.addWidget(view)
    view.show_error(AccessDeniedError())
    assert view.message.text() == AccessDeniedError.message
    assert AccessDeniedError.next_action in view.next_action.text()


@pytest.mark.usefixtures("french")
def test_an_error_in_french_keeps_its_values(qtbot: QtBot) -> None:
    view = ErrorView()
    qtbot.addWidget(view)
    view.show_error(PortUnavailableError(52817, "http://127.0.0.1:52817/callback"))
    text = view.message.text()
    assert "port 52817" in text
    assert "http://127.0.0.1:52817/callback" in text
    assert "cannot listen" not in text
    assert "Traceback" not in view.text()
