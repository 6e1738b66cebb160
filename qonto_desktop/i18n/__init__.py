"""Translations of the core's messages: templates looked up in gettext catalogues, then filled.

``N_`` marks a template, ``Message`` carries one with its values, ``localize`` renders an error
(or a message) in a language. The widgets' own texts use Qt Linguist instead (``tr()``).
"""

from qonto_desktop.i18n.localize import localize, translate
from qonto_desktop.i18n.message import N_, Message

__all__ = ["N_", "Message", "localize", "translate"]
