"""The pure code and token rules, driven by a manual clock."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from qonto_desktop.emulator import ManualClock
from qonto_desktop.emulator.grants import (
    ACCESS_TOKEN_LIFETIME,
    CODE_LIFETIME,
    REFRESH_GRACE_PERIOD,
    REFRESH_TOKEN_LIFETIME,
    Consent,
    GrantError,
    GrantStore,
    IssuedTokens,
)
from tests.support.emulator_flow import CHALLENGE, VERIFIER

CLIENT = "client-a"
OTHER = "client-b"
REDIRECT = "http://127.0.0.1:52817/callback"
ORG = "org-1"


BASE = Consent(
    client_id=CLIENT,
    redirect_uri=REDIRECT,
    scopes=("offline_access", "organization.read"),
    user_id="user-1",
    organization_id=ORG,
    code_challenge=CHALLENGE,
)


def consent(scopes: tuple[str, ...] = BASE.scopes, **changes: Any) -> Consent:
    return dataclasses.replace(BASE, scopes=scopes, **changes)


@pytest.fixture
def store(clock: ManualClock) -> GrantStore:
    return GrantStore(clock)


def redeem(
    store: GrantStore,
    code: str,
    *,
    client_id: str = CLIENT,
    redirect_uri: str | None = REDIRECT,
    code_verifier: str | None = VERIFIER,
) -> IssuedTokens:
    return store.redeem_code(
        code, client_id=client_id, redirect_uri=redirect_uri, code_verifier=code_verifier
    )


def tokens(store: GrantStore) -> IssuedTokens:
    return redeem(store, store.issue_code(consent()))


def refresh_token(issued: IssuedTokens) -> str:
    assert issued.refresh_token is not None
    return issued.refresh_token


def test_lifetimes_match_qonto() -> None:
    assert CODE_LIFETIME == 600
    assert ACCESS_TOKEN_LIFETIME == 3600
    assert REFRESH_TOKEN_LIFETIME == 90 * 86400
    assert REFRESH_GRACE_PERIOD == 60


def test_code_and_tokens_have_ory_prefixes(store: GrantStore) -> None:
    code = store.issue_code(consent())
    assert code.startswith("ory_ac_")
    assert len(code) > 40
    issued = redeem(store, code)
    assert issued.access_token.startswith("ory_at_")
    assert refresh_token(issued).startswith("ory_rt_")
    assert issued.expires_in == 3600


def test_code_is_valid_just_under_ten_minutes(store: GrantStore, clock: ManualClock) -> None:
    code = store.issue_code(consent())
    clock.advance(CODE_LIFETIME - 1)
    assert redeem(store, code).access_token


def test_code_expires_at_ten_minutes(store: GrantStore, clock: ManualClock) -> None:
    code = store.issue_code(consent())
    clock.advance(CODE_LIFETIME)
    with pytest.raises(GrantError, match="expired") as caught:
        redeem(store, code)
    assert caught.value.error == "invalid_grant"


def test_second_redemption_fails_and_revokes_first_tokens(store: GrantStore) -> None:
    code = store.issue_code(consent())
    first = redeem(store, code)
    assert store.authenticate(first.access_token) is not None
    with pytest.raises(GrantError, match="already been used") as caught:
        redeem(store, code)
    assert caught.value.error == "invalid_grant"
    assert store.authenticate(first.access_token) is None
    with pytest.raises(GrantError):
        store.refresh(refresh_token(first), client_id=CLIENT)


def test_unknown_code_is_invalid_grant(store: GrantStore) -> None:
    with pytest.raises(GrantError) as caught:
        redeem(store, "ory_ac_nope")
    assert caught.value.error == "invalid_grant"


def test_code_of_another_client_is_refused(store: GrantStore) -> None:
    code = store.issue_code(consent())
    with pytest.raises(GrantError, match="another client"):
        redeem(store, code, client_id=OTHER)


@pytest.mark.parametrize("uri", [None, "http://localhost:52817/callback", REDIRECT + "/"])
def test_redirect_uri_must_be_identical(store: GrantStore, uri: str | None) -> None:
    code = store.issue_code(consent())
    with pytest.raises(GrantError, match="redirect_uri"):
        redeem(store, code, redirect_uri=uri)


def test_failed_redemption_does_not_consume_the_code(store: GrantStore) -> None:
    code = store.issue_code(consent())
    with pytest.raises(GrantError):
        redeem(store, code, code_verifier="x" * 43)
    assert redeem(store, code).access_token


@pytest.mark.parametrize(
    ("verifier", "message"),
    [
        (None, "missing"),
        ("short", "43 to 128"),
        ("a" * 129, "43 to 128"),
        ("a" * 42 + "!", "43 to 128"),
        ("a" * 43, "did not match"),
    ],
)
def test_pkce_verifier_is_checked(store: GrantStore, verifier: str | None, message: str) -> None:
    code = store.issue_code(consent())
    with pytest.raises(GrantError, match=message) as caught:
        redeem(store, code, code_verifier=verifier)
    assert caught.value.error == "invalid_grant"


def test_verifier_without_challenge_is_refused(store: GrantStore) -> None:
    code = store.issue_code(consent(code_challenge=None))
    with pytest.raises(GrantError, match="no code_challenge"):
        redeem(store, code)
    assert redeem(store, code, code_verifier=None).access_token


def test_no_refresh_token_without_offline_access(store: GrantStore) -> None:
    issued = redeem(store, store.issue_code(consent(("organization.read",))))
    assert issued.refresh_token is None
    assert issued.scopes == ("organization.read",)


def test_access_token_lives_one_hour(store: GrantStore, clock: ManualClock) -> None:
    issued = tokens(store)
    clock.advance(ACCESS_TOKEN_LIFETIME - 1)
    owner = store.authenticate(issued.access_token)
    assert owner is not None
    assert (owner.client_id, owner.user_id, owner.organization_id) == (CLIENT, "user-1", ORG)
    clock.advance(1)
    assert store.authenticate(issued.access_token) is None


def test_refresh_rotates_and_kills_previous_access_token(store: GrantStore) -> None:
    first = tokens(store)
    second = store.refresh(refresh_token(first), client_id=CLIENT)
    assert second.access_token != first.access_token
    assert refresh_token(second) != refresh_token(first)
    assert store.authenticate(second.access_token) is not None
    assert store.authenticate(first.access_token) is None  # issued with the token used


def test_refresh_revokes_only_the_access_token_issued_with_the_token_used(
    store: GrantStore, clock: ManualClock
) -> None:
    """Hydra's graceful rotation: other access tokens of the grant live until they expire."""
    first = tokens(store)
    second = store.refresh(refresh_token(first), client_id=CLIENT)
    clock.advance(REFRESH_GRACE_PERIOD / 2)
    # Within the grace, a competing client uses the first refresh token again: the access
    # token of the earlier, different refresh (second) is not its pair, so it stays valid.
    third = store.refresh(refresh_token(first), client_id=CLIENT)
    assert store.authenticate(second.access_token) is not None
    assert store.authenticate(third.access_token) is not None
    fourth = store.refresh(refresh_token(second), client_id=CLIENT)
    assert store.authenticate(second.access_token) is None  # the pair of the token used
    assert store.authenticate(third.access_token) is not None
    assert store.authenticate(fourth.access_token) is not None
    clock.advance(ACCESS_TOKEN_LIFETIME)
    assert store.authenticate(third.access_token) is None  # until it expires


