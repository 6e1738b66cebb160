"""Programs the app starts get the system's library search path, not the executable's.

On Linux, the executable built by PyInstaller puts its own folder first on ``LD_LIBRARY_PATH``
(keeping the user's value in ``LD_LIBRARY_PATH_ORIG``) so that its bundled libraries load. A
browser or file manager started with that path would load the bundled libraries instead of its
own, and may crash. The dynamic loader reads ``LD_LIBRARY_PATH`` once, when a process starts,
so putting it back at start-up changes nothing for the app itself, only for the programs it
starts: the browser (through Qt, ``webbrowser`` or ``QONTO_DESKTOP_BROWSER``) and the file
manager behind "Open log folder". macOS needs nothing (PyInstaller rewrites library paths
there); on Windows the bootloader's DLL directory is left as it is, since the app's own later
imports still need it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

PATH_VARIABLE = "LD_LIBRARY_PATH"
SAVED_VARIABLE = "LD_LIBRARY_PATH_ORIG"  # where PyInstaller's bootloader keeps the user's value


def restore_library_path(
    environ: MutableMapping[str, str] | None = None,
    *,
    frozen: bool | None = None,
    platform: str = sys.platform,
) -> bool:
    """Put back the library search path the user started the executable with.

    Returns:
        True when the environment was changed.
    """
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if not frozen or platform in ("win32", "darwin", "cygwin"):
        return False
    env = os.environ if environ is None else environ
    if SAVED_VARIABLE in env:
        env[PATH_VARIABLE] = env.pop(SAVED_VARIABLE)
        return True
    return env.pop(PATH_VARIABLE, None) is not None
