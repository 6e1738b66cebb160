"""A live check of a connection: who and what it reaches now, and what Qonto granted."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.cached import cached
from qonto_desktop.connections.context import ConnectionContext, for_connection
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.grant import account_summaries
from qonto_desktop.connections.model import FreshToken
from qonto_desktop.connections.renewal import refresh_now, renewed_token
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.qonto.api import ApiUnauthorizedError, Membership, Organization
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verification:
    """What a live check found; the connection is saved with the new facts."""

    connection: Connection
    organization: Organization | None
    membership: Membership | None


def verify(desk: Desk, connection_id: str) -> Verification:
    """Check the connection against Qonto's API now and record what it found.

    An access token Qonto refuses although it has not expired (revoked in Qonto's web app,
    say) is refreshed once; a second refusal is reported, never retried in a loop. The
    connection's context is resolved once, here, and serves the token and the API calls.

    Raises:
        NeedsReconnectError: the refresh token is no longer accepted.
        QontoDesktopError: network, storage or API errors.
    """
    connection = desk.index.get(connection_id)
    token = cached(desk, connection)  # a connection that needs a new sign-in says so first
    context = for_connection(desk, connection)
    fresh = (
        FreshToken(token, connection)
        if token is not None
        else renewed_token(desk, connection, context=context)
    )
    try:
        organization, membership = _read(context, fresh.connection, fresh.access_token)
    except ApiUnauthorizedError:
        fresh = refresh_now(desk, fresh.connection, context=context)
        organization, membership = _read(context, fresh.connection, fresh.access_token)
    changes: dict[str, object] = {"verified_at": desk.now()}
    if organization is not None:
        changes.update(
            organization_id=organization.id,
            organization_name=organization.name,
            organization_slug=organization.slug,
            legal_name=organization.legal_name,
            accounts=account_summaries(organization),
            state="ok",
            state_reason=None,
        )
    if membership is not None:
        changes.update(
            user_name=f"{membership.first_name} {membership.last_name}".strip(),
            user_email=membership.email,
            role=membership.role,
        )
    saved = desk.index.update(connection_id, **changes)
    log.info("verified connection %s in %s", connection_id, context.environment.name)
    return Verification(saved, organization, membership)


def _read(
    context: ConnectionContext, connection: Connection, token: str
) -> tuple[Organization | None, Membership | None]:
    api = context.api(token)
    organization = membership = None
    if "organization.read" in connection.scopes_granted:
        organization = api.organization()
    if "membership.read" in connection.scopes_granted:
        try:
            membership = api.membership()
        except ApiUnauthorizedError:
            raise
        except QontoDesktopError as exc:
            log.info("membership not readable: %s", exc.code)
    return organization, membership
