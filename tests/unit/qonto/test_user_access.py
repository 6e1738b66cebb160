"""The scopes and parameters of Qonto's user access."""

from __future__ import annotations

import pytest

from qonto_desktop.qonto.user_access import (
    USER_ACCESS_PARAMETERS,
    USER_ORGANIZATIONS_SCOPE,
    UserAccessScopeError,
    scopes_for_access,
)


def test_user_access_always_asks_for_the_companies_scope_once() -> None:
    assert scopes_for_access(("openid",), user_access=True) == ("openid", USER_ORGANIZATIONS_SCOPE)
    both = ("openid", USER_ORGANIZATIONS_SCOPE)
    assert scopes_for_access(both, user_access=True) == both
    assert USER_ACCESS_PARAMETERS == (("identity_type", "user"),)


def test_without_user_access_the_companies_scope_is_refused() -> None:
    assert scopes_for_access(("openid",), user_access=False) == ("openid",)
    with pytest.raises(UserAccessScopeError) as raised:
        scopes_for_access(("openid", USER_ORGANIZATIONS_SCOPE), user_access=False)
    assert "--user-access yes" in raised.value.next_action
