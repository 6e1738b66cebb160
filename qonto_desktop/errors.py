"""The root of the one error tree every part of the app raises from.

Every error carries a stable ``code`` (for translations and scripts), a message in the user's
words and the next thing to do. The window and the command line show ``message`` and
``next_action``; they never show a traceback.
"""

from __future__ import annotations


class QontoDesktopError(Exception):
    """Base of every error the app raises on purpose.

    Subclasses set ``code``, ``message`` and ``next_action`` as class attributes and may
    override them per instance through the constructor.
    """

    code: str = "error"
    message: str = "Something went wrong."
    next_action: str = "Try again. If it keeps happening, open the log folder and report it."

    def __init__(self, message: str | None = None, *, next_action: str | None = None) -> None:
        if message is not None:
            self.message = message
        if next_action is not None:
            self.next_action = next_action
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} {self.next_action}".strip()
