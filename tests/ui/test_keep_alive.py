"""The window keeps connections alive: in the background after start, and with Renew all.

The background renewal renews only what lapses within 60 days; Renew all renews what is due
with its progress and each client's outcome; a revoked connection is marked to reconnect and
kept; one failure does not stop the rest; two renewals never run at once; Settings turns the
background renewals off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.renew_due import RenewAllReport
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.system.settings import load_settings
from qonto_desktop.ui import keep_alive as keep_alive_module
from qonto_desktop.ui.keep_alive_window import WindowKeepAlive
from qonto_desktop.ui.main_window import MainWindow
from qonto_desktop.ui.workers import Workers
from tests.support.keep_alive import DAY, Clock, ageing, on_clock, revoke
from tests.support.main_window import open_window

TURN_MS = 30_000  # a renewal against the emulator: a few round trips


@pytest.fixture
def soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first background renewal at once after the window is built."""
    monkeypatch.setattr(keep_alive_module, "FIRST_DELAY_MS", 0)


@pytest.fixture
def clocked(desk: Desk) -> tuple[Desk, Clock]:
    return on_clock(desk)


class Recorder:
    """The keep-alive's signals, in the order they came."""

    def __init__(self, keeper: WindowKeepAlive) -> None:
        self.events: list[tuple[str, bool]] = []
        self.progress: list[tuple[int, int]] = []
        self.reports: list[tuple[RenewAllReport, bool]] = []
        keep_alive = keeper.keep_alive
        keep_alive.started.connect(lambda manual: self.events.append(("started", manual)))
        keep_alive.finished.connect(self._finished)
        keep_alive.failed.connect(lambda _error, manual: self.events.append(("failed", manual)))
        keep_alive.progress.connect(lambda done, total, _: self.progress.append((done, total)))

    def _finished(self, report: RenewAllReport, manual: bool) -> None:
        self.events.append(("finished", manual))
        self.reports.append((report, manual))


def keeper_of(window: MainWindow) -> WindowKeepAlive:
    assert window.keep_alive is not None
    return window.keep_alive


