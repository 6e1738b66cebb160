"""Statements, attachments and the download address: availability, expiry, signatures, bytes."""

from __future__ import annotations

import re
import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from qonto_desktop.emulator import Emulator, ManualClock
from tests.support.bank_calls import BANK_SCOPE, all_transactions, bank_get, bank_token
from tests.support.emulator_flow import TIMEOUT, VERIFIER, get_code, token_form

DAY = 86_400.0


@pytest.fixture
def token(emulator: Emulator) -> str:
    return bank_token(emulator)


def statements(emulator: Emulator, token: str, **params: Any) -> dict[str, Any]:
    answer = bank_get(emulator, "/v2/statements", token, params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def a_receipt(emulator: Emulator, token: str) -> dict[str, Any]:
    params = {
        "bank_account_id": emulator.organizations[0].bank_accounts[0].id,
        "with_attachments": "true",
        "includes[]": "attachments",
    }
    attachment: dict[str, Any] = bank_get(emulator, "/v2/transactions", token, params).json()[
        "transactions"
    ][0]["attachments"][0]
    return attachment


def assert_pdf(data: bytes) -> None:
    """A PDF whose cross-reference table points at its objects."""
    assert data.startswith(b"%PDF-1.4")
    assert data.endswith(b"%%EOF\n")
    start = int(re.findall(rb"startxref\n(\d+)", data)[-1])
    assert data[start:].startswith(b"xref")
    for number, offset in enumerate(re.findall(rb"(\d{10}) 00000 n", data), start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)


def test_statements_of_finished_months_for_every_account(emulator: Emulator, token: str) -> None:
    body = statements(emulator, token)
    periods = [s["period"] for s in body["statements"]]
    # The clock shows 15 June 2025: May's statement is out, June's is not.
    assert periods[0] == "05-2025"
    assert "06-2025" not in periods
    accounts = {s["bank_account_id"] for s in body["statements"]}
    assert accounts == {a.id for a in emulator.organizations[0].bank_accounts}
    assert body["meta"]["total_count"] == len(periods) == 22


def test_a_statement_appears_on_the_second_of_the_next_month(
    emulator: Emulator, clock: ManualClock
) -> None:
    emulator.access_token_lifetime = 30 * DAY
    token = bank_token(emulator)
    clock.advance(16 * DAY - 15 * 3600)  # 1 July 2025, about 9 am
    assert "06-2025" not in [s["period"] for s in statements(emulator, token)["statements"]]
    clock.advance(DAY)
    assert "06-2025" in [s["period"] for s in statements(emulator, token)["statements"]]


def test_statement_filters_sort_and_pages(emulator: Emulator, token: str) -> None:
    account = emulator.organizations[0].bank_accounts[1]
    found = statements(
        emulator,
        token,
        **{
            "bank_account_ids[]": account.id,
            "period_from": "01-2025",
            "period_to": "03-2025",
            "sort_by": "period:asc",
        },
    )["statements"]
    assert [s["period"] for s in found] == ["01-2025", "02-2025", "03-2025"]
    by_iban = statements(emulator, token, **{"ibans[]": account.iban, "per_page": "2"})
    assert {s["bank_account_id"] for s in by_iban["statements"]} == {account.id}
    assert by_iban["meta"]["next_page"] == 2
    both = {"ibans[]": account.iban, "bank_account_ids[]": account.id}
    assert bank_get(emulator, "/v2/statements", token, both).status_code == 422
    assert (
        bank_get(emulator, "/v2/statements", token, {"period_from": "2025-01"}).status_code == 400
    )
    assert bank_get(emulator, "/v2/statements", token, {"sort_by": "id:asc"}).status_code == 400


def test_a_statement_by_id_is_a_real_pdf_the_same_every_time(
    emulator: Emulator, token: str
) -> None:
    listed = statements(emulator, token)["statements"][0]
    one = bank_get(emulator, f"/v2/statements/{listed['id']}", token).json()["statement"]
    assert one["id"] == listed["id"]
    assert one["file"]["file_url"] != ""
    first = requests.get(listed["file"]["file_url"], timeout=TIMEOUT)
    again = requests.get(one["file"]["file_url"], timeout=TIMEOUT)
    assert first.status_code == 200
    assert first.headers["Content-Type"] == "application/pdf"
    assert first.content == again.content
    assert (
        int(first.headers["Content-Length"]) == len(first.content) == int(one["file"]["file_size"])
    )
    assert_pdf(first.content)
    organization = emulator.organizations[0]
    assert organization.legal_name.encode() in first.content
    account = next(a for a in organization.bank_accounts if a.id == listed["bank_account_id"])
    assert f"IBAN {account.iban}".encode() in first.content
    may = all_transactions(
        emulator,
        token,
        [
            ("bank_account_id", account.id),
            ("settled_at_from", "2025-05-01T00:00:00Z"),
            ("settled_at_to", "2025-05-31T23:59:59.999Z"),
            ("sort_by", "settled_at:asc"),
        ],
    )
    assert listed["period"] == "05-2025"
    assert f"Operations executees : {len(may)}".encode() in first.content
    last = may[-1]["settled_balance_cents"]
    closing = f"Solde de cloture : {last // 100},{last % 100:02d} EUR"
    assert closing.encode() in first.content
    assert bank_get(emulator, "/v2/statements/unknown", token).status_code == 404


def test_a_receipt_downloads_without_a_token_until_its_url_expires(
    emulator: Emulator, token: str, clock: ManualClock
) -> None:
    attachment = a_receipt(emulator, token)
    url = attachment["url"]
    assert "X-Amz-Expires=1800" in url
    answer = requests.get(url, timeout=TIMEOUT)
    assert answer.status_code == 200
    assert "Authorization" not in answer.request.headers
    assert_pdf(answer.content)
    assert answer.headers["Content-Length"] == attachment["file_size"]
    clock.advance(1799)
    assert requests.get(url, timeout=TIMEOUT).status_code == 200
    clock.advance(1)
    expired = requests.get(url, timeout=TIMEOUT)
    assert expired.status_code == 403
    assert b"<Code>AccessDenied</Code><Message>Request has expired</Message>" in expired.content
    fresh = bank_get(emulator, f"/v2/attachments/{attachment['id']}", token).json()["attachment"]
    assert requests.get(fresh["url"], timeout=TIMEOUT).content == answer.content


def test_a_statement_url_lives_fifteen_minutes(
    emulator: Emulator, token: str, clock: ManualClock
) -> None:
    url = statements(emulator, token)["statements"][0]["file"]["file_url"]
    assert "X-Amz-Expires=900" in url
    clock.advance(900)
    assert requests.get(url, timeout=TIMEOUT).status_code == 403


@pytest.mark.parametrize("part", ["signature", "expires", "path"])
def test_a_tampered_url_is_refused(emulator: Emulator, token: str, part: str) -> None:
    url = a_receipt(emulator, token)["url"]
    tampered = {
        "signature": re.sub(
            r"X-Amz-Signature=(.)",
            lambda m: "X-Amz-Signature=" + ("0" if m[1] != "0" else "1"),
            url,
        ),
        "expires": url.replace("X-Amz-Expires=1800", "X-Amz-Expires=99999"),
        "path": url.replace("/recu-", "/other-"),
    }[part]
    answer = requests.get(tampered, timeout=TIMEOUT)
    assert answer.status_code == 403
    assert b"SignatureDoesNotMatch" in answer.content


def test_switch_expired_urls_the_next_n_or_all(emulator: Emulator, token: str) -> None:
    emulator.bank_switches.expire_urls(1)
    assert requests.get(a_receipt(emulator, token)["url"], timeout=TIMEOUT).status_code == 403
    assert requests.get(a_receipt(emulator, token)["url"], timeout=TIMEOUT).status_code == 200
    emulator.bank_switches.expire_all_urls = True
    for _ in range(2):
        assert requests.get(a_receipt(emulator, token)["url"], timeout=TIMEOUT).status_code == 403


def test_switch_truncated_download_declares_more_than_it_sends(
    emulator: Emulator, token: str
) -> None:
    url = a_receipt(emulator, token)["url"]
    whole = requests.get(url, timeout=TIMEOUT).content
    emulator.bank_switches.truncate_downloads(1)
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT) as raw:
        raw.sendall(f"GET {parts.path}?{parts.query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = b""
        while chunk := raw.recv(65536):
            received += chunk  # the server closes the connection after the short body
    head, _, body = received.partition(b"\r\n\r\n")
    assert f"Content-Length: {len(whole)}".encode() in head
    assert 0 < len(body) < len(whole)
    emulator.bank_switches.truncate_downloads(1)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(url, timeout=TIMEOUT)
    assert requests.get(url, timeout=TIMEOUT).content == whole


def connect_staged(sandbox: Emulator, staged: dict[str, str]) -> str:
    """A token from the sandbox's token endpoint, asked with the staging token."""
    client = sandbox.public_client
    form = token_form(
        client,
        grant_type="authorization_code",
        code=get_code(sandbox, client, scope=BANK_SCOPE),
        redirect_uri=client.redirect_uris[0],
        code_verifier=VERIFIER,
    )
    answer = requests.post(sandbox.token_url, data=form, headers=staged, timeout=TIMEOUT)
    token: str = answer.json()["access_token"]
    return token


def test_sandbox_bank_calls_need_the_staging_token_and_downloads_do_not(
    sandbox: Emulator,
) -> None:
    staged = {"X-Qonto-Staging-Token": sandbox.staging_token or ""}
    token = connect_staged(sandbox, staged)
    account = sandbox.organizations[0].bank_accounts[0].id
    params = {"bank_account_id": account, "with_attachments": "true", "includes[]": "attachments"}
    unstaged = bank_get(sandbox, "/v2/transactions", token, params)
    assert unstaged.headers["Content-Type"].startswith("text/html")
    answer = bank_get(sandbox, "/v2/transactions", token, params, headers=staged)
    url = answer.json()["transactions"][0]["attachments"][0]["url"]
    assert requests.get(url, timeout=TIMEOUT).status_code == 200
