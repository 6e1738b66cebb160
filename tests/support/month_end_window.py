"""Helpers for the month-end window tests: a fixed today, a folder picker, unwritable folders."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from qonto_desktop.ui.month_end.destination import unusable

TODAY = date(2026, 12, 7)


def today() -> date:
    """The tests' today: the default period is then November 2026."""
    return TODAY


class Picker:
    """A folder or file picker that answers ``answer`` and remembers what it was asked."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent: QWidget, title: str, start: str) -> str:
        self.asked.append((title, start))
        return self.answer


def unwritable_folder(tmp_path: Path) -> Path | None:
    """A real folder files cannot be written in: read-only for a user, ``/sys`` for root."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    candidate = Path("/sys")
    return candidate if unusable(candidate) == "not_writable" else None
