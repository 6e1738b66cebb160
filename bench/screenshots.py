"""Render each main state of the window to PNG, in English and French, to look at them.

``python bench/screenshots.py [--out docs/screenshots]``

The window runs offscreen (or on ``$DISPLAY`` when set) in demo mode, against the emulator in
this process and an in-memory keyring, under a temporary ``QONTO_DESKTOP_HOME``: it needs no
OS keyring, no browser and no network. Sizes are fixed (window 1100x720, dialog 760x640) at a
device pixel ratio of 1 for stable images; one more shot is taken at 2x, in a child process
started with ``QT_SCALE_FACTOR=2``, to check high-DPI crispness, and the detail pane's states
again at 150 % (``QT_SCALE_FACTOR=1.5``) in both languages, where clipped words show first.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import itertools
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date
from pathlib import Path

import requests
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from bench import browser_shots
from qonto_desktop.connections.demo_firm import EXTRA_COMPANIES, connect_firm
from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.connections.registration import CALLBACK_PATH
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import ServiceUnavailableError
from qonto_desktop.oauth.redirect import LOOPBACK_HOST
from qonto_desktop.qonto.errors import SERVICE
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.scheduled_task import CommandResult
from qonto_desktop.ui.app import install_translator
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.dialogs.schedule_section import ScheduleSection
from qonto_desktop.ui.dialogs.settings import SettingsDialog
from qonto_desktop.ui.language import set_language
from qonto_desktop.ui.main_window import CONNECTIONS, LOADING, MainWindow
from qonto_desktop.ui.panes.connection_model import STATUS
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one, make_desk
from tests.support.keep_alive import DAY, revoke
from tests.support.keyrings import MemoryKeyring
from tests.support.month_end_fake import FakeMonthEnd, receipts_for

ROOT = Path(__file__).resolve().parents[1]
# Connecting clients in a row: the form unfolded, a refusal's details, a company connected
# again, and the tally after "Connect another client".
CONNECT_STATES = ("connect-advanced", "error-details", "already-connected", "success-tally")
WINDOW_SIZE = QSize(1100, 720)
DIALOG_SIZE = QSize(760, 640)
WAIT_MS = 30_000
WINDOW_STATES = (
    "main-empty",
    "connect-dialog",
    "waiting",
    "success",
    "detail",
    "detail-advanced",
    "confirm-disconnect",
    "error",
    "detail-error",
    "firm-choice",
    "firm-list",
    "firm-attention",
    "keep-alive-notice",
    "renew-all-running",
    "renew-all",
    "settings-schedule",
    "settings-schedule-error",
    "list-first",
    "list-first-built",
    *CONNECT_STATES,
    "missing-counts",
    "export-dialog",
    "export-progress",
    "export-done",
    "missing-receipts",
)
# The browser's pages, shot by headless Chromium (bench/browser_shots.py).
STATES = (*WINDOW_STATES, *browser_shots.STATES)
FIRM_STATES = ("firm-choice", "firm-list", "firm-attention")
SCHEDULE_STATES = ("settings-schedule", "settings-schedule-error")
# At start-up: the list shown, the detail pane not built yet; then the same window once it is.
LIST_FIRST_STATES = ("list-first", "list-first-built")
# The month end: Export…, its progress mid-way (one client failed), its end, missing receipts.
MONTH_END_STATES = (
    "missing-counts",
    "export-dialog",
    "export-progress",
    "export-done",
    "missing-receipts",
)
MONTH_END_COMPANIES = 5  # beside the emulator's three: eight clients in the progress
# The scheduled renewal as a packaged app on an accountant's computer shows it.
SCHEDULE_EXECUTABLE = "/opt/qonto-desktop/QontoDesktop"
SCHEDULE_HOME = "/home/claire"
MONTH_END_TODAY = date(2026, 12, 7)  # the default period is then November 2026
HIGH_DPI_STATE = "detail"
# Shot again at 150 %, a common laptop scale, in both languages: clipped words show there first.
SCALED_STATES = ("detail", "detail-advanced", "confirm-disconnect")


# The in-memory keyring's name in each language of the shots.
KEYRING_NAMES = {"en": "In-memory keyring (screenshots)", "fr": "Coffre-fort en mémoire (captures)"}


class ScreenshotKeyring(MemoryKeyring):
    """The in-memory keyring, named in the window as what it is, in the shots' language."""

    name = KEYRING_NAMES["en"]


