"""Turning a fresh grant into a saved connection: verify it, then save it whole or not at all."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.context import ConnectionContext, for_connection
from qonto_desktop.connections.reading import read_company, read_membership
from qonto_desktop.connections.retire import retire
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Text
from qonto_desktop.oauth.tokenset import TokenSet
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.models import Membership, Organization
from qonto_desktop.qonto.presentation import masked_iban
from qonto_desktop.store.connection import (
    REFRESH_TOKEN_LIFETIME,
    AccountSummary,
    Connection,
)

log = logging.getLogger(__name__)

NOT_READ = N_("The permission to read the organization was not granted.")


@dataclass(frozen=True)
class AbandonedGrant:
    """Tokens Qonto issued that will not be saved (cancelled, or the save failed).

    They stay valid at Qonto until revoked: see :func:`revoke_abandoned`.
    """

    context: ConnectionContext = field(repr=False)
    tokens: TokenSet = field(repr=False)

    @property
    def environment(self) -> str:
        """The name of the environment that issued the grant."""
        return self.context.environment.name


def revoke_abandoned(grant: AbandonedGrant) -> bool:
    """End an abandoned grant at Qonto, best effort; never raises, never saves anything.

    Revoking the refresh token ends the whole grant (its access tokens too); without one, the
    access token is revoked.

    Returns:
        True when Qonto confirmed the revocation.
    """
    refresh_token = grant.tokens.refresh_token
    token, hint = (
        (refresh_token, "refresh_token")
        if refresh_token
        else (grant.tokens.access_token, "access_token")
    )
    try:
        grant.context.token_client.revoke(token, token_type_hint=hint)
    except QontoDesktopError as exc:
        log.warning("an abandoned grant was not revoked (%s); it lasts until it expires", exc.code)
        return False
    except Exception:  # best effort, on its own thread or after a failure: never raise
        log.exception("revoking an abandoned grant failed unexpectedly")
        return False
    log.info("revoked an abandoned grant (%s)", hint)
    return True


@dataclass(frozen=True)
class Facts:
    """What the Business API said about a grant; ``problem`` when the company was not read.

    ``notes`` are what else could not be read (see :mod:`~qonto_desktop.connections.reading`).
    """

    organization: Organization | None
    membership: Membership | None
    problem: Text | None
    notes: tuple[str, ...] = ()


def read_facts(context: ConnectionContext, tokens: TokenSet) -> Facts:
    """Ask the API who and what the grant reaches, as far as its scopes allow."""
    api = context.api(tokens.access_token)
    try:
        reading = read_company(api, tokens.scopes)
    except QontoDesktopError as exc:  # saved unverified, with why, and who signed in if known
        try:
            membership, notes = read_membership(api, tokens.scopes)
        except QontoDesktopError:
            membership, notes = None, ()
        return Facts(None, membership, exc.message_text, notes)
    if reading.organization is None:
        return Facts(None, reading.membership, NOT_READ, reading.notes)
    return Facts(reading.organization, reading.membership, None, reading.notes)


def build_connection(
    *,
    environment: Environment,
    client_id: str,
    requested: tuple[str, ...],
    tokens: TokenSet,
    facts: Facts,
    now: float,
) -> Connection:
    """The record of a grant just obtained (its id is settled when it is saved)."""
    # Who signed in comes from GET /v2/membership only: Qonto's ID token names nobody (its
    # verified subject is kept). Without membership.read the user stays unknown.
    claims: Mapping[str, Any] = tokens.id_claims or {}
    organization, membership = facts.organization, facts.membership
    if membership is not None:
        user_name = " ".join(part for part in (membership.first_name, membership.last_name) if part)
        email, role = membership.email or "", membership.role or ""
    else:
        user_name, email, role = "", "", ""
    subject = claims.get("sub")
    return Connection(
        id=new_connection_id(),
        environment=environment.name,
        client_id=client_id,
        organization_id=organization.id if organization else None,
        organization_name=organization.display_name if organization else "",
        organization_slug=(organization.slug or "") if organization else "",
        legal_name=(organization.legal_name or "") if organization else "",
        user_name=user_name,
        user_email=email,
        role=role,
        subject=subject if isinstance(subject, str) else None,
        scopes_requested=requested,
        scopes_granted=tokens.scopes,
        created_at=now,
        refreshed_at=None,
        verified_at=now if organization else None,
        access_expires_at=tokens.expires_at,
        refresh_expires_at=now + REFRESH_TOKEN_LIFETIME if tokens.refresh_token else None,
        state="ok" if organization else "unverified",
        state_reason=str(facts.problem) if organization is None and facts.problem else None,
        accounts=account_summaries(organization),
        notes=facts.notes,
    )


def account_summaries(organization: Organization | None) -> tuple[AccountSummary, ...]:
    """The bank accounts as the index keeps them: IBANs masked, never in full.

    Qonto's accounts come first, then those at other banks (``external``).
    """
    if organization is None:
        return ()
    return tuple(
        AccountSummary(
            name=account.display_name,
            masked_iban=masked_iban(account.iban) if account.iban else "",
            currency=account.currency or "",
            balance_cents=account.balance_cents,
            main=account.main,
            external=account.is_external,
        )
        for account in (*organization.qonto_accounts, *organization.external_accounts)
    )


def new_connection_id() -> str:
    """A short random id; it names keyring entries, so it carries no meaning."""
    return secrets.token_hex(6)


def save_grant(context: ConnectionContext, connection: Connection, tokens: TokenSet) -> Connection:
    """Save a grant's tokens and record; on any failure the store is left as it was.

    Connecting an organization again replaces its tokens and keeps its id; the replaced
    grant's refresh token is then revoked (best effort), so no forgotten grant stays alive.
    """
    desk = context.desk
    existing = desk.index.find_same(connection)
    if existing is not None:
        connection = replace(connection, id=existing.id, created_at=existing.created_at)
    before = token_pair.before_save(desk, connection)
    token_pair.save(desk, connection, tokens.access_token, tokens.refresh_token, was=before)
    # Where the tokens now are: ``token`` opens that backend directly, without discovery.
    connection = replace(connection, keyring_backend=desk.secrets.backend_name())
    try:
        stored = desk.index.save(connection)
    except BaseException:
        token_pair.put_back(desk, connection, before)
        raise
    old_refresh = before.refresh
    if old_refresh and old_refresh != tokens.refresh_token and existing is not None:
        _revoke_quietly(context, existing, old_refresh)
    if existing is not None and existing.grant_id is not None:  # it leaves a shared grant
        retire(context, existing, stored)
    log.info("saved connection %s (%s)", stored.id, stored.state)
    return stored


def _revoke_quietly(context: ConnectionContext, replaced: Connection, refresh_token: str) -> None:
    """Revoke the grant a new connection of the same organization replaced."""
    try:
        # The replaced grant may come from another registration: revoke it as its own client.
        same = replaced.client_id == context.client_id
        owner = context if same else for_connection(context.desk, replaced)
        owner.token_client.revoke(refresh_token, token_type_hint="refresh_token")
    except QontoDesktopError as exc:
        log.info("the replaced grant could not be revoked: %s", exc.code)
