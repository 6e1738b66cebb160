"""Fixtures for tests of the use cases and the window: the emulator (auto-approve), an in-memory
keyring, and a desk on both with files under the test home. Conftests import them by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from tests.support.desks import make_desk
from tests.support.keyrings import MemoryKeyring


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """The emulator, approving every consent without clicks."""
    with Emulator(consent_mode="approve") as running:
        yield running


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    """A keyring in memory."""
    return MemoryKeyring()


@pytest.fixture
def desk(app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring) -> Desk:
    """A desk on the emulator environment with the in-memory keyring."""
    return make_desk(app_home, emulator, keyring_backend)
