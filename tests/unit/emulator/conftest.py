"""Fixtures: a live emulator on a free port with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qonto_desktop.emulator import Emulator, ManualClock


@pytest.fixture
def clock() -> ManualClock:
    """A clock that moves only when the test says so."""
    return ManualClock(1_750_000_000.0)


@pytest.fixture
def emulator(clock: ManualClock) -> Iterator[Emulator]:
    """A running emulator (interactive consent), stopped after the test."""
    with Emulator(clock=clock) as running:
        yield running


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Emulator]:
    """A running emulator in sandbox mode, stopped after the test."""
    with Emulator(clock=clock, sandbox=True, consent_mode="approve") as running:
        yield running
