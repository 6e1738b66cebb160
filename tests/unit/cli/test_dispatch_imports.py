"""The command dispatch loads what the command needs: no HTTP stack for a plain ``status``.

Run in a fresh interpreter: this one has everything loaded already.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from tests.support.command_line import script_report

WINDOWS = sys.platform == "win32"
WATCHED = (
    "requests",
    "authlib",
    "truststore",
    "qonto_desktop.connections.verify",
    "qonto_desktop.system.console",
)

SCRIPT = f"""\
import io, json, sys
from qonto_desktop.cli.main import main

out, err = io.StringIO(), io.StringIO()
code = main(sys.argv[1:], out=out, err=err)
loaded = [name for name in {WATCHED!r} if name in sys.modules]
print(json.dumps({{"code": code, "loaded": loaded, "out": out.getvalue()}}))
"""


def dispatch(app_home: Path, *words: str) -> dict[str, object]:
    env = {
        **os.environ,
        "QONTO_DESKTOP_HOME": str(app_home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # no D-Bus needed
    }
    return script_report(SCRIPT, *words, env=env)


def test_a_plain_status_loads_no_http_stack(app_home: Path) -> None:
    result = dispatch(app_home, "status")
    assert result["code"] == 0
    assert "No connection yet" in str(result["out"])
    # The console module is for the Windows executable only.
    assert result["loaded"] == (["qonto_desktop.system.console"] if WINDOWS else [])


def test_status_check_gets_the_live_check(app_home: Path) -> None:
    result = dispatch(app_home, "status", "--check")
    assert result["code"] == 0
    loaded = cast(list[str], result["loaded"])
    assert "qonto_desktop.connections.verify" in loaded
    assert "requests" in loaded
