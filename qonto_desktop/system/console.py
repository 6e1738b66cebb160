"""Windows: the executable is a window app, so double-clicking it opens no console window.

A window app started from a terminal has no standard streams of its own; a script that captures
its output hands it pipes, which Python picks up as usual. For the command line typed in a
terminal, :func:`attach_parent_console` connects the missing streams to that terminal's
console. Everywhere else, and in a source checkout, it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1: the console of the process that started us


def attach_parent_console(platform: str = sys.platform) -> bool:
    """Give the frozen Windows app the caller's console for any missing stream.

    Returns:
        True when a console was attached; False when nothing was needed or none exists
        (started by a double-click or by a program without a console).
    """
    missing = sys.stdin is None or sys.stdout is None or sys.stderr is None
    if platform != "win32" or not getattr(sys, "frozen", False) or not missing:
        return False
    kernel32: Any = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009
    if not kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return False
    if sys.stdout is None:
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115
    if sys.stdin is None:
        sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115
    return True
