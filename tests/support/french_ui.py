"""The window's French translator, installed as the app installs it, for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from qonto_desktop.ui.app import install_translator
from qonto_desktop.ui.language import current_language, set_language


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """French for the window (Qt's words too); English again afterwards."""
    language = current_language()
    translators = install_translator(qapp, "fr")
    assert len(translators) == 2, "the French translations could not be loaded"
    set_language("fr")
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        set_language(language)


def shown_words(widget: QWidget) -> list[str]:
    """The text of every label and button shown in ``widget``, as a user reads them."""
    shown = [
        child
        for child in widget.findChildren(QWidget)
        if isinstance(child, QLabel | QAbstractButton) and child.isVisibleTo(widget)
    ]
    return [child.text() for child in shown if child.text()]
