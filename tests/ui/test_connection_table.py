"""The list as a firm's table: sorting, the attention filter, search by SIREN and IBAN, Ctrl+F."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qonto_desktop.ui.app import install_translator
from qonto_desktop.ui.language import current_language, set_language
from qonto_desktop.ui.panes.connection_list import ConnectionList
from qonto_desktop.ui.panes.connection_model import BALANCE, NAME, STATUS, UNTIL
from tests.support.firm_rows import FIRM, NOW

ALL = [
    "Atelier Lumière",
    "Boulangerie Martin",
    "Cabinet Durand",
    "Pharmacie Morel",
    "Pâtisserie Roux",
]


def make_list(qtbot: QtBot) -> ConnectionList:
    widget = ConnectionList(now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(720, 480)
    widget.set_connections(FIRM)
    return widget


def test_the_index_order_stands_until_a_column_is_chosen(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    assert widget.visible_names() == ALL
    assert widget.view.horizontalHeader().sortIndicatorSection() == -1


def test_sorting_by_status_puts_what_needs_attention_first(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.sort_by(STATUS)
    # To reconnect, unverified, access ending; then the active ones, the soonest to lapse first.
    assert widget.visible_names() == [
        "Cabinet Durand",
        "Pâtisserie Roux",
        "Boulangerie Martin",
        "Pharmacie Morel",
        "Atelier Lumière",
    ]
    widget.sort_by(STATUS, Qt.SortOrder.DescendingOrder)
    assert widget.visible_names()[0] == "Atelier Lumière"


def test_sorting_by_days_left_balance_and_name(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.sort_by(UNTIL)
    assert widget.visible_names() == [
        "Boulangerie Martin",  # 5 days
        "Pharmacie Morel",  # 40
        "Cabinet Durand",  # 60
        "Pâtisserie Roux",  # 70
        "Atelier Lumière",  # 80
    ]
    widget.sort_by(BALANCE, Qt.SortOrder.DescendingOrder)
    assert widget.visible_names() == [
        "Pâtisserie Roux",
        "Atelier Lumière",
        "Boulangerie Martin",
        "Cabinet Durand",
        "Pharmacie Morel",  # overdrawn
    ]
    widget.sort_by(NAME)  # accent-blind: "Pâtisserie" before "Pharmacie"
    assert widget.visible_names()[-2:] == ["Pâtisserie Roux", "Pharmacie Morel"]


def test_clicking_a_column_title_sorts_and_keeps_the_selection(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.show()
    assert widget.select("e")
    header = widget.view.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(UNTIL) + header.sectionSize(UNTIL) // 2, 5)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert header.sortIndicatorSection() == UNTIL
    assert widget.visible_names()[0] == "Boulangerie Martin"
    current = widget.current()
    assert current is not None
    assert current.id == "e"  # the selection follows its row


def test_the_needs_attention_filter(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    assert widget.attention.text() == "Needs attention (3)"
    assert widget.attention.accessibleName() == "Only the 3 connections that need attention"
    widget.attention.setChecked(True)
    assert widget.visible_names() == ["Boulangerie Martin", "Cabinet Durand", "Pâtisserie Roux"]
    current = widget.current()
    assert current is not None
    assert current.id == "b"  # the first shown, when the selection was filtered out
    widget.search.setText("cabinet")
    assert widget.visible_names() == ["Cabinet Durand"]  # both apply
    widget.attention.setChecked(False)
    assert widget.visible_names() == ["Cabinet Durand"]
    widget.search.clear()
    assert widget.visible_names() == ALL


def test_selecting_a_connection_the_filter_hides_clears_the_filter(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.attention.setChecked(True)
    assert widget.select("a")
    assert not widget.attention.isChecked()
    current = widget.current()
    assert current is not None
    assert current.id == "a"


@pytest.mark.parametrize("typed", ["843217654", "843 217 654", "843.217.654", "217 65"])
def test_search_by_siren(qtbot: QtBot, typed: str) -> None:
    widget = make_list(qtbot)
    widget.search.setText(typed)
    assert widget.visible_names() == ["Boulangerie Martin"]


@pytest.mark.parametrize(
    "typed",
    ["0978", "09 78", "FR76 0978", "fr76 •••• •••• 0978", "FR76 1695 8000 0100 0012 3450 978"],
)
def test_search_by_iban_digits(qtbot: QtBot, typed: str) -> None:
    widget = make_list(qtbot)
    widget.search.setText(typed)
    assert widget.visible_names() == ["Atelier Lumière"]


def test_search_by_legal_name_accent_blind_and_no_match(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.search.setText("lumiere sarl")
    assert widget.visible_names() == ["Atelier Lumière"]
    widget.search.setText("PATISSERIE")
    assert widget.visible_names() == ["Pâtisserie Roux"]
    widget.search.setText("FR76 1695 8000 0100 0012 3450 979")  # another account's IBAN
    assert widget.visible_names() == []
    widget.show()
    assert widget.no_match.isVisible()


def test_ctrl_f_puts_the_cursor_in_the_search(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.search.setText("martin")
    widget.view.setFocus()
    assert not widget.search.hasFocus()
    find = QKeySequence.keyBindings(QKeySequence.StandardKey.Find)[0]
    assert find.toString() == "Ctrl+F"
    QTest.keySequence(widget.view, find)
    assert widget.search.hasFocus()
    assert widget.search.selectedText() == "martin"  # typing replaces the last search


def test_every_row_and_cell_says_what_it_shows(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.sort_by(STATUS)
    spoken = widget.proxy.index(0, NAME).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == (
        "Cabinet Durand, CABINET DURAND SARL, SIREN 880674320, Production, To reconnect, "
        "access valid until 16 Mar 2027 (in 60 days), balance €9,345.12 as of 15 Jan 2027"
    )
    cells = [
        widget.proxy.index(0, column).data(Qt.ItemDataRole.AccessibleTextRole)
        for column in (STATUS, UNTIL, BALANCE)
    ]
    assert cells == [
        "Status: To reconnect",
        "Access valid until: 16 Mar 2027, in 60 days",
        "Last balance: €9,345.12, as of 15 Jan 2027",
    ]
    for row in range(widget.proxy.rowCount()):
        tip = str(widget.proxy.index(row, STATUS).data(Qt.ItemDataRole.ToolTipRole))
        assert tip.startswith("<p>")
        assert widget.visible_names()[row] in tip
    titles = [widget.model.headerData(column, Qt.Orientation.Horizontal) for column in range(4)]
    assert titles == ["Company", "Status", "Valid until", "Balance"]  # short on screen
    spoken_titles = [
        widget.model.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole
        )
        for column in range(4)
    ]
    assert spoken_titles == ["Company", "Status", "Access valid until", "Last balance"]
    assert widget.view.accessibleName() == "Connections"
    assert "sort" in widget.view.accessibleDescription()


def test_a_screen_reader_reads_the_rows_through_qt_accessibility(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.show()
    table = QAccessible.queryAccessibleInterface(widget.view)
    assert table is not None
    assert table.role() == QAccessible.Role.Table
    names = []
    for child in range(table.childCount()):
        cell = table.child(child)
        if cell is not None and cell.role() == QAccessible.Role.Cell:
            names.append(cell.text(QAccessible.Text.Name))
    assert any(
        name.startswith("Atelier Lumière, ATELIER LUMIÈRE SARL, SIREN 912543089") for name in names
    )
    assert "Status: Unverified" in names
    assert len([name for name in names if name.startswith("Status: ")]) == len(FIRM)


def test_the_keyboard_moves_by_rows_as_in_a_list(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.show()
    seen: list[object] = []
    widget.selected.connect(seen.append)
    widget.view.setFocus()
    QTest.keyClick(widget.view, Qt.Key.Key_End)
    assert widget.visible_names()[widget.view.currentIndex().row()] == "Pâtisserie Roux"
    QTest.keyClick(widget.view, Qt.Key.Key_Up)
    QTest.keyClick(widget.view, Qt.Key.Key_Home)
    assert widget.view.currentIndex().row() == 0
    assert [getattr(c, "id", None) for c in seen] == ["d", "e", "a"]  # each drives the detail


@pytest.fixture
def in_french(qapp: QApplication) -> Iterator[None]:
    """The app's French translator installed, as the window installs it; English afterwards."""
    language = current_language()
    translators = install_translator(qapp, "fr")
    set_language("fr")
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        set_language(language)