def wait_until(predicate: Callable[[], bool], what: str, timeout_ms: int = WAIT_MS) -> None:
    """Run the event loop until ``predicate`` holds.

    Raises:
        TimeoutError: it did not hold within ``timeout_ms``.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QTest.qWait(20)


class Browser:
    """The browser seam: follows the address on a thread, as a browser apart from the app."""

    def __init__(self, follow: bool) -> None:
        self.follow = follow
        self.companies: list[str] = []  # the organizations picked in Qonto, in turn
        self._threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        if self.companies:
            url = f"{url}&organization_id={self.companies.pop(0)}"
        if self.follow:
            thread = threading.Thread(target=_load, args=(url,), name="screenshot-browser")
            self._threads.append(thread)
            thread.start()
        return True

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=30)


def _load(url: str) -> None:
    # A cancelled attempt's receiver is gone: the redirect then finds nobody listening.
    with suppress(requests.RequestException):
        requests.get(url, timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK_HOST, 0))
        return int(probe.getsockname()[1])


def demo_desk(home: Path, emulator: Emulator) -> Desk:
    """A desk on the emulator with a registered redirect port, as demo mode sets one up."""
    port = free_port()
    emulator.register_redirect_uri(f"http://{LOOPBACK_HOST}:{port}{CALLBACK_PATH}")
    desk = make_desk(home, emulator, ScreenshotKeyring())
    registration = {"client_id": emulator.public_client.client_id, "redirect_port": port}
    return replace(desk, settings={"registrations": {"emulator": registration}})


def firm_desk(home: Path, emulator: Emulator) -> Desk:
    """A desk registered for user access on the emulator, as the demo firm's is."""
    port = free_port()
    emulator.register_redirect_uri(f"http://{LOOPBACK_HOST}:{port}{CALLBACK_PATH}")
    desk = make_desk(home, emulator, ScreenshotKeyring())
    client = emulator.user_access_client
    registration = {"client_id": client.client_id, "redirect_port": port, "access": "user"}
    if client.client_secret is not None:
        desk.secrets.set(client_secret_key("emulator", client.client_id), client.client_secret)
    return replace(desk, settings={"registrations": {"emulator": registration}})


class Shooter:
    """Saves widgets as ``<state>-<language>[@2x].png`` under ``out``."""

    def __init__(self, out: Path, language: str, only: set[str], suffix: str = "") -> None:
        self.out = out
        self.language = language
        self.only = only
        self.suffix = suffix
        self.saved: list[Path] = []

    def wants(self, state: str) -> bool:
        return state in self.only

    def shoot(self, state: str, widget: QWidget) -> None:
        if not self.wants(state):
            return
        QTest.qWait(50)  # let queued layout and paint events run before grabbing
        path = self.out / f"{state}-{self.language}{self.suffix}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        self.saved.append(path)
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


@contextmanager
def shown_window(
    desk: Desk, language: str, browser: Browser, demo_firm: Callable[[], Desk] | None = None
) -> Iterator[MainWindow]:
    window = MainWindow(
        desk, demo=True, language=language, open_browser=browser, demo_firm=demo_firm
    )
    window.resize(WINDOW_SIZE)
    window.show()
    wait_until(
        lambda: window.pages.currentIndex() != LOADING and window.backend is not None,
        "the connections to load",
    )
    try:
        yield window
    finally:
        window.close()
        browser.join()
        window.deleteLater()


def open_dialog(window: MainWindow, browser: Browser, follow: bool) -> ConnectDialog:
    browser.follow = follow
    dialog = window.open_connect()
    dialog.resize(DIALOG_SIZE)
    wait_until(dialog.isVisible, "the connect dialog")
    return dialog


