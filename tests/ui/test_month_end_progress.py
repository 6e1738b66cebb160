"""The export's progress: a row per client in words, Cancel, Retry, Open folder, the time left."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.export_errors import ExportCancelledError
from qonto_desktop.connections.month_end import (
    ClientProgress,
    ExportReport,
    ExportRequest,
    PeriodChoice,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.month_end.progress_dialog import ExportProgressDialog
from qonto_desktop.ui.month_end.service import ExportStopped
from qonto_desktop.ui.month_end.time_left import left_words, seconds_left
from qonto_desktop.ui.workers import Workers
from tests.support.month_end_fake import FakeMonthEnd

CLIENTS = {"c-1": "Boulangerie Martin", "c-2": "Atelier Durand", "c-3": "Cabinet Lefèvre"}
NOVEMBER = PeriodChoice(date(2026, 11, 1), date(2026, 11, 30), "2026-11")
DOWN = QontoDesktopError(
    "Qonto's service answered with an error (HTTP 503).",
    next_action="Try again in a few minutes.",
)


@pytest.fixture
def hold() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave the worker waiting


class Urls:
    def __init__(self) -> None:
        self.asked: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.asked.append(url)
        return True


def open_progress(
    qtbot: QtBot,
    service: FakeMonthEnd,
    workers: Workers,
    destination: Path,
    *,
    urls: Urls | None = None,
) -> ExportProgressDialog:
    request = ExportRequest(None, NOVEMBER, destination)
    dialog = ExportProgressDialog(
        service,
        workers,
        request,
        list(CLIENTS.items()),
        language="en",
        open_url=urls or Urls(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def words_of(dialog: ExportProgressDialog, name: str) -> str:
    return dict(dialog.rows)[name]


def test_each_stage_is_said_in_words_while_the_gui_thread_stays_free(
    qtbot: QtBot, workers: Workers, tmp_path: Path, hold: threading.Event
) -> None:
    service = FakeMonthEnd(dict(CLIENTS), hold=hold)
    dialog = open_progress(qtbot, service, workers, tmp_path)
    assert dialog.run is not None
    seen: list[str] = []
    dialog.run.progress.connect(lambda _: seen.append(words_of(dialog, "Boulangerie Martin")))
    # The worker is blocked inside the export; the window still shows its first step.
    qtbot.waitUntil(
        lambda: words_of(dialog, "Boulangerie Martin") == "Reading transactions: 0 of 480"
    )
    assert service.holding.is_set()
    assert words_of(dialog, "Atelier Durand") == "Waiting"
    assert dialog.running
    assert dialog.cancel_button.isVisible()
    assert not dialog.open_button.isVisible()
    hold.set()
    qtbot.waitUntil(lambda: not dialog.running)
    shown = list(dict.fromkeys(seen))  # each text once, in the order first shown
    start = shown.index("Reading transactions: 120 of 480")
    assert shown[start:] == [
        "Reading transactions: 120 of 480",
        "Reading transactions: 240 of 480",
        "Reading transactions: 360 of 480",
        "Reading transactions: 480 of 480",
        "Downloading statements",
        "Downloading receipts: 0 of 40",
        "Downloading receipts: 10 of 40",
        "Downloading receipts: 20 of 40",
        "Downloading receipts: 30 of 40",
        "Downloading receipts: 40 of 40",
        "Writing files",
        "Done",
    ]
    assert dialog.rows == [(name, "Done") for name in CLIENTS.values()]
    assert dialog.status.text() == "Done — exported: 3."
    assert dialog.open_button.isVisible()
    assert not dialog.cancel_button.isVisible()


def test_a_failure_says_why_and_what_to_do_and_offers_retry_for_that_client_alone(
    qtbot: QtBot, workers: Workers, tmp_path: Path
) -> None:
    service = FakeMonthEnd(
        dict(CLIENTS),
        failures={"c-2": DOWN, "c-3": NeedsReconnectError("Cabinet <b>Lefèvre</b>\n")},
    )
    dialog = open_progress(qtbot, service, workers, tmp_path)
    qtbot.waitUntil(lambda: not dialog.running)
    assert words_of(dialog, "Atelier Durand") == (
        "Failed: Qonto's service answered with an error (HTTP 503). — Try again in a few minutes."
    )
    reconnect = words_of(dialog, "Cabinet Lefèvre")
    assert reconnect.startswith("To reconnect — Reconnect it: sign in to Qonto again")
    assert dialog.status.text() == "Done — exported: 1, failed: 2."
    assert dialog.retry_button("c-2").isVisible()
    assert not dialog.retry_button("c-3").isVisible(), "a retry cannot help a lost consent"
    assert not dialog.retry_button("c-1").isVisible()
    del service.failures["c-2"]  # Qonto answers again
    dialog.retry_button("c-2").click()
    assert words_of(dialog, "Atelier Durand") == "Waiting"
    qtbot.waitUntil(lambda: not dialog.running)
    assert [r.connection_ids for r in service.requests] == [None, ("c-2",)]
    assert service.requests[1].period == NOVEMBER
    assert service.requests[1].destination == tmp_path
    assert words_of(dialog, "Atelier Durand") == "Done"
    assert words_of(dialog, "Boulangerie Martin") == "Done"
    assert dialog.status.text() == "Done — exported: 2, failed: 1."


@pytest.mark.parametrize("as_report", [False, True], ids=["raised", "reported"])
def test_cancel_stops_at_the_next_checkpoint_and_the_rows_say_it_resumes(
    qtbot: QtBot, workers: Workers, tmp_path: Path, hold: threading.Event, as_report: bool
) -> None:
    service = FakeMonthEnd(dict(CLIENTS), hold=hold, cancel_as_report=as_report)
    dialog = open_progress(qtbot, service, workers, tmp_path)
    qtbot.waitUntil(service.holding.is_set)
    dialog.cancel_button.click()
    assert dialog.status.text() == "Stopping at the next safe point…"
    hold.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert service.steps == ["c-1:syncing:0"], "the export went on after Cancel"
    stopped = "Stopped — resumes next time"
    assert dialog.rows == [(name, stopped) for name in CLIENTS.values()]
    assert dialog.status.text() == "Stopped — exported: 0; the others resume at the next export."
    assert not any(dialog.retry_button(key).isVisible() for key in CLIENTS)


def test_open_folder_asks_for_the_destination(
    qtbot: QtBot, workers: Workers, tmp_path: Path
) -> None:
    urls = Urls()
    dialog = open_progress(qtbot, FakeMonthEnd(dict(CLIENTS)), workers, tmp_path, urls=urls)
    qtbot.waitUntil(lambda: not dialog.running)
    dialog.open_button.click()
    assert urls.asked == [QUrl.fromLocalFile(str(tmp_path))]


def test_the_time_left_waits_until_the_pace_means_something() -> None:
    assert seconds_left(0, 40, 60.0) is None  # nobody finished
    assert seconds_left(1, 40, 3.0) is None  # too soon
    assert seconds_left(2, 40, 30.0) is None  # not a tenth yet
    assert seconds_left(4, 40, 40.0) == pytest.approx(360.0)
    assert seconds_left(40, 40, 400.0) is None  # over
    assert left_words(20, "en") == "Less than a minute left"
    assert left_words(360, "en") == "About 6 min left"
    assert left_words(4800, "en") == "About 1 h 20 min left"


def test_the_time_left_is_shown_once_meaningful(
    qtbot: QtBot, workers: Workers, tmp_path: Path, hold: threading.Event
) -> None:
    clock = [100.0]
    first = threading.Event()
    service = FakeMonthEnd(dict(CLIENTS), hold=first)
    request = ExportRequest(None, NOVEMBER, tmp_path)
    dialog = ExportProgressDialog(
        service, workers, request, list(CLIENTS.items()), language="en", clock=lambda: clock[0]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(service.holding.is_set)
    assert not dialog.left.isVisible()
    clock[0] = 160.0  # a minute later, one client of three finished: two minutes left
    service.holding.clear()
    service.hold, service.hold_at = hold, "c-2:syncing:0"  # held again, at the next client
    first.set()
    qtbot.waitUntil(service.holding.is_set)
    qtbot.waitUntil(lambda: words_of(dialog, "Atelier Durand") == "Reading transactions: 0 of 480")
    assert words_of(dialog, "Boulangerie Martin") == "Done"
    assert dialog.left.isVisible()
    assert dialog.left.text() == "About 2 min left"
    hold.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert not dialog.left.isVisible()


def test_closing_the_dialog_while_it_runs_stops_the_export_cleanly(
    qtbot: QtBot, workers: Workers, tmp_path: Path, hold: threading.Event
) -> None:
    service = FakeMonthEnd(dict(CLIENTS), hold=hold)
    dialog = open_progress(qtbot, service, workers, tmp_path)
    qtbot.waitUntil(service.holding.is_set)
    dialog.reject()
    hold.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert service.steps == ["c-1:syncing:0"]
    assert {words for _, words in dialog.rows} == {"Stopped — resumes next time"}


class StopsWithItsOwnError(FakeMonthEnd):
    """A service that reports the window's stop as an error of its own."""

    def export(
        self,
        request: ExportRequest,
        on_progress: Callable[[ClientProgress], None],
        checkpoint: Callable[[str], None],
    ) -> ExportReport:
        try:
            return super().export(request, on_progress, checkpoint)
        except ExportStopped:
            stopped = QontoDesktopError("The export was stopped.", next_action="Export again.")
            raise stopped from None


