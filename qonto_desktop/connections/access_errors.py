"""Qonto's refusal of a flow the app registration may not use, said in the app's words.

An app Qonto approved for user access may use no other flow, and any other app may not use
that one. Qonto does not document what it answers then; RFC 6749's ``unauthorized_client`` is
what fits (docs/qonto-facts.md), and that error alone cannot say which way round it went: the
registration can.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qonto_desktop.connections.registration import AppRegistration
from qonto_desktop.errors import ConfigurationError
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import UnauthorizedClientError
from qonto_desktop.program import program_name
from qonto_desktop.qonto.user_access import scopes_for_access


class UserAccessRegistrationError(ConfigurationError):
    """A one-company sign-in asked of a registration marked for user access."""

    code = "user_access_registration"
    message = N_(
        "This app registration uses Qonto's user access: one sign-in adds all your companies."
    )
    next_action = N_(
        "Sign in once and pick the companies: Connect in the window, or "
        "`{program} connect --companies all`."
    )

    def __init__(self) -> None:
        super().__init__(params={"program": program_name()})


class AccessKindRefusedError(UnauthorizedClientError):
    """Qonto refused the flow the registration asked for (user access or per organization)."""

    code = "access_kind_refused"
    message = N_("{service} refused this way of connecting for this app registration.")


@contextmanager
def explain_unauthorized(*, user_access: bool) -> Iterator[None]:
    """Turn ``unauthorized_client`` into a message saying which access kind to try."""
    try:
        yield
    except UnauthorizedClientError as exc:
        if user_access:
            advice = N_(
                "The registration is marked as approved by Qonto for user access. If Qonto "
                "did not approve it, untick that box under App registration, or run "
                "`{program} configure --user-access no`."
            )
        else:
            advice = N_(
                "An app Qonto approved for user access can only sign in that way: tick that box "
                "under App registration (or run `{program} configure --user-access yes`), or "
                "check in Qonto's Developer Portal that the app is active for this environment."
            )
        raise AccessKindRefusedError(
            next_action=Message(advice, program=program_name()),
            oauth_error=exc.oauth_error,
            detail=exc.detail,
            status=exc.status,
            service=exc.service,
        ) from exc


def per_organization_scopes(
    registration: AppRegistration, names: tuple[str, ...]
) -> tuple[str, ...]:
    """The scopes of a one-company sign-in; ``user_organization.read`` is not among them.

    Raises:
        UserAccessRegistrationError: the registration is marked for user access.
        UserAccessScopeError: ``user_organization.read`` was asked for.
    """
    if registration.user_access:
        raise UserAccessRegistrationError()
    return scopes_for_access(names, user_access=False)
