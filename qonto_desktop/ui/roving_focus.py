"""One tab stop for a list of controls, the arrow keys inside it ("roving tab stop").

A long list of check boxes should cost one Tab press, not one per box: only the box last used
takes the focus from Tab; Up/Left and Down/Right move to the previous or next box shown, Home
and End to the first or last; a click or any other focus makes that box the tab stop. Every
box keeps its own focus, accessible name and description, so screen readers read each one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

# Keys that move between the controls: to the previous one, the next, first or last.
_BACK = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_FORWARD = (Qt.Key.Key_Down, Qt.Key.Key_Right)
_ENDS = (Qt.Key.Key_Home, Qt.Key.Key_End)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class RovingFocus(QObject):
    """Keeps one of ``shown()``'s controls as the tab stop and moves the focus with the keys.

    Args:
        shown: the controls the user can see now, in order (a search may hide some).
        focused: called with a control that took the focus (e.g. to scroll it into view).
    """

    def __init__(
        self,
        shown: Callable[[], list[QWidget]],
        focused: Callable[[QWidget], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shown = shown
        self._focused = focused
        self._members: list[QWidget] = []
        self.stop: QWidget | None = None

    def add(self, control: QWidget) -> None:
        """Manage ``control``: it leaves the Tab chain unless it becomes the stop."""
        self._members.append(control)
        control.installEventFilter(self)
        control.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_stop(self, control: QWidget | None) -> None:
        """Make ``control`` the only one Tab reaches (the others still take clicks)."""
        if control is self.stop:
            return
        if self.stop is not None:
            self.stop.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.stop = control
        if control is not None:
            control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def refresh(self) -> None:
        """After the shown controls changed: a hidden stop hands over to the first one shown."""
        shown = self._shown()
        if self.stop not in shown:
            self.set_stop(shown[0] if shown else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A managed control took the focus, or got an arrow, Home or End."""
        if isinstance(watched, QWidget) and watched in self._members:
            if event.type() == QEvent.Type.FocusIn:
                self.set_stop(watched)
                if self._focused is not None:
                    self._focused(watched)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._move(watched, event)
        return super().eventFilter(watched, event)

    def _move(self, control: QWidget, event: QKeyEvent) -> bool:
        """Move the focus from ``control`` for an arrow, Home or End; True when the key was one."""
        key = event.key()
        if event.modifiers() not in _PLAIN or key not in (*_BACK, *_FORWARD, *_ENDS):
            return False
        shown = self._shown()
        if control not in shown:
            return False
        if key == Qt.Key.Key_Home:
            target = shown[0]
        elif key == Qt.Key.Key_End:
            target = shown[-1]
        else:
            step = -1 if key in _BACK else 1
            target = shown[max(0, min(len(shown) - 1, shown.index(control) + step))]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