def test_a_stop_reported_as_an_error_after_cancel_is_no_failure(
    qtbot: QtBot, workers: Workers, tmp_path: Path, hold: threading.Event
) -> None:
    service = StopsWithItsOwnError(dict(CLIENTS), hold=hold)
    dialog = open_progress(qtbot, service, workers, tmp_path)
    qtbot.waitUntil(service.holding.is_set)
    dialog.cancel_button.click()
    hold.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert not dialog.message.isVisible()
    assert {words for _, words in dialog.rows} == {"Stopped — resumes next time"}


class CannotRun(FakeMonthEnd):
    """A service whose export fails as a whole (Qonto down before any client)."""

    def export(
        self,
        request: ExportRequest,
        on_progress: Callable[[ClientProgress], None],
        checkpoint: Callable[[str], None],
    ) -> ExportReport:
        raise DOWN


def test_an_export_that_cannot_run_says_why(qtbot: QtBot, workers: Workers, tmp_path: Path) -> None:
    service = CannotRun(dict(CLIENTS))
    dialog = open_progress(qtbot, service, workers, tmp_path)
    qtbot.waitUntil(lambda: not dialog.running)
    assert "HTTP 503" in dialog.message.text
    assert {words for _, words in dialog.rows} == {"Failed"}


def test_the_windows_stop_is_the_application_apis_clean_cancel() -> None:
    # The real export ends cleanly on the app's errors and re-raises anything else.
    assert ExportStopped is ExportCancelledError
