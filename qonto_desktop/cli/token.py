"""``token [CONNECTION] [--json]``: a fresh access token on stdout, and nothing else.

For ``Authorization: Bearer $(main.py token acme)``. The common case reads the index once and
the keyring once, through the backend the connection names (no keyring discovery); the HTTP
stack is imported only when a refresh is due.
"""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli.json_output import json_text
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import access_token_of


def run(desk: Desk, query: str | None, *, as_json: bool, out: TextIO) -> int:
    """Print a fresh access token of the connection ``query`` names (or the only one)."""
    fresh = access_token_of(desk, query)  # one index read, one keyring read when cached
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
