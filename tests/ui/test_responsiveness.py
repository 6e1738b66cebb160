"""A slow Qonto never freezes the window: every emulator answer is delayed by 3 seconds.

While a connect flow runs, a 50 ms heartbeat timer on the GUI thread records when it fires.
Its longest gap says whether anything blocked the GUI thread: a blocking network or keyring
call there would stall it for about 3 seconds, once per delayed answer. The bound (500 ms) is
far above a healthy gap (a few tens of ms) and far below one delayed answer, so the check is
functional, not a benchmark: a loaded CI machine passes it, a blocking call never does.

Cancel must bring the form back within a bounded time and free the redirect port; closing the
window in the middle of a flow must stop the receiver and every worker, leaving no thread
running and no port bound (the conftest's autouse fixtures check threads again).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.fresh import access_token
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.emulator.faults import ENDPOINTS
from qonto_desktop.oauth import loopback_linger
from qonto_desktop.oauth.redirect import LOOPBACK_HOST
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.scheduled_task import CommandResult
from qonto_desktop.ui import keep_alive
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.dialogs.schedule_section import ScheduleSection
from qonto_desktop.ui.main_window import EMPTY, LOADING, MainWindow
from qonto_desktop.ui.workers import Workers
from tests.conftest import Figure
from tests.support.issued_tokens import access_tokens, api_accepts
from tests.support.keep_alive import ageing
from tests.support.keyrings import MemoryKeyring
from tests.support.schedulers import FakeRunner

DELAY = 3.0  # seconds, on every emulator endpoint
HEARTBEAT_MS = 50
LONGEST_GAP = 0.5  # seconds; see the module docstring
CANCEL_WITHIN_MS = 2000  # Cancel while waiting for the browser: back to the form by then
FLOW_MS = 60_000  # the whole slow flow: about 4 delayed answers
# Every test here waits out Qonto answering DELAY seconds late, on purpose.
pytestmark = pytest.mark.slow(seconds=8)


class Heartbeat:
    """A timer on the GUI thread that records the gaps between its ticks."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []
        self.ticks: list[float] = []

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()  # a stall just before stopping counts too

    def _tick(self) -> None:
        now = time.monotonic()
        self.gaps.append(now - self._last)
        self.ticks.append(now)
        self._last = now

    @property
    def longest(self) -> float:
        return max(self.gaps, default=0.0)


class SlowBrowser:
    """A browser on its own thread: loads the address, follows Qonto's redirect to the app.

    Like a real browser it never blocks the app that opened it. It registers the redirect URI
    first, as the Developer Portal would. ``came_back`` is set once the app, having heard the
    browser come back, asks Qonto for the tokens (the receiver answers the browser only when
    the app knows the outcome, so the browser's own answer comes too late to say it).
    """

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator
        self._threads: list[threading.Thread] = []
        self.urls: list[str] = []
        self.came_back = threading.Event()
        self.errors: list[str] = []

    def __call__(self, url: str) -> bool:
        redirect_uri = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        self._emulator.register_redirect_uri(redirect_uri)
        self.urls.append(url)
        thread = threading.Thread(target=self._load, args=(url,), name="slow-browser")
        self._threads.append(thread)
        thread.start()
        return True

    def _load(self, url: str) -> None:
        try:
            answer = requests.get(url, timeout=30)
        except requests.RequestException as exc:  # the app stopped listening meanwhile
            self.errors.append(type(exc).__name__)
            return
        if answer.status_code != 200:
            self.errors.append(f"HTTP {answer.status_code}")

    def port(self) -> int:
        """The port of the receiver the last address sends the browser back to."""
        port = urlsplit(parse_qs(urlsplit(self.urls[-1]).query)["redirect_uri"][0]).port
        assert port
        return port

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=30)
        assert not [t for t in self._threads if t.is_alive()]


@pytest.fixture
def slow(emulator: Emulator) -> Iterator[Emulator]:
    """The emulator, every endpoint answering 3 seconds late."""
    for name in sorted(ENDPOINTS):
        emulator.faults.set(name, Fault(delay=DELAY))
    yield emulator
    emulator.faults.clear()