def close_dialog(window: MainWindow, dialog: ConnectDialog) -> None:
    dialog.reject()
    wait_until(lambda: window.connect_dialog is None, "the dialog to close")


def render_language(shooter: Shooter, home: Path) -> None:
    """Every state, in order, on one emulator and one desk."""
    language = shooter.language
    with Emulator(consent_mode="approve") as emulator:
        desk = demo_desk(home, emulator)
        browser = Browser(follow=False)
        with shown_window(desk, language, browser) as window:
            shooter.shoot("main-empty", window)

            dialog = open_dialog(window, browser, follow=False)
            shooter.shoot("connect-dialog", dialog)
            dialog.form.connect_button.click()
            wait_until(lambda: bool(dialog.waiting_page.url.text()), "the waiting page")
            QTest.qWait(1100)  # one countdown tick, so the time left reads below the maximum
            shooter.shoot("waiting", dialog)
            close_dialog(window, dialog)

            emulator.consent_mode = "deny"
            dialog = open_dialog(window, browser, follow=True)
            dialog.form.connect_button.click()
            wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, "the denial")
            shooter.shoot("error", dialog)
            dialog.result_page.details.click()
            shooter.shoot("error-details", dialog)
            close_dialog(window, dialog)
            emulator.consent_mode = "approve"

            dialog = open_dialog(window, browser, follow=True)
            dialog.form.connect_button.click()
            wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, "the success")
            shooter.shoot("success", dialog)
            dialog.result_page.close_button.click()
            wait_until(lambda: window.connect_dialog is None, "the dialog to close")
            wait_until(lambda: window.pages.currentIndex() == CONNECTIONS, "the list")
            connect_in_a_row(shooter, window, browser, emulator)

            # Two more organizations, connected as a script would, for a fuller list.
            first = window.view.connection
            for organization in emulator.organizations[1:]:
                connect_one(desk, emulator, organization_id=organization.id)
            window.reload(select=first.id if first else None)
            wait_until(lambda: len(window.list.visible_names()) == 3, "three connections")
            shooter.shoot("detail", window)
            shoot_advanced(shooter, window)
            shoot_disconnect(shooter, window)

            emulator.faults.set("organization", Fault(status=503))
            window.view.test_button.click()
            wait_until(window.view.message.isVisible, "the failed test")
            shooter.shoot("detail-error", window)
            emulator.faults.clear()
            render_keep_alive(shooter, window, desk, emulator)


def render_keep_alive(shooter: Shooter, window: MainWindow, desk: Desk, emulator: Emulator) -> None:
    """The background renewal's notice, and Renew all while it runs and at its end."""
    keeper = window.keep_alive
    assert keeper is not None
    first, second, third = desk.index.load().connections
    # A background turn: one client lapses within 60 days, another was revoked at Qonto.
    desk.index.update_all([first.id], refresh_expires_at=desk.now() + 20 * DAY)
    desk.index.update_all([second.id], refresh_expires_at=desk.now() + 5 * DAY)
    revoke(desk, second)
    turns: list[object] = []
    keeper.keep_alive.finished.connect(lambda report, _: turns.append(report))
    keeper.keep_alive.timer.start(0)
    wait_until(lambda: bool(turns), "the background renewal")
    keeper.keep_alive.timer.stop()
    shooter.shoot("keep-alive-notice", window)
    due = [c.id for c in (first, third)]
    # Renew all while Qonto takes its time: the client to reconnect is told at once.
    desk.index.update_all(due, access_expires_at=desk.now())
    emulator.faults.set("token", Fault(delay=2.0, times=2))
    window.renew_all()
    running = keeper.dialog
    assert running is not None
    running.resize(DIALOG_SIZE)
    wait_until(lambda: len(running.rows) == 1, "the first outcome")
    shooter.shoot("renew-all-running", running)
    wait_until(lambda: running.over, "Renew all")
    running.reject()
    # Renew all again, every access token due; Qonto fails once (a 503) for one of them.
    desk.index.update_all(due, access_expires_at=desk.now())
    emulator.faults.set("token", Fault(status=503, times=1))
    window.renew_all()
    dialog = keeper.dialog
    assert dialog is not None
    wait_until(lambda: dialog.over, "Renew all")
    dialog.resize(DIALOG_SIZE)
    shooter.shoot("renew-all", dialog)
    dialog.reject()
    emulator.faults.clear()  # Settings' switch is in the settings-schedule shots


