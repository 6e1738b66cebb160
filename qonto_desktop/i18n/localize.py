"""Errors and messages in the user's language: the template is translated, then filled."""

from __future__ import annotations

import functools
from typing import Protocol

from qonto_desktop.i18n.catalogue import lookup
from qonto_desktop.i18n.languages import offered
from qonto_desktop.i18n.message import Message, Text, as_message, render


class Explained(Protocol):
    """What an error of the app carries: what happened and what to do, as messages."""

    @property
    def message_text(self) -> Message:
        """What happened."""
        ...  # pragma: no cover

    @property
    def next_action_text(self) -> Message:
        """What to do next."""
        ...  # pragma: no cover


def translate(text: Text, language: str) -> str:
    """One message in ``language`` (English for any language the app does not offer)."""
    chosen = offered(language)
    message = as_message(text)
    if chosen == "en":
        return message.english()
    return render(message, functools.partial(lookup, language=chosen), decimal_comma=chosen == "fr")


def localize(error_or_message: Explained | Text, language: str) -> tuple[str, str]:
    """An error's message and next action in ``language``; a lone message has no next action."""
    if isinstance(error_or_message, str | Message):
        return translate(error_or_message, language), ""
    return (
        translate(error_or_message.message_text, language),
        translate(error_or_message.next_action_text, language),
    )
