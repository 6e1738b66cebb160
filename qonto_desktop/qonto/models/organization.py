"""The organization a connection reaches: ``GET /v2/organization``."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from qonto_desktop.qonto.models.bank_accounts import BankAccount, read_accounts
from qonto_desktop.qonto.models.decoding import (
    Reason,
    Unread,
    absent,
    decode,
    decoder,
    items,
    text,
)
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

ORGANIZATION_ENDPOINT = "GET /v2/organization"


class _OrganizationWire(msgspec.Struct):
    id: str
    name: str | None = None
    slug: str | None = None
    legal_name: str | None = None
    legal_number: str | None = None
    legal_country: str | None = None
    # Kept raw so that one unreadable account is dropped alone (bank_accounts.read_accounts).
    bank_accounts: msgspec.Raw = msgspec.Raw()


class _OrganizationBody(msgspec.Struct):
    organization: _OrganizationWire


@dataclass(frozen=True)
class Organization:
    """An organization and the accounts the answer listed.

    ``bank_accounts_read`` is False when the answer had no readable ``bank_accounts`` array:
    the tuple is then empty because nothing was read, not because there are no accounts.
    ``legal_number`` is the registration number (the SIRET in France's examples).
    """

    id: str
    name: str | None
    slug: str | None
    legal_name: str | None
    legal_number: str | None
    legal_country: str | None
    bank_accounts: tuple[BankAccount, ...]
    bank_accounts_read: bool
    unread: tuple[Unread, ...] = ()

    @property
    def display_name(self) -> str:
        """The name to show: ``name``, else ``legal_name``, else ``slug``, else the id."""
        return self.name or self.legal_name or self.slug or self.id

    @property
    def qonto_accounts(self) -> tuple[BankAccount, ...]:
        """The accounts held at Qonto."""
        return tuple(account for account in self.bank_accounts if not account.is_external)

    @property
    def external_accounts(self) -> tuple[BankAccount, ...]:
        """The accounts at other banks, connected to Qonto (``include_external_accounts``)."""
        return tuple(account for account in self.bank_accounts if account.is_external)


def parse_organization(body: bytes) -> Organization:
    """Read ``GET /v2/organization``; what cannot be read is listed in ``unread``.

    Raises:
        UnusableAnswerError: not JSON, no ``organization`` object, or no ``id`` in it.
    """
    wire = decode(_BODY, body, endpoint=ORGANIZATION_ENDPOINT).organization
    identifier = text(wire.id)
    if identifier is None:
        raise UnusableAnswerError(detail="organization.id is empty", endpoint=ORGANIZATION_ENDPOINT)
    raw_items = items(wire.bank_accounts)
    if raw_items is None:
        accounts: tuple[BankAccount, ...] = ()
        reason: Reason = "missing" if absent(wire.bank_accounts) else "unreadable"
        unread: tuple[Unread, ...] = (Unread("bank_accounts", reason),)
    else:
        accounts, unread = read_accounts(raw_items, "bank_accounts")
    return Organization(
        id=identifier,
        name=text(wire.name),
        slug=text(wire.slug),
        legal_name=text(wire.legal_name),
        legal_number=text(wire.legal_number),
        legal_country=text(wire.legal_country),
        bank_accounts=accounts,
        bank_accounts_read=raw_items is not None,
        unread=unread,
    )


_BODY = decoder(_OrganizationBody)
