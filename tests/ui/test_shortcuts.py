"""Standard shortcuts: the same as ``QAction.setShortcut(key)`` gives, on this platform."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from qonto_desktop.ui.shortcuts import set_standard_shortcut

Key = QKeySequence.StandardKey


@pytest.mark.parametrize(
    "key",
    # The menu's own, and some with several bindings (Copy: Ctrl+C, Ctrl+Insert, the Copy key).
    [Key.New, Key.Quit, Key.Preferences, Key.Copy, Key.Paste, Key.Close, Key.HelpContents],
)
def test_the_shortcut_is_the_one_set_shortcut_gives(qapp: QApplication, key: Key) -> None:
    ours, qts = QAction(), QAction()
    set_standard_shortcut(ours, key)
    qts.setShortcut(key)
    assert ours.shortcuts() == qts.shortcuts()
    assert ours.shortcut() == QKeySequence(key)
