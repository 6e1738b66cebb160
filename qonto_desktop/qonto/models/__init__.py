"""Typed, tolerant readings of Qonto's answers: one ``parse_*`` function per endpoint.

Bodies are read with msgspec. Unknown fields are ignored; JSON numbers become ``Decimal``
from their text and money is held as integer cents, never as ``float``; a missing optional
field is None; what could not be read is listed in ``unread`` instead of failing the whole
answer. A body with nothing usable raises :class:`UnusableAnswerError`. Text is kept as Qonto
sent it: show it through :func:`qonto_desktop.i18n.display.safe_text`.
"""

from __future__ import annotations

from qonto_desktop.qonto.models.bank_accounts import (
    BankAccount,
    BankAccountList,
    parse_bank_accounts,
)
from qonto_desktop.qonto.models.decoding import Unread
from qonto_desktop.qonto.models.error_bodies import (
    ApiErrorBody,
    ApiErrorItem,
    OAuthErrorBody,
    parse_api_error,
    parse_oauth_error,
)
from qonto_desktop.qonto.models.membership import Membership, parse_membership
from qonto_desktop.qonto.models.organization import Organization, parse_organization
from qonto_desktop.qonto.models.unusable import UnusableAnswerError
from qonto_desktop.qonto.models.user_organizations import (
    UserOrganization,
    UserOrganizations,
    parse_user_organizations,
)

__all__ = [
    "ApiErrorBody",
    "ApiErrorItem",
    "BankAccount",
    "BankAccountList",
    "Membership",
    "OAuthErrorBody",
    "Organization",
    "Unread",
    "UnusableAnswerError",
    "UserOrganization",
    "UserOrganizations",
    "parse_api_error",
    "parse_bank_accounts",
    "parse_membership",
    "parse_oauth_error",
    "parse_organization",
    "parse_user_organizations",
]
