"""``token [CONNECTION] [--json]``: a fresh access token on stdout, and nothing else.

For ``Authorization: Bearer $(main.py token acme)``. The common case is answered by the quick
path (``connections.quick_token``, tried first by ``cli.main``): one index read and one keyring
read, through the Secret Service the connection names. Everything else comes here, to the
application API; the HTTP stack is imported only when a refresh is due. Both print with
:func:`write`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from qonto_desktop.cli.json_output import json_text

if TYPE_CHECKING:
    from qonto_desktop.connections.desk import Desk


def run(desk: Desk, query: str | None, *, as_json: bool, out: TextIO) -> int:
    """Print a fresh access token of the connection ``query`` names (or the only one)."""
    from qonto_desktop.connections.fresh import access_token_of

    fresh = access_token_of(desk, query)  # one index read, one keyring read when cached
    connection = fresh.connection
    write(
        out,
        fresh.access_token,
        as_json=as_json,
        expires_at=connection.access_expires_at,
        connection=connection.id,
        organization=connection.organization_name,
        environment=connection.environment,
    )
    return 0


def write(
    out: TextIO,
    access_token: str,
    *,
    as_json: bool,
    expires_at: float,
    connection: str,
    organization: str,
    environment: str,
) -> None:
    """Print the token alone, or with ``--json`` what a script may want to know beside it."""
    if as_json:
        payload = {
            "access_token": access_token,
            "token_type": "bearer",
            "expires_at": int(expires_at),
            "connection": connection,
            "organization": organization,
            "environment": environment,
        }
        out.write(json_text(payload, indent=None) + "\n")
    else:
        out.write(access_token + "\n")
