"""The connect window in French, from the form to a refusal: every word shown is French."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.emulator import Emulator
from tests.support.approval import follow
from tests.support.french_ui import french, shown_words
from tests.ui.conftest import MakeDialog

__all__ = ["french"]

WAIT_MS = 20_000
# The English of the connect window: none of it may show in French.
ENGLISH = (
    "Sign in",
    "Connect",
    "Change",
    "Advanced",
    "Details",
    "What the app",
    "permissions",
    "Bookkeeping",
    "refused",
    "nothing was connected",
    "already connected",
    "this session",
    "Retry",
    "Back to the form",
    "Close",
    "Company",
    "organization",
    "(registration ID)",
    "(client ID)",
    "(sandbox)",
    "keyring",
    "trousseau",
)


def english_in(widget: QWidget) -> list[str]:
    words = shown_words(widget)
    return [
        f"{english!r} in {text!r}"
        for text in words
        for english in ENGLISH
        if re.search(rf"(?<!\w){re.escape(english)}(?!\w|\.\w)", text)  # not a scope's name
    ]


def approving(emulator: Emulator) -> object:
    def open_url(url: str) -> bool:

        emulator.register_redirect_uri(parse_qs(urlsplit(url).query)["redirect_uri"][0])
        follow(url)
        return True

    return open_url


def test_every_state_of_the_connect_window_speaks_french(
    french: None, qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    dialog = make_dialog(
        language="fr", environments=("emulator", "sandbox"), open_browser=approving(emulator)
    )
    form = dialog.form
    assert form.connect_button.text() == "Se connecter avec Qonto"
    assert form.summary.title.text() == "Comptabilité avec justificatifs, lecture seule"
    assert english_in(dialog) == []
    form.advanced.click()
    form.change.click()
    form.environment.setCurrentIndex(1)  # the sandbox: its staging token, no client ID yet
    assert english_in(dialog) == []
    assert form.environment.currentText() == "Bac à sable"
    form.environment.setCurrentIndex(0)
    QTest.mouseClick(form.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)
    page = dialog.result_page
    assert page.tally.text() == "1 client connecté pendant cette session"
    assert english_in(page) == []
    QTest.mouseClick(page.another, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.flow() is None and len(dialog.session) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "déjà connectée" in page.heading.text(), timeout=WAIT_MS)
    assert page.heading.text().endswith("était déjà connectée\u00a0: accès renouvelé")
    assert english_in(page) == []
    emulator.consent_mode = "deny"
    QTest.mouseClick(page.another, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.retry.isVisible, timeout=WAIT_MS)
    QTest.mouseClick(page.details, Qt.MouseButton.LeftButton)
    assert page.heading.text() == "Vous avez refusé l\u2019accès\u00a0; rien n\u2019a été connecté"
    assert "Code de Qonto\u00a0: access_denied" in page.codes.text()
    assert english_in(page) == []
