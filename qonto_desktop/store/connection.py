"""One connection as the app remembers it: non-secret facts only; its tokens live in the keyring."""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.i18n.message import N_, Message, Text
from qonto_desktop.store.states import ConnectionState

# Qonto's refresh tokens live 90 days from issue, and each refresh issues a new one.
REFRESH_TOKEN_LIFETIME = 90 * 24 * 3600.0
# Warn when fewer than this many seconds of refresh-token life remain.
REFRESH_WARNING = 14 * 24 * 3600.0


@dataclass(frozen=True)
class AccountSummary:
    """A bank account as last seen, with its IBAN already masked (never stored in full).

    ``balance_cents`` is None when Qonto did not show the balance (a role without the
    balance permission) or it could not be read; ``external`` marks an account at another
    bank, connected to Qonto, whose balance never counts in the Qonto total.
    ``masked_iban`` and ``currency`` are empty when Qonto sent none.
    """

    name: str
    masked_iban: str
    currency: str
    balance_cents: int | None
    main: bool
    external: bool = False


@dataclass(frozen=True)
class Connection:
    """A Qonto organization connected through one app registration, in one environment.

    Connections are keyed by ``(environment, organization_id)``; an unverified connection, whose
    organization is unknown, by ``(environment, subject)`` (the ID token's subject) or its id.

    Attributes:
        id: short, stable, random; names the connection's keyring entries.
        state: ``ok``; ``unverified`` (saved, but the organization could not be read; see
            ``state_reason``); ``needs_reconnect`` (Qonto no longer accepts its refresh token).
        access_expires_at, refresh_expires_at: seconds since the epoch; the refresh token's is
            tracked by the app (90 days from issue), not told by Qonto.
        notes: what the last reading could not read (accounts, balances, who signed in), as
            the app's message templates in English, translated when shown.
        grant_id: set when the connection shares one grant with other companies (Qonto's
            User OAuth flow): the tokens are the grant's, kept once under this id; ``None``
            when the connection has its own grant.
        keyring_backend: the keyring backend its secrets were saved in (``module.Class``), so
            ``token`` opens it directly; empty for a connection saved before this was kept.
        legal_number: the company's registration number as Qonto gives it (``legal_number``:
            a SIREN or SIRET in France); empty when unknown or saved before this was kept.
    """

    id: str
    environment: str
    client_id: str
    organization_id: str | None
    organization_name: str
    organization_slug: str
    legal_name: str
    user_name: str
    user_email: str
    role: str
    subject: str | None
    scopes_requested: tuple[str, ...]
    scopes_granted: tuple[str, ...]
    created_at: float
    refreshed_at: float | None
    verified_at: float | None
    access_expires_at: float
    refresh_expires_at: float | None
    state: ConnectionState
    state_reason: str | None = None
    accounts: tuple[AccountSummary, ...] = ()
    notes: tuple[str, ...] = ()
    grant_id: str | None = None
    keyring_backend: str = ""
    legal_number: str = ""

    @property
    def display_name(self) -> str:
        """What the user calls it: the organization's name, or a placeholder when unverified."""
        return str(self.name_text)

    @property
    def name_text(self) -> Text:
        """:attr:`display_name` as a message, so that the placeholder can be translated."""
        if self.organization_name:
            return self.organization_name
        return Message(N_("Unverified connection {id}"), id=self.id)

    @property
    def qonto_accounts(self) -> tuple[AccountSummary, ...]:
        """The accounts held at Qonto (not those at other banks)."""
        return tuple(account for account in self.accounts if not account.external)

    @property
    def external_accounts(self) -> tuple[AccountSummary, ...]:
        """The accounts at other banks, connected to Qonto: never in the Qonto total."""
        return tuple(account for account in self.accounts if account.external)

    @property
    def qonto_total(self) -> tuple[int, str] | None:
        """The sum of the Qonto accounts' balances in cents, and its currency.

        None when there is no Qonto account, a balance is not known, or the currencies differ:
        a partial sum would read as the whole.
        """
        accounts = self.qonto_accounts
        currencies = {account.currency for account in accounts}
        if not accounts or len(currencies) != 1:
            return None
        total = 0
        for account in accounts:
            if account.balance_cents is None:
                return None
            total += account.balance_cents
        return total, currencies.pop()

    def refresh_days_left(self, now: float) -> float | None:
        """Days of refresh-token life left, or None without a refresh token."""
        if self.refresh_expires_at is None:
            return None
        return max(0.0, (self.refresh_expires_at - now) / 86400)

    def refresh_expiring_soon(self, now: float) -> bool:
        """True when the refresh token has less than 14 days to live (reconnect or refresh)."""
        return (
            self.refresh_expires_at is not None and self.refresh_expires_at - now < REFRESH_WARNING
        )