def shoot_advanced(shooter: Shooter, window: MainWindow) -> None:
    """The detail pane with "Advanced" open and scrolled into view; closed again after."""
    if not shooter.wants("detail-advanced"):
        return
    view = window.view
    view.advanced.toggle.click()
    wait_until(view.copy_button.isVisible, "the advanced section")
    QTest.qWait(50)
    view.details.ensureWidgetVisible(view.copy_button)
    shooter.shoot("detail-advanced", window)
    view.advanced.toggle.click()
    view.details.verticalScrollBar().setValue(0)


def shoot_disconnect(shooter: Shooter, window: MainWindow) -> None:
    """The question before a disconnect, answered "Keep the connection"."""
    if not shooter.wants("confirm-disconnect"):
        return
    window.view.disconnect_button.click()
    dialog = window.pane.confirm_dialog
    assert dialog is not None
    wait_until(dialog.isVisible, "the disconnect question")
    shooter.shoot("confirm-disconnect", dialog)
    dialog.reject()
    wait_until(lambda: not dialog.isVisible(), "the question to close")


def render_list_first(shooter: Shooter, home: Path) -> None:
    """The window as it starts: the list and the placeholder, then the detail pane built."""
    if not any(shooter.wants(state) for state in LIST_FIRST_STATES):
        return
    with Emulator(consent_mode="approve") as emulator:
        desk = demo_desk(home, emulator)
        for organization in emulator.organizations:
            connect_one(desk, emulator, organization_id=organization.id)
        window = MainWindow(desk, demo=True, language=shooter.language, build_later=True)
        build = window.build_pane
        window.build_pane = lambda: None  # type: ignore[method-assign]  # held for the shot
        window.resize(WINDOW_SIZE)
        window.show()
        try:
            wait_until(
                lambda: window.list_ready and window.pages.currentIndex() == CONNECTIONS,
                "the list",
            )
            shooter.shoot("list-first", window)
            build()
            wait_until(lambda: window.backend is not None, "the keyring's name")
            shooter.shoot("list-first-built", window)
        finally:
            window.close()
            window.deleteLater()


def render_month_end(shooter: Shooter, home: Path) -> None:
    """Export… for the selected client, the progress of all with one failure, missing receipts."""
    if not any(shooter.wants(state) for state in MONTH_END_STATES):
        return
    with Emulator(consent_mode="approve", extra_organizations=MONTH_END_COMPANIES) as emulator:
        desk = demo_desk(home, emulator)
        connections = [
            connect_one(desk, emulator, organization_id=organization.id)
            for organization in emulator.organizations
        ]
        # In the list's order (by name), as the export goes through them.
        names = dict(sorted(((c.id, display_name(c)) for c in connections), key=lambda i: i[1]))
        order = list(names)
        hold = threading.Event()
        service = FakeMonthEnd(
            names,
            failures={order[2]: ServiceUnavailableError(503, service=SERVICE)},
            receipts=receipts_for(names),
            hold=hold,
            hold_at=f"{order[4]}:receipts:20",
        )
        destination = home / "Clôtures"
        destination.mkdir(parents=True)
        window = MainWindow(desk, demo=True, language=shooter.language, month_end=service)
        window.resize(WINDOW_SIZE)
        window.show()
        try:
            shoot_month_end(shooter, window, service, hold, destination)
        finally:
            hold.set()
            window.close()
            window.deleteLater()


