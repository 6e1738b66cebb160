"""Missing receipts: every client's in one table, sorted on values, searched, saved as CSV."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qonto_desktop.ui.month_end.missing_dialog import MissingReceiptsDialog
from qonto_desktop.ui.month_end.missing_model import AMOUNT, CLIENT, DAY
from qonto_desktop.ui.workers import Workers
from tests.support.month_end_fake import FakeMonthEnd, demo_receipts
from tests.support.month_end_window import Picker

IDS = {"Boulangerie Martin": "c-1", "Atelier Durand": "c-2", "Cabinet Lefèvre": "c-3"}


def open_view(
    qtbot: QtBot, workers: Workers, service: FakeMonthEnd, language: str = "en", **options: object
) -> MissingReceiptsDialog:
    dialog = MissingReceiptsDialog(
        service,
        workers,
        language=language,
        **options,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def column(dialog: MissingReceiptsDialog, which: int) -> list[str]:
    proxy = dialog.proxy
    return [str(proxy.index(row, which).data()) for row in range(proxy.rowCount())]


def test_every_missing_receipt_is_listed_with_a_count_in_the_title(
    qtbot: QtBot, workers: Workers
) -> None:
    dialog = open_view(qtbot, workers, FakeMonthEnd({}, receipts=demo_receipts(IDS)))
    assert dialog.windowTitle() == "Missing receipts (8)"
    assert dialog.status.text() == "Transactions needing a receipt: 8."
    assert column(dialog, DAY)[:2] == ["02/11/2026", "03/11/2026"]  # by date at first


def test_amounts_sort_on_their_cents_not_on_their_words(qtbot: QtBot, workers: Workers) -> None:
    dialog = open_view(qtbot, workers, FakeMonthEnd({}, receipts=demo_receipts(IDS)), "fr")
    dialog.view.sortByColumn(AMOUNT, Qt.SortOrder.AscendingOrder)
    cents = [receipt.amount_cents for receipt in dialog.proxy.shown()]
    assert cents == sorted(cents)
    assert cents[0] == -128_000
    assert cents[-1] == 150_000
    words = column(dialog, AMOUNT)
    assert words[0] == "-1\u202f280,00\xa0€"
    assert words[-1] == "1\u202f500,00\xa0€"
    assert words != sorted(words), "text order would differ: the test would prove nothing"


def test_dates_sort_on_the_day_and_clients_on_their_names(qtbot: QtBot, workers: Workers) -> None:
    dialog = open_view(qtbot, workers, FakeMonthEnd({}, receipts=demo_receipts(IDS)))
    dialog.view.sortByColumn(DAY, Qt.SortOrder.DescendingOrder)
    days = [receipt.day for receipt in dialog.proxy.shown()]
    assert days == sorted(days, reverse=True)
    dialog.view.sortByColumn(CLIENT, Qt.SortOrder.AscendingOrder)
    assert column(dialog, CLIENT)[0] == "Atelier Durand"
    assert column(dialog, CLIENT)[-1] == "Cabinet Lefèvre"


def test_the_csv_holds_the_rows_shown_in_the_order_shown(
    qtbot: QtBot, workers: Workers, tmp_path: Path
) -> None:
    service = FakeMonthEnd({}, receipts=demo_receipts(IDS))
    picker = Picker(str(tmp_path / "a-relever"))
    dialog = open_view(qtbot, workers, service, choose_file=picker, folder=tmp_path)
    dialog.search.setText("boulangerie")
    assert dialog.status.text() == "Transactions shown: 3 of 8."
    dialog.view.sortByColumn(AMOUNT, Qt.SortOrder.AscendingOrder)
    shown = tuple(dialog.proxy.shown())
    dialog.export_button.click()
    assert picker.asked[0][1] == str(tmp_path / "missing-receipts.csv")
    qtbot.waitUntil(lambda: dialog.message.kind == "success" and dialog.message.isVisible())
    assert service.written == [(shown, tmp_path / "a-relever.csv")]
    assert [receipt.amount_cents for receipt in shown] == [-128_000, -4_590, -990]
    assert dialog.message.text.startswith("Rows saved: 3, in ")


def test_hostile_names_are_shown_as_one_safe_line(qtbot: QtBot, workers: Workers) -> None:
    first = demo_receipts(IDS)[0]
    rows = (replace(first, client="<b>Evil</b>\nCorp\u202e", counterparty="\x1b[31mred"),)
    dialog = open_view(qtbot, workers, FakeMonthEnd({}, receipts=rows))
    assert column(dialog, CLIENT) == ["<b>Evil</b>\\nCorp"]
    assert column(dialog, 3) == ["\\x1b[31mred"]
