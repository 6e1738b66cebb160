"""The single place that opens a web browser, so tests and odd set-ups can replace it.

``QONTO_DESKTOP_BROWSER`` names a program to run with the address as its only argument
(for example a headless browser in tests, or ``wslview`` under WSL); it is started in the
background and never waited for. Otherwise the system's default browser is used.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
import webbrowser

log = logging.getLogger(__name__)

BROWSER_VARIABLE = "QONTO_DESKTOP_BROWSER"

# Browsers started here are never waited for; holding them lets finished ones be reaped.
_started: list[subprocess.Popen[bytes]] = []


def open_url(url: str, environ: dict[str, str] | None = None) -> bool:
    """Ask a browser to open ``url``; return False when none could be started.

    The address is never logged: it carries the authorization's state.
    """
    env = os.environ if environ is None else environ
    command = env.get(BROWSER_VARIABLE, "").strip()
    if command:
        _started[:] = [process for process in _started if process.poll() is None]
        try:
            process = subprocess.Popen(  # noqa: S603 - the user's own configured browser command
                [*shlex.split(command), url],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as exc:
            log.warning("the browser command in %s failed: %s", BROWSER_VARIABLE, exc.strerror)
            return False
        _started.append(process)
        return True
    try:
        return webbrowser.open(url, new=2)
    except webbrowser.Error:
        return False
