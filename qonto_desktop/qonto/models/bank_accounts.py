"""Bank accounts as ``GET /v2/organization`` and ``GET /v2/bank_accounts`` list them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import msgspec

from qonto_desktop.qonto.models.amounts import HUNDRED, cents_of
from qonto_desktop.qonto.models.decoding import Unread, decode, decoder, items, text
from qonto_desktop.qonto.models.moments import moment
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

BANK_ACCOUNTS_ENDPOINT = "GET /v2/bank_accounts"


class _AccountWire(msgspec.Struct):
    id: str | None = None
    slug: str | None = None
    name: str | None = None
    organization_id: str | None = None
    status: str | None = None
    main: bool | None = None
    iban: str | None = None
    bic: str | None = None
    currency: str | None = None
    # Amounts stay untyped here: numbers (as Decimal), integers or strings, read by amounts.py.
    balance: object = None
    balance_cents: object = None
    authorized_balance: object = None
    authorized_balance_cents: object = None
    updated_at: str | None = None
    is_external_account: bool | None = None
    account_number: str | None = None


class _Meta(msgspec.Struct):
    next_page: int | None = None


class _BankAccountsBody(msgspec.Struct):
    bank_accounts: msgspec.Raw = msgspec.Raw()
    meta: _Meta | None = None


@dataclass(frozen=True)
class BankAccount:
    """One account: a Qonto account, or one at another bank (``is_external``).

    Balances are integer cents (hundredths of ``currency``), None when Qonto did not send them
    (members without the balance permission do not see them) or they could not be read.
    Empty ``iban``, ``bic`` and ``account_number``, as external accounts have, are None.
    """

    id: str | None
    slug: str | None
    name: str | None
    organization_id: str | None
    status: str | None
    main: bool
    is_external: bool
    iban: str | None
    bic: str | None
    account_number: str | None
    currency: str | None
    balance_cents: int | None
    authorized_balance_cents: int | None
    updated_at: datetime | None
    unread: tuple[Unread, ...] = ()

    @property
    def key(self) -> str:
        """What identifies the account in calls (``bank_account_id``, else ``iban``)."""
        return self.id or self.iban or ""

    @property
    def display_name(self) -> str:
        """The name to show: ``name``, else ``slug``, else the identifier."""
        return self.name or self.slug or self.key

    @property
    def balance(self) -> Decimal | None:
        """The balance in currency units, exact."""
        return None if self.balance_cents is None else Decimal(self.balance_cents) / HUNDRED


@dataclass(frozen=True)
class BankAccountList:
    """The answer of ``GET /v2/bank_accounts``: one page of accounts."""

    accounts: tuple[BankAccount, ...]
    next_page: int | None
    unread: tuple[Unread, ...] = ()


def parse_bank_accounts(body: bytes) -> BankAccountList:
    """Read ``GET /v2/bank_accounts``.

    Raises:
        UnusableAnswerError: not JSON, or no ``bank_accounts`` array.
    """
    data = decode(_BODY, body, endpoint=BANK_ACCOUNTS_ENDPOINT)
    raw_items = items(data.bank_accounts)
    if raw_items is None:
        raise UnusableAnswerError(
            detail="bank_accounts is missing or not an array", endpoint=BANK_ACCOUNTS_ENDPOINT
        )
    accounts, unread = read_accounts(raw_items, "bank_accounts")
    next_page = data.meta.next_page if data.meta is not None else None
    return BankAccountList(accounts, next_page, unread)


def read_accounts(
    raw_items: list[msgspec.Raw], path: str
) -> tuple[tuple[BankAccount, ...], tuple[Unread, ...]]:
    """Read each account on its own: one that cannot be read is dropped, not the whole list.

    An account is kept when it has an ``id`` or an ``iban`` (either identifies it to
    ``GET /v2/transactions``); Qonto's own example of ``GET /v2/organization`` has no ``id``.
    """
    accounts: list[BankAccount] = []
    unread: list[Unread] = []
    for index, raw in enumerate(raw_items):
        where = f"{path}[{index}]"
        try:
            wire = _ACCOUNT.decode(raw)
        except msgspec.DecodeError:
            unread.append(Unread(where, "dropped"))
            continue
        account = _account(wire, where)
        if not account.key:
            unread.append(Unread(where, "dropped"))
            continue
        accounts.append(account)
        unread.extend(account.unread)
    return tuple(accounts), tuple(unread)


def _account(wire: _AccountWire, where: str) -> BankAccount:
    unread: list[Unread] = []
    balance = cents_of(wire.balance, wire.balance_cents)
    if balance.problem is not None:
        unread.append(Unread(f"{where}.balance", balance.problem))
    authorized = cents_of(wire.authorized_balance, wire.authorized_balance_cents)
    if authorized.problem is not None:
        unread.append(Unread(f"{where}.authorized_balance", authorized.problem))
    updated_at = moment(wire.updated_at)
    if wire.updated_at is not None and updated_at is None:
        unread.append(Unread(f"{where}.updated_at", "unreadable"))
    return BankAccount(
        id=text(wire.id),
        slug=text(wire.slug),
        name=text(wire.name),
        organization_id=text(wire.organization_id),
        status=text(wire.status),
        main=bool(wire.main),
        is_external=bool(wire.is_external_account),
        iban=text(wire.iban),
        bic=text(wire.bic),
        account_number=text(wire.account_number),
        currency=text(wire.currency),
        balance_cents=balance.cents,
        authorized_balance_cents=authorized.cents,
        updated_at=updated_at,
        unread=tuple(unread),
    )


_ACCOUNT = decoder(_AccountWire)
_BODY = decoder(_BankAccountsBody)
