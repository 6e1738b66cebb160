"""End-to-end fixtures: the built-in emulator and Debian's Chromium, headless."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qonto_desktop.emulator import Emulator
from tests.support.chromium import HeadlessChromium
from tests.support.components import require


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[HeadlessChromium]:
    """A headless Chromium with its own HOME and profile, ended after the test."""
    executable = require("chromium", "chromium")
    home = tmp_path / "browser-home"
    home.mkdir()
    browser = HeadlessChromium(executable, home)
    yield browser
    browser.close()


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """The emulator, approving every consent without clicks."""
    with Emulator(consent_mode="approve") as running:
        yield running
