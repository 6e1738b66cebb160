"""Qonto's user access (its "User OAuth flow"), for approved apps: one sign-in, many companies.

Such a registration always asks for ``user_organization.read`` and adds ``identity_type=user``
to the authorization request; every other registration may not ask for that scope (Qonto would
refuse the whole request). Each API call then names its company in ``X-Qonto-Organization-Id``.
Source: https://docs.qonto.com/get-started/business-api/authentication/oauth/user-oauth-flow
"""

from __future__ import annotations

from collections.abc import Iterable

from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.program import program_name

USER_ORGANIZATIONS_SCOPE = "user_organization.read"
ORGANIZATION_HEADER = "X-Qonto-Organization-Id"
USER_ACCESS_PARAMETERS: tuple[tuple[str, str], ...] = (("identity_type", "user"),)


class UserAccessScopeError(ConfigurationError):
    """``user_organization.read`` asked for through a registration not marked for user access."""

    code = "user_access_scope"
    message = N_(
        "The permission to list all your companies is only for apps Qonto approved for user access."
    )
    next_action = N_(
        "Leave it out; or, if Qonto approved this app for user access, mark the registration "
        "so: `{program} configure --user-access yes`."
    )

    def __init__(self) -> None:
        super().__init__(params={"program": program_name()})


def scopes_for_access(names: Iterable[str], *, user_access: bool) -> tuple[str, ...]:
    """The scopes to ask for: with user access ``user_organization.read`` is always among them.

    Raises:
        UserAccessScopeError: the scope is asked for without user access.
    """
    chosen = tuple(names)
    if user_access:
        return chosen if USER_ORGANIZATIONS_SCOPE in chosen else (*chosen, USER_ORGANIZATIONS_SCOPE)
    if USER_ORGANIZATIONS_SCOPE in chosen:
        raise UserAccessScopeError()
    return chosen
