"""How connections read in a terminal: a short block per connection, or plain JSON data."""

from __future__ import annotations

import os
import time
from typing import Any

from qonto_desktop.connections.model import Connection
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.languages import command_line_language
from qonto_desktop.i18n.localize import localize
from qonto_desktop.qonto.presentation import money
from qonto_desktop.system.settings import load_settings

STATE_WORDS = {
    "ok": "OK",
    "unverified": "unverified",
    "needs_reconnect": "needs reconnecting",
}


def when(timestamp: float | None) -> str:
    """A local date and time, or a dash."""
    if timestamp is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def remaining(seconds: float) -> str:
    """``in 42 min``, ``in 3 h``, ``in 12 days`` or ``expired``."""
    if seconds <= 0:
        return "expired"
    if seconds < 3600:
        return f"in {int(seconds // 60)} min"
    if seconds < 2 * 86400:
        return f"in {int(seconds // 3600)} h"
    return f"in {int(seconds // 86400)} days"


def describe_connection(connection: Connection, now: float) -> str:
    """Several lines about one connection, for people."""
    state = STATE_WORDS[connection.state]
    if connection.state_reason:
        state = f"{state}: {connection.state_reason}"
    lines = [
        f"{connection.display_name}  [{connection.environment}]  {state}",
        f"  id {connection.id}"
        + (f" · slug {connection.organization_slug}" if connection.organization_slug else ""),
    ]
    if connection.user_name or connection.role:
        lines.append(f"  signed in as {connection.user_name or '?'} ({connection.role or '?'})")
    if connection.grant_id is not None:
        lines.append("  user access: one sign-in shared with the other companies it added")
    lines.append(f"  permissions: {' '.join(connection.scopes_granted)}")
    missing = [s for s in connection.scopes_requested if s not in connection.scopes_granted]
    if missing:
        lines.append(f"  asked for but not granted: {' '.join(missing)}")
    lines.append(
        f"  access token expires {when(connection.access_expires_at)} "
        f"({remaining(connection.access_expires_at - now)})"
    )
    if connection.refresh_expires_at is None:
        lines.append("  no refresh token: the connection ends when the access token expires")
    else:
        days = connection.refresh_days_left(now) or 0
        warning = "  <- refresh or reconnect soon" if connection.refresh_expiring_soon(now) else ""
        lines.append(f"  refresh token: {int(days)} days left{warning}")
    lines.append(f"  last verified {when(connection.verified_at)}")
    for account in connection.accounts:
        balance = money(account.balance_cents, account.currency, "en")
        lines.append(f"  {account.name:<26} {account.masked_iban}  {balance:>14}")
    return "\n".join(lines)


def connection_data(connection: Connection, now: float) -> dict[str, Any]:
    """One connection as JSON-ready data (no secret in it)."""
    return {
        "id": connection.id,
        "environment": connection.environment,
        "organization": {
            "id": connection.organization_id,
            "name": connection.organization_name,
            "slug": connection.organization_slug,
            "legal_name": connection.legal_name,
        },
        "user": {
            "name": connection.user_name,
            "email": connection.user_email,
            "role": connection.role,
        },
        "client_id": connection.client_id,
        # Connections of one user-access sign-in share it: the same id, one refresh for all.
        "grant_id": connection.grant_id,
        "scopes_requested": list(connection.scopes_requested),
        "scopes_granted": list(connection.scopes_granted),
        "state": connection.state,
        "state_reason": connection.state_reason,
        "created_at": int(connection.created_at),
        "refreshed_at": _int_or_none(connection.refreshed_at),
        "verified_at": _int_or_none(connection.verified_at),
        "access_expires_at": int(connection.access_expires_at),
        "refresh_expires_at": _int_or_none(connection.refresh_expires_at),
        "refresh_expiring_soon": connection.refresh_expiring_soon(now),
        "accounts": [
            {
                "name": account.name,
                "iban": account.masked_iban,
                "currency": account.currency,
                "balance_cents": account.balance_cents,
                "main": account.main,
            }
            for account in connection.accounts
        ],
    }


def _int_or_none(value: float | None) -> int | None:
    return None if value is None else int(value)


def error_line(error: QontoDesktopError) -> str:
    """An error as the command line prints it: one line, in the user's language.

    The window shows the same words (both go through :func:`localize`).
    """
    message, next_action = localize(error, _language())
    return f"{message} {next_action}".strip()


def _language() -> str:
    """The settings' language, else the environment's (``LC_ALL``, ...), else English."""
    try:
        setting = load_settings().get("language")
    except QontoDesktopError:  # an unreadable settings file may be the very error shown
        setting = None
    return command_line_language(setting, os.environ)
