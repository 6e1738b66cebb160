"""The Business API client against the live emulator: what it reads, and each way it fails.

Tokens come from the emulator's real token endpoint after an auto-approved browser leg, as a
connection would get them; nothing is mocked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import requests

from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.emulator.iban import is_valid_iban
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth import errors
from qonto_desktop.oauth.tokens import ClientCredentials, TokenClient
from qonto_desktop.qonto import environments
from qonto_desktop.qonto import errors as qonto_errors
from qonto_desktop.qonto.api import QontoApi
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import (
    ApiError,
    ApiNotFoundError,
    ApiUnauthorizedError,
    ForbiddenError,
    MissingScopeError,
    missing_scope_or_role,
)
from qonto_desktop.qonto.models import Organization, UnusableAnswerError
from qonto_desktop.system.http import API_RETRY, NO_RETRY, Sender
from tests.support.approval import approved_code

REDIRECT_URI = "http://127.0.0.1:52817/callback"  # registered by default; nothing listens
SCOPES = ("openid", "offline_access", "organization.read", "membership.read")


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(consent_mode="approve") as running:
        yield running


def access_token(
    emulator: Emulator, scopes: tuple[str, ...] = SCOPES, headers: dict[str, str] | None = None
) -> str:
    """Connect through the emulator's browser leg (approved at once) and its token endpoint."""
    client = emulator.confidential_client
    pending, code = approved_code(emulator, scopes)
    tokens = TokenClient(
        token_url=emulator.token_url,
        revoke_url=emulator.revoke_url,
        credentials=ClientCredentials(client.client_id, client.client_secret),
        headers=headers,
        sender=Sender(NO_RETRY),
    ).exchange_code(
        code=code,
        redirect_uri=pending.redirect_uri,
        code_verifier=pending.code_verifier,
        requested_scopes=pending.scopes,
    )
    return tokens.access_token


def api(emulator: Emulator, token: str | None = None) -> QontoApi:
    """A client for the (non-sandbox) emulator, with a fresh token unless one is given."""
    environment = environments.emulator(emulator.base_url)
    return QontoApi(environment, token if token is not None else access_token(emulator))


# --- What it reads ---------------------------------------------------------------------------


def test_organization_matches_the_seeded_one(emulator: Emulator) -> None:
    organization = api(emulator).organization()
    seeded = emulator.organizations[0]  # approve mode picks the first organization
    assert isinstance(organization, Organization)
    assert (organization.id, organization.name, organization.slug, organization.legal_name) == (
        seeded.id,
        seeded.name,
        seeded.slug,
        seeded.legal_name,
    )
    assert [
        (a.id, a.name, a.iban, a.bic, a.currency, a.balance_cents, a.main, a.status)
        for a in organization.qonto_accounts
    ] == [
        (a.id, a.name, a.iban, "QNTOFRP1XXX", "EUR", a.balance_cents, a.main, "active")
        for a in seeded.bank_accounts
    ]
    assert organization.unread == ()
    assert len(organization.qonto_accounts) == 2
    main = organization.bank_accounts[0]
    assert type(main.balance_cents) is int
    assert main.balance_cents == 1_854_327
    assert main.iban is not None
    assert is_valid_iban(main.iban)


def test_external_accounts_are_asked_for_and_marked(emulator: Emulator) -> None:
    """S /v2/organization: include_external_accounts=true adds the accounts at other banks."""
    organization = api(emulator).organization()
    seeded = emulator.organizations[0]
    assert seeded.external_accounts
    assert [a.id for a in organization.external_accounts] == [
        a.id for a in seeded.external_accounts
    ]
    assert all(a.is_external and not a.main for a in organization.external_accounts)
    # One has no IBAN nor BIC (only an account number): still read, identified by its id.
    empty = [a for a in organization.external_accounts if a.iban is None]
    assert empty
    assert empty[0].bic is None
    assert empty[0].account_number


def test_external_accounts_are_served_only_when_asked(emulator: Emulator) -> None:
    token = access_token(emulator)
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{emulator.base_url}/v2/organization"
    plain = requests.get(url, headers=headers, timeout=10).json()["organization"]
    asked = requests.get(
        url, headers=headers, params={"include_external_accounts": "true"}, timeout=10
    ).json()["organization"]
    assert not any(a["is_external_account"] for a in plain["bank_accounts"])
    assert sum(a["is_external_account"] for a in asked["bank_accounts"]) == 2


def test_amounts_as_strings_read_as_the_same_cents(emulator: Emulator) -> None:
    """The public-client variant: "18543.27" and "1854327" instead of JSON numbers."""
    client = api(emulator)
    as_numbers = client.organization()
    emulator.amounts_as_strings = True
    as_strings = client.organization()
    assert [a.balance_cents for a in as_strings.bank_accounts] == [
        a.balance_cents for a in as_numbers.bank_accounts
    ]
    assert as_strings.bank_accounts[0].balance_cents == 1_854_327
    assert as_strings.unread == ()


