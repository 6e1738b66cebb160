"""How the user starts the app from a terminal, for the commands that messages suggest."""

from __future__ import annotations

import sys

# The hidden option that starts the app as the self-test's Qt probe (qonto_desktop/ui/qt_probe.py).
QT_PROBE_FLAG = "--qt-probe"
# The command `pip install .` puts on the PATH ([project.scripts] in pyproject.toml).
INSTALLED_COMMAND = "qonto-desktop"


def program_name() -> str:
    """The program as started: the executable, ``qonto-desktop``, ``python -m`` or ``main.py``."""
    from pathlib import Path, PureWindowsPath  # noqa: PLC0415 - not on token's quick path

    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    main_spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if main_spec is not None and main_spec.name == f"{__package__}.__main__":
        return f"python -m {__package__}"
    # pip's launcher is qonto-desktop on Unix and qonto-desktop.exe on Windows; PureWindowsPath
    # splits on both separators, so one rule serves every system.
    started = PureWindowsPath(sys.argv[0]) if sys.argv else PureWindowsPath()
    if started.stem == INSTALLED_COMMAND:
        return INSTALLED_COMMAND
    return "main.py"