def shoot_month_end(
    shooter: Shooter,
    window: MainWindow,
    service: FakeMonthEnd,
    hold: threading.Event,
    destination: Path,
) -> None:
    """The export dialog, its progress held mid-way then at its end, and missing receipts."""
    wait_until(lambda: window.pane_ready and window.backend is not None, "the window")
    actions = window.month_end
    assert actions is not None
    actions.today = lambda: MONTH_END_TODAY
    actions.folder = Path(SCHEDULE_HOME) / "Clôtures"  # as on an accountant's computer
    actions.open_url = lambda url: True
    ticks = itertools.count(step=3.0)  # three seconds per step: a real export's pace
    actions.clock = lambda: next(ticks)
    first = next(iter(service.clients))
    wait_until(lambda: window.list.missing_count(first) is not None, "the counts")
    shooter.shoot("missing-counts", window)
    dialog = actions.open_export()
    assert dialog is not None
    wait_until(dialog.isVisible, "the export dialog")
    shooter.shoot("export-dialog", dialog)
    dialog.folder.setText(str(destination))  # a folder that exists here
    dialog.all_clients.setChecked(True)
    dialog.export_button.click()
    progress = actions.progress_dialog
    assert progress is not None
    progress.resize(QSize(760, 460))  # eight clients: the list without an empty half
    wait_until(service.holding.is_set, "the export mid-way")
    held = list(service.clients.values())[4]
    wait_until(lambda: "20" in dict(progress.rows).get(held, ""), "the rows")
    shooter.shoot("export-progress", progress)
    hold.set()
    wait_until(lambda: not progress.running, "the export's end")
    shooter.shoot("export-done", progress)
    progress.accept()
    missing = actions.open_missing()
    assert missing is not None
    missing.resize(QSize(900, 480))
    wait_until(lambda: missing.loaded, "the missing receipts")
    shooter.shoot("missing-receipts", missing)
    missing.reject()


def render_firm(shooter: Shooter, home: Path) -> None:
    """The demo firm's 40 companies in the list, then only those needing attention."""
    if not any(shooter.wants(state) for state in FIRM_STATES):
        return
    with Emulator(consent_mode="approve", extra_organizations=EXTRA_COMPANIES) as emulator:
        desk = firm_desk(home, emulator)

        def open_firm() -> Desk:  # as DemoMode.become_firm, on this emulator and keyring
            connect_firm(desk, "emulator", language=shooter.language)
            return desk

        with shown_window(desk, shooter.language, Browser(follow=False), open_firm) as window:
            shooter.shoot("firm-choice", window)
            window.empty.firm_button.click()
            wait_until(lambda: len(window.list.visible_names()) == 40, "the firm's 40")
            shooter.shoot("firm-list", window)
            window.list.attention.setChecked(True)
            window.list.sort_by(STATUS)
            window.list.view.selectRow(0)
            shooter.shoot("firm-attention", window)


def connect_in_a_row(
    shooter: Shooter, window: MainWindow, browser: Browser, emulator: Emulator
) -> None:
    """The form unfolded; the first company again (renewed); then another, with the tally."""
    dialog = open_dialog(window, browser, follow=True)
    dialog.form.advanced.click()
    shooter.shoot("connect-advanced", dialog)
    dialog.form.advanced.click()
    browser.companies = [emulator.organizations[0].id, emulator.organizations[1].id]
    dialog.form.connect_button.click()
    wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, "the renewal")
    wait_until(lambda: dialog.flow() is None, "the renewal to end")
    shooter.shoot("already-connected", dialog)
    dialog.result_page.another.click()
    wait_until(lambda: len(dialog.session) == 2, "the second client")
    wait_until(lambda: dialog.flow() is None, "the second client to end")
    shooter.shoot("success-tally", dialog)
    close_dialog(window, dialog)


@contextmanager
def packaged_app() -> Iterator[None]:
    """The app as its executable: the scheduled task runs that, not this interpreter."""
    executable, frozen = sys.executable, getattr(sys, "frozen", None)
    sys.executable = SCHEDULE_EXECUTABLE
    sys.frozen = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        sys.executable = executable
        if frozen is None:
            del sys.frozen  # type: ignore[attr-defined]
        else:
            sys.frozen = frozen  # type: ignore[attr-defined]


