"""OFX files parse back with ofxtools to the same transactions, the same every time."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from ofxtools.Parser import OFXTree

from qonto_desktop.export.balance import check_balance
from qonto_desktop.export.bank_ids import bank_ids
from qonto_desktop.export.ofx_file import ofx_bytes
from qonto_desktop.export.period import month
from qonto_desktop.qonto.models.transactions import Transaction
from tests.support.bank_values import account, chained, transaction

LONG = "Société Nationale des Chemins de fer Français & <Co>"


def november() -> tuple[Transaction, ...]:
    return chained(
        100_000,
        [
            transaction("tx-card", 3, -4590, counterparty=LONG, note="Billet Paris\u2013Lyon"),
            transaction("tx-in", 5, 120_000, operation_type="income", counterparty="Client A"),
            transaction("tx-dd", 12, -3000, operation_type="direct_debit", counterparty="URSSAF"),
            transaction("tx-fee", 30, -900, operation_type="qonto_fee", counterparty="Qonto"),
        ],
    )


def parsed(data: bytes) -> object:
    tree = OFXTree()
    tree.parse(io.BytesIO(data))
    return tree.convert()


def export(items: tuple[Transaction, ...]) -> bytes:
    return ofx_bytes(account(), items, month(2026, 11), check_balance(items))


def test_parses_back_to_the_same_transactions() -> None:
    items = november()
    pending = transaction("tx-pending", 20, -777, status="pending", settled_at=None)
    document = parsed(export((*items, pending)))
    (statement,) = document.statements  # type: ignore[attr-defined]
    back = {t.fitid: t for t in statement.transactions}
    assert set(back) == {"tx-card", "tx-in", "tx-fee", "tx-dd"}  # pending: not settled
    for item in items:
        found = back[item.id]
        assert found.trnamt == Decimal(item.signed_cents) / 100
        assert isinstance(found.trnamt, Decimal)
        assert found.dtposted == item.settled_at
    assert {t.fitid: t.trntype for t in statement.transactions} == {
        "tx-card": "POS", "tx-in": "CREDIT", "tx-fee": "FEE", "tx-dd": "DIRECTDEBIT",
    }  # fmt: skip
    assert statement.balance.balamt == Decimal("2115.10")
    assert statement.balance.dtasof == datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)
    assert statement.curdef == "EUR"


def test_a_long_counterparty_is_cut_in_name_and_whole_in_memo() -> None:
    (statement,) = parsed(export(november())).statements  # type: ignore[attr-defined]
    card = next(t for t in statement.transactions if t.fitid == "tx-card")
    assert card.name == LONG[:32].rstrip()
    assert card.memo.startswith(LONG)
    assert "Billet Paris\u2013Lyon" in card.memo  # Windows-1252 has the en dash


def test_characters_windows_1252_lacks_become_question_marks() -> None:
    items = (transaction("tx-1", 3, -100, counterparty="Café → 東京"),)
    (statement,) = parsed(export(items)).statements  # type: ignore[attr-defined]
    assert statement.transactions[0].name == "Café ? ??"


def test_french_iban_gives_the_rib_parts() -> None:
    (statement,) = parsed(export(november())).statements  # type: ignore[attr-defined]
    acct = statement.account
    assert (acct.bankid, acct.branchid, acct.acctid, acct.acctkey) == (
        "16958", "00001", "12345678901", "42",
    )  # fmt: skip


def test_other_ibans_and_no_iban() -> None:
    german = bank_ids("DE89370400440532013000", "COBADEFFXXX", "k")
    assert (german.bank_id, german.account_id) == ("37040044", "0532013000")
    italian = bank_ids("IT60X0542811101000000123456", None, "k")
    assert (italian.account_key, italian.bank_id, italian.branch_id, italian.account_id) == (
        "X", "05428", "11101", "000000123456",
    )  # fmt: skip
    other = bank_ids("NL91ABNA0417164300", "ABNANL2A", "k")
    assert (other.bank_id, other.account_id) == ("ABNANL2A", "NL91ABNA0417164300")
    assert bank_ids(None, None, "acc-1").account_id == "acc-1"


def test_the_same_data_gives_the_same_bytes() -> None:
    assert export(november()) == export(november())
    changed = list(november())
    changed[0] = replace(changed[0], note="Corrigé")
    assert export(tuple(changed)) != export(november())


def test_an_account_without_transactions_still_states_its_balance() -> None:
    document = ofx_bytes(account(), (), month(2026, 11), check_balance((), 123_456))
    (statement,) = parsed(document).statements  # type: ignore[attr-defined]
    assert list(statement.transactions) == []
    assert statement.balance.balamt == Decimal("1234.56")