def test_rotated_token_reused_within_grace_gives_a_fresh_pair(
    store: GrantStore, clock: ManualClock
) -> None:
    first = tokens(store)
    second = store.refresh(refresh_token(first), client_id=CLIENT)
    clock.advance(REFRESH_GRACE_PERIOD)
    third = store.refresh(refresh_token(first), client_id=CLIENT)
    assert third.access_token not in {first.access_token, second.access_token}
    assert refresh_token(third) != refresh_token(second)
    assert store.authenticate(third.access_token) is not None
    assert store.refresh(refresh_token(second), client_id=CLIENT).access_token


def test_reuse_after_grace_revokes_the_whole_family(store: GrantStore, clock: ManualClock) -> None:
    first = tokens(store)
    second = store.refresh(refresh_token(first), client_id=CLIENT)
    clock.advance(REFRESH_GRACE_PERIOD + 1)
    with pytest.raises(GrantError, match="already been used") as caught:
        store.refresh(refresh_token(first), client_id=CLIENT)
    assert caught.value.error == "invalid_grant"
    assert store.authenticate(second.access_token) is None
    with pytest.raises(GrantError, match="revoked"):
        store.refresh(refresh_token(second), client_id=CLIENT)


def test_grace_is_counted_from_the_first_rotation(store: GrantStore, clock: ManualClock) -> None:
    first = tokens(store)
    store.refresh(refresh_token(first), client_id=CLIENT)
    clock.advance(40)
    store.refresh(refresh_token(first), client_id=CLIENT)
    clock.advance(40)
    with pytest.raises(GrantError):
        store.refresh(refresh_token(first), client_id=CLIENT)


