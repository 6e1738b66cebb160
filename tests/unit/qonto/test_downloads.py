"""Files fetched from presigned addresses: no token sent, whole or nothing, expiry told apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from qonto_desktop.qonto import environments
from qonto_desktop.qonto.bank_api import QontoBankApi
from qonto_desktop.qonto.errors import (
    FileDownloadError,
    FileUrlExpiredError,
    TruncatedDownloadError,
)
from qonto_desktop.system.http import BANK_DATA_RETRY, Sender
from tests.support.bank_bodies import S3_EXPIRED
from tests.support.bank_stub import BankStub, Reply, running_stub

TOKEN = "ory_at_secret"
STAGING = "staging-secret"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 400 + b"\n%%EOF\n"


class Counting:
    """A limiter that counts what it lets through."""

    def __init__(self) -> None:
        self.acquired = 0

    def acquire(self) -> None:
        self.acquired += 1

    def hold(self, seconds: float) -> None:
        del seconds


@pytest.fixture
def stub() -> Iterator[BankStub]:
    with running_stub() as running:
        yield running


def bank(stub: BankStub, limiter: Counting | None = None) -> QontoBankApi:
    sender = Sender(BANK_DATA_RETRY, pause=lambda _: None, draw=lambda: 0.0, limiter=limiter)
    environment = environments.emulator(stub.base_url, sandbox=True)
    return QontoBankApi(environment, TOKEN, staging_token=STAGING, sender=sender)


def test_the_file_arrives_whole_without_the_token(stub: BankStub, tmp_path: Path) -> None:
    stub.answer("/files/r.pdf", Reply(body=PDF, headers={"Content-Type": "application/pdf"}))
    limiter = Counting()
    destination = tmp_path / "receipts" / "r.pdf"
    size = bank(stub, limiter).download(
        f"{stub.base_url}/files/r.pdf?X-Amz-Expires=1800", destination
    )
    assert size == len(PDF)
    assert destination.read_bytes() == PDF
    (seen,) = stub.seen
    assert "authorization" not in seen.headers
    assert "x-qonto-staging-token" not in seen.headers
    assert TOKEN not in repr(seen)
    assert STAGING not in repr(seen)
    assert limiter.acquired == 1  # the same IP address: the same pace
    assert [p.name for p in destination.parent.iterdir()] == ["r.pdf"]


def test_a_shared_session_s_headers_do_not_reach_the_store(stub: BankStub, tmp_path: Path) -> None:
    stub.answer("/files/r.pdf", Reply(body=PDF))
    shared = requests.Session()
    shared.headers.update({"Authorization": f"Bearer {TOKEN}", "X-Qonto-Staging-Token": STAGING})
    sender = Sender(BANK_DATA_RETRY, pause=lambda _: None, draw=lambda: 0.0)
    environment = environments.emulator(stub.base_url, sandbox=True)
    api = QontoBankApi(environment, TOKEN, staging_token=STAGING, sender=sender, session=shared)
    with shared:
        api.download(f"{stub.base_url}/files/r.pdf", tmp_path / "r.pdf")
    (seen,) = stub.seen
    assert "authorization" not in seen.headers
    assert "x-qonto-staging-token" not in seen.headers


def test_a_cut_body_is_an_error_and_leaves_nothing(stub: BankStub, tmp_path: Path) -> None:
    stub.answer("/files/r.pdf", Reply(body=PDF, cut_after=1000))
    destination = tmp_path / "r.pdf"
    with pytest.raises(TruncatedDownloadError):
        bank(stub).download(f"{stub.base_url}/files/r.pdf", destination)
    assert list(tmp_path.iterdir()) == []


def test_a_cut_body_keeps_the_file_that_was_there(stub: BankStub, tmp_path: Path) -> None:
    destination = tmp_path / "r.pdf"
    destination.write_bytes(b"the earlier receipt")
    stub.answer("/files/r.pdf", Reply(body=PDF, cut_after=10))
    with pytest.raises(TruncatedDownloadError):
        bank(stub).download(f"{stub.base_url}/files/r.pdf", destination)
    assert destination.read_bytes() == b"the earlier receipt"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, S3_EXPIRED),
        (400, b"<Error><Message>Invalid date: the URL expired</Message></Error>"),
        (403, b'{"message": "Signature Expired"}'),
    ],
)
def test_an_expired_address_is_told_apart(
    stub: BankStub, tmp_path: Path, status: int, body: bytes
) -> None:
    stub.answer("/files/r.pdf", Reply(status, body, {"Content-Type": "application/xml"}))
    with pytest.raises(FileUrlExpiredError):
        bank(stub).download(f"{stub.base_url}/files/r.pdf", tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_another_refusal_is_a_download_error_with_its_status(
    stub: BankStub, tmp_path: Path
) -> None:
    denied = b"<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
    stub.answer("/files/r.pdf", Reply(403, denied))
    with pytest.raises(FileDownloadError) as raised:
        bank(stub).download(f"{stub.base_url}/files/r.pdf", tmp_path / "r.pdf")
    assert raised.value.status == 403
    assert list(tmp_path.iterdir()) == []


def test_a_busy_store_is_waited_out(stub: BankStub, tmp_path: Path) -> None:
    stub.answer("/files/r.pdf", Reply(503, b""), Reply(body=PDF))
    assert bank(stub).download(f"{stub.base_url}/files/r.pdf", tmp_path / "r.pdf") == len(PDF)
    assert len(stub.seen) == 2
