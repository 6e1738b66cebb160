"""The app's three writable folders as plain paths: the rules, without ``pathlib`` or a class.

``QONTO_DESKTOP_HOME=<dir>`` puts all of them under one folder (tests, portable or isolated
runs); otherwise each goes where the operating system expects it. On Linux the XDG Base
Directory rules give the same folders as platformdirs without its import (about 7 ms, with
``tempfile``, of every ``token``): :func:`_xdg_folders`, checked against platformdirs by
``tests/unit/system/test_paths.py``. :func:`qonto_desktop.system.paths.app_paths` is the app's
way to them; ``token``'s quick path asks here directly.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping

from qonto_desktop import APP_ID

HOME_VARIABLE = "QONTO_DESKTOP_HOME"
SETTINGS_FILE = "settings.json"  # in the config folder

# (config, data, log)
Folders = tuple[str, str, str]


def folders(environ: Mapping[str, str] | None = None) -> Folders | None:
    """The config, data and log folders; None where platformdirs must decide.

    Args:
        environ: the environment to read ``QONTO_DESKTOP_HOME`` from (default ``os.environ``).
    """
    env = os.environ if environ is None else environ
    home = env.get(HOME_VARIABLE, "").strip()
    if home:
        root = os.path.realpath(os.path.expanduser(home))
        return (
            os.path.join(root, "config"),
            os.path.join(root, "data"),
            os.path.join(root, "logs"),
        )
    return _xdg_folders(os.environ)


# platformdirs' Unix folders: (variable, default under the home folder).
_XDG_CONFIG = ("XDG_CONFIG_HOME", "~/.config")
_XDG_DATA = ("XDG_DATA_HOME", "~/.local/share")
_XDG_STATE = ("XDG_STATE_HOME", "~/.local/state")


def _xdg_folders(environ: Mapping[str, str]) -> Folders | None:
    """platformdirs' answer on Linux, computed directly; None where platformdirs must decide.

    As platformdirs (4.x, as pinned) does for ``appauthor=False``, no version, not root's site
    folders: an XDG variable holding an absolute path is the base, else the default under the
    home folder; the app's folder is in it, and the log folder is ``log`` in the state one.
    Anything less plain (another system, Android, a home folder that is not an absolute
    ``HOME``) is left to platformdirs.
    """
    home = environ.get("HOME", "")
    android = environ.get("ANDROID_DATA") == "/data" and environ.get("ANDROID_ROOT") == "/system"
    if sys.platform != "linux" or android or hasattr(sys, "getandroidapilevel"):
        return None
    if not posixpath.isabs(home):
        return None

    def base(variable: str, default: str) -> str:
        value = environ.get(variable, "")
        if posixpath.isabs(value):
            return value
        return os.path.expanduser(default)  # HOME is absolute: expanduser uses it as it is

    return (
        os.path.join(base(*_XDG_CONFIG), APP_ID),  # platformdirs' own join
        os.path.join(base(*_XDG_DATA), APP_ID),
        os.path.join(base(*_XDG_STATE), APP_ID, "log"),
    )
