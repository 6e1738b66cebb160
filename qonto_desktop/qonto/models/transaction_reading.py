"""Reading ``GET /v2/transactions`` and ``GET /v2/transactions/{id}`` into typed values.

Each transaction is read on its own: one without an ``id``, a readable ``side`` and amount, or
an ``updated_at`` is dropped and listed in ``unread``, not the whole page. Amounts arrive as
numbers, integers or decimal strings (:mod:`~qonto_desktop.qonto.models.amounts`); statuses are
kept as sent, ``reversed`` included (docs/qonto-facts.md, "Bank data").
"""

from __future__ import annotations

import msgspec

from qonto_desktop.qonto.models.amounts import cents_of, decimal_of
from qonto_desktop.qonto.models.attachments import included_attachments
from qonto_desktop.qonto.models.decoding import Reason, Unread, decode, decoder, items, text
from qonto_desktop.qonto.models.moments import moment
from qonto_desktop.qonto.models.paging import PageMeta
from qonto_desktop.qonto.models.transactions import Side, Transaction, TransactionPage
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

TRANSACTIONS_ENDPOINT = "GET /v2/transactions"
TRANSACTION_ENDPOINT = "GET /v2/transactions/{id}"
SIDES: tuple[Side, ...] = ("credit", "debit")
# Qonto documents EUR as the only currency of its accounts; a transaction that omits it is EUR.
DEFAULT_CURRENCY = "EUR"
# A transaction sent without a status is kept (its money is real) under a status no filter has.
UNKNOWN_STATUS = "unknown"


class _TransactionWire(msgspec.Struct):
    id: str | None = None
    transaction_id: str | None = None  # the slug; older answers have it and no ``id``
    bank_account_id: str | None = None
    status: str | None = None
    side: str | None = None
    amount: object = None
    amount_cents: object = None
    currency: str | None = None
    label: str | None = None
    clean_counterparty_name: str | None = None
    operation_type: str | None = None
    emitted_at: str | None = None
    settled_at: str | None = None
    updated_at: str | None = None
    settled_balance: object = None
    settled_balance_cents: object = None
    vat_amount: object = None
    vat_amount_cents: object = None
    vat_rate: object = None
    category: str | None = None
    note: str | None = None
    reference: str | None = None
    attachment_ids: list[object] | None = None
    attachment_required: bool | None = None
    attachment_lost: bool | None = None
    attachments: msgspec.Raw = msgspec.Raw()


class _PageBody(msgspec.Struct):
    transactions: msgspec.Raw = msgspec.Raw()
    meta: PageMeta | None = None


class _OneBody(msgspec.Struct):
    transaction: msgspec.Raw = msgspec.Raw()


def parse_transactions(body: bytes, *, bank_account_id: str | None = None) -> TransactionPage:
    """Read one page of ``GET /v2/transactions``.

    Args:
        bank_account_id: the account asked for, for a transaction that does not name its own.

    Raises:
        UnusableAnswerError: not JSON, or no ``transactions`` array.
    """
    data = decode(_PAGE, body, endpoint=TRANSACTIONS_ENDPOINT)
    raw_items = items(data.transactions)
    if raw_items is None:
        raise UnusableAnswerError(
            detail="transactions is missing or not an array", endpoint=TRANSACTIONS_ENDPOINT
        )
    kept: list[Transaction] = []
    unread: list[Unread] = []
    for index, raw in enumerate(raw_items):
        transaction, problems = _read(raw, f"transactions[{index}]", bank_account_id)
        unread.extend(problems)
        if transaction is not None:
            kept.append(transaction)
    meta = data.meta or PageMeta()
    return TransactionPage(
        transactions=tuple(kept),
        current_page=meta.current_page or 1,
        next_page=meta.next_page,
        total_pages=meta.total_pages,
        total_count=meta.total_count,
        unread=tuple(unread),
    )