@pytest.fixture
def window_later(qtbot: QtBot, workers: Workers) -> Iterator[list[MainWindow]]:
    """Windows opened by the test, closed after it (their renewals stopped and waited for)."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()


def test_the_background_renewal_renews_only_what_lapses_soon(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    *,
    soon: None,
    window_later: list[MainWindow],
) -> None:
    desk, clock = clocked
    old, young, dying = ageing(desk, emulator, [40, 80, 3])
    clock.now += 2 * 3600  # every access token has lapsed: that alone is no reason
    before = emulator.events["refreshed"]
    window = MainWindow(desk, workers=workers)
    window_later.append(window)
    qtbot.addWidget(window)
    recorder = Recorder(keeper_of(window))  # built with the window: its first turn is queued
    window.show()
    qtbot.waitUntil(lambda: ("finished", False) in recorder.events, timeout=TURN_MS)
    assert recorder.events == [("started", False), ("finished", False)]
    assert emulator.events["refreshed"] - before == 2
    assert recorder.progress == [(1, 3), (2, 3), (3, 3)]
    for renewed in (old, dying):
        assert desk.index.get(renewed.id).refresh_expires_at == clock.now + 90 * DAY
    assert desk.index.get(young.id).refresh_expires_at == young.refresh_expires_at
    assert window.notice.text == "Connections renewed in the background: 2."
    # The next turn is hours away; nothing runs meanwhile.
    timer = keeper_of(window).keep_alive.timer
    assert timer.isActive()
    assert timer.interval() == keep_alive_module.PERIOD_MS


def test_a_revoked_connection_is_marked_to_reconnect_kept_and_reported_once(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    *,
    soon: None,
    window_later: list[MainWindow],
) -> None:
    desk, _ = clocked
    revoked, kept_alive = ageing(desk, emulator, [10, 10])
    revoke(desk, revoked)
    window = open_window(qtbot, desk, workers)
    window_later.append(window)
    keeper = keeper_of(window)
    qtbot.waitUntil(
        lambda: not keeper.keep_alive.busy and bool(window.notice.text), timeout=TURN_MS
    )
    assert desk.index.get(revoked.id).state == "needs_reconnect"  # marked, never deleted
    assert (desk.index.get(kept_alive.id).refresh_expires_at or 0) > desk.now() + 89 * DAY
    assert "To reconnect:" in window.notice.text
    assert revoked.display_name in window.notice.text
    assert window.notice.text.startswith("Connections renewed in the background: 1. To reconnect")
    assert len(window.list.visible_names()) == 2
    # The list shows the new status as the outcome arrived.
    assert window.list.select(revoked.id)
    current = window.list.current()
    assert current is not None
    assert current.state == "needs_reconnect"
    # Next turn: nothing lapses any more, and the client already reported is not told again.
    window.notice.clear()
    recorder = Recorder(keeper)
    keeper.keep_alive.timer.setInterval(0)
    qtbot.waitUntil(lambda: ("finished", False) in recorder.events, timeout=TURN_MS)
    keeper.keep_alive.timer.stop()
    assert window.notice.text == ""


def test_renew_all_shows_progress_and_each_clients_outcome(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    window_later: list[MainWindow],
) -> None:
    desk, clock = clocked
    revoked, fine, failing = ageing(desk, emulator, [80, 80, 80])
    revoke(desk, revoked)
    clock.now += 2 * 3600  # every access token is due: Renew all renews them
    window = open_window(qtbot, desk, workers)
    window_later.append(window)
    keeper = keeper_of(window)
    keeper.keep_alive.timer.stop()  # this test is about Renew all alone
    recorder = Recorder(keeper)
    # One cannot be renewed at all: its app registration is gone from the settings.
    desk.index.update_all([failing.id], environment="sandbox")
    assert window.renew_action.isEnabled()
    assert window.renew_action.shortcut().toString() == "Ctrl+Shift+R"
    shown: list[str] = []  # the dialog's words as each outcome arrives (its slot runs first)
    window.renew_action.trigger()
    dialog = keeper.dialog
    assert dialog is not None
    keeper.keep_alive.progress.connect(lambda *_: shown.append(dialog.status.text()))
    qtbot.waitUntil(lambda: dialog.over, timeout=TURN_MS)
    assert shown == [f"Renewing access: {done} of 3…" for done in (1, 2, 3)]
    assert recorder.events == [("started", True), ("finished", True)]
    assert recorder.progress == [(1, 3), (2, 3), (3, 3)]
    # What needs the user comes first: the failure, then the one to reconnect.
    assert [o.kind for o in dialog.outcomes] == ["failed", "reconnect", "renewed"]
    assert [name for name, _ in dialog.rows] == [
        failing.display_name,
        revoked.display_name,
        fine.display_name,
    ]
    rows = dict(dialog.rows)
    reconnect = rows[revoked.display_name].splitlines()
    assert reconnect[0] == "To reconnect (kept in the list)."
    assert reconnect[1].startswith("Qonto no longer accepts the connection to")
    assert reconnect[2].startswith("What to do: Reconnect it")
    assert rows[failing.display_name].startswith("Failed.\n")
    assert rows[fine.display_name] == "Renewed"
    assert dialog.status.text() == ("Done. Renewed: 1. Still valid: 0. To reconnect: 1. Failed: 1.")
    assert desk.index.get(revoked.id).state == "needs_reconnect"
    assert {c.id for c in desk.index.load().connections} == {revoked.id, fine.id, failing.id}
    assert dialog.bar.value() == dialog.bar.maximum()


def test_renew_all_during_a_background_renewal_waits_for_it(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    *,
    soon: None,
    window_later: list[MainWindow],
) -> None:
    desk, clock = clocked
    ageing(desk, emulator, [30, 30])
    clock.now += 2 * 3600
    emulator.faults.set("token", Fault(delay=1.0, times=2))  # the background renewal is slow
    window = MainWindow(desk, workers=workers)
    window_later.append(window)
    qtbot.addWidget(window)
    keeper = keeper_of(window)
    recorder = Recorder(keeper)
    window.show()
    qtbot.waitUntil(lambda: recorder.events == [("started", False)], timeout=TURN_MS)
    refreshed = emulator.events["refreshed"]
    window.renew_action.trigger()
    dialog = keeper.dialog
    assert dialog is not None
    assert "Waiting for the background renewal" in dialog.status.text()
    assert recorder.events == [("started", False)]  # not two at once
    window.renew_action.trigger()  # asked again: still one dialog, one renewal to come
    assert keeper.dialog is dialog
    qtbot.waitUntil(lambda: dialog.over, timeout=TURN_MS)
    assert recorder.events == [
        ("started", False),
        ("finished", False),
        ("started", True),
        ("finished", True),
    ]
    # The background one renewed both; Renew all found them fresh.
    assert emulator.events["refreshed"] == refreshed + 2
    assert [o.kind for o in dialog.outcomes] == ["valid", "valid"]
    assert "Renewed: 0. Still valid: 2." in dialog.status.text()


def test_settings_turn_the_background_renewals_off_and_on(
    qtbot: QtBot, desk: Desk, workers: Workers, window_later: list[MainWindow]
) -> None:
    window = open_window(qtbot, desk, workers)
    window_later.append(window)
    keep_alive = keeper_of(window).keep_alive
    assert keep_alive.timer.isActive()  # on by default
    dialog = window.menu_actions.open_settings()
    box = dialog.findChild(QCheckBox)
    assert box is dialog.keep_alive
    assert box.isChecked()
    box.setChecked(False)
    with qtbot.waitSignal(window.menu_actions.settings_saved):
        dialog.buttons.accepted.emit()
    assert load_settings(desk.paths)["keep_alive"] is False
    assert not keep_alive.timer.isActive()
    assert window.notice.text == "Settings saved."  # the language did not change
    dialog = window.menu_actions.open_settings()
    assert not dialog.keep_alive.isChecked()
    dialog.keep_alive.setChecked(True)
    with qtbot.waitSignal(window.menu_actions.settings_saved):
        dialog.buttons.accepted.emit()
    assert keep_alive.timer.isActive()


def test_turned_off_in_the_settings_file_nothing_is_scheduled(
    qtbot: QtBot, desk: Desk, workers: Workers, window_later: list[MainWindow]
) -> None:
    from dataclasses import replace

    off = replace(desk, settings={**desk.settings, "keep_alive": False})
    window = open_window(qtbot, off, workers)
    window_later.append(window)
    assert not keeper_of(window).keep_alive.timer.isActive()
    assert window.renew_action.isEnabled()  # Renew all stays at hand


def test_a_background_turn_during_renew_all_is_skipped(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    *,
    window_later: list[MainWindow],
) -> None:
    desk, clock = clocked
    ageing(desk, emulator, [30])  # lapsing: a background turn would renew it
    clock.now += 2 * 3600  # and due: Renew all renews it
    window = open_window(qtbot, desk, workers)
    window_later.append(window)
    keeper = keeper_of(window)
    recorder = Recorder(keeper)
    emulator.faults.set("token", Fault(delay=1.0, times=1))
    window.renew_all()
    assert recorder.events == [("started", True)]
    assert keeper.keep_alive.renewing_all
    turned: list[bool] = []
    keeper.keep_alive.timer.timeout.connect(lambda: turned.append(True))
    keeper.keep_alive.timer.start(0)  # the background's turn comes now
    qtbot.waitUntil(lambda: bool(turned))
    assert keeper.keep_alive.renewing_all  # the turn came while Renew all ran
    dialog = keeper.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.over, timeout=TURN_MS)
    assert recorder.events == [("started", True), ("finished", True)], recorder.events
    assert keeper.keep_alive.timer.interval() == keep_alive_module.PERIOD_MS  # next in hours


def test_renew_all_closed_before_the_end_goes_on_and_the_window_tells_its_outcome(
    qtbot: QtBot,
    clocked: tuple[Desk, Clock],
    emulator: Emulator,
    workers: Workers,
    *,
    window_later: list[MainWindow],
) -> None:
    desk, clock = clocked
    (connection,) = ageing(desk, emulator, [80])
    clock.now += 2 * 3600
    window = open_window(qtbot, desk, workers)
    window_later.append(window)
    keeper = keeper_of(window)
    keeper.keep_alive.timer.stop()
    recorder = Recorder(keeper)
    emulator.faults.set("token", Fault(delay=1.0, times=1))
    window.renew_all()
    dialog = keeper.dialog
    assert dialog is not None
    dialog.reject()  # Close while it runs
    qtbot.waitUntil(lambda: keeper.dialog is None)
    qtbot.waitUntil(lambda: ("finished", True) in recorder.events, timeout=TURN_MS)
    expected = "Renew all is done. Renewed: 1. Still valid: 0. To reconnect: 0. Failed: 0."
    assert window.notice.text == expected
    assert desk.index.get(connection.id).refreshed_at == clock.now
