"""``GET /v2/transactions`` and ``/v2/transactions/{id}``: filters, sort, pages, errors, scopes."""

from __future__ import annotations

from typing import Any

import pytest

from qonto_desktop.emulator import Emulator
from tests.support.bank_calls import BANK_SCOPE, all_transactions, bank_get, bank_token
from tests.support.emulator_flow import SCOPE


@pytest.fixture
def token(emulator: Emulator) -> str:
    return bank_token(emulator)


def account_id(emulator: Emulator) -> str:
    return emulator.organizations[0].bank_accounts[0].id


def listing(emulator: Emulator, token: str, *params: tuple[str, str]) -> dict[str, Any]:
    answer = bank_get(
        emulator, "/v2/transactions", token, [("bank_account_id", account_id(emulator)), *params]
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_an_account_is_required_and_its_absence_is_a_422(emulator: Emulator, token: str) -> None:
    answer = bank_get(emulator, "/v2/transactions", token)
    assert answer.status_code == 422
    assert answer.json()["errors"][0] == {
        "code": "missing",
        "detail": "bank_account_id or iban is missing",
    }


def test_the_iban_names_the_account_and_bank_account_id_wins(
    emulator: Emulator, token: str
) -> None:
    accounts = emulator.organizations[0].bank_accounts
    by_iban = bank_get(emulator, "/v2/transactions", token, {"iban": accounts[1].iban}).json()
    assert {t["bank_account_id"] for t in by_iban["transactions"]} == {accounts[1].id}
    both = {"iban": accounts[1].iban, "bank_account_id": accounts[0].id}
    answer = bank_get(emulator, "/v2/transactions", token, both).json()
    assert {t["bank_account_id"] for t in answer["transactions"]} == {accounts[0].id}


def test_another_organizations_account_is_not_found(emulator: Emulator, token: str) -> None:
    other = emulator.organizations[1].bank_accounts[0].id
    answer = bank_get(emulator, "/v2/transactions", token, {"bank_account_id": other})
    assert answer.status_code == 404


def test_completed_is_the_default_status_and_others_are_asked_for(
    emulator: Emulator, token: str
) -> None:
    default = listing(emulator, token)["transactions"]
    assert {t["status"] for t in default} == {"completed"}
    asked = all_transactions(
        emulator,
        token,
        [
            ("bank_account_id", account_id(emulator)),
            ("status[]", "pending"),
            ("status[]", "declined"),
        ],
    )
    assert {t["status"] for t in asked} == {"pending", "declined"}
    assert all(t["settled_at"] is None and t["settled_balance"] is None for t in asked)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"status[]": "reversed"}, "status_invalid"),
        ({"sort_by": "amount:desc"}, "sort_invalid"),
        ({"sort_by": "settled_at:up"}, "sort_invalid"),
        ({"updated_at_from": "yesterday"}, "date_invalid"),
        ({"per_page": "101"}, "invalid_parameter"),
        ({"page": "0"}, "invalid_parameter"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_code(
    emulator: Emulator, token: str, params: dict[str, str], code: str
) -> None:
    answer = bank_get(
        emulator, "/v2/transactions", token, {"bank_account_id": account_id(emulator), **params}
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["code"] == code


def test_settled_at_desc_is_the_default_order_and_others_are_followed(
    emulator: Emulator, token: str
) -> None:
    settled = [t["settled_at"] for t in listing(emulator, token)["transactions"]]
    assert settled == sorted(settled, reverse=True)
    updated = [
        t["updated_at"]
        for t in listing(emulator, token, ("sort_by", "updated_at:asc"))["transactions"]
    ]
    assert updated == sorted(updated)


def test_pages_carry_the_documented_meta_and_cover_everything_once(
    emulator: Emulator, token: str
) -> None:
    first = listing(emulator, token, ("per_page", "7"))
    meta = first["meta"]
    assert meta["current_page"] == 1
    assert meta["prev_page"] is None
    assert meta["next_page"] == 2
    assert meta["per_page"] == 7
    assert len(first["transactions"]) == 7
    assert meta["total_pages"] == -(-meta["total_count"] // 7)
    every = all_transactions(
        emulator, token, [("bank_account_id", account_id(emulator)), ("per_page", "7")]
    )
    assert len(every) == meta["total_count"] == len({t["id"] for t in every})
    assert listing(emulator, token)["meta"]["per_page"] == 100


def test_date_side_type_and_attachment_filters(emulator: Emulator, token: str) -> None:
    since = "2025-06-01T00:00:00.000Z"
    for name in ("settled_at", "emitted_at", "updated_at"):
        found = listing(emulator, token, (f"{name}_from", since))["transactions"]
        assert found
        assert all(t[name] >= since for t in found)
        before = listing(emulator, token, (f"{name}_to", since))["transactions"]
        assert before
        assert all(t[name] <= since for t in before)
    credits = listing(emulator, token, ("side", "credit"))["transactions"]
    assert credits
    assert {t["side"] for t in credits} == {"credit"}
    kinds = listing(emulator, token, ("operation_type[]", "card"), ("operation_type[]", "income"))
    assert {t["operation_type"] for t in kinds["transactions"]} == {"card", "income"}
    with_files = listing(emulator, token, ("with_attachments", "true"))["transactions"]
    assert with_files
    assert all(t["attachment_ids"] for t in with_files)
    without = listing(emulator, token, ("with_attachments", "false"))["transactions"]
    assert without
    assert not any(t["attachment_ids"] for t in without)


def test_amounts_are_numbers_with_integer_cents_and_includes_add_objects(
    emulator: Emulator, token: str
) -> None:
    plain = listing(emulator, token)["transactions"][0]
    assert "attachments" not in plain
    assert "vat_details" not in plain
    included = listing(
        emulator,
        token,
        ("includes[]", "attachments"),
        ("includes[]", "vat_details"),
        ("includes[]", "labels"),
    )["transactions"]
    for tx in included:
        assert isinstance(tx["amount_cents"], int)
        assert tx["amount_cents"] > 0
        assert round(tx["amount"] * 100) == tx["amount_cents"]
        assert [a["id"] for a in tx["attachments"]] == tx["attachment_ids"]
        assert tx["labels"] == []
        assert all(isinstance(v, str) for item in tx["vat_details"]["items"] for v in item.values())
    rates = {tx["vat_rate"] for tx in included}
    assert {20.0, 10.0, 0.0} <= rates


def test_one_transaction_by_id_and_its_attachments(emulator: Emulator, token: str) -> None:
    tx = listing(emulator, token, ("with_attachments", "true"))["transactions"][0]
    one = bank_get(emulator, f"/v2/transactions/{tx['id']}", token)
    assert one.status_code == 200
    assert one.json()["transaction"] == tx
    files = bank_get(emulator, f"/v2/transactions/{tx['id']}/attachments", token)
    assert [a["id"] for a in files.json()["attachments"]] == tx["attachment_ids"]
    assert bank_get(emulator, "/v2/transactions/no-such-id", token).status_code == 404


def test_scopes_organization_read_and_attachment_read(emulator: Emulator) -> None:
    full = bank_token(emulator, BANK_SCOPE)
    tx = bank_get(
        emulator,
        "/v2/transactions",
        full,
        {"bank_account_id": account_id(emulator), "with_attachments": "true"},
    ).json()["transactions"][0]
    no_documents = bank_token(emulator, SCOPE)
    refused = bank_get(emulator, f"/v2/transactions/{tx['id']}/attachments", no_documents)
    assert refused.status_code == 403
    assert bank_get(emulator, f"/v2/attachments/{tx['attachment_ids'][0]}", no_documents).ok
    reader = bank_token(emulator, "openid attachment.read")
    for path in ("/v2/transactions", "/v2/statements", "/v2/bank_accounts"):
        assert (
            bank_get(emulator, path, reader, {"bank_account_id": tx["bank_account_id"]}).status_code
            == 403
        )


def test_bank_accounts_are_paged(emulator: Emulator, token: str) -> None:
    answer = bank_get(emulator, "/v2/bank_accounts", token, {"per_page": "1"}).json()
    assert len(answer["bank_accounts"]) == 1
    assert answer["meta"]["next_page"] == 2
    second = bank_get(emulator, "/v2/bank_accounts", token, {"page": "2", "per_page": "1"}).json()
    ids = [a["id"] for a in answer["bank_accounts"] + second["bank_accounts"]]
    assert ids == [a.id for a in emulator.organizations[0].bank_accounts]