def parse_transaction(body: bytes, *, bank_account_id: str | None = None) -> Transaction:
    """Read ``GET /v2/transactions/{id}`` (``{"transaction": {...}}``).

    Raises:
        UnusableAnswerError: not JSON, or no transaction that can be read.
    """
    data = decode(_ONE, body, endpoint=TRANSACTION_ENDPOINT)
    transaction, problems = _read(data.transaction, "transaction", bank_account_id)
    if transaction is None:
        fields = ", ".join(f"{item.field} {item.reason}" for item in problems)
        raise UnusableAnswerError(detail=f"unreadable: {fields}", endpoint=TRANSACTION_ENDPOINT)
    return transaction


def _read(
    raw: msgspec.Raw, where: str, bank_account_id: str | None
) -> tuple[Transaction | None, list[Unread]]:
    """One transaction, or None with the reasons it was dropped."""
    try:
        wire = _TRANSACTION.decode(raw)
    except msgspec.DecodeError:
        return None, [Unread(where, "dropped")]
    unread: list[Unread] = []
    amount = cents_of(wire.amount, wire.amount_cents)
    if amount.problem is not None:
        unread.append(Unread(f"{where}.amount", amount.problem))
    side = wire.side.strip().lower() if wire.side else None
    if side not in SIDES:
        unread.append(Unread(f"{where}.side", "missing" if side is None else "unreadable"))
    updated_at = moment(wire.updated_at)
    if updated_at is None:
        reason: Reason = "missing" if not wire.updated_at else "unreadable"
        unread.append(Unread(f"{where}.updated_at", reason))
    identifier = text(wire.id) or text(wire.transaction_id)
    account = text(wire.bank_account_id) or bank_account_id
    if unread or identifier is None or account is None or amount.cents is None or not updated_at:
        return None, [*unread, Unread(where, "dropped")]
    balance = cents_of(wire.settled_balance, wire.settled_balance_cents)
    if balance.problem not in (None, "missing"):
        unread.append(Unread(f"{where}.settled_balance", balance.problem))
    vat = cents_of(wire.vat_amount, wire.vat_amount_cents)
    if vat.problem not in (None, "missing"):
        unread.append(Unread(f"{where}.vat_amount", vat.problem))
    if text(wire.status) is None:
        unread.append(Unread(f"{where}.status", "missing"))
    vat_rate = decimal_of(wire.vat_rate)
    if wire.vat_rate is not None and vat_rate is None:
        unread.append(Unread(f"{where}.vat_rate", "unreadable"))
    attachments, attachments_unread = included_attachments(wire.attachments, f"{where}.attachments")
    unread.extend(attachments_unread)
    emitted_at, settled_at = moment(wire.emitted_at), moment(wire.settled_at)
    for name, sent, read in (
        ("emitted_at", wire.emitted_at, emitted_at),
        ("settled_at", wire.settled_at, settled_at),
    ):
        if sent is not None and read is None:
            unread.append(Unread(f"{where}.{name}", "unreadable"))
    transaction = Transaction(
        id=identifier,
        bank_account_id=account,
        status=text(wire.status) or UNKNOWN_STATUS,
        side=SIDES[0] if side == SIDES[0] else SIDES[1],
        amount_cents=amount.cents,
        currency=text(wire.currency) or DEFAULT_CURRENCY,
        label=text(wire.label),
        counterparty=text(wire.clean_counterparty_name),
        operation_type=text(wire.operation_type),
        emitted_at=emitted_at,
        settled_at=settled_at,
        updated_at=updated_at,
        settled_balance_cents=balance.cents,
        vat_amount_cents=vat.cents,
        vat_rate=vat_rate,
        category=text(wire.category),
        note=text(wire.note),
        reference=text(wire.reference),
        attachment_ids=tuple(i for i in wire.attachment_ids or () if isinstance(i, str) and i),
        attachment_required=bool(wire.attachment_required),
        attachment_lost=bool(wire.attachment_lost),
        attachments=attachments,
        unread=tuple(unread),
    )
    return transaction, unread


_TRANSACTION = decoder(_TransactionWire)
_PAGE = decoder(_PageBody)
_ONE = decoder(_OneBody)
