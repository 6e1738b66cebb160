"""Where the app writes its files: settings, the index of connections, logs.

``QONTO_DESKTOP_HOME=<dir>`` puts all of them under one folder (tests, portable or isolated
runs); otherwise each goes where the operating system expects it (platformdirs). On Linux the
XDG Base Directory rules give the same folders as platformdirs without its import (about 7 ms,
with ``tempfile``, of every ``token``): :func:`_xdg_paths`, checked against platformdirs by
``tests/unit/system/test_paths.py``.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop import APP_ID

HOME_VARIABLE = "QONTO_DESKTOP_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's three writable folders."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        """The settings file (no secrets in it)."""
        return self.config_dir / "settings.json"


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    """Return the folders the app writes to; nothing is created here.

    Args:
        environ: the environment to read ``QONTO_DESKTOP_HOME`` from (default ``os.environ``).
    """
    env = os.environ if environ is None else environ
    home = env.get(HOME_VARIABLE, "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(root / "config", root / "data", root / "logs")
    xdg = _xdg_paths(os.environ)
    if xdg is not None:
        return xdg
    import platformdirs  # noqa: PLC0415 - about 7 ms that Linux and QONTO_DESKTOP_HOME skip

    return AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


# platformdirs' Unix folders: (variable, default under the home folder).
_XDG_CONFIG = ("XDG_CONFIG_HOME", "~/.config")
_XDG_DATA = ("XDG_DATA_HOME", "~/.local/share")
_XDG_STATE = ("XDG_STATE_HOME", "~/.local/state")


def _xdg_paths(environ: Mapping[str, str]) -> AppPaths | None:
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

    return AppPaths(
        Path(os.path.join(base(*_XDG_CONFIG), APP_ID)),  # platformdirs' own join
        Path(os.path.join(base(*_XDG_DATA), APP_ID)),
        Path(os.path.join(base(*_XDG_STATE), APP_ID, "log")),
    )
