"""A fully populated connection record, for the tests of the index and of what is shown."""

from __future__ import annotations

from dataclasses import replace

from qonto_desktop.store.connection import AccountSummary, Connection

ACCOUNTS = (
    AccountSummary("Main account", "FR76 •••• •••• 1234", "EUR", 1_234_56, main=True),
    AccountSummary("Taxes", "FR76 •••• •••• 9876", "EUR", -5, main=False),
)


def sample(**changes: object) -> Connection:
    """A fully populated connection; ``changes`` override any field (shared by the index tests)."""
    connection = Connection(
        id="c0nn1",
        environment="production",
        client_id="client-123",
        organization_id="org-1",
        organization_name="Acme Bakery",
        organization_slug="acme-bakery",
        legal_name="Acme Bakery SAS",
        user_name="Ada Lovelace",
        user_email="ada@example.com",
        role="owner",
        subject="user-sub-1",
        scopes_requested=("offline_access", "organization.read"),
        scopes_granted=("organization.read",),
        created_at=1_700_000_000.5,
        refreshed_at=1_700_000_100.0,
        verified_at=1_700_000_050.25,
        access_expires_at=1_700_003_600.0,
        refresh_expires_at=1_707_776_000.0,
        state="ok",
        state_reason=None,
        accounts=ACCOUNTS,
    )
    return replace(connection, **changes)  # type: ignore[arg-type]
