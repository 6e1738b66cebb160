"""The root of the one error tree every part of the app raises from.

Every error carries a stable ``code`` (for scripts), a message in the user's words and the next
thing to do. Both are kept as :class:`~qonto_desktop.i18n.message.Message` templates with their
values (``message_text``, ``next_action_text``), so the window and the command line translate
them before filling them in (:func:`qonto_desktop.i18n.localize`); ``message`` and
``next_action`` are the same texts in English, for the log. Nobody is shown a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

from qonto_desktop.i18n.message import N_, Message, Text


class QontoDesktopError(Exception):
    """Base of every error the app raises on purpose.

    Subclasses set ``code``, and ``message`` and ``next_action`` as class-level templates
    (marked with ``N_``); an instance fills them with ``params``, or replaces either one.
    """

    code: str = "error"
    message: str = N_("Something went wrong.")
    next_action: str = N_("Try again. If it keeps happening, open the log folder and report it.")

    def __init__(
        self,
        message: Text | None = None,
        *,
        next_action: Text | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        values = dict(params or {})
        self.message_text = _text(message, type(self).message, values)
        self.next_action_text = _text(next_action, type(self).next_action, values)
        self.message = self.message_text.english()
        self.next_action = self.next_action_text.english()
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} {self.next_action}".strip()


class ConfigurationError(QontoDesktopError):
    """A setting or an input is wrong; nothing was sent anywhere."""

    code = "configuration"
    message = N_("A setting is not valid.")
    next_action = N_("Correct it and try again.")


def _text(given: Text | None, template: str, params: dict[str, object]) -> Message:
    """The given text, else the class's template filled with the error's values."""
    if isinstance(given, Message):
        return given
    if given is not None:
        return Message(given)
    return Message(template, **params)
