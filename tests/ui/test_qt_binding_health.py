"""The Qt binding keeps Python's reference counts right over a long session.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to ``None`` on every call of a Qt
method that returns nothing: after a few thousand such calls, a window in daily use would abort
("Fatal Python error: none_dealloc"). requirements.txt pins a release without the fault; this
test refuses one that has it. It runs in a fresh interpreter, so a fault ends only that one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

CALLS = 50_000  # ten times None's whole reference count at start-up

SCRIPT = f"""\
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

app = QApplication(sys.argv[:1])
box = QCheckBox("x")
before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
for _ in range({CALLS}):
    box.setEnabled(True)
    box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    box.isChecked()
after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
print(json.dumps([a - b for a, b in zip(after, before)]))
"""


def test_a_long_session_of_qt_calls_leaves_none_true_and_false_alone() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    # A faulty binding loses one reference per call (and aborts first); a sound one may differ
    # by the odd reference the interpreter itself took or gave back meanwhile.
    changes = json.loads(finished.stdout.strip().splitlines()[-1])
    assert [abs(change) < CALLS // 1000 for change in changes] == [True, True, True], changes
