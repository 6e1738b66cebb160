"""The window's month-end work: bound to the desk of the moment, and its Cancel a clean stop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.export_errors import ExportCancelledError
from qonto_desktop.connections.month_end import ExportRequest
from qonto_desktop.connections.month_end_period import period_choice
from qonto_desktop.connections.month_end_service import DeskMonthEnd
from qonto_desktop.connections.sync import sync
from qonto_desktop.errors import QontoDesktopError
from tests.support.bank_data import transaction
from tests.support.export_desk import export_client, export_desk, november_bank
from tests.support.fake_bank import FakeTokens, readers


def test_each_call_uses_the_desk_in_use_then(tmp_path: Path) -> None:
    first, second = export_desk(tmp_path / "one"), export_desk(tmp_path / "two")
    export_client(second, 1)
    bank = november_bank()
    bank.put(transaction(7, attachment_ids=()))
    sync(second, readers=readers({"c1": bank}), tokens=FakeTokens())
    current: list[Desk] = [first]
    service = DeskMonthEnd(lambda: current[0])
    assert service.missing_counts() == {}
    assert service.missing() == ()
    current[0] = second  # the window switched desks (the demo firm opened)
    assert service.missing_counts() == {"c1": 1}
    rows = service.missing()
    assert [row.transaction_id for row in rows] == ["tx-0007"]
    path = tmp_path / "missing.csv"
    service.write_missing_csv(list(rows), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_cancellation_is_one_of_the_apps_errors() -> None:
    # export_month_end ends cleanly (clients ``cancelled``) on the app's errors, and re-raises
    # anything else: the window's Cancel must be one of the app's errors.
    assert issubclass(ExportCancelledError, QontoDesktopError)
    assert ExportCancelledError().next_action.startswith("What was downloaded is kept")


def test_a_cancel_from_the_checkpoint_ends_every_client_cancelled(tmp_path: Path) -> None:
    desk = export_desk(tmp_path / "home")
    export_client(desk, 1)
    export_client(desk, 2)
    steps: list[str] = []

    def checkpoint(step: str) -> None:
        steps.append(step)
        raise ExportCancelledError

    service = DeskMonthEnd(lambda: desk)
    request = ExportRequest(None, period_choice("2026-11"), tmp_path / "out")
    seen: list[str] = []
    report = service.export(request, lambda p: seen.append(p.stage), checkpoint)
    assert [c.stage for c in report.clients] == ["cancelled", "cancelled"]
    assert seen.count("cancelled") == 2
    assert steps  # the checkpoint was asked before anything was sent
    assert not list((tmp_path / "out").rglob("manifest.json"))


def test_the_service_loads_no_export_until_used() -> None:
    code = (
        "import sys\n"
        "from qonto_desktop.connections.month_end_service import DeskMonthEnd\n"
        "heavy = ('qonto_desktop.connections.export_run', 'qonto_desktop.mirror.bank_mirror',"
        " 'qonto_desktop.connections.missing_receipts', 'qonto_desktop.connections.month_end',"
        " 'sqlite3')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
