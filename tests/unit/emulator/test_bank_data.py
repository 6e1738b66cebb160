"""The demo bank data: the same every run, balances that add up, changes that bump updated_at."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import requests

from qonto_desktop.emulator import Emulator, ManualClock
from tests.support.bank_calls import all_transactions, bank_get, bank_token
from tests.support.emulator_flow import TIMEOUT, connect

EVERY_STATUS = [("status[]", "completed"), ("status[]", "pending"), ("status[]", "declined")]


def every(emulator: Emulator, token: str, account: int = 0) -> list[dict[str, Any]]:
    account_id = emulator.organizations[0].bank_accounts[account].id
    return all_transactions(emulator, token, [("bank_account_id", account_id), *EVERY_STATUS])


def test_the_same_data_and_files_on_every_run() -> None:
    answers = []
    for _ in range(2):
        with Emulator(clock=ManualClock(1_750_000_000.0)) as emulator:
            token = bank_token(emulator)
            listed = every(emulator, token)
            statement = bank_get(emulator, "/v2/statements", token).json()["statements"][0]
            pdf = requests.get(statement["file"]["file_url"], timeout=TIMEOUT).content
            answers.append((listed, statement["id"], pdf))
    assert answers[0] == answers[1]


def test_a_year_of_varied_french_activity(emulator: Emulator) -> None:
    listed = every(emulator, bank_token(emulator))
    months = {t["emitted_at"][:7] for t in listed}
    assert len(months) == 12
    assert max(months) == "2025-06"
    kinds = Counter(t["operation_type"] for t in listed)
    assert set(kinds) == {"card", "transfer", "direct_debit", "income", "qonto_fee"}
    labels = {t["label"] for t in listed}
    assert {"URSSAF", "EDF", "SNCF Connect", "Qonto"} <= labels
    assert {t["vat_rate"] for t in listed} >= {20.0, 10.0, 5.5, 0.0, -1.0}
    debits = [t for t in listed if t["side"] == "debit"]
    required = [t for t in debits if t["attachment_required"]]
    assert len(required) > len(debits) * 0.7
    assert any(t["attachment_lost"] for t in required)
    missing = [t for t in required if not t["attachment_ids"] and not t["attachment_lost"]]
    assert 0 < len(missing) < len(required) * 0.2
    assert any(len(t["attachment_ids"]) == 2 for t in required)
    assert any(t["note"] for t in listed)
    assert any(t["reference"] for t in listed)
    assert all(t["amount_cents"] > 0 and t["side"] in {"credit", "debit"} for t in listed)


def test_settled_balances_run_into_the_accounts_balance(emulator: Emulator) -> None:
    token = bank_token(emulator)
    accounts = bank_get(emulator, "/v2/bank_accounts", token).json()["bank_accounts"]
    for index, account in enumerate(accounts):
        completed = sorted(
            (t for t in every(emulator, token, index) if t["status"] == "completed"),
            key=lambda t: (t["settled_at"], t["settled_balance_cents"]),
        )
        for before, after in itertools.pairwise(completed):
            signed = after["amount_cents"] * (1 if after["side"] == "credit" else -1)
            assert after["settled_balance_cents"] == before["settled_balance_cents"] + signed
        assert completed[-1]["settled_balance_cents"] == account["balance_cents"]


def test_changes_bump_updated_at_to_now_and_incremental_reads_find_them(
    emulator: Emulator, clock: ManualClock
) -> None:
    token = bank_token(emulator)
    account = emulator.organizations[0].bank_accounts[0]
    before = {t["id"]: t for t in every(emulator, token)}
    clock.advance(60)
    changed = emulator.change_transactions(account.id, 12, seed=1)
    assert len(set(changed)) == 12
    since = "2025-06-15T15:07:40.000Z"  # the clock's now: 1_750_000_060
    found = all_transactions(
        emulator,
        token,
        [
            ("bank_account_id", account.id),
            ("updated_at_from", since),
            ("sort_by", "updated_at:asc"),
            *EVERY_STATUS,
        ],
    )
    assert sorted(t["id"] for t in found) == sorted(changed)
    assert {t["updated_at"] for t in found} == {since}
    for tx in found:
        old = before[tx["id"]]
        assert old["updated_at"] < since
        assert (tx["note"], tx["attachment_ids"], tx["status"]) != (
            old["note"],
            old["attachment_ids"],
            old["status"],
        )


def test_a_pending_transaction_completes_and_moves_the_balance(
    emulator: Emulator, clock: ManualClock
) -> None:
    token = bank_token(emulator)
    account = emulator.organizations[0].bank_accounts[0]
    pending = [t["id"] for t in every(emulator, token) if t["status"] == "pending"]
    assert pending
    clock.advance(5)
    changed: list[str] = []
    seed = 0
    while not set(changed) & set(pending):  # some picks are other kinds of change
        changed = emulator.change_transactions(account.id, 40, seed=seed)
        seed += 1
    settled_id = next(i for i in changed if i in pending)
    tx = bank_get(emulator, f"/v2/transactions/{settled_id}", token).json()["transaction"]
    assert tx["status"] == "completed"
    assert tx["settled_at"] == tx["updated_at"]
    balance = bank_get(emulator, "/v2/bank_accounts", token).json()["bank_accounts"][0]
    assert balance["balance_cents"] != account.balance_cents
    organization = bank_get(emulator, "/v2/organization", token).json()["organization"]
    assert organization["bank_accounts"][0]["balance_cents"] == balance["balance_cents"]
    latest = max(
        (t for t in every(emulator, token) if t["status"] == "completed"),
        key=lambda t: t["settled_at"],
    )
    assert latest["settled_balance_cents"] == balance["balance_cents"]


def test_the_monthly_size_is_configurable(clock: ManualClock) -> None:
    with Emulator(clock=clock, transactions_per_month=300) as emulator:
        token = bank_token(emulator)
        account_id = emulator.organizations[0].bank_accounts[0].id
        params = {
            "bank_account_id": account_id,
            "settled_at_from": "2025-05-01T00:00:00Z",
            "settled_at_to": "2025-05-31T23:59:59Z",
            "per_page": "1",
        }
        total = bank_get(emulator, "/v2/transactions", token, params).json()["meta"]["total_count"]
        assert 280 <= total <= 305


def test_a_user_flow_token_names_the_organization(emulator: Emulator) -> None:
    scope = "openid offline_access organization.read user_organization.read"
    token = connect(emulator, emulator.user_access_client, identity_type="user", scope=scope)[
        "access_token"
    ]
    second = emulator.organizations[1]
    params = {"bank_account_id": second.bank_accounts[0].id}
    assert bank_get(emulator, "/v2/transactions", token, params).status_code == 403
    named = {"X-Qonto-Organization-Id": second.id}
    answer = bank_get(emulator, "/v2/transactions", token, params, headers=named)
    assert answer.status_code == 200
    assert answer.json()["transactions"]
    wrong = {"X-Qonto-Organization-Id": emulator.organizations[0].id}
    assert bank_get(emulator, "/v2/transactions", token, params, headers=wrong).status_code == 404


def test_generated_organizations_may_have_two_accounts_with_their_own_data(
    clock: ManualClock,
) -> None:
    with (
        Emulator(clock=clock, extra_organizations=2) as one,
        Emulator(clock=clock, extra_organizations=2, two_accounts=True) as two,
    ):
        first, second = one.organizations[3], two.organizations[3]
        assert second.bank_accounts[0] == first.bank_accounts[0]
        extra = second.bank_accounts[1]
        assert extra.iban != first.bank_accounts[0].iban
        token = connect(two, two.public_client, organization_id=second.id)["access_token"]
        listed = bank_get(two, "/v2/bank_accounts", token).json()["bank_accounts"]
        assert [a["id"] for a in listed] == [a.id for a in second.bank_accounts]
        params = {"bank_account_id": extra.id}
        assert bank_get(two, "/v2/transactions", token, params).json()["transactions"]
