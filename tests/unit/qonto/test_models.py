"""Qonto's answers read as documented, and as public clients report them, never through float."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qonto_desktop.emulator.data import DEMO_ORGANIZATIONS, generated_organizations
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.qonto.models import (
    Unread,
    UnusableAnswerError,
    parse_bank_accounts,
    parse_membership,
    parse_organization,
    parse_user_organizations,
)
from tests.support import qonto_bodies as bodies


def organization_body(*accounts: object, **fields: object) -> bytes:
    """A GET /v2/organization body with the given accounts and organization fields."""
    organization: dict[str, object] = {"id": "org-1", "slug": "acme-1234", **fields}
    if accounts:
        organization["bank_accounts"] = list(accounts)
    return json.dumps({"organization": organization}).encode()


def account_json(**fields: object) -> str:
    """One account as JSON text, amounts written exactly as given (numbers stay numbers)."""
    members = {"id": "acc-1", "iban": "FR7616958000018615533841513", **fields}
    return "{" + ", ".join(f'"{key}": {_raw(value)}' for key, value in members.items()) + "}"


def _raw(value: object) -> str:
    return str(value) if isinstance(value, Decimal) else json.dumps(value)


def organization_with_account_text(account: str) -> bytes:
    """A GET /v2/organization body whose one account is the given JSON text."""
    return f'{{"organization": {{"id": "org-1", "bank_accounts": [{account}]}}}}'.encode()


# --- documented bodies ----------------------------------------------------------------------


def test_the_documented_organization_with_an_external_account() -> None:
    organization = parse_organization(bodies.ORGANIZATION_WITH_EXTERNAL)
    assert organization.id == "3e29cef2-4808-421e-8c99-e83306c5e0ec"
    assert organization.display_name == "Coopérative Boulangère Sud"
    assert organization.legal_number == "81948962600039"
    assert organization.legal_country == "FR"
    assert organization.bank_accounts_read
    assert organization.unread == ()
    main = organization.bank_accounts[1]
    assert main.display_name == "Compte principal"
    assert main.main
    assert main.balance_cents == 4199592154
    assert main.authorized_balance_cents == 4198969429
    assert main.balance == Decimal("41995921.54")
    assert main.account_number is None  # sent as ""
    assert main.updated_at == datetime(2024, 8, 1, 10, 35, 9, 89000, tzinfo=UTC)
    (external,) = organization.external_accounts
    assert external.is_external
    assert external.bic is None  # sent as ""
    assert external.account_number == "0263765d-8d0e-41f0-a025-9dd2ed891507"
    assert external.balance_cents == 902
    assert len(organization.qonto_accounts) == 2


def test_the_documented_schema_example_without_name_or_account_id() -> None:
    organization = parse_organization(bodies.ORGANIZATION_SCHEMA_EXAMPLE)
    assert organization.name is None
    assert organization.display_name == "Elektro Tesla GmbH"
    (account,) = organization.bank_accounts
    assert account.id is None
    assert account.key == "FR7616798000010000005663951"
    assert account.balance_cents == 10000
    assert not account.is_external


def test_the_documented_bank_accounts_as_a_manager_sees_them() -> None:
    listing = parse_bank_accounts(bodies.BANK_ACCOUNTS_AS_MANAGER)
    (account,) = listing.accounts
    assert account.organization_id == "3e29cef2-4808-421e-8c99-e83306c5e0ec"
    assert account.balance_cents is None
    assert account.currency is None
    assert listing.next_page is None
    assert Unread("bank_accounts[0].balance", "missing") in listing.unread


def test_the_documented_membership() -> None:
    membership = parse_membership(bodies.MEMBERSHIP)
    assert membership.id == "c9f9f051-7558-451c-b310-f4b8521424aa"
    assert membership.display_name == "Bruce Thomas Patrick Wayne"
    assert membership.email == "batman@dc-comics.com"
    assert membership.role == "owner"
    assert membership.status == "active"


def test_the_documented_user_organizations() -> None:
    listing = parse_user_organizations(bodies.USER_ORGANIZATIONS)
    first, second = listing.organizations
    assert first.display_name == "Coopérative Boulangère Sud"
    assert first.legal_number == "81948962600039"
    assert first.membership_role == "owner"
    assert second.legal_country == "DE"
    assert second.membership_role == "admin"
    assert listing.unread == ()


# --- variants public clients report ---------------------------------------------------------


def test_balances_as_strings() -> None:
    body = organization_body({"id": "a", "balance": "142188.43", "authorized_balance": "141148.12"})
    (account,) = parse_organization(body).bank_accounts
    assert account.balance_cents == 14218843
    assert account.authorized_balance_cents == 14114812


def test_cents_as_strings() -> None:
    body = organization_body({"id": "a", "balance_cents": "10000", "balance": "100.00"})
    assert parse_organization(body).bank_accounts[0].balance_cents == 10000


def test_a_number_that_float_would_round_is_exact() -> None:
    # 1.15 * 100 is 114.99999999999999 in binary floating point.
    body = organization_with_account_text(account_json(balance=Decimal("1.15")))
    assert parse_organization(body).bank_accounts[0].balance_cents == 115


def test_cents_are_preferred_when_consistent() -> None:
    body = organization_with_account_text(account_json(balance=Decimal("9.02"), balance_cents=902))
    (account,) = parse_organization(body).bank_accounts
    assert account.balance_cents == 902
    assert Unread("bank_accounts[0].balance", "missing") not in account.unread
    assert Unread("bank_accounts[0].balance", "disagrees") not in account.unread


def test_amounts_that_disagree_give_no_balance() -> None:
    body = organization_with_account_text(account_json(balance=Decimal("9.02"), balance_cents=903))
    organization = parse_organization(body)
    assert organization.bank_accounts[0].balance_cents is None
    assert Unread("bank_accounts[0].balance", "disagrees") in organization.unread


@pytest.mark.parametrize("amount", ["1425,6", "12.345", "1e3", "NaN", "", True, [1], {"v": 1}])
def test_an_unreadable_amount_leaves_the_account(amount: object) -> None:
    body = organization_body({"id": "a", "name": "Main", "balance": amount})
    organization = parse_organization(body)
    (account,) = organization.bank_accounts
    assert account.balance_cents is None
    assert account.name == "Main"
    assert Unread("bank_accounts[0].balance", "unreadable") in organization.unread


def test_names_null_fall_back() -> None:
    body = organization_body({"id": "a", "name": None}, name=None, legal_name="ACME SAS")
    organization = parse_organization(body)
    assert organization.display_name == "ACME SAS"
    assert organization.bank_accounts[0].display_name == "a"
    assert parse_organization(organization_body(name=None)).display_name == "acme-1234"
    assert parse_organization(b'{"organization": {"id": "org-9"}}').display_name == "org-9"


def test_bank_accounts_missing_is_read_as_not_read() -> None:
    organization = parse_organization(organization_body(name="Acme"))
    assert organization.bank_accounts == ()
    assert not organization.bank_accounts_read
    assert organization.unread == (Unread("bank_accounts", "missing"),)


def test_bank_accounts_not_a_list_is_read_as_not_read() -> None:
    organization = parse_organization(b'{"organization": {"id": "o", "bank_accounts": {}}}')
    assert not organization.bank_accounts_read
    assert organization.unread == (Unread("bank_accounts", "unreadable"),)


def test_an_empty_account_list_is_read() -> None:
    organization = parse_organization(b'{"organization": {"id": "o", "bank_accounts": []}}')
    assert organization.bank_accounts_read
    assert organization.unread == ()


def test_unknown_fields_are_ignored() -> None:
    body = organization_body(
        {"id": "a", "balance_cents": 5, "future_field": {"nested": [1.5]}},
        future=["x"],
        name="Acme",
    )
    organization = parse_organization(body)
    assert organization.name == "Acme"
    assert organization.bank_accounts[0].balance_cents == 5


def test_an_account_without_id_or_iban_is_dropped_alone() -> None:
    body = organization_body({"name": "ghost"}, {"id": "b", "name": "Real"}, "not an object")
    organization = parse_organization(body)
    assert [account.id for account in organization.bank_accounts] == ["b"]
    assert Unread("bank_accounts[0]", "dropped") in organization.unread
    assert Unread("bank_accounts[2]", "dropped") in organization.unread


def test_an_account_with_a_wrongly_typed_field_is_dropped_alone() -> None:
    body = organization_body({"id": "a", "main": "yes"}, {"id": "b"})
    organization = parse_organization(body)
    assert [account.id for account in organization.bank_accounts] == ["b"]
    assert organization.unread == (
        Unread("bank_accounts[0]", "dropped"),
        Unread("bank_accounts[1].balance", "missing"),
        Unread("bank_accounts[1].authorized_balance", "missing"),
    )


def test_an_unreadable_update_time_is_noted() -> None:
    body = organization_body({"id": "a", "updated_at": "yesterday"})
    organization = parse_organization(body)
    assert organization.bank_accounts[0].updated_at is None
    assert Unread("bank_accounts[0].updated_at", "unreadable") in organization.unread


def test_a_membership_with_names_null() -> None:
    body = b'{"membership": {"id": "m", "first_name": null, "last_name": null, "email": "a@b.fr"}}'
    membership = parse_membership(body)
    assert membership.display_name == "a@b.fr"
    assert membership.role is None


def test_a_user_organization_without_id_is_dropped() -> None:
    body = (
        b'{"organizations": [{"name": "no id"}, {"id": "o2", "name": null, "legal_name": "B"}, 3]}'
    )
    listing = parse_user_organizations(body)
    assert [item.display_name for item in listing.organizations] == ["B"]
    assert listing.unread == (
        Unread("organizations[0]", "dropped"),
        Unread("organizations[2]", "dropped"),
    )


# --- unusable bodies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Sign in</html>",
        b"",
        b"[]",
        b'{"organization": null}',
        b'{"organization": {"name": "no id"}}',
        b'{"organization": {"id": ""}}',
        b'{"organization": {"id": 42}}',
    ],
)
def test_an_unusable_organization_raises_one_clear_error(body: bytes) -> None:
    with pytest.raises(UnusableAnswerError) as caught:
        parse_organization(body)
    error = caught.value
    assert isinstance(error, QontoDesktopError)
    assert error.code == "qonto_answer_unusable"
    assert error.message == "Qonto's answer was not in the expected format."
    assert error.next_action
    assert error.endpoint == "GET /v2/organization"


def test_the_error_detail_never_repeats_what_qonto_sent() -> None:
    with pytest.raises(UnusableAnswerError) as caught:
        parse_organization(b'{"organization": {"id": ["\\u001b]0;pwned\\u0007"]}}')
    assert "pwned" not in caught.value.detail
    assert "$.organization.id" in caught.value.detail


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (parse_membership, b'{"membership": {"first_name": "x"}}'),
        (parse_user_organizations, b'{"organizations": null}'),
        (parse_user_organizations, b"{}"),
        (parse_bank_accounts, b'{"meta": {}}'),
    ],
)
def test_other_unusable_bodies(parse: Callable[[bytes], object], body: bytes) -> None:
    with pytest.raises(UnusableAnswerError):
        parse(body)


# --- amounts round-trip ---------------------------------------------------------------------

amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
)


@given(amounts, st.booleans(), st.booleans())
def test_any_two_place_amount_gives_the_same_cents(
    amount: Decimal, as_string: bool, with_cents: bool
) -> None:
    expected = int(amount * 100)
    fields: dict[str, object] = {"balance": str(amount) if as_string else amount}
    if with_cents:
        fields["balance_cents"] = expected
    body = organization_with_account_text(account_json(**fields))
    (account,) = parse_organization(body).bank_accounts
    assert account.balance_cents == expected
    assert account.balance == amount


# --- the emulator's answers -----------------------------------------------------------------


def test_every_emulator_organization_reads_whole() -> None:
    for source in (*DEMO_ORGANIZATIONS, *generated_organizations(20)):
        body = json.dumps({"organization": source.to_api()}).encode()
        organization = parse_organization(body)
        assert organization.id == source.id
        assert organization.unread == ()
        assert [account.balance_cents for account in organization.bank_accounts] == [
            account.balance_cents for account in source.bank_accounts
        ]
