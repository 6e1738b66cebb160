"""Building the executable from ``pyinstaller.spec`` into a given folder, as a user would.

Used by tests/frozen (the app as shipped) and bench/frozen.py (the app and a bare baseline,
built the same way). Nothing is written inside the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "pyinstaller.spec"
NAME = "QontoDesktop"
BUILD_TIMEOUT = 600.0


class BuildError(AssertionError):
    """PyInstaller stopped with an error; the message holds the end of its output."""


def build(folder: Path, settings: Mapping[str, str] | None = None, name: str = NAME) -> Path:
    """Build into ``folder`` (``dist/`` and ``work/`` under it); return the executable's path.

    Args:
        settings: build-time variables (``QONTO_DESKTOP_ONEDIR``, ``QONTO_DESKTOP_BUILD_*``,
            ``QONTO_DESKTOP_SPEC_ENTRY``...), on top of this environment minus the app's own.
        name: the executable's name (``QONTO_DESKTOP_SPEC_NAME``).
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("QONTO_")}
    env.update(settings or {})
    env["QONTO_DESKTOP_SPEC_NAME"] = name
    env["PYINSTALLER_CONFIG_DIR"] = str(folder / "config")  # no cache in the user's home
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(folder / "dist"), "--workpath", str(folder / "work"), str(SPEC),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed ({result.returncode}):\n{result.stderr[-4000:]}")
    onedir = env.get("QONTO_DESKTOP_ONEDIR") == "1"
    executable = folder / "dist" / (f"{name}/{name}" if onedir else name)
    if sys.platform == "win32":
        executable = executable.with_suffix(".exe")
    if not executable.is_file():
        raise BuildError(f"PyInstaller ended without {executable}:\n{result.stderr[-4000:]}")
    return executable