def test_the_table_in_french(in_french: None, qtbot: QtBot) -> None:
    widget = ConnectionList(now=lambda: NOW, language="fr")
    qtbot.addWidget(widget)
    widget.set_connections(FIRM)
    titles = [widget.model.headerData(column, Qt.Orientation.Horizontal) for column in range(4)]
    assert titles == ["Société", "État", "Valable jusqu\u2019au", "Solde"]
    assert widget.attention.text() == "À traiter (3)"
    assert widget.search.placeholderText() == "Rechercher par nom, SIREN ou chiffres d\u2019IBAN"
    widget.sort_by(STATUS)
    assert [widget.proxy.index(row, STATUS).data() for row in range(5)] == [
        "À reconnecter",
        "Non vérifiée",
        "Fin proche",
        "Active",
        "Active",
    ]
    spoken = str(widget.proxy.index(0, NAME).data(Qt.ItemDataRole.AccessibleTextRole))
    assert spoken == (
        "Cabinet Durand, CABINET DURAND SARL, SIREN 880674320, Production, À reconnecter, "
        "accès valable jusqu\u2019au 16 mars 2027 (dans 60 jours), solde 9\u202f345,12\u00a0€ au "
        "15 janv. 2027"
    )
    widget.search.setText("880 674 320")  # the search is the same in any language
    assert widget.visible_names() == ["Cabinet Durand"]


def test_a_reread_keeps_the_sort_the_filter_and_the_selection(qtbot: QtBot) -> None:
    widget = make_list(qtbot)
    widget.sort_by(UNTIL)
    widget.attention.setChecked(True)
    assert widget.select("c")
    shown = widget.visible_names()
    seen: list[object] = []
    widget.selected.connect(seen.append)
    widget.set_connections(FIRM)  # the window re-reads the index every minute
    assert (
        widget.visible_names()
        == shown
        == ["Boulangerie Martin", "Cabinet Durand", "Pâtisserie Roux"]
    )
    assert [getattr(c, "id", None) for c in seen] == ["c"]
