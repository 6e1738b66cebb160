"""Qonto's user access: one sign-in, several companies, one shared grant."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections import fresh
from qonto_desktop.connections.access_errors import (
    AccessKindRefusedError,
    UserAccessRegistrationError,
)
from qonto_desktop.connections.companies import NotUserAccessError, PreselectionError, sign_in
from qonto_desktop.connections.company_grant import NoCompanyPickedError, add_companies
from qonto_desktop.connections.company_pick import (
    CompanyChoiceError,
    NoCompanyReachedError,
    NoSuchCompanyError,
    parse_choice,
    pick,
)
from qonto_desktop.connections.connect import ConnectRequest
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import disconnect
from qonto_desktop.connections.errors import StorageError
from qonto_desktop.connections.keys import grant_tokens_key, tokens_key
from qonto_desktop.connections.verify import verify
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.qonto.user_access import UserAccessScopeError
from tests.support.approval import FollowingBrowser, follow
from tests.support.desks import EVERYTHING, connect_one, make_desk, registering
from tests.support.keyrings import FailingSetKeyring
from tests.support.user_access import (
    connect_companies,
    grant_accepted,
    sign_in_companies,
    user_access_desk,
)


@pytest.fixture
def user_desk(desk: Desk, emulator: Emulator) -> Desk:
    return user_access_desk(desk, emulator)


def test_one_sign_in_adds_every_company_sharing_one_grant(
    user_desk: Desk, emulator: Emulator
) -> None:
    added = connect_companies(user_desk, emulator)
    assert [c.organization_id for c in added] == [o.id for o in emulator.organizations]
    assert emulator.events["code_redeemed"] == 1
    (grant_id,) = {c.grant_id for c in added}
    assert grant_id is not None
    assert len({c.id for c in added}) == len(added)
    for connection, organization in zip(added, emulator.organizations, strict=True):
        assert connection.organization_name == organization.name  # read with the header
        assert connection.state == "ok"
        qonto_accounts = [a for a in connection.accounts if not a.external]
        assert len(qonto_accounts) == len(organization.bank_accounts)
        assert "user_organization.read" in connection.scopes_granted
        assert user_desk.secrets.get(tokens_key(connection.id)) is None
    assert user_desk.secrets.get(grant_tokens_key(grant_id))
    assert len(user_desk.index.load().connections) == len(added)


def test_a_token_for_each_company_reaches_it(user_desk: Desk, emulator: Emulator) -> None:
    added = connect_companies(user_desk, emulator)
    tokens = {fresh.access_token(user_desk, c.id).access_token for c in added}
    assert len(tokens) == 1  # one grant, one token
    for connection in added:
        checked = verify(user_desk, connection.id)
        assert checked.organization is not None
        assert checked.organization.id == connection.organization_id


def test_one_refresh_rotates_the_grant_for_every_company(
    user_desk: Desk, emulator: Emulator
) -> None:
    first, *others = connect_companies(user_desk, emulator)
    before = fresh.access_token(user_desk, first.id).access_token
    renewed = fresh.refresh(user_desk, first.id)
    assert emulator.events["refreshed"] == 1
    for other in others:
        saved = user_desk.index.get(other.id)
        assert saved.access_expires_at == renewed.connection.access_expires_at
        assert saved.refreshed_at == renewed.connection.refreshed_at
        assert fresh.access_token(user_desk, other.id).access_token == renewed.access_token
    assert renewed.access_token != before
    assert emulator.events["refreshed"] == 1


def test_refresh_all_rotates_a_shared_grant_once(user_desk: Desk, emulator: Emulator) -> None:
    added = connect_companies(user_desk, emulator)
    soon = user_desk.now() + 3 * 86400  # inside the 14-day warning: every one is due
    user_desk.index.update_all([c.id for c in added], refresh_expires_at=soon)
    results = fresh.refresh_all(user_desk)
    assert [r.refreshed for r in results] == [True] * len(added)
    assert all(r.error is None for r in results)
    assert emulator.events["refreshed"] == 1


def test_disconnecting_one_company_keeps_the_grant_for_the_others(
    user_desk: Desk, emulator: Emulator
) -> None:
    first, *others = connect_companies(user_desk, emulator)
    token = fresh.access_token(user_desk, first.id).access_token
    report = disconnect(user_desk, first.id)
    assert {c.id for c in report.still_sharing} == {c.id for c in others}
    assert not report.consent_revoked
    assert emulator.events["revoked"] == 0
    assert [c.id for c in user_desk.index.load().connections] == sorted(
        (c.id for c in others), key=lambda i: user_desk.index.get(i).display_name.casefold()
    )
    assert grant_accepted(emulator, token)
    assert fresh.access_token(user_desk, others[0].id).access_token == token


def test_disconnecting_the_last_company_revokes_the_grant(
    user_desk: Desk, emulator: Emulator
) -> None:
    added = connect_companies(user_desk, emulator)
    grant_id = added[0].grant_id
    assert grant_id is not None
    token = fresh.access_token(user_desk, added[0].id).access_token
    for connection in added[:-1]:
        disconnect(user_desk, connection.id)
    report = disconnect(user_desk, added[-1].id)
    assert report.still_sharing == ()
    assert report.consent_revoked
    assert report.not_revoked == ()
    assert not grant_accepted(emulator, token)
    assert user_desk.secrets.get(grant_tokens_key(grant_id)) is None
    assert user_desk.index.load().connections == ()


def test_companies_are_picked_by_id_or_siren(user_desk: Desk, emulator: Emulator) -> None:
    first, second, third = emulator.organizations[:3]
    entries = parse_choice(f"{first.id.upper()}, {second.legal_number}")
    added = connect_companies(user_desk, emulator, entries)
    assert {c.organization_id for c in added} == {first.id, second.id}
    assert third.id not in {c.organization_id for c in user_desk.index.load().connections}


def test_a_choice_matching_nothing_adds_nothing_and_says_what_exists(
    user_desk: Desk, emulator: Emulator
) -> None:
    choice = sign_in_companies(user_desk, emulator)
    with pytest.raises(NoSuchCompanyError) as raised:
        pick(choice, ("999999999", emulator.organizations[0].legal_number))
    assert "999999999" in raised.value.message
    assert emulator.organizations[0].name in raised.value.next_action
    assert user_desk.index.load().connections == ()


@pytest.mark.parametrize("text", ["", " , ", "a,,b", ","])
def test_a_malformed_choice_is_refused_before_any_sign_in(text: str) -> None:
    with pytest.raises(CompanyChoiceError):
        parse_choice(text)


def test_all_and_no_choice_mean_every_company() -> None:
    assert parse_choice(None) is None
    assert parse_choice(" ALL ") is None


def test_nothing_picked_revokes_the_grant(user_desk: Desk, emulator: Emulator) -> None:
    choice = sign_in_companies(user_desk, emulator)
    with pytest.raises(NoCompanyPickedError):
        add_companies(user_desk, choice, ())
    assert emulator.events["revoked"] == 1
    assert not grant_accepted(emulator, choice.tokens.access_token)


def test_already_connected_companies_are_shown_and_moved_onto_the_new_grant(
    user_desk: Desk, emulator: Emulator
) -> None:
    old = connect_companies(user_desk, emulator, (emulator.organizations[0].id,))
    old_token = fresh.access_token(user_desk, old[0].id).access_token
    choice = sign_in_companies(user_desk, emulator)
    connected = [c for c in choice.companies if c.connected is not None]
    assert [c.id for c in connected] == [emulator.organizations[0].id]
    again = add_companies(user_desk, choice, choice.companies)
    assert again[0].id == old[0].id  # the same connection, on the new grant
    assert again[0].grant_id != old[0].grant_id
    assert not grant_accepted(emulator, old_token)  # the grant nobody uses any more is revoked
    assert user_desk.secrets.get(grant_tokens_key(old[0].grant_id or "")) is None
    assert len(user_desk.index.load().connections) == len(emulator.organizations)


def test_a_per_organization_registration_may_not_ask_for_the_companies_scope(
    desk: Desk, emulator: Emulator
) -> None:
    with pytest.raises(UserAccessScopeError):
        connect_one(desk, emulator, (*EVERYTHING, "user_organization.read"))
    with pytest.raises(NotUserAccessError):
        sign_in_companies(desk, emulator)
    assert emulator.events["code_redeemed"] == 0


def test_a_user_access_registration_does_not_connect_one_company(
    user_desk: Desk, emulator: Emulator
) -> None:
    with pytest.raises(UserAccessRegistrationError):
        connect_one(user_desk, emulator)
    request = ConnectRequest(
        environment="emulator", scopes=EVERYTHING, organization_id=emulator.organizations[0].id
    )
    with pytest.raises(PreselectionError):
        sign_in(user_desk, request, follow, on_waiting=registering(emulator))


def test_qonto_refusing_the_flow_says_which_way_to_mark_the_registration(
    desk: Desk, emulator: Emulator
) -> None:
    # A registration marked for user access whose app Qonto did not approve.
    registration = {"client_id": emulator.public_client.client_id, "redirect_port": 0}
    marked = replace(
        desk, settings={"registrations": {"emulator": {**registration, "access": "user"}}}
    )
    with pytest.raises(AccessKindRefusedError) as raised:
        sign_in_companies(marked, emulator)
    assert "--user-access no" in raised.value.next_action
    # The approved app, not marked: Qonto refuses the per-organization flow.
    approved = user_access_desk(desk, emulator)
    unmarked = dict(approved.settings["registrations"]["emulator"])
    unmarked.pop("access")
    plain = replace(approved, settings={"registrations": {"emulator": unmarked}})
    with pytest.raises(AccessKindRefusedError) as refused:
        connect_one(plain, emulator)
    assert "--user-access yes" in refused.value.next_action


def test_old_connections_keep_their_own_tokens(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    assert connection.grant_id is None
    assert desk.secrets.get(tokens_key(connection.id))
    assert fresh.access_token(desk, connection.id).connection.id == connection.id


def test_a_company_leaving_its_shared_grant_for_its_own_revokes_the_unused_grant(
    desk: Desk, user_desk: Desk, emulator: Emulator
) -> None:
    first = emulator.organizations[0]  # the one the approving emulator picks for connect_one
    (shared,) = connect_companies(user_desk, emulator, (first.id,))
    grant_id = shared.grant_id or ""
    token = fresh.access_token(user_desk, shared.id).access_token
    own = connect_one(desk, emulator)
    assert own.id == shared.id
    assert own.grant_id is None
    assert not grant_accepted(emulator, token)
    assert desk.secrets.get(grant_tokens_key(grant_id)) is None
    assert fresh.access_token(desk, own.id).connection.grant_id is None


def test_a_sign_in_reaching_no_company_says_so(user_desk: Desk, emulator: Emulator) -> None:
    choice = sign_in_companies(user_desk, emulator)
    empty = replace(choice, companies=())
    with pytest.raises(NoCompanyReachedError):
        pick(empty, None)
    with pytest.raises(NoCompanyReachedError):
        pick(empty, ("843217654",))


def test_a_keyring_refusing_the_grant_saves_nothing_and_revokes_it(
    app_home: Path, emulator: Emulator
) -> None:
    failing = FailingSetKeyring(fail_after=1)  # the client secret goes in; the grant does not
    user_desk = user_access_desk(make_desk(app_home, emulator, failing), emulator)
    choice = sign_in_companies(user_desk, emulator)
    with pytest.raises(StorageError):
        add_companies(user_desk, choice, choice.companies)
    assert user_desk.index.load().connections == ()
    assert emulator.events["revoked"] == 1
    assert not grant_accepted(emulator, choice.tokens.access_token)


def test_the_browser_hears_the_listing_failed_or_that_the_app_is_finishing(
    user_desk: Desk, emulator: Emulator
) -> None:
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=30)
    emulator.faults.set("user_organizations", Fault(status=500, times=10))
    failing = FollowingBrowser()
    with pytest.raises(QontoDesktopError) as caught:
        sign_in(user_desk, request, failing.open, on_waiting=registering(emulator))
    page = failing.last_page()
    assert "The connection failed" in page
    assert html.escape(caught.value.message) in page
    assert emulator.events["revoked"] == 1  # the grant reaching every company ends at once
    emulator.faults.clear()
    listing = FollowingBrowser()
    choice = sign_in(user_desk, request, listing.open, on_waiting=registering(emulator))
    page = listing.last_page()
    assert "You are connected" not in page  # nothing is saved until the companies are picked
    assert "The connection failed" not in page
    assert "finishing the connection" in page  # the pick happens in the app
    assert choice.companies
