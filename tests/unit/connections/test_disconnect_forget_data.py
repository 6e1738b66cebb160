"""Disconnecting can delete the client's mirrored bank data and the files saved for it."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import disconnect
from qonto_desktop.emulator import Emulator
from qonto_desktop.mirror.bank_mirror import open_mirror
from qonto_desktop.mirror.database import mirror_path
from qonto_desktop.mirror.records import StoredFile
from tests.support.bank_data import transaction
from tests.support.desks import connect_one


def mirrored(desk: Desk, connection_id: str) -> StoredFile:
    """Mirror one transaction and one saved receipt for ``connection_id``."""
    folder = desk.paths.data_dir / "files" / connection_id
    folder.mkdir(parents=True)
    receipt = folder / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    stored = StoredFile("att-0001", "tx-0001", "00" * 32, receipt, receipt.stat().st_size)
    mirror = open_mirror(desk.paths)
    mirror.save_page(connection_id, "org", "acc-1", [transaction(1)])
    mirror.record_receipt(connection_id, stored)
    mirror.close()
    return stored


def test_disconnect_with_forget_data_deletes_its_rows_and_files_only(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    mine = mirrored(desk, connection.id)
    theirs = mirrored(desk, "someone-else")
    report = disconnect(desk, connection.id, forget_data=True)
    assert report.data_forgotten
    assert report.files_deleted == 1
    assert not mine.local_path.exists()
    assert theirs.local_path.exists()
    mirror = open_mirror(desk.paths)
    assert connection.id not in mirror.counts()
    assert mirror.counts()["someone-else"].transactions == 1
    mirror.close()


def test_disconnect_keeps_the_mirrored_data_unless_asked(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    mine = mirrored(desk, connection.id)
    report = disconnect(desk, connection.id)
    assert not report.data_forgotten
    assert mine.local_path.exists()
    mirror = open_mirror(desk.paths)
    assert mirror.counts()[connection.id].transactions == 1
    mirror.close()


def test_forgetting_without_a_mirror_creates_none(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    report = disconnect(desk, connection.id, forget_data=True)
    assert report.data_forgotten
    assert report.files_deleted == 0
    assert not mirror_path(desk.paths).exists()
