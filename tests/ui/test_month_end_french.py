"""The month end in French: the export dialog, the progress words, the missing receipts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.month_end import ExportRequest, PeriodChoice
from qonto_desktop.ui.month_end.export_dialog import QUARTER, ExportDialog
from qonto_desktop.ui.month_end.missing_dialog import MissingReceiptsDialog
from qonto_desktop.ui.month_end.progress_dialog import ExportProgressDialog
from qonto_desktop.ui.workers import Workers
from tests.support.french_ui import french, shown_words
from tests.support.month_end_fake import FakeMonthEnd, demo_receipts
from tests.support.month_end_window import today

__all__ = ["french"]

NBSP = "\u00a0"
ENGLISH = re.compile(r"\b(Export|Waiting|Done|Failed|Client|Receipts|Missing|month|of|to)\b")


def english_in(words: list[str]) -> list[str]:
    return [w for w in words if ENGLISH.search(w)]


def test_the_export_dialog_speaks_french(french: None, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(
        client=("c-1", "Boulangerie Martin"), clients=3, folder=tmp_path, language="fr", today=today
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.month.currentText() == "Novembre 2026"
    dialog.kind.setCurrentIndex(QUARTER)
    assert dialog.quarter.currentText() == "T3 2026 (juillet à septembre)"
    assert dialog.export_button.text() == "Exporter"
    assert not english_in(shown_words(dialog)), shown_words(dialog)


def test_the_progress_and_the_missing_receipts_speak_french(
    french: None, qtbot: QtBot, workers: Workers, tmp_path: Path
) -> None:
    clients = {"c-1": "Boulangerie Martin", "c-2": "Atelier Durand"}
    service = FakeMonthEnd(
        dict(clients),
        failures={"c-2": NeedsReconnectError("Atelier Durand")},
        receipts=demo_receipts({"Boulangerie Martin": "c-1"}),
    )
    period = PeriodChoice(date(2026, 11, 1), date(2026, 11, 30), "2026-11")
    request = ExportRequest(None, period, tmp_path)
    progress = ExportProgressDialog(service, workers, request, list(clients.items()), language="fr")
    qtbot.addWidget(progress)
    progress.show()
    qtbot.waitUntil(lambda: not progress.running)
    words = dict(progress.rows)
    assert words["Boulangerie Martin"] == "Terminé"
    assert words["Atelier Durand"].startswith("À reconnecter — ")
    assert progress.status.text() == f"Terminé — exportés{NBSP}: 1, en échec{NBSP}: 1."
    assert not english_in([progress.status.text(), *words.values()])
    missing = MissingReceiptsDialog(service, workers, language="fr")
    qtbot.addWidget(missing)
    missing.show()
    qtbot.waitUntil(lambda: missing.loaded)
    assert missing.windowTitle() == "Justificatifs manquants (8)"
    assert missing.status.text() == f"Opérations à justifier{NBSP}: 8."
    assert not english_in(shown_words(missing)), shown_words(missing)
