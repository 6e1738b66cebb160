"""The settings file: plain JSON in the config folder, never a secret in it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from qonto_desktop.errors import ConfigurationError
from qonto_desktop.i18n.message import N_, Message, Text, as_message

if TYPE_CHECKING:  # token's quick path reads the file by its name alone (see read_settings)
    from qonto_desktop.system.paths import AppPaths


class SettingsFileError(ConfigurationError):
    code = "settings_file"
    message = N_("The settings file {path} cannot be read: {reason}.")
    next_action = N_("Fix or delete that file (the app recreates it), then start again.")

    def __init__(self, path: str, reason: Text) -> None:
        # The app's reasons are templates; an OS message is looked up in vain and kept.
        super().__init__(params={"path": path, "reason": as_message(reason)})


def load_settings(paths: AppPaths | None = None) -> dict[str, Any]:
    """Read the settings file; a missing file means default settings.

    Raises:
        SettingsFileError: the file exists but is not a JSON object.
    """
    if paths is None:
        from qonto_desktop.system.paths import app_paths  # noqa: PLC0415 - see read_settings

        paths = app_paths()
    return read_settings(str(paths.settings_file))


def read_settings(path: str) -> dict[str, Any]:
    """Read the settings file at ``path`` (without ``pathlib``, for ``token``'s quick path).

    Raises:
        SettingsFileError: the file exists but is not a JSON object.
    """
    try:
        # utf-8-sig: a file saved by an old Windows editor starts with a byte-order mark.
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise SettingsFileError(path, N_("not UTF-8 text")) from None
    except OSError as exc:
        raise SettingsFileError(path, exc.strerror or N_("unreadable")) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsFileError(
            path, Message(N_("not valid JSON (line {line})"), line=exc.lineno)
        ) from exc
    if not isinstance(data, dict):
        raise SettingsFileError(path, N_("not a JSON object"))
    return data


def save_settings(settings: dict[str, Any], paths: AppPaths | None = None) -> None:
    """Write the settings file atomically; nothing secret may be in ``settings``."""
    from qonto_desktop.system.files import write_atomically  # noqa: PLC0415 - see read_settings
    from qonto_desktop.system.paths import app_paths  # noqa: PLC0415

    path = (paths or app_paths()).settings_file
    text = json.dumps(settings, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"))
