"""Standard shortcuts (New, Quit, Preferences) set without building PySide6's ``Qt`` enums.

``action.setShortcut(QKeySequence.StandardKey.New)`` converts the key to a ``QKeySequence``
first, and PySide6's first such conversion builds its ``Qt`` namespace, every enum in it, about
15 ms that the window's menu would pay before its first frame (see ``message_bar``). Asking Qt
for the platform's bindings builds none of it, and the first binding is exactly what that
conversion gives.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def set_standard_shortcut(action: QAction, key: QKeySequence.StandardKey) -> None:
    """Give ``action`` the platform's shortcut for ``key``, as ``setShortcut(key)`` would."""
    action.setShortcuts(QKeySequence.keyBindings(key)[:1])