class NoUserManager:
    """The scheduler's seam as in a container: ``systemctl --user`` finds no bus."""

    def __call__(self, argv: object) -> CommandResult:
        return CommandResult(1, "Failed to connect to bus: No medium found")


def render_schedule(shooter: Shooter, home: Path) -> None:
    """Settings with the scheduled renewal: what it installs, then a scheduler that is missing."""
    if not (shooter.wants("settings-schedule") or shooter.wants("settings-schedule-error")):
        return
    paths = AppPaths(home / "config", home / "data", home / "logs")
    desk = open_desk({"HOME": SCHEDULE_HOME}, paths=paths, settings={})
    workers = Workers()
    with packaged_app():
        section = ScheduleSection(desk, workers, runner=NoUserManager(), platform="linux")
        dialog = SettingsDialog(desk.paths, workers, desk.settings, schedule=section)
        dialog.resize(DIALOG_SIZE)
        dialog.show()
        wait_until(lambda: section.task is not None, "the scheduled task's plan")
        shooter.shoot("settings-schedule", dialog)
        section.install.click()
        wait_until(lambda: section.message.kind == "error", "the install to fail")
        shooter.shoot("settings-schedule-error", dialog)
        dialog.reject()
        dialog.deleteLater()
    workers.wait_for_done()
    workers.deleteLater()


def render(out: Path, languages: list[str], only: set[str], suffix: str) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QGuiApplication.setDesktopFileName("qonto-desktop")
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="qonto-screenshots-") as temporary:
        os.environ["QONTO_DESKTOP_HOME"] = temporary
        for language in languages:  # English first: the translator is only ever added
            set_language(language)
            ScreenshotKeyring.name = KEYRING_NAMES.get(language, KEYRING_NAMES["en"])
            if language != "en" and not install_translator(app, language):
                print(f"no translation for {language}: its shots show English words")
            shooter = Shooter(out, language, only, suffix)
            apart = {*FIRM_STATES, *SCHEDULE_STATES, *LIST_FIRST_STATES, *MONTH_END_STATES}
            if only - apart:
                render_language(shooter, Path(temporary) / language)
            render_month_end(shooter, Path(temporary) / f"{language}-month-end")
            render_list_first(shooter, Path(temporary) / f"{language}-list-first")
            render_firm(shooter, Path(temporary) / f"{language}-firm")
            render_schedule(shooter, Path(temporary) / f"{language}-schedule")
            saved.extend(shooter.saved)
    return saved


def high_dpi_shot(out: Path) -> int:
    """Take the 2x shot in a child process: the scale factor is fixed when Qt starts."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--out",
        str(out),
        "--languages",
        "en",
        "--only",
        HIGH_DPI_STATE,
        "--suffix",
        "@2x",
    ]
    return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


def scaled_shots(out: Path) -> int:
    """The pane's states at 150 % in both languages, in a child process (as for 2x)."""
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5"}
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--out",
        str(out),
        "--only",
        *SCALED_STATES,
        "--suffix",
        "@1.5x",
    ]
    return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "fr"], choices=["en", "fr"])
    parser.add_argument("--only", nargs="+", default=list(STATES), choices=STATES)
    parser.add_argument("--suffix", default="", help=argparse.SUPPRESS)
    parser.add_argument("--no-high-dpi", action="store_true", help="skip the 2x shot")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.suffix:
        os.environ["QT_SCALE_FACTOR"] = "1"  # device pixel ratio 1, whatever the screen
        os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if set(args.only) & set(WINDOW_STATES):
        render(out, args.languages, set(args.only), args.suffix)
    if not args.suffix:
        browser_shots.shoot(out, args.languages, set(args.only))
    if args.suffix or args.no_high_dpi:
        return 0
    if set(args.only) & set(SCALED_STATES) and scaled_shots(out) != 0:
        return 1
    return high_dpi_shot(out)


if __name__ == "__main__":
    sys.exit(main())
