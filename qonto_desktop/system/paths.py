"""Where the app writes its files: settings, the index of connections, logs.

``QONTO_DESKTOP_HOME=<dir>`` puts all of them under one folder (tests, portable or isolated
runs); otherwise each goes where the operating system expects it (platformdirs). The rules are
:mod:`~qonto_desktop.system.folders`' (on Linux without platformdirs); this module gives them
as ``Path`` values in one class.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qonto_desktop import APP_ID
from qonto_desktop.system.folders import SETTINGS_FILE, folders


@dataclass(frozen=True)
class AppPaths:
    """The app's three writable folders."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        """The settings file (no secrets in it)."""
        return self.config_dir / SETTINGS_FILE


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    """Return the folders the app writes to; nothing is created here.

    Args:
        environ: the environment to read ``QONTO_DESKTOP_HOME`` from (default ``os.environ``).
    """
    found = folders(environ)
    if found is not None:
        config, data, log = found
        return AppPaths(Path(config), Path(data), Path(log))
    import platformdirs  # noqa: PLC0415 - about 7 ms that Linux and QONTO_DESKTOP_HOME skip

    return AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )
