"""The demo firm: an accountant's 40 client companies, connected at once, a few needing attention.

The emulator plays Qonto with the three demo companies and 37 more (French names, valid SIRENs
and IBANs, balances); one user-access sign-in, approved by the emulator itself, connects them
all through the real flow, so every action of the window works on them. Then six are given
what a real firm always has: two to reconnect, three whose access ends within 14 days, and one
that could not be checked.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass

import requests

from qonto_desktop.connections.companies import sign_in
from qonto_desktop.connections.company_grant import add_companies
from qonto_desktop.connections.connect import ConnectRequest
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.shared_grant import access_key, pair_key, refresh_key
from qonto_desktop.emulator.data import DEMO_ORGANIZATIONS
from qonto_desktop.i18n.message import N_
from qonto_desktop.qonto import scopes
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

FIRM_SIZE = 40
EXTRA_COMPANIES = FIRM_SIZE - len(DEMO_ORGANIZATIONS)
DAY = 86400.0
WITHDRAWN = N_("the company's manager withdrew the access in Qonto")
NOT_CHECKED = N_("Qonto did not answer when the company was last checked")


@dataclass(frozen=True)
class Trouble:
    """What one company of the firm is given after connecting, by its place in the list."""

    place: int
    state: str = "ok"
    reason: str | None = None
    days_left: float | None = None


# Spread through the list, so that sorting and the filter have something to do.
TROUBLES = (
    Trouble(6, state="needs_reconnect", reason=WITHDRAWN),
    Trouble(21, state="needs_reconnect", reason=WITHDRAWN),
    Trouble(3, days_left=2.5),
    Trouble(14, days_left=6.5),
    Trouble(30, days_left=11.5),
    Trouble(26, state="unverified", reason=NOT_CHECKED),
)


def connect_firm(desk: Desk, environment: str, *, language: str = "en") -> tuple[Connection, ...]:
    """Connect every company of the demo firm in one sign-in the emulator approves by itself.

    ``desk`` must be registered for user access on the emulator (demo mode's firm desk).

    Raises:
        QontoDesktopError: as :func:`qonto_desktop.connections.companies.sign_in`.
    """
    request = ConnectRequest(environment, scopes.DEFAULT_SCOPES, language=language, timeout=60)
    choice = sign_in(desk, request, _approve_in_background)
    connected = add_companies(desk, choice, choice.companies)
    log.info("demo firm: %d companies connected", len(connected))
    return _with_troubles(desk, connected)


def forget_firm(desk: Desk) -> None:
    """Remove a previous demo firm's connections and their keyring entries from ``desk``."""
    for connection in desk.index.load().connections:
        for key in {pair_key(connection), refresh_key(connection), access_key(connection)}:
            desk.secrets.delete(key)
        desk.index.remove(connection.id)


def _with_troubles(desk: Desk, connected: tuple[Connection, ...]) -> tuple[Connection, ...]:
    by_id = {connection.id: connection for connection in connected}
    ordered = sorted(connected, key=lambda c: c.organization_name.casefold())
    now = desk.now()
    for trouble in TROUBLES:
        if trouble.place >= len(ordered):
            continue
        changes: dict[str, object] = {}
        if trouble.state != "ok":
            changes.update(state=trouble.state, state_reason=trouble.reason)
        if trouble.days_left is not None:
            changes["refresh_expires_at"] = now + trouble.days_left * DAY
        target = ordered[trouble.place]
        by_id[target.id] = desk.index.update(target.id, **changes)
    return tuple(by_id[connection.id] for connection in connected)


def _approve_in_background(url: str) -> bool:
    """Open the sign-in page as a browser would: the emulator approves and redirects back."""
    threading.Thread(target=_load, args=(url,), name="demo-firm-sign-in", daemon=True).start()
    return True


def _load(url: str) -> None:
    with contextlib.suppress(requests.RequestException):  # the receiver reports any failure
        requests.get(url, timeout=60)