@pytest.fixture
def browser(slow: Emulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowBrowser]:
    opened = SlowBrowser(slow)
    take = slow.faults.take

    def noting_the_exchange(name: str) -> Fault | None:
        if name == "token":
            opened.came_back.set()
        return take(name)

    monkeypatch.setattr(slow.faults, "take", noting_the_exchange)
    yield opened
    opened.join()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, workers: Workers, browser: SlowBrowser) -> MainWindow:
    """The demo window, shown and loaded; its connect dialog opens the slow browser."""
    shown = MainWindow(desk, demo=True, workers=workers, open_browser=browser)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.pages.currentIndex() != LOADING and shown.backend is not None)
    assert shown.pages.currentIndex() == EMPTY
    return shown


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((LOOPBACK_HOST, port))
        except OSError:
            return False
    return True


def start_connecting(qtbot: QtBot, window: MainWindow) -> ConnectDialog:
    """Open the dialog from the empty state and press Connect (the Demo is preselected)."""
    QTest.mouseClick(window.empty.button, Qt.MouseButton.LeftButton)
    dialog = window.connect_dialog
    assert dialog is not None
    assert dialog.form.environment_name() == "emulator"
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    return dialog


def wait_for_browser(
    qtbot: QtBot, dialog: ConnectDialog, browser: SlowBrowser, *, opened_before: int = 0
) -> int:
    """Wait until the receiver listens and the browser was asked once more than
    ``opened_before`` times; the receiver's port."""
    qtbot.waitUntil(
        lambda: bool(dialog.waiting_page.url.text() and len(browser.urls) > opened_before)
    )
    assert dialog.pages.currentWidget() is dialog.waiting_page
    return browser.port()


def test_a_slow_qonto_never_blocks_the_gui_thread(
    qtbot: QtBot, window: MainWindow, browser: SlowBrowser, figure: Figure
) -> None:
    heartbeat = Heartbeat()
    countdown: set[str] = set()

    def watch() -> None:
        dialog = window.connect_dialog
        if dialog is not None and dialog.pages.currentWidget() is dialog.waiting_page:
            countdown.add(dialog.waiting_page.time_left.text())

    watcher = QTimer()
    watcher.setInterval(100)
    watcher.timeout.connect(watch)
    watcher.start()
    heartbeat.start()
    started = time.monotonic()
    dialog = start_connecting(qtbot, window)
    with qtbot.waitSignal(dialog.connected, timeout=FLOW_MS):
        pass
    took = time.monotonic() - started
    heartbeat.stop()
    watcher.stop()
    figure("slow connect flow, seconds", round(took, 1))
    figure("longest GUI-thread gap during it, ms", round(heartbeat.longest * 1000))
    # auth, token, organization and membership each answered 3 s late.
    assert took >= 4 * DELAY
    assert heartbeat.longest < LONGEST_GAP, f"the GUI thread stalled {heartbeat.longest:.2f} s"
    assert len(heartbeat.ticks) >= took * 1000 / HEARTBEAT_MS / 2  # it really ran throughout
    assert len(countdown - {""}) >= 2, countdown  # the time left kept counting down
    assert dialog.pages.currentWidget() is dialog.result_page
    QTest.mouseClick(dialog.result_page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_cancel_while_the_browser_is_slow_returns_to_the_form(
    qtbot: QtBot, window: MainWindow, browser: SlowBrowser, desk: Desk, figure: Figure
) -> None:
    dialog = start_connecting(qtbot, window)
    port = wait_for_browser(qtbot, dialog, browser)
    assert not port_is_free(port)  # the receiver listens
    heartbeat = Heartbeat()
    heartbeat.start()
    pressed = time.monotonic()
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.pages.currentWidget() is dialog.form and dialog.flow() is None,
        timeout=CANCEL_WITHIN_MS,
    )
    figure("Cancel to form, ms", round((time.monotonic() - pressed) * 1000))
    heartbeat.stop()
    assert heartbeat.longest < LONGEST_GAP
    assert not port_is_free(port)  # the receiver lingers, to answer the late browser
    assert dialog.form.connect_button.isEnabled()  # ready for another attempt
    assert not dialog.busy
    browser.join()  # its late redirect was told the sign-in was cancelled, as it should
    assert browser.errors == ["HTTP 410"]
    assert desk.index.load().connections == ()
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_cancel_after_the_browser_came_back_stops_before_saving(
    qtbot: QtBot, window: MainWindow, browser: SlowBrowser, desk: Desk
) -> None:
    """Cancel during the slow token exchange: ConnectFlow.cancel is "safe at any moment;
    failed follows with a cancellation", so nothing is saved and the form comes back."""
    dialog = start_connecting(qtbot, window)
    wait_for_browser(qtbot, dialog, browser)
    qtbot.waitUntil(browser.came_back.is_set, timeout=FLOW_MS)  # now exchanging the code
    assert dialog.flow() is not None
    connected: list[object] = []
    dialog.connected.connect(connected.append)
    pressed = time.monotonic()
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=FLOW_MS)
    took = time.monotonic() - pressed
    assert connected == [], f"Cancel was pressed, yet {took:.1f} s later it connected"
    assert desk.index.load().connections == ()
    assert dialog.pages.currentWidget() is dialog.form
    # The answer in flight may still arrive (one delay), but no further step may start.
    assert took < 2 * DELAY
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def revocations_running() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "revoke-abandoned-grant"]


