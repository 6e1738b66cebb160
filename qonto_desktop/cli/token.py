"""``token [CONNECTION] [--json]``: a fresh access token on stdout, and nothing else.

For ``Authorization: Bearer $(main.py token acme)``. The common case touches only the index and
the keyring; the HTTP stack is imported only when a refresh is due.
"""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli.render import json_text
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import access_token
from qonto_desktop.connections.listing import find_connection


def run(desk: Desk, query: str | None, *, as_json: bool, out: TextIO) -> int:
    """Print a fresh access token of the connection ``query`` names (or the only one)."""
    connection = find_connection(desk, query)
    fresh = access_token(desk, connection.id)
    if as_json:
        payload = {
            "access_token": fresh.access_token,
            "token_type": "bearer",
            "expires_at": int(fresh.connection.access_expires_at),
            "connection": fresh.connection.id,
            "organization": fresh.connection.organization_name,
            "environment": fresh.connection.environment,
        }
        out.write(json_text(payload, indent=None) + "\n")
    else:
        out.write(fresh.access_token + "\n")
    return 0
