"""One tab stop for a list of controls, the arrow keys inside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.ui.roving_focus import RovingFocus


def panel(qtbot: QtBot) -> tuple[QWidget, QLineEdit, list[QCheckBox], QLineEdit, RovingFocus]:
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit(window)  # created in focus-chain order
    boxes = [QCheckBox(f"box {n}", window) for n in range(4)]
    after = QLineEdit(window)
    layout = QVBoxLayout(window)
    for widget in (before, *boxes, after):
        layout.addWidget(widget)
    roving = RovingFocus(lambda: [box for box in boxes if not box.isHidden()], parent=window)
    for box in boxes:
        roving.add(box)
    roving.refresh()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, before, boxes, after, roving


def tab_from(widget: QWidget) -> QWidget | None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_crosses_the_list_in_one_stop_and_arrows_walk_it(qtbot: QtBot) -> None:
    _window, before, boxes, after, roving = panel(qtbot)  # the window must stay referenced
    assert tab_from(before) is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Down)
    QTest.keyClick(boxes[1], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is boxes[2]
    QTest.keyClick(boxes[2], Qt.Key.Key_End)
    assert QApplication.focusWidget() is boxes[3]
    QTest.keyClick(boxes[3], Qt.Key.Key_Down)  # stays on the last one
    assert QApplication.focusWidget() is boxes[3]
    QTest.keyClick(boxes[3], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # one Tab leaves the list
    assert tab_from(before) is boxes[3]  # and comes back to the one last used
    assert roving.stop is boxes[3]


def test_a_hidden_stop_hands_over_to_the_first_control_shown(qtbot: QtBot) -> None:
    _window, before, boxes, _after, roving = panel(qtbot)
    boxes[0].hide()
    roving.refresh()
    assert tab_from(before) is boxes[1]
    QTest.keyClick(boxes[1], Qt.Key.Key_Home)
    assert QApplication.focusWidget() is boxes[1]  # the hidden one is skipped
    for box in boxes:
        box.hide()
    roving.refresh()
    assert roving.stop is None


def test_space_still_ticks_the_box(qtbot: QtBot) -> None:
    window, before, boxes, _after, _roving = panel(qtbot)
    assert tab_from(before) is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Space)
    assert boxes[0].isChecked()
    assert window.isVisible()
