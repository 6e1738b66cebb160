"""Errors reach the window in the user's words and language, never as a traceback."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.cli.main import main
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.localize import localize
from qonto_desktop.oauth.errors import AccessDeniedError, PortUnavailableError
from qonto_desktop.system.paths import app_paths
from qonto_desktop.system.settings import SettingsFileError, load_settings
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
    error = AccessDeniedError()
    assert view.message.text() == error.message
    assert error.next_action in view.next_action.text()


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


def test_the_window_and_the_command_line_say_the_same_french(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = app_paths().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"language": "fr",\n', encoding="utf-8")  # cut short: not JSON
    with pytest.raises(SettingsFileError) as caught:
        load_settings()
    error: QontoDesktopError = caught.value
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    err = io.StringIO()
    assert main(["status"], out=io.StringIO(), err=err) != 0
    line = err.getvalue().strip()

    before = current_language()
    set_language("fr")
    try:
        view = ErrorView()
        qtbot.addWidget(view)
        view.show_error(error)
    finally:
        set_language(before)
    message, next_action = localize(error, "fr")
    assert view.message.text() == message
    assert next_action in view.next_action.text()
    assert line == f"{message} {next_action}"
    assert message.startswith("Le fichier de paramètres ")
    assert "JSON non valide (ligne 2)" in message
