"""Where the app writes its files: settings, the index of connections, logs.

``QONTO_DESKTOP_HOME=<dir>`` puts all of them under one folder (tests, portable or isolated
runs); otherwise each goes where the operating system expects it (platformdirs).
"""

from __future__ import annotations

import os
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
    import platformdirs  # noqa: PLC0415 - about 7 ms that a run under QONTO_DESKTOP_HOME skips

    return AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )
