"""The self-test's Qt probe, run in a child process: ``<app> --qt-probe TRANSLATION``.

It loads the app's translation and Qt's own French, then starts Qt's GUI, printing one JSON
line after each step, so that the parent learns how far it got even when a missing platform
library aborts the process. A frozen executable runs it through its own entry point.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QGuiApplication


def _say(**facts: object) -> None:
    print(json.dumps(facts), flush=True)


def main(argv: list[str]) -> int:
    """Probe, printing what was seen; exit status 0 once the GUI has started."""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _say(
        translation=QTranslator().load(argv[0]),
        qt_translation=QTranslator().load("qtbase_fr", qt_folder),
    )
    app = QGuiApplication(sys.argv[:1])
    _say(platform=app.platformName())
    return 0
