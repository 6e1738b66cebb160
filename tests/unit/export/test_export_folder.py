"""One client's folder: written once, rewritten only where a correction lands, never half."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.export.errors import DestinationNotWritableError, DiskFullError
from qonto_desktop.export.period import quarter
from qonto_desktop.export.run import export_client
from qonto_desktop.export.values import AccountPeriod, ClientPeriod, Formats
from qonto_desktop.export.writing import Write, default_write
from tests.support.bank_values import (
    SAVINGS_IBAN,
    account,
    chained,
    client,
    receipt_file,
    statement_file,
    transaction,
)

FORMATS = Formats.of(("statements", "csv_excel", "csv_plain", "ofx", "receipts"))


def two_accounts(downloads: Path, *, note: str | None = None) -> ClientPeriod:
    main = chained(
        100_000,
        [
            transaction("tx-1111aaaa", 3, -4590, attachment_ids=("att-1",), note=note),
            transaction("tx-2222bbbb", 5, 120_000, attachment_required=False),
            transaction("tx-3333cccc", 9, -1250),  # missing its receipt
        ],
    )
    savings = chained(500_000, [transaction("tx-4444dddd", 4, 10_000, bank_account_id="acc-sav")])
    return client(
        (
            AccountPeriod(account(), main, "2026-12-01T08:00:00Z", (statement_file(downloads),)),
            AccountPeriod(
                account("acc-sav", SAVINGS_IBAN, "Épargne"), savings, "2026-12-01T07:00:00Z"
            ),
        ),
        (receipt_file(downloads, "att-1"),),
    )


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_folder_holds_every_file_named_for_a_person(tmp_path: Path, downloads: Path) -> None:
    result = export_client(two_accounts(downloads), tmp_path / "out", FORMATS)
    assert result.folder == tmp_path / "out" / "Boulangerie Martin (123456789)" / "2026-11"
    assert set(snapshot(result.folder)) == {
        "manifest.json",
        "releve_Compte principal_0142_2026-11.pdf",
        "Compte principal_0142_2026-11.ofx",
        "Épargne_0955_2026-11.ofx",
        "transactions_2026-11.csv",
        "transactions_2026-11_rfc4180.csv",
        "justificatifs_manquants_2026-11.csv",
        "justificatifs_manquants_2026-11_rfc4180.csv",
        "justificatifs/2026-11-03_-45,90_SNCF_tx-1111a.pdf",
    }
    missing = (result.folder / "justificatifs_manquants_2026-11_rfc4180.csv").read_text()
    assert "tx-3333cccc" in missing
    assert "tx-1111aaaa" not in missing
    assert "tx-2222bbbb" not in missing


def test_the_manifest_counts_sums_hashes_and_checks(tmp_path: Path, downloads: Path) -> None:
    folder = export_client(two_accounts(downloads), tmp_path, FORMATS).folder
    manifest = json.loads((folder / "manifest.json").read_bytes())
    assert manifest["client"] == {
        "name": "Boulangerie Martin", "siren": "123456789", "connection_id": "conn-1a2b3c4d5e",
    }  # fmt: skip
    assert manifest["period"] == {"label": "2026-11", "start": "2026-11-01", "end": "2026-11-30"}
    assert manifest["formats"] == ["statements", "csv_excel", "csv_plain", "ofx", "receipts"]
    main, savings = manifest["accounts"]
    assert (main["id"], main["cursor"], main["transactions"], main["sum_cents"]) == (
        "acc-main", "2026-12-01T08:00:00Z", 3, 114_160,
    )  # fmt: skip
    assert main["balance"]["explained"] is True
    assert main["statements"] == {"2026-11": "releve_Compte principal_0142_2026-11.pdf"}
    assert savings["statements"] == {"2026-11": None}  # not issued yet
    assert savings["missing_receipts"] == 1
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert "manifest.json" not in manifest["files"]


def test_exporting_again_with_nothing_new_rewrites_nothing(tmp_path: Path, downloads: Path) -> None:
    folder = export_client(two_accounts(downloads), tmp_path, FORMATS).folder
    before = snapshot(folder)
    again = export_client(two_accounts(downloads), tmp_path, FORMATS)
    assert again.written == ()
    assert again.removed == ()
    assert snapshot(folder) == before  # same bytes, same modification times


def test_a_correction_changes_exactly_the_files_it_touches(tmp_path: Path, downloads: Path) -> None:
    folder = export_client(two_accounts(downloads), tmp_path, FORMATS).folder
    before = snapshot(folder)
    corrected = export_client(two_accounts(downloads, note="Corrigé dans Qonto"), tmp_path, FORMATS)
    assert set(corrected.written) == {
        "Compte principal_0142_2026-11.ofx",
        "transactions_2026-11.csv",
        "transactions_2026-11_rfc4180.csv",
        "manifest.json",
    }
    after = snapshot(folder)
    assert after["Épargne_0955_2026-11.ofx"] == before["Épargne_0955_2026-11.ofx"]
    assert (
        after["justificatifs_manquants_2026-11.csv"]
        == before["justificatifs_manquants_2026-11.csv"]
    )


def test_a_receipt_removed_in_qonto_leaves_the_folder(tmp_path: Path, downloads: Path) -> None:
    first = export_client(two_accounts(downloads), tmp_path, FORMATS)
    keepsake = first.folder / "notes de l'expert.txt"
    keepsake.write_text("mine")
    data = two_accounts(downloads)
    main = data.accounts[0]
    without = tuple(replace(t, attachment_ids=()) for t in main.transactions)
    later = replace(
        data, accounts=(replace(main, transactions=without), data.accounts[1]), receipts=()
    )
    result = export_client(later, tmp_path, FORMATS)
    assert result.removed == ("justificatifs/2026-11-03_-45,90_SNCF_tx-1111a.pdf",)
    assert not (first.folder / result.removed[0]).exists()
    assert keepsake.read_text() == "mine"  # not the export's: never touched


def test_a_full_disk_is_said_plainly_and_leaves_no_partial_file(
    tmp_path: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync, calls = os.fsync, []

    def full_disk(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) > 3:  # the first files fit, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DiskFullError) as caught:
        export_client(two_accounts(downloads), tmp_path / "out", FORMATS)
    assert "Free some space" in caught.value.next_action
    assert str(tmp_path / "out") in caught.value.message
    left = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert left
    assert not any(p.name.endswith(".tmp") for p in left)
    assert not any(p.name == "manifest.json" for p in left)  # written last, so not claimed
    monkeypatch.setattr(os, "fsync", real_fsync)
    clean = export_client(two_accounts(downloads), tmp_path / "clean", FORMATS).folder
    resumed = export_client(two_accounts(downloads), tmp_path / "out", FORMATS).folder
    assert {k: v[0] for k, v in snapshot(resumed).items()} == {
        k: v[0] for k, v in snapshot(clean).items()
    }


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_destination_not_writable_writes_nothing(tmp_path: Path, downloads: Path) -> None:
    if os.geteuid() == 0:
        # Permissions do not stop root; sysfs refuses new entries even to root (EPERM).
        _refused_and_untouched(Path("/sys"), downloads)
        return
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        _refused_and_untouched(locked, downloads)
    finally:
        locked.chmod(0o700)


def _refused_and_untouched(folder: Path, downloads: Path) -> None:
    before = sorted(folder.iterdir())
    with pytest.raises(DestinationNotWritableError) as caught:
        export_client(two_accounts(downloads), folder, FORMATS)
    assert sorted(folder.iterdir()) == before
    assert "Choose a folder you can write to" in caught.value.next_action


def test_a_folder_the_system_refuses_is_said_plainly(
    tmp_path: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)  # what a locked folder answers, even to root
    with pytest.raises(DestinationNotWritableError) as caught:
        export_client(two_accounts(downloads), tmp_path / "locked", FORMATS)
    assert str(tmp_path / "locked") in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["downloads"]


def test_a_destination_that_is_a_file_writes_nothing(tmp_path: Path, downloads: Path) -> None:
    taken = tmp_path / "not a folder"
    taken.write_bytes(b"")
    with pytest.raises(DestinationNotWritableError):
        export_client(two_accounts(downloads), taken, FORMATS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["downloads", "not a folder"]


def test_only_the_formats_asked_for_are_written(tmp_path: Path, downloads: Path) -> None:
    folder = export_client(two_accounts(downloads), tmp_path, Formats.of(["csv_excel"])).folder
    assert set(snapshot(folder)) == {
        "manifest.json",
        "transactions_2026-11.csv",
        "justificatifs_manquants_2026-11.csv",
    }
    assert Formats() == Formats.of(["statements", "csv_excel", "ofx", "receipts"])


def test_a_quarter_says_which_statements_are_not_issued_yet(
    tmp_path: Path, downloads: Path
) -> None:
    data = replace(two_accounts(downloads), period=quarter(2026, 4))
    folder = export_client(data, tmp_path, FORMATS).folder
    assert folder.name == "2026-Q4"
    main = json.loads((folder / "manifest.json").read_bytes())["accounts"][0]
    assert main["statements"] == {
        "2026-10": None,
        "2026-11": "releve_Compte principal_0142_2026-11.pdf",
        "2026-12": None,
    }
    assert (folder / "transactions_2026-Q4.csv").is_file()


def test_two_accounts_of_one_name_without_iban_stay_apart(tmp_path: Path, downloads: Path) -> None:
    twins = tuple(
        AccountPeriod(
            replace(account(key), iban=None, name="Compte"),
            (transaction(f"tx-{key}", 3, -100, bank_account_id=key),),
        )
        for key in ("acc-one", "acc-two")
    )
    folder = export_client(client(twins), tmp_path, FORMATS).folder
    plain = (folder / "transactions_2026-11_rfc4180.csv").read_text()
    assert "tx-acc-one" in plain
    assert "tx-acc-two" in plain
    ofx = sorted(p.name for p in folder.glob("*.ofx"))
    assert ofx == ["Compte_acc-one_2026-11.ofx", "Compte_acc-two_2026-11.ofx"]


class StoppedError(Exception):
    """The process dies here."""


def dying_after(count: int) -> Write:
    """A write that does ``count`` files, then stops the export as a killed process would."""
    done: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        if len(done) == count:
            raise StoppedError
        done.append(path)
        default_write(path, data)

    return write


def test_stopped_at_any_file_the_next_run_equals_a_clean_one(
    tmp_path: Path, downloads: Path
) -> None:
    clean = export_client(two_accounts(downloads), tmp_path / "clean", FORMATS)
    expected = {k: v[0] for k, v in snapshot(clean.folder).items()}
    for stop_at in range(len(expected)):
        out = tmp_path / f"run-{stop_at}"
        with pytest.raises(StoppedError):
            export_client(two_accounts(downloads), out, FORMATS, write=dying_after(stop_at))
        resumed = export_client(two_accounts(downloads), out, FORMATS)
        assert {k: v[0] for k, v in snapshot(resumed.folder).items()} == expected
        assert len(resumed.written) == len(expected) - stop_at