def test_cancel_during_the_exchange_revokes_the_grant_qonto_issued(
    qtbot: QtBot,
    window: MainWindow,
    browser: SlowBrowser,
    *,
    slow: Emulator,
    desk: Desk,
    keyring_backend: MemoryKeyring,
) -> None:
    """The tokens Qonto issues for a cancelled attempt would stay valid at Qonto: the grant is
    revoked, off the GUI thread, without Cancel waiting for it, and nothing is saved."""
    dialog = start_connecting(qtbot, window)
    wait_for_browser(qtbot, dialog, browser)
    qtbot.waitUntil(browser.came_back.is_set, timeout=FLOW_MS)  # now exchanging the code
    heartbeat = Heartbeat()
    heartbeat.start()
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=FLOW_MS)
    assert dialog.pages.currentWidget() is dialog.form
    # Back at the form while the revocation still waits for its (3 s late) answer.
    assert slow.events["revoked"] == 0, "Cancel waited for the revocation"
    assert not dialog.busy
    qtbot.waitUntil(lambda: slow.events["revoked"] == 1, timeout=FLOW_MS)
    qtbot.waitUntil(lambda: not revocations_running(), timeout=FLOW_MS)
    heartbeat.stop()
    assert heartbeat.longest < LONGEST_GAP, f"the GUI thread stalled {heartbeat.longest:.2f} s"
    assert slow.events["code_redeemed"] == 1
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())
    slow.faults.clear()
    issued = access_tokens(slow)
    assert issued
    assert not any(api_accepts(slow, token) for token in issued)  # Qonto honours none of it
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_closing_the_window_while_waiting_stops_everything(
    qtbot: QtBot, window: MainWindow, browser: SlowBrowser, workers: Workers, figure: Figure
) -> None:
    # A first attempt, cancelled, then another one: the window closes in the middle of it.
    dialog = start_connecting(qtbot, window)
    first = wait_for_browser(qtbot, dialog, browser)
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.form and not dialog.busy)
    assert not port_is_free(first)  # lingering for a late browser: the exit ends it
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    port = wait_for_browser(qtbot, dialog, browser, opened_before=1)
    assert not port_is_free(port)
    closing = time.monotonic()
    window.close()
    figure("closing the window mid-flow, ms", round((time.monotonic() - closing) * 1000))
    assert not window.isVisible()
    assert not dialog.isVisible()
    assert workers.wait_for_done(0)  # the flow ended before close returned
    assert QThreadPool.globalInstance().waitForDone(0)
    qtbot.waitUntil(lambda: not workers.busy)  # its outcome, queued, reached the GUI thread
    # What is left answers late browsers only (it completes nothing); the app's exit ends it,
    # as here (tests/unit/oauth/test_loopback_linger.py runs a real exit).
    loopback_linger.end_all()
    assert port_is_free(first)
    assert port_is_free(port)
    receivers = [t.name for t in threading.enumerate() if t.name.startswith("oauth-receiver")]
    assert receivers == []


def test_closing_the_window_during_the_token_exchange_abandons_the_flow(
    qtbot: QtBot,
    window: MainWindow,
    browser: SlowBrowser,
    *,
    slow: Emulator,
    desk: Desk,
    figure: Figure,
) -> None:
    """After the browser came back, closing stops the flow at its next step: the GUI thread
    waits for the answer in flight at most, and nothing is saved after the window closed.
    The grant Qonto issued is revoked after the window has gone, never delaying its close."""
    dialog = start_connecting(qtbot, window)
    port = wait_for_browser(qtbot, dialog, browser)
    qtbot.waitUntil(browser.came_back.is_set, timeout=FLOW_MS)
    closing = time.monotonic()
    window.close()
    took = time.monotonic() - closing
    figure("closing the window during the token exchange, s", round(took, 1))
    assert not window.isVisible()
    assert window.workers.wait_for_done(0)
    assert port_is_free(port)
    assert desk.index.load().connections == (), "a connection was saved after the window closed"
    assert took < 2 * DELAY, f"closing froze the window for {took:.1f} s"
    assert slow.events["revoked"] == 0  # closing did not wait for the revocation...
    qtbot.waitUntil(lambda: slow.events["revoked"] == 1, timeout=FLOW_MS)  # ...which happened
    qtbot.waitUntil(lambda: not revocations_running(), timeout=FLOW_MS)
    assert desk.index.load().connections == ()


