"""The emulator's two test hooks: more organizations on request, and every secret it saw."""

from __future__ import annotations

import re
import uuid

import pytest

from qonto_desktop.emulator import Emulator, ManualClock
from qonto_desktop.emulator.data import (
    DEMO_ORGANIZATIONS,
    MAX_GENERATED,
    generated_organizations,
)
from qonto_desktop.emulator.iban import is_valid_iban
from tests.support.emulator_flow import (
    CHALLENGE,
    STATE,
    VERIFIER,
    api_get,
    auth_params,
    authorize,
    connect,
    exchange,
    get_code,
    post_token,
    refresh,
    token_form,
)
from tests.support.luhn import luhn_valid

# --- extra_organizations ------------------------------------------------------------------


def test_generated_organizations_are_valid_unique_and_french() -> None:
    generated = generated_organizations(60)
    assert len(generated) == 60
    everyone = DEMO_ORGANIZATIONS + generated
    for attribute in ("id", "name", "slug", "legal_number", "membership_id"):
        values = [getattr(org, attribute) for org in everyone]
        assert len(values) == len(set(values)), attribute
    ibans = [account.iban for org in everyone for account in org.bank_accounts]
    assert len(ibans) == len(set(ibans))
    for org in generated:
        assert uuid.UUID(org.id).version == 4
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+-\d{4}", org.slug), org.slug
        assert re.fullmatch(r"\d{9}", org.legal_number)
        assert luhn_valid(org.legal_number)
        assert org.address.zip_code.isdigit()
        assert org.legal_country == "FR"
        (account,) = org.bank_accounts
        assert account.main
        assert is_valid_iban(account.iban), account.iban
        assert account.slug.startswith(org.slug)


def test_generated_organizations_are_the_same_on_every_run() -> None:
    assert generated_organizations(12) == generated_organizations(12)
    assert generated_organizations(30)[:12] == generated_organizations(12)
    assert generated_organizations(2)[0].name == "Boulangerie Bernard"
    assert generated_organizations(0) == ()


@pytest.mark.parametrize("count", [-1, MAX_GENERATED + 1])
def test_an_impossible_count_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="count"):
        generated_organizations(count)


def test_the_emulator_serves_its_extra_organizations() -> None:
    with Emulator(consent_mode="approve", extra_organizations=5) as emulator:
        assert emulator.organizations[:3] == DEMO_ORGANIZATIONS
        assert emulator.organizations[3:] == generated_organizations(5)
        last = emulator.organizations[-1]
        answer = connect(emulator, emulator.public_client, organization_id=last.id)
        organization = api_get(emulator, "/v2/organization", answer["access_token"]).json()
        assert organization["organization"]["id"] == last.id
        assert organization["organization"]["name"] == last.name
    assert Emulator().organizations == DEMO_ORGANIZATIONS


# --- issued_secrets -----------------------------------------------------------------------


def test_every_secret_of_a_flow_is_recorded_and_nothing_else() -> None:
    with Emulator(clock=ManualClock()) as emulator:
        client = emulator.confidential_client
        approved = emulator.user_access_client.client_secret
        assert emulator.issued_secrets() == {client.client_secret, approved}
        code = get_code(emulator, client)
        answer = exchange(emulator, client, code).json()
        refreshed = refresh(emulator, client, answer["refresh_token"]).json()
        issued = emulator.issued_secrets()
    assert issued == {
        client.client_secret,
        approved,
        STATE,
        CHALLENGE,
        code,
        VERIFIER,
        answer["access_token"],
        answer["refresh_token"],
        answer["id_token"],
        refreshed["access_token"],
        refreshed["refresh_token"],
        refreshed["id_token"],
    }


def test_what_was_received_is_recorded_even_when_refused() -> None:
    with Emulator(sandbox=True, staging_token="staging-token-of-the-test") as emulator:
        client = emulator.public_client
        refused = authorize(emulator, auth_params(client, state="short", response_type="token"))
        assert refused.status_code == 302
        post_token(
            emulator,
            token_form(client, grant_type="refresh_token", refresh_token="ory_rt_made-up"),
            headers={"X-Qonto-Staging-Token": "staging-token-of-the-test"},
        )
        issued = emulator.issued_secrets()
    assert {"short", CHALLENGE, "ory_rt_made-up", "staging-token-of-the-test"} <= issued
