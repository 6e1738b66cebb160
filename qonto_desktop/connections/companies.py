"""Connect several companies with one sign-in, through Qonto's user access (approved apps only).

Two steps, so that a face can ask the accountant in between: :func:`sign_in` runs the browser
sign-in with ``identity_type=user`` and lists the companies (``GET /v2/user_organizations``);
:func:`add_companies` turns the ones picked into connections sharing the one grant. A choice
that is not added is handed to :func:`abandon`, which revokes the grant.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from qonto_desktop.connections.access_errors import explain_unauthorized
from qonto_desktop.connections.attempt import OnWaiting
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.context import ConnectionContext, resolve
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.grant import AbandonedGrant, revoke_abandoned
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.connections.registration import load_registration
from qonto_desktop.connections.sign_in import signing_in
from qonto_desktop.errors import ConfigurationError, QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.tokenset import TokenSet
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.models.user_organizations import UserOrganization
from qonto_desktop.qonto.user_access import USER_ACCESS_PARAMETERS, scopes_for_access
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

OnAbandoned = Callable[[AbandonedGrant], object]


class NotUserAccessError(ConfigurationError):
    """The one-sign-in-for-all flow was asked of a registration not approved for it."""

    code = "not_user_access"
    message = N_("This app registration is not marked as approved by Qonto for user access.")
    next_action = N_("Connect one company at a time, or mark the registration in the settings.")


class PreselectionError(ConfigurationError):
    """An organization or registration ID given for a user-access sign-in."""

    code = "user_access_preselection"
    message = N_(
        "With user access, one sign-in covers all your companies: an organization or "
        "registration ID does not apply."
    )
    next_action = N_("Leave it out, and pick the companies after signing in.")


@dataclass(frozen=True)
class Company:
    """A company the sign-in reaches, as Qonto lists it.

    Attributes:
        legal_number: the SIREN (France), or empty.
        connected: the saved connection of this company, when there is one.
    """

    id: str
    name: str
    legal_name: str
    legal_number: str
    role: str
    connected: Connection | None = None


@dataclass(frozen=True)
class CompanyChoice:
    """What a user-access sign-in reached, waiting for the accountant's pick.

    Attributes:
        companies: in Qonto's order.
        unread: how many listed companies could not be read (no id).
    """

    companies: tuple[Company, ...]
    environment: str
    context: ConnectionContext = field(repr=False, compare=False)
    tokens: TokenSet = field(repr=False, compare=False)
    requested: tuple[str, ...]
    unread: int = 0

    @property
    def grant(self) -> AbandonedGrant:
        """The grant, as :func:`abandon` revokes it when nothing is added."""
        return AbandonedGrant(self.context, self.tokens)


def sign_in(
    desk: Desk,
    request: ConnectRequest,
    open_browser: Callable[[str], object],
    *,
    on_waiting: OnWaiting | None = None,
    on_abandoned: OnAbandoned | None = None,
    checkpoint: Checkpoint = carry_on,
) -> CompanyChoice:
    """Sign in once with user access and list the companies it reaches; nothing is saved.

    Raises:
        NotUserAccessError: the registration is not marked for user access.
        PreselectionError: an organization or registration ID was given.
        QontoDesktopError: as :func:`qonto_desktop.connections.connect.connect`.
    """
    environment = environment_of(desk, request.environment)
    registration = load_registration(environment, desk.settings)
    if not registration.user_access:
        raise NotUserAccessError()
    names = scopes.validate(request.scopes, allow_unknown=environment.allows_unknown_scopes)
    names = scopes_for_access(names, user_access=True)
    if (request.organization_id or "").strip() or (request.registration_id or "").strip():
        raise PreselectionError()
    desk.secrets.check_available()
    context = resolve(desk, environment, registration.client_id)
    with (
        explain_unauthorized(user_access=True),
        signing_in(
            context,
            registration,
            request,
            scopes=names,
            extra=USER_ACCESS_PARAMETERS,
            open_browser=open_browser,
            on_waiting=on_waiting,
        ) as authorized,
    ):
        # The companies are picked in the app: unless listing them fails, the browser's page
        # says that Qonto answered and the app is finishing (nothing is saved yet).
        tokens = authorized.tokens
        try:
            checkpoint("authorized")
            listed = context.api(tokens.access_token).user_organizations()
            checkpoint("listed")
        except Exception as exc:  # nothing will be saved: the grant must not stay alive
            if isinstance(exc, QontoDesktopError):
                authorized.report_failed(exc)  # the browser first: revoking may take a while
            (on_abandoned or revoke_abandoned)(AbandonedGrant(context, tokens))
            raise
    saved = {
        c.organization_id: c
        for c in desk.index.load().connections
        if c.environment == environment.name and c.organization_id
    }
    companies = tuple(_company(item, saved.get(item.id)) for item in listed.organizations)
    log.info("user access reaches %d companies", len(companies))
    return CompanyChoice(
        companies, environment.name, context, tokens, names, unread=len(listed.unread)
    )


def abandon(choice: CompanyChoice) -> bool:
    """Revoke the grant of a choice nothing will be added from (best effort; never raises)."""
    return revoke_abandoned(choice.grant)


def _company(item: UserOrganization, connected: Connection | None) -> Company:
    return Company(
        id=item.id,
        name=item.display_name,
        legal_name=item.legal_name or "",
        legal_number=item.legal_number or "",
        role=item.membership_role or "",
        connected=connected,
    )