def test_a_role_without_the_balance_permission_reads_accounts_without_balances(
    emulator: Emulator,
) -> None:
    emulator.member_role = "manager"
    organization = api(emulator).organization()
    assert organization.bank_accounts
    assert all(a.balance_cents is None for a in organization.bank_accounts)
    assert {u.reason for u in organization.unread} == {"missing"}


def test_membership_is_the_accountants(emulator: Emulator) -> None:
    membership = api(emulator).membership()
    assert membership.role == "accountant"
    assert membership.id == emulator.organizations[0].membership_id
    assert (membership.first_name, membership.last_name, membership.email) == (
        emulator.user.first_name,
        emulator.user.last_name,
        emulator.user.email,
    )


def test_a_shared_session_is_used_and_left_open(emulator: Emulator) -> None:
    environment = environments.emulator(emulator.base_url)
    with requests.Session() as session:
        client = QontoApi(environment, access_token(emulator), session=session)
        assert client.organization().id == client.organization().id
        assert client.membership().role == "accountant"  # still usable: not closed by the client


# --- Access refused --------------------------------------------------------------------------


def test_after_revoking_consent_the_token_is_refused(emulator: Emulator) -> None:
    client = api(emulator)
    client.organization()
    client.revoke_consent()
    with pytest.raises(ApiUnauthorizedError):
        client.organization()
    with pytest.raises(ApiUnauthorizedError):
        client.revoke_consent()


def test_a_made_up_token_is_refused(emulator: Emulator) -> None:
    client = api(emulator, "ory_at_made-up.token")
    with pytest.raises(ApiUnauthorizedError) as caught:
        client.organization()
    assert caught.value.code == "api_unauthorized"
    assert caught.value.next_action


def test_a_missing_scope_is_named(emulator: Emulator) -> None:
    granted = ("openid", "offline_access", "organization.read")
    client = api(emulator, access_token(emulator, granted))
    assert client.organization().bank_accounts  # the scope it has works
    with pytest.raises(ForbiddenError) as caught:
        client.membership()
    assert caught.value.scope == "membership.read"  # the call knows the scope it needs
    assert caught.value.detail == "missing required oauth scope"
    told = missing_scope_or_role(caught.value, granted)  # the grant tells the two 403 apart
    assert isinstance(told, MissingScopeError)
    assert told.code == "missing_scope"
    assert "membership.read" in told.message


def test_a_role_refused_is_not_a_missing_permission(emulator: Emulator) -> None:
    """403 with the scope granted: the member's role, in Qonto's words (S /v2/membership)."""
    client = api(emulator)
    emulator.member_role = "employee"
    with pytest.raises(ForbiddenError) as caught:
        client.organization()
    told = missing_scope_or_role(caught.value, SCOPES)
    assert type(told) is ForbiddenError
    assert told.code == "forbidden"
    assert "role" in told.message
    assert "User does not have sufficient permissions for this action." in told.message


# --- The sandbox's staging token --------------------------------------------------------------


@pytest.fixture
def sandbox() -> Iterator[Emulator]:
    with Emulator(consent_mode="approve", sandbox=True) as running:
        yield running


def sandbox_environment(sandbox: Emulator) -> Environment:
    return environments.emulator(sandbox.base_url, sandbox=True)


def sandbox_token(sandbox: Emulator) -> str:
    assert sandbox.staging_token is not None
    headers = sandbox_environment(sandbox).request_headers(sandbox.staging_token)
    return access_token(sandbox, headers=headers)


def test_the_sandbox_with_its_staging_token_answers(sandbox: Emulator) -> None:
    client = QontoApi(
        sandbox_environment(sandbox), sandbox_token(sandbox), staging_token=sandbox.staging_token
    )
    assert client.organization().id == sandbox.organizations[0].id


@pytest.mark.parametrize("staging_token", [None, ""])
def test_the_sandbox_without_staging_token_is_refused_before_sending(
    sandbox: Emulator, staging_token: str | None
) -> None:
    with pytest.raises(qonto_errors.SandboxStagingTokenError):
        QontoApi(sandbox_environment(sandbox), "ory_at_x", staging_token=staging_token)


@pytest.mark.parametrize(("redirects", "status"), [(False, 200), (True, 302)])
def test_the_sandbox_with_a_wrong_staging_token_says_so(
    sandbox: Emulator, *, redirects: bool, status: int
) -> None:
    """Qonto documents both answers: its sign-in page, or a 302 to OneLogin."""
    client = QontoApi(
        sandbox_environment(sandbox), sandbox_token(sandbox), staging_token="not-the-token"
    )
    sandbox.sign_in_redirects = redirects
    with pytest.raises(qonto_errors.SandboxStagingTokenError) as caught:
        client.organization()
    assert caught.value.status == status


def test_a_sandbox_sent_without_the_header_gets_its_sign_in_page(sandbox: Emulator) -> None:
    """Qonto's sandbox, asked as if it were production, answers a web page: a format error."""
    client = QontoApi(environments.emulator(sandbox.base_url), sandbox_token(sandbox))
    with pytest.raises(errors.ResponseFormatError):
        client.organization()


# --- Faults on GET /v2/organization ------------------------------------------------------------


def test_rate_limited_carries_retry_after(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(rate_limited=True))
    with pytest.raises(errors.RateLimitedError) as caught:
        client.organization()
    assert caught.value.retry_after == 10
    assert caught.value.status == 429


