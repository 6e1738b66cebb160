"""Which language a text is shown in: language tags, and the command line's rule.

The command line speaks the language of the settings' ``language`` when it is one the app
offers, else that of the environment, as POSIX programs read it (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``; the first one set decides); English otherwise, "C" included.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "fr")
DEFAULT = "en"
_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def primary(tag: str) -> str:
    """The primary language of a tag: ``"fr"`` for ``"fr_FR.UTF-8"``, ``"fr-BE"`` or ``"FR"``."""
    head = tag.strip().lower()
    for separator in "-_.@":
        head = head.split(separator, 1)[0]
    return head


def offered(tag: str) -> str:
    """The app's language for ``tag``: one of :data:`LANGUAGES`, English for any other."""
    language = primary(tag)
    return language if language in LANGUAGES else DEFAULT


def command_line_language(setting: object, environ: Mapping[str, str]) -> str:
    """The command line's language: the settings' choice, else the environment's, else English."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    for variable in _VARIABLES:
        value = environ.get(variable, "")
        if value:
            return offered(value)
    return DEFAULT
