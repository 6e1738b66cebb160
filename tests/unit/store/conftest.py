"""Fixtures of the store's unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.keyrings import HangingKeyring


@pytest.fixture
def hanging() -> Iterator[HangingKeyring]:
    """A keyring that hangs until the test ends, then lets its threads finish."""
    backend = HangingKeyring()
    yield backend
    backend.release()
