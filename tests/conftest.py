"""Shared fixtures: an isolated app home, figures printed at the end, no leaked threads."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt must never need a screen in the tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixtures every folder may use, kept in tests/support (conftest modules import no test module).
pytest_plugins = ["tests.support.root_logger", "tests.support.secret_service_fixtures"]

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


@pytest.fixture
def redirect_port() -> int:
    """A port free on 127.0.0.1 right now, for a redirect URI the app will listen on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
