"""Reading a company from Qonto as far as a grant allows, and saying what could not be read.

Both the connect flow and the live check read through here, so both save the same facts and
the same notes: a missing optional field, an unreadable account or a refused membership never
fails a connection, it is noted in the user's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.qonto.api import ORGANIZATION, ApiUnauthorizedError, QontoApi
from qonto_desktop.qonto.errors import ForbiddenError, missing_scope_or_role
from qonto_desktop.qonto.models import Membership, Organization

log = logging.getLogger(__name__)

ORGANIZATION_SCOPE = ORGANIZATION.scope or "organization.read"
MEMBERSHIP_SCOPE = "membership.read"

ACCOUNTS_MISSING = N_("Qonto's answer did not list the bank accounts.")
ACCOUNTS_UNREADABLE = N_("The bank accounts in Qonto's answer could not be read.")
ACCOUNT_DROPPED = N_("Some bank accounts could not be read and are not shown.")
BALANCE_MISSING = N_(
    "Some balances are not shown: Qonto did not send them (your role may not see balances)."
)
BALANCE_UNREADABLE = N_("Some balances could not be read and are not shown.")
MEMBERSHIP_UNREAD = N_("Who signed in could not be read from Qonto.")


@dataclass(frozen=True)
class Reading:
    """What the Business API said: the company (None when its scope was not granted)."""

    organization: Organization | None
    membership: Membership | None
    notes: tuple[str, ...] = ()


def read_company(api: QontoApi, scopes_granted: tuple[str, ...]) -> Reading:
    """Read the organization and the membership, each only when its scope was granted.

    Raises:
        ApiUnauthorizedError: the access token was refused (the caller may refresh it).
        MissingScopeError, ForbiddenError: Qonto refused the organization, told apart by the
            grant (:func:`~qonto_desktop.qonto.errors.missing_scope_or_role`).
        QontoDesktopError: any other failure to read the organization.
    """
    organization = None
    notes: list[str] = []
    if ORGANIZATION_SCOPE in scopes_granted:
        try:
            organization = api.organization()
        except ForbiddenError as exc:
            raise missing_scope_or_role(exc, scopes_granted) from None
        notes.extend(account_notes(organization))
    membership, note = read_membership(api, scopes_granted)
    return Reading(organization, membership, (*notes, *note))


def read_membership(
    api: QontoApi, scopes_granted: tuple[str, ...]
) -> tuple[Membership | None, tuple[str, ...]]:
    """Who signed in, when the grant may read it, and a note when Qonto would not say.

    Raises:
        ApiUnauthorizedError: the access token was refused (the caller may refresh it).
    """
    if MEMBERSHIP_SCOPE not in scopes_granted:
        return None, ()
    try:
        return api.membership(), ()
    except ApiUnauthorizedError:
        raise
    except QontoDesktopError as exc:  # who signed in is a nicety, not a need
        log.info("membership not readable: %s", exc.code)
        return None, (MEMBERSHIP_UNREAD,)


def account_notes(organization: Organization) -> tuple[str, ...]:
    """What the answer left out about the accounts, once per kind, in the user's words."""
    notes: list[str] = []
    for unread in organization.unread:
        if unread.field == "bank_accounts":
            note = ACCOUNTS_MISSING if unread.reason == "missing" else ACCOUNTS_UNREADABLE
        elif unread.reason == "dropped":
            note = ACCOUNT_DROPPED
        elif unread.field.endswith("].balance"):
            note = BALANCE_MISSING if unread.reason == "missing" else BALANCE_UNREADABLE
        else:
            continue  # authorized balances, update times: not shown, so not missed
        if note not in notes:
            notes.append(note)
    return tuple(notes)
