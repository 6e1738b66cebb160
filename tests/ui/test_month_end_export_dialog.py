"""Export…: the default period, each kind of period, and what is wrong said in the dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.month_end import DEFAULT_FORMATS, ExportRequest
from qonto_desktop.ui.month_end.export_dialog import DATES, QUARTER, ExportDialog
from tests.support.month_end_window import Picker, today, unwritable_folder


def make(qtbot: QtBot, folder: Path | None, **options: object) -> tuple[ExportDialog, list[object]]:
    dialog = ExportDialog(
        client=("c-1", "Boulangerie Martin"),
        clients=3,
        folder=folder,
        language="en",
        today=today,
        **options,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    asked: list[object] = []
    dialog.requested.connect(asked.append)
    dialog.show()
    return dialog, asked


def test_the_default_is_the_previous_month_for_the_selected_client(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, asked = make(qtbot, tmp_path)
    assert dialog.month.currentText() == "November 2026"
    assert dialog.only_client.text() == "Only Boulangerie Martin"
    assert dialog.all_clients.text() == "All clients (3)"
    dialog.export_button.click()
    assert len(asked) == 1
    request = asked[0]
    assert isinstance(request, ExportRequest)
    assert request.connection_ids == ("c-1",)
    assert (request.period.start, request.period.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert request.period.label == "2026-11"
    assert request.destination == tmp_path
    assert request.formats == DEFAULT_FORMATS
    assert not dialog.isVisible()


def test_all_clients_a_quarter_and_the_formats_ticked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, asked = make(qtbot, tmp_path)
    dialog.all_clients.setChecked(True)
    dialog.kind.setCurrentIndex(QUARTER)
    assert dialog.quarter.currentText() == "Q3 2026 (July to September)"
    dialog.formats["csv_plain"].setChecked(True)
    dialog.formats["statements"].setChecked(False)
    dialog.export_button.click()
    request = asked[0]
    assert isinstance(request, ExportRequest)
    assert request.connection_ids is None
    assert request.period.label == "2026-Q3"
    assert request.period.end == date(2026, 9, 30)
    assert request.formats == frozenset({"csv_excel", "csv_plain", "ofx", "receipts"})


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2026, 11, 20), date(2026, 11, 3), "The period ends before it starts."),
        (date(2026, 12, 1), date(2026, 12, 31), "The period ends after today."),
    ],
    ids=["end-before-start", "future"],
)
def test_a_bad_period_is_said_in_the_dialog_and_nothing_is_asked(
    qtbot: QtBot, tmp_path: Path, start: date, end: date, words: str
) -> None:
    dialog, asked = make(qtbot, tmp_path)
    dialog.kind.setCurrentIndex(DATES)
    dialog.start.setDate(QDate(start.year, start.month, start.day))
    dialog.end.setDate(QDate(end.year, end.month, end.day))
    dialog.export_button.click()
    assert asked == []
    assert dialog.isVisible()
    assert dialog.message.kind == "error"
    assert words in dialog.message.text


def test_chosen_dates_up_to_today_are_exported(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, asked = make(qtbot, tmp_path)
    dialog.kind.setCurrentIndex(DATES)
    dialog.start.setDate(QDate(2026, 11, 3))
    dialog.end.setDate(QDate(2026, 12, 7))
    dialog.export_button.click()
    request = asked[0]
    assert isinstance(request, ExportRequest)
    assert request.period.label == "2026-11-03_2026-12-07"


def test_an_unwritable_folder_chosen_in_the_picker_is_refused_with_a_message(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    if folder is None:
        pytest.skip("no folder here refuses writing")
    picker = Picker(str(folder))
    dialog, asked = make(qtbot, None, choose_folder=picker)
    dialog.choose.click()
    assert picker.asked, "the picker was not opened"
    assert dialog.folder.text() == str(folder)
    dialog.export_button.click()
    assert asked == []
    assert f"The folder {folder} cannot be written to." in dialog.message.text
    assert "Choose a folder of yours" in dialog.message.text


def test_no_folder_a_missing_one_and_no_format_are_each_said(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, asked = make(qtbot, None)
    dialog.export_button.click()
    assert "No destination folder is chosen." in dialog.message.text
    dialog.folder.setText(str(tmp_path / "gone"))
    dialog.export_button.click()
    assert "does not exist" in dialog.message.text
    dialog.folder.setText(str(tmp_path))
    for check in dialog.formats.values():
        check.setChecked(False)
    dialog.export_button.click()
    assert "No file is chosen." in dialog.message.text
    assert asked == []
    assert list(tmp_path.iterdir()) == [], "the folder check left a file behind"


def test_without_a_selected_client_only_all_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(client=None, clients=40, folder=tmp_path, language="en", today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.only_client.isVisible()
    assert dialog.all_clients.isChecked()
    request = dialog.request()
    assert request is not None
    assert request.connection_ids is None
