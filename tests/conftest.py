"""Shared fixtures: an isolated app home, figures printed at the end, no leaked threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt must never need a screen in the tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_FIGURES: list[tuple[str, str, object]] = []

Figure = Callable[[str, object], None]


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Figure:
    """Record a measured figure; every figure is printed in the test run's summary."""

    def record(name: str, value: object) -> None:
        _FIGURES.append((request.node.nodeid, name, value))

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print every recorded figure, so CI logs carry them."""
    if not _FIGURES:
        return
    terminalreporter.section("figures")
    for nodeid, name, value in _FIGURES:
        terminalreporter.write_line(f"{nodeid}: {name} = {value}")


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put every file the app writes under a fresh folder, never the real user's."""
    home = tmp_path / "app-home"
    monkeypatch.setenv("QONTO_DESKTOP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a thread running (a receiver, a worker, an emulator)."""
    before = set(threading.enumerate())
    yield
    # Threads Python did not start (Qt's pools) show as dummies: tests/ui checks those.
    new = [
        t
        for t in threading.enumerate()
        if t not in before and not isinstance(t, threading._DummyThread)
    ]
    for thread in new:  # give stops in progress a moment to finish joining
        thread.join(timeout=5)
    leaked = [t.name for t in new if t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"
