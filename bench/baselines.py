"""The bare programs the benchmarks compare the app with, as Python source."""

from __future__ import annotations


def bare_window(*imports: str) -> str:
    """A PySide6 window holding a label, after importing ``imports`` (``"keyring"``...)."""
    lines = [f"import {name}  # noqa: F401" for name in imports]
    return "\n".join(
        [
            "import sys",
            "",
            *lines,
            "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow",
            "",
            "app = QApplication(sys.argv[:1])",
            "window = QMainWindow()",
            'window.setCentralWidget(QLabel("Qonto Desktop"))',
            "window.show()",
            "sys.exit(app.exec())",
            "",
        ]
    )
