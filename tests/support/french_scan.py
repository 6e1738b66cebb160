"""What a French window shows, read back from its widgets, and the checks a French screen must
pass: no English word left, no label that says the same thing twice.

A shown text is any visible widget's text, tooltip, accessible name and description, a window
title, a menu's actions, and an item view's rows and headers. Names from Qonto's data (companies,
people, accounts) are French already; tokens of code (``organization.read``, an e-mail, a class
name) are not words and are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

from qonto_desktop.ui.app import install_translator
from qonto_desktop.ui.language import current_language, set_language

# Words that are English and not French (a French homograph such as "client", "service",
# "test", "secret", "production", "total", "date" or "simple" is left out on purpose).
# Compared case-blind but not accent-blind: "Démo" is French, "Demo" is not.
_ENGLISH_WORDS = """
    the and of to in is are was be been for with this that these those from by not your you
    it its at if then than all any none no yes only also
    access token tokens refresh renew renewed keyring connection connections connect connected
    disconnect disconnected reconnect account accounts balance balances bank settings setting
    about advanced copy keep company companies signed sign granted requested expires expired
    expiring days day left until last never unknown organization organizations registration
    stored storage environment status search help close cancel save saved details detail
    select selected show shows open opens loading looking user role email owner employee
    accountant unverified verified checked check needs reconnecting demo sandbox custom
    language folder folders log logs where kept held hold holds new more less ends ended today
    tomorrow hours seconds read write delete deleted revoke revoked withdraw consent app window
    browser
"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())
# Names that stay as they are in French (several words first, then single words).
PROPER_PHRASES = ("Qonto Desktop", "GNOME Keyring", "Secret Service", "Developer Portal")
_PROPER_WORDS = "qonto iban siren siret sepa kwallet windows macos linux chromium openid oauth"
PROPER_NOUNS = frozenset(_PROPER_WORDS.split())
_WORD = re.compile("[^\\W\\d_]+(?:['\u2019][^\\W\\d_]+)*")
# organization.read, a@b, MemoryKeyring, and ids with digits (e0a6231ac8be is no English "be")
_CODE = re.compile(r"\S*[._@/\\]\S*|\S*[a-z][A-Z]\S*|\S*\d\S*")
_PAIR = re.compile(r"([^\s()][^()]*?)\s*\(([^()]+)\)")


def fold(text: str) -> str:
    """Case- and accent-blind."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English words of ``text``, proper nouns and code aside."""
    plain = _CODE.sub(" ", text)
    for phrase in PROPER_PHRASES:
        plain = plain.replace(phrase, " ")
    allow = PROPER_NOUNS | {word.casefold() for word in allowed}
    found = []
    for word in _WORD.findall(plain):
        lowered = word.casefold()
        if lowered in allow:
            continue
        if lowered in ENGLISH or re.fullmatch("\\w+['\u2019](?:s|t|ll|re|ve)", lowered):
            found.append(word)
    return found


def doubled_labels(text: str) -> list[str]:
    """Each ``words (words)`` whose parentheses say again what is before them, or in English:
    "Compte principal (principal)", "Identifiant d'inscription (registration ID)"."""
    found = []
    for before, inside in _PAIR.findall(text):
        outer, inner = fold(before), fold(inside).strip()
        first_outer = outer.split()[:1]
        if (
            inner in outer
            or inner.split()[:1] == first_outer
            or (english_words(inside) and not _CODE.fullmatch(inside.strip()))
        ):
            found.append(f"{before.strip()} ({inside})")
    return found


def typography_slips(text: str) -> list[str]:
    """Each "word:" or "word;" with no space before the mark, as French never writes them (the
    time "15:31" and code are not words)."""
    return re.findall(r"[^\W\d_]+[:;?!](?=\s|$)", _CODE.sub(" ", text))


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    )
    for column in range(model.columnCount()):
        for orientation in (Qt.Orientation.Horizontal,):
            header = model.headerData(column, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                yield header
        for row in range(model.rowCount()):
            index = model.index(row, column)
            for role in roles:
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def _strip_markup(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")


def shown_texts(root: QWidget) -> list[str]:
    """Every text ``root`` shows now, its visible children's and its menus' included."""
    texts: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += list(_model_texts(widget.model()))
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            texts.append(action.text())
            menu = action.menu()
            if isinstance(menu, QMenu):
                texts += [item.text() for item in menu.actions()]
                texts += [item.toolTip() for item in menu.actions()]
    return [_strip_markup(text).replace("&", "") for text in texts if text]


def english_left(root: QWidget, allowed: Iterable[str] = ()) -> dict[str, list[str]]:
    """Each shown text that holds English, with the English words found."""
    found = {}
    for text in shown_texts(root):
        words = english_words(text, allowed)
        if words:
            found[text] = words
    return found


@pytest.fixture
def french_translator(qapp: QApplication) -> Iterator[None]:
    """The French translator installed as the app installs it; English again afterwards."""
    language = current_language()
    translators = install_translator(qapp, "fr")
    assert len(translators) == 2, "install_translator could not load the French .qm and Qt's"
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        set_language(language)  # MainWindow(language="fr") set it for the whole process
