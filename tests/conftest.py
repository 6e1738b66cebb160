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

from qonto_desktop.oauth import loopback_linger
from qonto_desktop.store.keyring_worker import KEYRING_WORKER

# Fixtures every folder may use, kept in tests/support (conftest modules import no test module).
pytest_plugins = ["tests.support.root_logger", "tests.support.secret_service_fixtures"]

_FIGURES: list[tuple[str, str, str]] = []
_FIGURE_PREFIX = "figure: "

Figure = Callable[[str, object], None]


def expected_seconds(item: pytest.Item) -> float:
    """How long a test is expected to take: its ``slow(seconds=N)`` marker, else nothing."""
    slow = item.get_closest_marker("slow")
    return float(slow.kwargs.get("seconds", 1)) if slow is not None else 0.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest tests first, so that under xdist no worker starts one near the end."""
    items.sort(key=expected_seconds, reverse=True)


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Figure:
    """Record a measured figure; every figure is printed in the test run's summary."""

    def record(name: str, value: object) -> None:
        # As a user property, a figure travels with the test's report from an xdist worker.
        request.node.user_properties.append((f"{_FIGURE_PREFIX}{name}", str(value)))

    return record


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keep the figures of each finished test (its teardown report carries them all)."""
    if report.when != "teardown":
        return
    for name, value in report.user_properties:
        if name.startswith(_FIGURE_PREFIX):
            _FIGURES.append((report.nodeid, name.removeprefix(_FIGURE_PREFIX), str(value)))


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
    # A cancelled sign-in's receiver lingers by design (a daemon thread: the app's exit ends
    # it); the end of a test ends it too (tests/unit/oauth/test_loopback_linger.py tests it).
    loopback_linger.end_all()
    # Threads Python did not start (Qt's pools) show as dummies: tests/ui checks those. A secret
    # store's keyring worker lives as long as its store, which pytest still holds here; it
    # ends when the store is collected (tests/unit/store/test_keyring_worker.py).
    new = [
        t
        for t in threading.enumerate()
        if t not in before
        and not isinstance(t, threading._DummyThread)
        and not (t.daemon and t.name == KEYRING_WORKER)
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
