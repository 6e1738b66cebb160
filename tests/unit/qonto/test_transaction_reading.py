"""Transactions read from Qonto's documented shape and from the variants public clients show."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from qonto_desktop.qonto.models import UnusableAnswerError
from qonto_desktop.qonto.models.decoding import Unread
from qonto_desktop.qonto.models.transaction_reading import parse_transaction, parse_transactions
from tests.support.bank_bodies import ACCOUNT_ID, TRANSACTION, page, with_fields


def one(**changes: object) -> bytes:
    return page("transactions", [with_fields(TRANSACTION, **changes)])


def test_the_documented_transaction_is_read_whole() -> None:
    read = parse_transactions(one())
    assert read.unread == ()
    assert (read.current_page, read.next_page, read.total_pages, read.total_count) == (
        1,
        None,
        1,
        1,
    )
    (transaction,) = read.transactions
    assert transaction.id == TRANSACTION["id"]
    assert transaction.bank_account_id == ACCOUNT_ID
    assert (transaction.side, transaction.amount_cents, transaction.signed_cents) == (
        "debit",
        142560,
        -142560,
    )
    assert transaction.settled_balance_cents == 4021243
    assert (transaction.vat_amount_cents, transaction.vat_rate) == (23760, Decimal("20.0"))
    assert transaction.counterparty == "Amazon"
    assert transaction.label == "AMAZON PAYMENTS"
    assert transaction.updated_at == datetime(2024, 8, 1, 10, 35, 9, 120000, tzinfo=UTC)
    assert transaction.status == "completed"
    assert transaction.reference is None
    assert transaction.attachment_required
    assert not transaction.missing_receipt
    (attachment,) = transaction.attachments
    assert (attachment.file_name, attachment.size) == ("facture-amazon.pdf", 16966)
    assert attachment.url is not None
    assert "X-Amz-Expires" in attachment.url


def test_one_transaction_alone_is_read() -> None:
    body = json.dumps({"transaction": TRANSACTION}).encode()
    assert parse_transaction(body).amount_cents == 142560


def test_amounts_as_decimal_strings_are_read_exactly() -> None:
    (transaction,) = parse_transactions(
        one(
            amount="1425.60",
            amount_cents="142560",
            settled_balance="40212.43",
            settled_balance_cents=...,
            vat_amount="237.6",
            vat_amount_cents=...,
            vat_rate="5.5",
        )
    ).transactions
    assert transaction.amount_cents == 142560
    assert transaction.settled_balance_cents == 4021243
    assert transaction.vat_amount_cents == 23760
    assert transaction.vat_rate == Decimal("5.5")


def test_an_amount_alone_without_cents_is_enough() -> None:
    (transaction,) = parse_transactions(one(amount=0.78, amount_cents=...)).transactions
    assert transaction.amount_cents == 78


def test_a_null_settled_balance_is_none_not_a_problem() -> None:
    read = parse_transactions(one(settled_balance=None, settled_balance_cents=None))
    assert read.transactions[0].settled_balance_cents is None
    assert read.unread == ()


def test_vat_rate_minus_one_means_several_rates() -> None:
    (transaction,) = parse_transactions(one(vat_rate=-1)).transactions
    assert transaction.vat_rate == Decimal(-1)


def test_missing_optional_fields_are_none() -> None:
    bare = {
        "id": "t1",
        "amount_cents": 100,
        "side": "credit",
        "status": "pending",
        "updated_at": "2026-11-02T08:00:00Z",
    }
    read = parse_transactions(page("transactions", [bare]), bank_account_id="acc")
    (transaction,) = read.transactions
    assert transaction.bank_account_id == "acc"  # the account asked for
    assert transaction.currency == "EUR"
    assert (transaction.settled_at, transaction.vat_rate, transaction.attachments) == (
        None,
        None,
        (),
    )
    assert transaction.attachment_ids == ()
    assert read.unread == ()


def test_an_older_answer_identified_by_its_slug_is_kept() -> None:
    (transaction,) = parse_transactions(one(id=...)).transactions
    assert transaction.id == "croissant-bank-transaction-1"


@pytest.mark.parametrize("status", ["reversed", "declined", "something_new"])
def test_statuses_are_kept_as_sent(status: str) -> None:
    assert parse_transactions(one(status=status)).transactions[0].status == status


def test_an_offset_time_is_read_as_the_same_moment() -> None:
    (transaction,) = parse_transactions(one(updated_at="2024-08-01T12:35:09+02:00")).transactions
    assert transaction.updated_at == datetime(
        2024, 8, 1, 12, 35, 9, tzinfo=timezone(timedelta(hours=2))
    )
    assert transaction.updated_at == datetime(2024, 8, 1, 10, 35, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"side": ...}, "side", "missing"),
        ({"side": "sideways"}, "side", "unreadable"),
        ({"amount": ..., "amount_cents": ...}, "amount", "missing"),
        ({"amount": 1.5, "amount_cents": 142560}, "amount", "disagrees"),
        ({"amount": "1,50", "amount_cents": ...}, "amount", "unreadable"),
        ({"updated_at": "yesterday"}, "updated_at", "unreadable"),
    ],
)
def test_a_bad_transaction_is_dropped_and_listed_not_the_page(
    changes: dict[str, object], field: str, reason: str
) -> None:
    bad = with_fields(TRANSACTION, id="bad", **changes)
    read = parse_transactions(page("transactions", [bad, TRANSACTION]))
    assert [t.id for t in read.transactions] == [TRANSACTION["id"]]
    assert Unread(f"transactions[0].{field}", reason) in read.unread  # type: ignore[arg-type]
    assert Unread("transactions[0]", "dropped") in read.unread


def test_an_item_that_is_not_an_object_is_dropped() -> None:
    read = parse_transactions(page("transactions", ["oops", TRANSACTION]))
    assert len(read.transactions) == 1
    assert read.unread == (Unread("transactions[0]", "dropped"),)


def test_an_unreadable_optional_field_is_listed_and_the_transaction_kept() -> None:
    read = parse_transactions(
        one(vat_rate="twenty", settled_balance=True, settled_balance_cents=...)
    )
    assert len(read.transactions) == 1
    assert Unread("transactions[0].vat_rate", "unreadable") in read.unread
    assert Unread("transactions[0].settled_balance", "unreadable") in read.unread


def test_an_attachment_without_id_is_dropped_from_the_transaction() -> None:
    attachments = [{"file_name": "x.pdf"}, TRANSACTION["attachments"][0]]
    read = parse_transactions(one(attachments=attachments))
    assert len(read.transactions[0].attachments) == 1
    assert Unread("transactions[0].attachments[0]", "dropped") in read.unread


@pytest.mark.parametrize("body", [b"not json", b'{"meta": {}}', b'{"transactions": 3}'])
def test_an_answer_without_a_list_is_unusable(body: bytes) -> None:
    with pytest.raises(UnusableAnswerError):
        parse_transactions(body)


def test_one_transaction_that_cannot_be_read_is_unusable() -> None:
    body = json.dumps({"transaction": with_fields(TRANSACTION, side=...)}).encode()
    with pytest.raises(UnusableAnswerError) as raised:
        parse_transaction(body)
    assert "transaction.side missing" in raised.value.detail
