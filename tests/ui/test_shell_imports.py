"""What the window's first frame costs: the shell loads neither keyring nor the connection pane.

Both come after the first frame (keyring on the worker that first reads the keyring), so the
GUI thread does not pay for them before the window is on screen. Run in a fresh interpreter:
this one has both loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = ("keyring", "qonto_desktop.ui.panes.connection_pane")

SCRIPT = f"""\
import json, sys
from PySide6.QtWidgets import QApplication
from qonto_desktop.connections.desk import open_desk
from qonto_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(open_desk(), build_later=True)
window.show()
print(json.dumps([name for name in {LATER!r} if name in sys.modules]))
window.close()
"""


def test_the_shell_loads_no_keyring_and_no_pane(app_home: Path) -> None:
    env = {**os.environ, "QONTO_DESKTOP_HOME": str(app_home), "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(finished.stdout.strip().splitlines()[-1]) == []


HTTP_STACK = (
    "requests",
    "authlib",
    "qonto_desktop.oauth.tokens",
    "qonto_desktop.connections.context",
)

PANE_SCRIPT = f"""\
import json, sys
from PySide6.QtWidgets import QApplication
from qonto_desktop.connections.desk import open_desk
from qonto_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(open_desk())  # the pane built at once, both workers started
window.show()
assert window.workers.wait_for_done(30_000)
app.processEvents()
assert window.pane_ready
print(json.dumps([name for name in {HTTP_STACK!r} if name in sys.modules]))
window.close()
"""


def test_the_whole_window_with_its_list_loads_no_http_stack(app_home: Path) -> None:
    # Building the pane once imported the disconnect module, and with it requests, Authlib and
    # joserfc (about 270 ms on the GUI thread): they now load with the first action that needs
    # them, on its worker.
    env = {**os.environ, "QONTO_DESKTOP_HOME": str(app_home), "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "-c", PANE_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(finished.stdout.strip().splitlines()[-1]) == []


OAUTH = ("qonto_desktop.oauth.redirect", "qonto_desktop.oauth.errors")

LIST_SCRIPT = f"""\
import json, sys
from PySide6.QtWidgets import QApplication
from qonto_desktop.connections.desk import open_desk
from qonto_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(open_desk(), build_later=True)
window.show()
window.build_list()
assert window.list_ready and not window.pane_ready
print(json.dumps([name for name in {OAUTH!r} if name in sys.modules]))
window.close()
"""


def test_the_list_loads_no_sign_in_rules(app_home: Path) -> None:
    # The application API's values took the connect request's default wait from the redirect
    # URI's module, and with it the sign-in's errors (about 10 ms before the list was usable).
    env = {**os.environ, "QONTO_DESKTOP_HOME": str(app_home), "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "-c", LIST_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(finished.stdout.strip().splitlines()[-1]) == []
