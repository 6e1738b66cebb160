"""``connect`` with user access: one sign-in, then the companies chosen with ``--companies``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from qonto_desktop.cli.render import describe_connection
from qonto_desktop.connections.attempt import OnWaiting
from qonto_desktop.connections.companies import Company, abandon, sign_in
from qonto_desktop.connections.company_grant import add_companies
from qonto_desktop.connections.company_pick import parse_choice, pick
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.errors import ConfigurationError, NotConfiguredError
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.connections.registration import load_registration
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.message import N_
from qonto_desktop.program import program_name


class CompaniesWithoutUserAccessError(ConfigurationError):
    """``--companies`` given for a registration that signs in to one company at a time."""

    code = "companies_without_user_access"
    message = N_("--companies applies only to an app registration with user access.")
    next_action = N_(
        "Leave it out; or, if Qonto approved the app for user access, run "
        "`{program} configure --user-access yes` first."
    )

    def __init__(self) -> None:
        super().__init__(params={"program": program_name()})


def uses_user_access(desk: Desk, environment_name: str) -> bool:
    """Whether the environment's registration is marked for Qonto's user access."""
    try:
        return load_registration(environment_of(desk, environment_name), desk.settings).user_access
    except NotConfiguredError:
        return False  # the sign-in itself says what to configure


def run(
    desk: Desk,
    request: ConnectRequest,
    companies: str | None,
    opener: Callable[[str], object],
    waiting: OnWaiting,
    *,
    out: TextIO,
    err: TextIO,
) -> int:
    """Sign in once, list the companies reached, add the ones ``companies`` names (or all).

    The choice is read before the browser opens; if it then names a company the sign-in did
    not reach, nothing is added and the grant is revoked.
    """
    entries = parse_choice(companies)
    choice = sign_in(desk, request, opener, on_waiting=waiting)
    print(f"This sign-in reaches {len(choice.companies)} companies:", file=err)
    for company in choice.companies:
        print(f"  {_line(company)}", file=err)
    if choice.unread:
        print(f"  ({choice.unread} more could not be read and are left out)", file=err)
    try:
        picked = pick(choice, entries)
    except ConfigurationError:
        abandon(choice)
        raise
    saved = add_companies(desk, choice, picked)
    print(f"Added {len(saved)} companies, sharing one sign-in:", file=err)
    for connection in saved:
        print(describe_connection(connection, desk.now()), file=out)
    return 0


def _line(company: Company) -> str:
    parts = [
        safe_text(company.name, limit=60),
        safe_text(company.legal_name, limit=60) or "-",
        f"SIREN {safe_text(company.legal_number, limit=20) or '-'}",
        safe_text(company.role, limit=30) or "-",
        f"id {safe_text(company.id, limit=40)}",
    ]
    line = " | ".join(parts)
    return f"{line}  (already connected)" if company.connected is not None else line
