"""A live check of a connection: who and what it reaches now, and what Qonto granted.

A check says what it rests on: the company read from Qonto, the token renewed, or nothing
checked because the grant may not read the company. Only a company read from Qonto stamps
``verified_at``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.cached import cached
from qonto_desktop.connections.context import ConnectionContext, for_connection
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.grant import account_summaries
from qonto_desktop.connections.model import FreshToken
from qonto_desktop.connections.reading import ORGANIZATION_SCOPE, Reading, read_company
from qonto_desktop.connections.renewal import refresh_now, renewed_token
from qonto_desktop.qonto.api import ApiUnauthorizedError
from qonto_desktop.qonto.models import Membership, Organization
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verification:
    """What a live check found; the connection is saved with the new facts.

    Attributes:
        organization: the company as read now; None when the grant may not read it (the
            check then did not check it: see :attr:`checked`).
        membership: who signed in, when that could be read.
        token_renewed: the check renewed the access token on the way.
        notes: what could not be read, as message templates.
        at: when Qonto answered, seconds since the epoch.
    """

    connection: Connection
    organization: Organization | None
    membership: Membership | None
    token_renewed: bool = False
    notes: tuple[str, ...] = ()
    at: float = 0.0

    @property
    def checked(self) -> bool:
        """True when the company and its accounts were read from Qonto now."""
        return self.organization is not None

    @property
    def missing_scope(self) -> str | None:
        """The scope the check needed and the grant lacks, or None."""
        return None if self.checked else ORGANIZATION_SCOPE


def verify(desk: Desk, connection_id: str) -> Verification:
    """Check the connection against Qonto's API now and record what it found.

    An access token Qonto refuses although it has not expired (revoked in Qonto's web app,
    say) is refreshed once; a second refusal is reported, never retried in a loop. The
    connection's context is resolved once, here, and serves the token and the API calls.
    A grant without ``organization.read`` reads no company: nothing is stamped verified.

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
        reading = _read(context, fresh)
    except ApiUnauthorizedError:
        fresh = refresh_now(desk, fresh.connection, context=context)
        reading = _read(context, fresh)
    renewed = fresh.connection.access_expires_at != connection.access_expires_at
    now = desk.now()
    changes: dict[str, object] = {"notes": reading.notes}
    organization, membership = reading.organization, reading.membership
    if organization is not None:
        changes.update(
            verified_at=now,
            organization_id=organization.id,
            organization_name=organization.display_name,
            organization_slug=organization.slug or "",
            legal_name=organization.legal_name or "",
            legal_number=organization.legal_number or "",
            accounts=account_summaries(organization),
            state="ok",
            state_reason=None,
        )
    if membership is not None:
        changes.update(
            user_name=" ".join(p for p in (membership.first_name, membership.last_name) if p),
            user_email=membership.email or "",
            role=membership.role or "",
        )
    saved = desk.index.update(connection_id, **changes)
    log.info(
        "checked connection %s in %s (company %s)",
        connection_id,
        context.environment.name,
        "read" if organization is not None else "not read: scope not granted",
    )
    return Verification(saved, organization, membership, renewed, reading.notes, now)


def _read(context: ConnectionContext, fresh: FreshToken) -> Reading:
    return read_company(context.api(fresh.access_token), fresh.connection.scopes_granted)
