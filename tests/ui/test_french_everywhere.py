"""The French window, state by state, read back as the user sees it: no English word left (names
such as Qonto, IBAN, SIREN aside) and no label that says the same thing twice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.ui.main_window import CONNECTIONS, MainWindow
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one
from tests.support.french_scan import (
    doubled_labels,
    english_left,
    english_words,
    french_translator,
    shown_texts,
    typography_slips,
)
from tests.support.main_window import open_window

__all__ = ["french_translator"]


def assert_french(widget: QWidget, where: str) -> None:
    left = english_left(widget)
    assert not left, f"English in the French {where}: {left}"
    doubled = [pair for text in shown_texts(widget) for pair in doubled_labels(text)]
    assert not doubled, f"doubled labels in the French {where}: {doubled}"
    slips = [slip for text in shown_texts(widget) for slip in typography_slips(text)]
    assert not slips, f"no space before a French colon in the {where}: {slips}"


@pytest.fixture
def window(
    french_translator: None, qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> MainWindow:
    for organization in emulator.organizations:
        connect_one(desk, emulator, organization_id=organization.id)
    shown = open_window(qtbot, desk, workers, language="fr", demo=True)
    assert shown.pages.currentIndex() == CONNECTIONS
    return shown


def test_the_main_window_and_the_pane_speak_french(window: MainWindow) -> None:
    assert window.view.connection is not None
    assert_french(window, "main window and detail pane")


def test_the_advanced_section_speaks_french(qtbot: QtBot, window: MainWindow) -> None:
    window.view.advanced.toggle.click()
    qtbot.waitUntil(window.view.copy_button.isVisible)
    assert "Copier le jeton d\u2019accès" in shown_texts(window)
    assert_french(window, "advanced section")


def test_every_connection_s_pane_speaks_french(qtbot: QtBot, window: MainWindow) -> None:
    window.view.advanced.toggle.click()
    for connection in window.desk.index.load().connections:
        assert window.list.select(connection.id)
        assert_french(window, f"pane of {connection.organization_name}")


def test_the_disconnect_question_speaks_french(qtbot: QtBot, window: MainWindow) -> None:
    window.view.disconnect_button.click()
    dialog = window.pane.confirm_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert_french(dialog, "disconnect question")
    dialog.withdraw.setChecked(False)
    assert_french(dialog, "disconnect question, consent kept")
    dialog.reject()


def test_settings_and_about_speak_french(qtbot: QtBot, window: MainWindow) -> None:
    settings = window.menu_actions.open_settings()
    qtbot.waitUntil(settings.isVisible)
    assert_french(settings, "settings")
    settings.reject()
    about = window.menu_actions.open_about()
    qtbot.waitUntil(about.isVisible)
    assert_french(about, "About")
    about.reject()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Access token expires", ["Access", "token", "expires"]),
        ("Expiration du jeton d\u2019accès", []),
        ("Secrets conservés dans Secret Service (GNOME Keyring)", []),
        ("Codes : openid organization.read offline_access", []),
        ("Démo", []),
        ("Demo", ["Demo"]),
        ("camille.lefevre@cabinet-lefevre.example", []),
        ("Qonto Desktop", []),
        ("It's done", ["It's"]),
    ],
)
def test_the_english_finder_finds_english_and_only_english(text: str, found: list[str]) -> None:
    assert english_words(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Avertissement: Démo", ["Avertissement:"]),
        ("Avertissement\u00a0: Démo", []),
        ("Soldes au 7 déc. 2026, 15:31", []),
        ("Codes des autorisations organization.read", []),
    ],
)
def test_the_typography_finder(text: str, found: list[str]) -> None:
    assert typography_slips(text) == found


def test_the_empty_window_speaks_french(
    french_translator: None, qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers, language="fr", demo=True)
    assert_french(window, "first screen")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Compte principal (principal)", ["Compte principal (principal)"]),
        (
            "Identifiant d\u2019inscription (registration ID)",
            ["Identifiant d\u2019inscription (registration ID)"],
        ),
        ("aucun (aucun coffre-fort trouvé)", ["aucun (aucun coffre-fort trouvé)"]),
        ("Compte courant (principal)", []),
        ("aucun (coffre-fort du système désactivé)", []),
        ("7 déc. 2026, 15:19 (société et comptes lus chez Qonto)", []),
    ],
)
def test_the_doubled_label_finder(text: str, found: list[str]) -> None:
    assert doubled_labels(text) == found