def test_refresh_token_lives_ninety_days(store: GrantStore, clock: ManualClock) -> None:
    issued = tokens(store)
    clock.advance(REFRESH_TOKEN_LIFETIME - 1)
    renewed = store.refresh(refresh_token(issued), client_id=CLIENT)
    clock.advance(REFRESH_TOKEN_LIFETIME)
    with pytest.raises(GrantError, match="expired") as caught:
        store.refresh(refresh_token(renewed), client_id=CLIENT)
    assert caught.value.error == "invalid_grant"


def test_refresh_by_another_client_is_refused(store: GrantStore) -> None:
    issued = tokens(store)
    with pytest.raises(GrantError, match="another client"):
        store.refresh(refresh_token(issued), client_id=OTHER)


def test_refresh_may_narrow_but_not_widen_scopes(store: GrantStore) -> None:
    issued = tokens(store)
    with pytest.raises(GrantError) as caught:
        store.refresh(refresh_token(issued), client_id=CLIENT, scopes=("payment.write",))
    assert caught.value.error == "invalid_scope"
    narrowed = store.refresh(refresh_token(issued), client_id=CLIENT, scopes=("offline_access",))
    owner = store.authenticate(narrowed.access_token)
    assert owner is not None
    assert owner.scopes == ("offline_access",)


@pytest.mark.parametrize("which", ["access", "refresh"])
def test_revoking_either_token_kills_the_family(store: GrantStore, which: str) -> None:
    issued = tokens(store)
    token = issued.access_token if which == "access" else refresh_token(issued)
    store.revoke(token, client_id=CLIENT)
    assert store.authenticate(issued.access_token) is None
    with pytest.raises(GrantError, match="revoked"):
        store.refresh(refresh_token(issued), client_id=CLIENT)
    assert store.events["revoked"] == 1
    store.revoke(issued.access_token, client_id=CLIENT)  # the family was already revoked
    store.revoke("ory_at_unknown", client_id=CLIENT)
    assert store.events["revoked"] == 1  # counts grants ended, not requests


def test_revoking_unknown_token_is_silent(store: GrantStore) -> None:
    store.revoke("ory_at_unknown", client_id=CLIENT)


def test_revoking_another_clients_token_is_refused(store: GrantStore) -> None:
    issued = tokens(store)
    with pytest.raises(GrantError) as caught:
        store.revoke(issued.access_token, client_id=OTHER)
    assert caught.value.error == "unauthorized_client"
    assert store.authenticate(issued.access_token) is not None


def test_revoke_consent_kills_families_and_codes_of_that_triple(store: GrantStore) -> None:
    mine = tokens(store)
    pending_code = store.issue_code(consent())
    elsewhere = redeem(store, store.issue_code(consent(organization_id="org-2")))
    assert store.revoke_consent(client_id=CLIENT, user_id="user-1", organization_id=ORG) == 1
    assert store.authenticate(mine.access_token) is None
    assert store.authenticate(elsewhere.access_token) is not None
    with pytest.raises(GrantError):
        redeem(store, pending_code)


def test_a_shorter_access_token_lifetime_and_the_event_counts() -> None:
    clock = ManualClock(1_000_000.0)
    store = GrantStore(clock, access_token_lifetime=310)
    code = store.issue_code(
        Consent("client", "http://127.0.0.1:1/cb", ("offline_access",), "user", "org")
    )
    first = store.redeem_code(
        code, client_id="client", redirect_uri="http://127.0.0.1:1/cb", code_verifier=None
    )
    assert first.expires_in == 310
    clock.advance(309)
    assert store.authenticate(first.access_token) is not None
    clock.advance(1)
    assert store.authenticate(first.access_token) is None
    assert first.refresh_token is not None
    store.refresh(first.refresh_token, client_id="client")
    with pytest.raises(GrantError):
        store.refresh("ory_rt_unknown", client_id="client")
    assert store.events == {"code_redeemed": 1, "refreshed": 1, "refresh_refused": 1}


def test_the_access_token_lifetime_changes_while_running_for_tokens_issued_after() -> None:
    clock = ManualClock(1_000_000.0)
    store = GrantStore(clock, access_token_lifetime=60)
    code = store.issue_code(
        Consent("client", "http://127.0.0.1:1/cb", ("offline_access",), "user", "org")
    )
    first = store.redeem_code(
        code, client_id="client", redirect_uri="http://127.0.0.1:1/cb", code_verifier=None
    )
    assert first.expires_in == 60
    assert first.refresh_token is not None
    store.access_token_lifetime = 3600
    assert store.access_token_lifetime == 3600
    second = store.refresh(first.refresh_token, client_id="client")
    assert second.expires_in == 3600
    clock.advance(60)
    assert store.authenticate(second.access_token) is not None
    with pytest.raises(ValueError, match="positive"):
        store.access_token_lifetime = 0
