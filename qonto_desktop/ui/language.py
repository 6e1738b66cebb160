"""The window's language, chosen once at start: Qt's translator and the core's texts follow it."""

from __future__ import annotations

_language = "en"


def set_language(language: str) -> None:
    """Set the language every window part renders in ("en" or "fr")."""
    global _language  # noqa: PLW0603 - one UI language per process, like Qt's own translator
    _language = language


def current_language() -> str:
    """The language the window renders in."""
    return _language
