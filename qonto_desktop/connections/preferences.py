"""The user's preferences that are not an app registration: the window's language, and whether
the window keeps connections alive in the background."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.settings import load_settings, save_settings

SYSTEM_LANGUAGE = ""  # no "language" key: follow the system's language
KEEP_ALIVE = "keep_alive"  # false: the window renews nothing in the background


def save_language(paths: AppPaths, language: str) -> dict[str, Any]:
    """Write the language choice into the settings file, keeping every other setting.

    The file is read again first: what was saved since the face read it (a registration from
    the connect dialog, say) is kept.

    Returns:
        The settings as saved.

    Raises:
        SettingsFileError: the file exists but cannot be read.
    """
    settings = load_settings(paths)
    if language == SYSTEM_LANGUAGE:
        settings.pop("language", None)
    else:
        settings["language"] = language
    save_settings(settings, paths)
    return settings


def keep_alive_on(settings: Mapping[str, Any]) -> bool:
    """Whether the window renews connections in the background (on unless turned off)."""
    return settings.get(KEEP_ALIVE) is not False


def save_keep_alive(paths: AppPaths, enabled: bool) -> dict[str, Any]:
    """Write whether the window keeps connections alive, keeping every other setting.

    Returns:
        The settings as saved.

    Raises:
        SettingsFileError: the file exists but cannot be read.
    """
    settings = load_settings(paths)
    if enabled:  # the default: no key
        settings.pop(KEEP_ALIVE, None)
    else:
        settings[KEEP_ALIVE] = False
    save_settings(settings, paths)
    return settings