def test_the_background_renewal_never_blocks_the_gui_thread(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    *,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
    figure: Figure,
) -> None:
    """The keep-alive's renewal runs on a worker while Qonto answers 3 seconds late."""
    monkeypatch.setattr(keep_alive, "FIRST_DELAY_MS", 0)
    lapsing = ageing(desk, emulator, [20, 20, 20])
    emulator.faults.set("token", Fault(delay=DELAY))
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    outcomes: list[object] = []
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.monotonic()
    window.show()
    qtbot.waitUntil(lambda: window.keep_alive is not None)
    assert window.keep_alive is not None
    window.keep_alive.keep_alive.finished.connect(lambda report, _: outcomes.append(report))
    qtbot.waitUntil(lambda: bool(outcomes), timeout=FLOW_MS)
    took = time.monotonic() - started
    heartbeat.stop()
    figure("background renewal of 3 with Qonto 3 s late, seconds", round(took, 1))
    figure("longest GUI-thread gap during it, ms", round(heartbeat.longest * 1000))
    assert took >= DELAY
    assert heartbeat.longest < LONGEST_GAP, f"the GUI thread stalled {heartbeat.longest:.2f} s"
    assert len(heartbeat.ticks) >= took * 1000 / HEARTBEAT_MS / 2
    for connection in lapsing:
        assert (desk.index.get(connection.id).refresh_expires_at or 0) > desk.now() + 89 * 86400
    window.close()


def test_closing_the_window_during_a_background_renewal_loses_nothing(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    *,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
    figure: Figure,
) -> None:
    """Closing waits for the answers in flight (never for a whole renewal), and what Qonto
    rotated meanwhile is saved: every connection still renews afterwards."""
    monkeypatch.setattr(keep_alive, "FIRST_DELAY_MS", 0)
    lapsing = ageing(desk, emulator, [20, 20])
    emulator.faults.set("token", Fault(delay=DELAY))
    asked = threading.Event()
    take = emulator.faults.take

    def noting_the_refresh(name: str) -> Fault | None:
        if name == "token":
            asked.set()
        return take(name)

    monkeypatch.setattr(emulator.faults, "take", noting_the_refresh)
    window = MainWindow(desk, workers=workers)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(asked.is_set, timeout=FLOW_MS)  # a refresh waits for Qonto's late answer
    closing = time.monotonic()
    window.close()
    took = time.monotonic() - closing
    figure("closing the window during a background renewal, s", round(took, 1))
    assert window.workers.wait_for_done(0)
    assert took < 2 * DELAY, f"closing froze the window for {took:.1f} s"
    emulator.faults.clear()
    for connection in lapsing:
        assert desk.index.get(connection.id).state == "ok"
        assert api_accepts(emulator, access_token(desk, connection.id).access_token)


SLOW_COMMAND = 1.0  # seconds each scheduler command takes; a blocked GUI thread stalls that long


class SlowScheduler(FakeRunner):
    """``systemctl`` answering late: each command takes SLOW_COMMAND on the caller's thread."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[threading.Thread] = set()

    def __call__(self, argv: Sequence[str]) -> CommandResult:
        threading.Event().wait(SLOW_COMMAND)  # the scheduler's own slowness, not a synchronisation
        self.threads.add(threading.current_thread())
        return super().__call__(argv)


def test_a_slow_scheduler_never_blocks_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, workers: Workers
) -> None:
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    desk = open_desk(environ, paths=AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "l"))
    runner = SlowScheduler()
    section = ScheduleSection(desk, workers, runner=runner, platform="linux")
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.task is not None)
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.monotonic()
    QTest.mouseClick(section.install, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.remove.isEnabled, timeout=FLOW_MS)
    took = time.monotonic() - started
    heartbeat.stop()
    assert len(runner.commands) == 3  # the probe, daemon-reload, enable
    assert took >= 3 * SLOW_COMMAND
    assert heartbeat.longest < LONGEST_GAP, f"the GUI thread stalled {heartbeat.longest:.2f} s"
    assert threading.main_thread() not in runner.threads