def test_a_passing_unavailability_is_waited_out(emulator: Emulator) -> None:
    pauses: list[float] = []
    environment = environments.emulator(emulator.base_url)
    client = QontoApi(
        environment, access_token(emulator), sender=Sender(API_RETRY, pause=pauses.append)
    )
    emulator.faults.set("organization", Fault(status=503, times=1))
    assert client.organization().id == emulator.organizations[0].id
    assert len(pauses) == 1
    assert 0 < pauses[0] <= API_RETRY.first_wait


def test_a_long_retry_after_is_reported_at_once(emulator: Emulator) -> None:
    def no_pause(seconds: float) -> None:
        raise AssertionError(f"waited {seconds} s")

    environment = environments.emulator(emulator.base_url)
    client = QontoApi(environment, access_token(emulator), sender=Sender(API_RETRY, pause=no_pause))
    emulator.faults.set("organization", Fault(rate_limited=True))  # Retry-After: 10, over the cap
    with pytest.raises(errors.RateLimitedError) as caught:
        client.organization()
    assert caught.value.retry_after == 10


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_server_error_is_service_unavailable(emulator: Emulator, status: int) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(status=status))
    with pytest.raises(errors.ServiceUnavailableError) as caught:
        client.organization()
    assert caught.value.status == status


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (Fault(html=True), errors.ResponseFormatError),
        (Fault(malformed_json=True), UnusableAnswerError),
        (Fault(drop=True), errors.NetworkError),
        (Fault(missing_fields=("organization.id",)), UnusableAnswerError),
        (Fault(missing_fields=("organization",)), UnusableAnswerError),
    ],
    ids=["html", "malformed json", "drop", "no id", "no organization"],
)
def test_a_broken_answer_gives_its_typed_error(
    emulator: Emulator, fault: Fault, expected: type[QontoDesktopError]
) -> None:
    client = api(emulator)
    emulator.faults.set("organization", fault)
    with pytest.raises(expected) as caught:
        client.organization()
    assert type(caught.value) is expected
    assert caught.value.message
    assert caught.value.next_action


def test_a_missing_name_falls_back_on_the_legal_name(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(missing_fields=("organization.name",)))
    organization = client.organization()
    assert organization.name is None
    assert organization.display_name == emulator.organizations[0].legal_name


def test_an_unexpected_client_error_shows_qontos_detail(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set(
        "organization", Fault(status=422, api_code="unprocessable", detail="Bad \x1b[2Jthing")
    )
    with pytest.raises(ApiError) as caught:
        client.organization()
    assert type(caught.value) is ApiError
    assert caught.value.code_sent == "unprocessable"
    assert "HTTP 422" in caught.value.message
    assert "Qonto says" in caught.value.message
    assert "\x1b" not in caught.value.message  # Qonto's text is made display-safe


def test_not_found_says_so_and_not_try_again_later(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(status=404, api_code="not_found", detail="Gone"))
    with pytest.raises(ApiNotFoundError) as caught:
        client.organization()
    assert "did not find the company" in caught.value.message
    assert "Try again later" not in str(caught.value)


def test_missing_bank_accounts_are_no_bank_accounts(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(missing_fields=("organization.bank_accounts",)))
    organization = client.organization()
    assert organization.bank_accounts == ()
    assert not organization.bank_accounts_read  # said as not read, not as "no account"
    assert organization.id == emulator.organizations[0].id


def test_a_missing_legal_name_is_none(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("organization", Fault(missing_fields=("organization.legal_name",)))
    assert client.organization().legal_name is None


# --- Faults on GET /v2/membership and DELETE /v2/oauth2/consents -------------------------------


def test_a_membership_without_role_still_reads(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("membership", Fault(missing_fields=("membership.role",)))
    membership = client.membership()
    assert membership.role is None
    assert membership.id == emulator.organizations[0].membership_id


def test_a_membership_without_contact_details_still_reads(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("membership", Fault(missing_fields=("membership.email",)))
    membership = client.membership()
    assert (membership.email, membership.role) == (None, "accountant")


def test_a_failed_disconnect_keeps_the_connection(emulator: Emulator) -> None:
    client = api(emulator)
    emulator.faults.set("consents", Fault(status=500, times=1))
    with pytest.raises(errors.ServiceUnavailableError):
        client.revoke_consent()
    assert client.organization().id == emulator.organizations[0].id


def test_bank_accounts_that_are_not_a_list_are_noted(emulator: Emulator) -> None:
    def reshape(response: requests.Response, *args: object, **kwargs: object) -> None:
        body = response.json()
        body["organization"]["bank_accounts"] = {}  # an object where Qonto sends a list
        response._content = json.dumps(body).encode()

    environment = environments.emulator(emulator.base_url)
    token = access_token(emulator)
    with requests.Session() as session:
        session.hooks["response"].append(reshape)
        organization = QontoApi(environment, token, session=session).organization()
    assert organization.bank_accounts == ()
    assert [(u.field, u.reason) for u in organization.unread] == [("bank_accounts", "unreadable")]
