"""Qonto's authorization parameters: organization and registration IDs, UUIDs in lower case."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from qonto_desktop.oauth import flow
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto.authorization import authorization_parameters

ORG_ID = "0F1E2D3C-4B5A-4978-8A9B-0C1D2E3F4A5B"
REG_ID = "AAAABBBB-CCCC-4DDD-8EEE-FFFF00001111"


def started(organization_id: str | None, registration_id: str | None) -> flow.PendingAuthorization:
    """The flow started with Qonto's parameters for these IDs."""
    return flow.start(
        flow.AuthorizationRequest(
            authorize_url="https://oauth.example.test/oauth2/auth",
            client_id="my-client",
            redirect_uri="http://127.0.0.1:52817/callback",
            scopes=("openid",),
            extra=authorization_parameters(organization_id, registration_id),
        )
    )


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def test_start_adds_organization_and_registration_ids_in_lower_case() -> None:
    pending = started(f" {ORG_ID} ", REG_ID)
    query = query_of(pending.url)
    assert query["organization_id"] == [ORG_ID.lower()]
    assert query["registration_id"] == [REG_ID.lower()]
    assert dict(pending.extra)["organization_id"] == ORG_ID.lower()


def test_start_ignores_blank_organization_and_registration_ids() -> None:
    pending = started("  ", "")
    query = query_of(pending.url)
    assert "organization_id" not in query
    assert "registration_id" not in query
    assert authorization_parameters(None, None) == ()


@pytest.mark.parametrize(
    "changes",
    [
        {"organization_id": "not-a-uuid"},
        {"organization_id": "{" + ORG_ID + "}"},
        {"organization_id": "urn:uuid:" + ORG_ID},
        {"organization_id": ORG_ID.replace("-", "")},
        {"registration_id": "not-a-uuid"},
        {"registration_id": "{" + REG_ID + "}"},
        {"registration_id": "urn:uuid:" + REG_ID},
    ],
    ids=repr,
)
def test_start_refuses_bad_requests(changes: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError):
        authorization_parameters(changes.get("organization_id"), changes.get("registration_id"))
