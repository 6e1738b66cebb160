"""Demo mode offers the month end: the demo firm's 40 companies have bank data to export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qonto_desktop.connections.demo import DemoMode
from qonto_desktop.connections.export_run import export_month_end
from qonto_desktop.connections.month_end import ExportRequest
from qonto_desktop.connections.month_end_period import previous_month
from tests.support.secret_service import SecretServiceSession


@pytest.mark.slow(seconds=40)
@pytest.mark.keyring
def test_the_demo_firm_exports_its_month(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    with DemoMode(firm=True) as desk:
        request = ExportRequest(None, previous_month(date.today()), out)
        report = export_month_end(desk, request)
    assert len(report.clients) == 40
    done = [c for c in report.clients if c.stage == "done"]
    assert len(done) >= 34  # the six "needing attention" may be refused, nothing else
    assert all(c.error is not None for c in report.clients if c.stage != "done")
    for client in done:
        assert client.folder is not None
        assert (client.folder / "manifest.json").is_file()
        assert list(client.folder.glob("*.ofx"))
