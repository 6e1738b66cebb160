"""What the connect flow and the live check read, what they could not, and what they rest on.

Against the emulator: the member's role, the amounts' spelling and the grant's scopes change
what Qonto answers; nothing is mocked.
"""

from __future__ import annotations

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.reading import BALANCE_MISSING, MEMBERSHIP_UNREAD
from qonto_desktop.connections.verify import verify
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.qonto.errors import ForbiddenError
from tests.support.desks import connect_one

NO_ORGANIZATION = ("openid", "offline_access", "membership.read")
NO_MEMBERSHIP = ("openid", "offline_access", "organization.read")


def test_a_check_without_organization_read_checks_nothing_and_stamps_nothing(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator, NO_ORGANIZATION)
    assert connection.state == "unverified"
    assert connection.verified_at is None
    result = verify(desk, connection.id)
    assert not result.checked
    assert result.missing_scope == "organization.read"
    assert result.connection.verified_at is None  # no "last verified" without a request
    assert desk.index.get(connection.id).verified_at is None
    assert result.membership is not None  # what it may read, it read


def test_a_check_that_read_the_company_stamps_the_time_of_the_answer(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator, NO_MEMBERSHIP)
    result = verify(desk, connection.id)
    assert result.checked
    assert result.connection.verified_at == result.at
    assert not result.token_renewed


def test_a_role_without_balances_is_saved_with_what_was_read(
    desk: Desk, emulator: Emulator
) -> None:
    emulator.member_role = "manager"
    connection = connect_one(desk, emulator)
    assert connection.state == "ok"
    assert connection.accounts
    assert all(account.balance_cents is None for account in connection.accounts)
    assert connection.notes == (BALANCE_MISSING,)
    assert connection.qonto_total is None  # no total made of unknown balances
    assert connection.role == "manager"


def test_a_refused_membership_is_noted_not_fatal(desk: Desk, emulator: Emulator) -> None:
    emulator.faults.set("membership", Fault(status=403, api_code="forbidden", detail="No."))
    connection = connect_one(desk, emulator)
    assert connection.state == "ok"
    assert MEMBERSHIP_UNREAD in connection.notes
    emulator.faults.clear()
    assert verify(desk, connection.id).connection.notes == ()  # read again: the note goes


def test_a_role_refused_the_company_says_role_not_permission(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    emulator.member_role = "employee"
    with pytest.raises(ForbiddenError) as caught:
        verify(desk, connection.id)
    assert type(caught.value) is ForbiddenError
    assert "role" in caught.value.message
    assert desk.index.get(connection.id).verified_at == connection.verified_at


def test_a_403_for_a_scope_the_grant_lacks_is_the_missing_permission(
    desk: Desk, emulator: Emulator
) -> None:
    """The grant says organization.read; Qonto says otherwise: the grant's word decides."""
    connection = connect_one(desk, emulator)
    emulator.faults.set("organization", Fault(status=403, detail="missing required oauth scope"))
    desk.index.update(connection.id, scopes_granted=(*NO_ORGANIZATION, "organization.read"))
    with pytest.raises(ForbiddenError) as caught:
        verify(desk, connection.id)  # the grant holds it: the role, not the permission
    assert type(caught.value) is ForbiddenError
    desk.index.update(connection.id, scopes_granted=NO_ORGANIZATION)
    assert not verify(desk, connection.id).checked  # not granted: not even asked


def test_amounts_as_strings_are_read_through_the_connect_flow(
    desk: Desk, emulator: Emulator
) -> None:
    emulator.amounts_as_strings = True
    connection = connect_one(desk, emulator)
    seeded = emulator.organizations[0]
    at_qonto = [account.balance_cents for account in connection.qonto_accounts]
    assert at_qonto == [account.balance_cents for account in seeded.bank_accounts]
    assert connection.notes == ()


def test_external_accounts_are_kept_apart_from_the_qonto_total(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    seeded = emulator.organizations[0]
    assert [a.name for a in connection.external_accounts] == [
        a.name for a in seeded.external_accounts
    ]
    assert connection.qonto_total == (
        sum(account.balance_cents for account in seeded.bank_accounts),
        "EUR",
    )
    assert [a.masked_iban for a in connection.external_accounts][1] == ""  # no IBAN sent


def test_a_company_refused_at_connect_is_saved_unverified_with_who_signed_in(
    desk: Desk, emulator: Emulator
) -> None:
    emulator.member_role = "employee"  # Qonto refuses this role the organization
    connection = connect_one(desk, emulator)
    assert connection.state == "unverified"
    assert connection.state_reason is not None
    assert connection.state_reason.startswith("Your role in this company does not allow this.")
    assert connection.role == "employee"  # the membership was still read
    assert connection.verified_at is None
