"""How connections read in a terminal: a short block per connection, or plain JSON data.

Every command prints through this module, and every value in what it prints that came from
outside (a name Qonto sent, a name kept in the index, an argument the user typed) goes through
:func:`~qonto_desktop.i18n.display.safe_text`: one line, no control or bidi character, capped.
JSON keeps the data whole, but with every such character written as a ``\\u`` escape.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from qonto_desktop.cli.json_output import json_text as json_text  # noqa: PLC0414 (re-export)
from qonto_desktop.connections.model import AccountSummary, Connection
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.languages import command_line_language
from qonto_desktop.i18n.localize import localize, translate
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.presentation import money
from qonto_desktop.system.settings import load_settings

SCOPE_LIMIT = 60
"""The most characters of one scope name (Qonto's are under 30)."""
LIST_LIMIT = 900
"""The most characters of a list of scopes: every scope Qonto has fits."""
ERROR_LIMIT = 600
"""The most characters of an error line: a message and what to do, each value already capped."""

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


def clock(timestamp: float) -> str:
    """A local time of day, ``14:02``."""
    return time.strftime("%H:%M", time.localtime(timestamp))


def note_line(note: str) -> str:
    """A note of what could not be read (a message template), in the user's language."""
    return translate(note, language())


def scope_words(name: str) -> str:
    """A permission as the consent page shows it, with its technical name: “Label” (name)."""
    try:
        return f"“{scopes.label(name, 'en')}” ({name})"
    except scopes.UnknownScopeError:
        return name


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
        state = f"{state}: {safe_text(connection.state_reason)}"
    slug = connection.organization_slug
    lines = [
        f"{safe_text(connection.display_name)}  [{safe_text(connection.environment)}]  {state}",
        f"  id {safe_text(connection.id)}" + (f" · slug {safe_text(slug)}" if slug else ""),
    ]
    if connection.user_name or connection.role:
        user, role = safe_text(connection.user_name or "?"), safe_text(connection.role or "?")
        lines.append(f"  signed in as {user} ({role})")
    if connection.grant_id is not None:
        lines.append("  user access: one sign-in shared with the other companies it added")
    lines.append(f"  permissions: {_words(connection.scopes_granted)}")
    missing = [s for s in connection.scopes_requested if s not in connection.scopes_granted]
    if missing:
        lines.append(f"  asked for but not granted: {_words(missing)}")
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
    if connection.refreshed_at is not None:
        lines.append(f"  last refreshed {when(connection.refreshed_at)} (token renewed)")
    if connection.verified_at is None:
        lines.append("  last verified: never (the company was not read from Qonto)")
    else:
        lines.append(
            f"  last verified {when(connection.verified_at)} (company and accounts read from Qonto)"
        )
    lines.extend(account_lines(connection))
    return "\n".join(lines)


def account_lines(connection: Connection) -> list[str]:
    """The accounts at Qonto with their total, then those at another bank, apart."""
    lines = [_account_line(account) for account in connection.qonto_accounts]
    total = connection.qonto_total
    if total is not None and len(connection.qonto_accounts) > 1:
        lines.append(f"  {'Total at Qonto':<26} {'':<19}  {money(*total, 'en'):>14}")
    external = connection.external_accounts
    if external:
        lines.append("  at another bank (connected to Qonto, not in the Qonto total):")
        lines.extend(_account_line(account) + "  (at another bank)" for account in external)
    return lines


def _account_line(account: AccountSummary) -> str:
    balance = (
        "balance not shown"
        if account.balance_cents is None
        else money(account.balance_cents, account.currency, "en")
    )
    name = safe_text(account.name, limit=60) + (" (main)" if account.main else "")
    iban = safe_text(account.masked_iban) or "-"
    return f"  {name:<26} {iban:<19}  {safe_text(balance):>14}"


def _words(names: Sequence[str]) -> str:
    """Scope names (as the server granted them), each one safe, separated by spaces."""
    return safe_text(" ".join(safe_text(n, limit=SCOPE_LIMIT) for n in names), limit=LIST_LIMIT)


def name_of(connection: Connection) -> str:
    """A connection's name as one display-safe line (the start of most command lines)."""
    return safe_text(connection.display_name)


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
                "external": account.external,
            }
            for account in connection.accounts
        ],
        "qonto_total_cents": total[0] if (total := connection.qonto_total) else None,
        "not_read": list(connection.notes),
    }


def _int_or_none(value: float | None) -> int | None:
    return None if value is None else int(value)


def error_line(error: QontoDesktopError) -> str:
    """An error as the command line prints it: one line, in the user's language.

    The window shows the same words (both go through :func:`localize`).
    """
    message, next_action = localize(error, language())
    return safe_text(f"{message} {next_action}".strip(), limit=ERROR_LIMIT)


def language() -> str:
    """The settings' language, else the environment's (``LC_ALL``, ...), else English.

    The command line's words, and the browser pages of a sign-in it starts, are in it.
    """
    try:
        setting = load_settings().get("language")
    except QontoDesktopError:  # an unreadable settings file may be the very error shown
        setting = None
    return command_line_language(setting, os.environ)
