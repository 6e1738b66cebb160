"""Qonto's errors as Qonto says them: its detail kept (made safe), 403 and 404 told apart.

Bodies are shaped as https://docs.qonto.com/api-reference/business-api/introduction/errors
shows them (``errors[]`` with ``code``, ``detail``, ``source``; ``trace_id``).
"""

from __future__ import annotations

from qonto_desktop.i18n.localize import localize
from qonto_desktop.i18n.message import Message
from qonto_desktop.qonto.errors import (
    ApiError,
    ApiNotFoundError,
    ForbiddenError,
    MissingScopeError,
    missing_scope_or_role,
)

GRANTED = ("openid", "offline_access", "organization.read")


def test_a_403_for_a_scope_not_granted_is_the_missing_permission() -> None:
    refused = ForbiddenError(scope="membership.read", detail="missing required oauth scope")
    told = missing_scope_or_role(refused, GRANTED)
    assert isinstance(told, MissingScopeError)
    assert told.scope == "membership.read"
    assert "membership.read" in told.message


def test_a_403_for_a_scope_granted_is_the_role_with_qontos_words() -> None:
    detail = "User does not have sufficient permissions for this action."  # S /v2/membership
    refused = ForbiddenError(scope="organization.read", detail=detail)
    told = missing_scope_or_role(refused, GRANTED)
    assert told is refused
    assert told.message.startswith("Your role in this company does not allow this.")
    assert detail in told.message
    assert "Reconnect" not in told.next_action


def test_a_404_names_the_thing_and_never_says_try_again_later() -> None:
    error = ApiNotFoundError(thing=Message("the company"), detail="Organization not found")
    assert "did not find the company" in error.message
    assert "Try again later" not in str(error)
    french, _ = localize(error, "fr")
    assert "n\u2019a pas trouvé la société" in french


def test_qontos_detail_is_made_safe_and_capped() -> None:
    hostile = "\x1b]0;pwned\x07line one\nline two" + "x" * 5000
    error = ApiError(400, detail=hostile)
    shown, _ = localize(error, "en")
    assert "\x1b" not in shown
    assert "\n" not in shown
    assert "\x07" not in shown
    assert len(shown) < 400


def test_without_a_detail_the_status_is_said() -> None:
    assert ApiError(418).message == "Qonto's API refused the request (HTTP 418)."
