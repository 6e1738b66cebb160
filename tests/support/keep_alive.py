"""Clients whose refresh tokens are of different ages, on a clock the test moves.

For the keep-alive's tests: ``ageing(desk, emulator, days_left)`` connects one client per entry
of ``days_left`` and sets how many days its refresh token has left, as if each had last been
renewed at a different time.
"""

from __future__ import annotations

from dataclasses import replace

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from tests.support.desks import connect_one
from tests.support.tokens import set_refresh

DAY = 86400.0


class Clock:
    """A clock the test moves; waiting on the desk moves it too, as time would."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


def on_clock(desk: Desk) -> tuple[Desk, Clock]:
    """The desk on a clock of its own, starting now."""
    clock = Clock(desk.now())
    return replace(desk, now=clock, pause=clock.pause), clock


def ageing(desk: Desk, emulator: Emulator, days_left: list[float]) -> list[Connection]:
    """One connected client per entry, its refresh token lapsing in that many days."""
    connections = []
    for place, days in enumerate(days_left):
        connection = connect_one(desk, emulator, organization_id=emulator.organizations[place].id)
        (saved,) = desk.index.update_all(
            [connection.id], refresh_expires_at=desk.now() + days * DAY
        )
        connections.append(saved)
    return connections


def revoke(desk: Desk, connection: Connection) -> None:
    """Make Qonto refuse the connection's refresh token (``invalid_grant``), as a revocation."""
    set_refresh(desk, connection, "ory_rt_revoked-or-made-up")
