"""The month-end export: folders written, files downloaded once, each failure said plainly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.export_run import export_month_end
from qonto_desktop.connections.month_end import ClientProgress, ExportRequest
from qonto_desktop.connections.month_end_period import period_choice
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.export.errors import DestinationNotWritableError
from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.store.index_errors import NotFoundError
from tests.support.export_desk import (
    STATEMENT_PDF,
    export_client,
    export_desk,
    november_bank,
)
from tests.support.fake_bank import FakeBank, FakeTokens, readers

NOVEMBER = period_choice("2026-11")


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return export_desk(tmp_path / "home")


def run(
    desk: Desk,
    banks: dict[str, FakeBank],
    destination: Path,
    ids: tuple[str, ...] | None = None,
    **options: object,
) -> tuple[list[ClientProgress], object]:
    seen: list[ClientProgress] = []
    mirror = Mirror(desk.paths.data_dir / "mirror.sqlite3")
    try:
        report = export_month_end(
            desk,
            ExportRequest(ids, options.pop("period", NOVEMBER), destination),  # type: ignore[arg-type]
            on_progress=seen.append,
            readers=readers(banks),
            tokens=FakeTokens(),
            mirror=mirror,
            **options,  # type: ignore[arg-type]
        )
    finally:
        mirror.close()
    return seen, report


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_folder_is_written_and_a_second_export_downloads_nothing(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1)
    bank = november_bank()
    out = tmp_path / "out"
    seen, report = run(desk, {"c1": bank}, out)
    (done,) = report.clients  # type: ignore[attr-defined]
    assert done.stage == "done", done.error
    assert done.folder == out / "Client 1 (123456781)" / "2026-11"
    files = files_of(done.folder)
    assert files["releve_Account acc-1_0123_2026-11.pdf"] == STATEMENT_PDF
    assert "transactions_2026-11.csv" in files
    assert "Account acc-1_0123_2026-11.ofx" in files
    receipts = [name for name in files if name.startswith("justificatifs/")]
    assert len(receipts) == 5
    assert [e.stage for e in seen][:2] == ["waiting", "syncing"]
    assert {"statements", "receipts", "writing"} <= {e.stage for e in seen}
    downloads = [r for r in bank.requests if r[0] == "download"]
    assert len(downloads) == 6  # five receipts and one statement

    bank.requests.clear()
    _, again = run(desk, {"c1": bank}, out)
    assert again.clients[0].stage == "done"  # type: ignore[attr-defined]
    assert [r for r in bank.requests if r[0] in {"download", "attachment", "statement"}] == []
    assert files_of(done.folder) == files


def test_an_unknown_connection_is_said_before_anything_is_written(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1)
    bank = november_bank()
    out = tmp_path / "out"
    with pytest.raises(NotFoundError):
        run(desk, {"c1": bank}, out, ids=("c1", "gone"))
    assert not out.exists()
    assert bank.requests == []


def test_a_destination_that_cannot_be_written_is_said_before_anything_is_sent(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1)
    bank = november_bank()
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"not a folder")
    with pytest.raises(DestinationNotWritableError):
        run(desk, {"c1": bank}, blocker / "exports")
    assert bank.requests == []


def test_an_expired_address_is_asked_again_once(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)
    bank = november_bank()
    bank.expired = {"file://st-1", "file://att-0002"}  # the listed address of a receipt
    _, report = run(desk, {"c1": bank}, tmp_path / "out")
    assert report.clients[0].stage == "done", report.clients[0].error  # type: ignore[attr-defined]
    assert ("statement", "st-1", None) in bank.requests
    assert [r for r in bank.requests if r[0] == "attachment"] == [("attachment", "att-0002", None)]
    assert len([r for r in bank.requests if r == ("download", "file://att-0002?fresh", None)]) == 1


def test_a_second_expiry_of_a_receipt_fails_the_client(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)
    bank = november_bank()
    bank.expired = {"file://att-0002", "file://att-0002?fresh"}
    _, report = run(desk, {"c1": bank}, tmp_path / "out")
    assert report.clients[0].stage == "failed"  # type: ignore[attr-defined]
    assert [r for r in bank.requests if r[0] == "attachment"] == [("attachment", "att-0002", None)]


def test_a_statement_not_issued_yet_is_reported_not_failed(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)
    _, report = run(
        desk, {"c1": november_bank()}, tmp_path / "out", period=period_choice("2026-Q4")
    )
    (client,) = report.clients  # type: ignore[attr-defined]
    assert client.stage == "done"
    assert client.statements_not_issued == ("2026-10", "2026-12")


def test_a_401_during_the_downloads_marks_that_client_and_the_others_go_on(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1)
    export_client(desk, 2)
    revoked, fine = november_bank(), november_bank()
    revoked.revoke_after_downloads = 2
    _, report = run(desk, {"c1": revoked, "c2": fine}, tmp_path / "out", pool_size=1)
    first, second = report.clients  # type: ignore[attr-defined]
    assert first.stage == "failed"
    assert first.error.code == "needs_reconnect"
    assert desk.index.get("c1").state == "needs_reconnect"
    assert second.stage == "done"


def test_a_grant_without_attachment_read_is_asked_the_documents_permission(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1, scopes_granted=("organization.read",))
    export_client(desk, 2)
    lacking, fine = november_bank(), november_bank()
    _, report = run(desk, {"c1": lacking, "c2": fine}, tmp_path / "out")
    first, second = report.clients  # type: ignore[attr-defined]
    assert (first.stage, first.error.code) == ("failed", "documents_permission")
    assert lacking.requests == []
    assert second.stage == "done"


class CancelledError(QontoDesktopError):
    code = "cancelled_by_test"


def test_cancel_stops_cleanly_and_the_next_export_completes_as_a_clean_one(
    desk: Desk, tmp_path: Path
) -> None:
    export_client(desk, 1)
    bank = november_bank()
    receipts = 0

    def checkpoint(step: str) -> None:
        nonlocal receipts
        receipts += step == "receipt"
        if receipts == 3:
            raise CancelledError

    out = tmp_path / "out"
    _, stopped = run(desk, {"c1": bank}, out, checkpoint=checkpoint)
    assert stopped.clients[0].stage == "cancelled"  # type: ignore[attr-defined]
    assert not (out / "Client 1 (123456781)" / "2026-11" / "manifest.json").exists()
    before = len([r for r in bank.requests if r[0] == "download"])
    _, resumed = run(desk, {"c1": bank}, out)
    assert resumed.clients[0].stage == "done"  # type: ignore[attr-defined]
    after = len([r for r in bank.requests if r[0] == "download"])
    assert after - before == 3  # the statement and the two receipts kept are not fetched again

    clean = export_desk(tmp_path / "clean-home")
    export_client(clean, 1)
    _, reference = run(clean, {"c1": november_bank()}, tmp_path / "clean")
    assert files_of(resumed.clients[0].folder) == files_of(reference.clients[0].folder)  # type: ignore[attr-defined]


class Crash(BaseException):
    pass


def test_a_crash_at_a_checkpoint_is_raised_to_the_caller(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)

    def checkpoint(step: str) -> None:
        if step == "write":
            raise Crash

    with pytest.raises(Crash):
        run(desk, {"c1": november_bank()}, tmp_path / "out", checkpoint=checkpoint)


def test_the_csv_reads_back_with_the_french_dialect(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)
    _, report = run(desk, {"c1": november_bank()}, tmp_path / "out")
    folder = report.clients[0].folder  # type: ignore[attr-defined]
    text = (folder / "transactions_2026-11.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:4] == ["Date", "Libellé", "Contrepartie", "Montant"]
    assert rows[1][0] == "02/11/2026"
    assert rows[1][3] == "-10,00"
    assert len(rows) == 6
