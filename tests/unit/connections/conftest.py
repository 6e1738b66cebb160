"""The use cases against the emulator, with an in-memory keyring and files under the test home."""

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
    with Emulator(consent_mode="approve") as running:
        yield running


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def desk(app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring) -> Desk:
    return make_desk(app_home, emulator, keyring_backend)
