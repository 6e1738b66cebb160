"""Keyring work in proportion: what one refresh and one cached token cost in keyring calls.

A refresh reads the refresh token, saves the rotated one with its read-back (it protects the
connection), and saves the access token in two calls (renewable: neither read back nor its old
value kept): 8 calls, 10 before. A cached token is one read.
"""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import access_token, refresh
from qonto_desktop.emulator import Emulator
from tests.conftest import Figure
from tests.support.desks import connect_one


def test_one_refresh_makes_eight_keyring_calls(
    desk: Desk, emulator: Emulator, figure: Figure
) -> None:
    connection = connect_one(desk, emulator)
    before = desk.secrets.keyring_calls
    refresh(desk, connection.id)
    calls = desk.secrets.keyring_calls - before
    figure("keyring calls per refresh", calls)
    # The refresh token read (1), the rotated one saved (4: what was there, the head, the
    # read-back, a look for stale chunks), the access token saved (2: the head, that look).
    assert calls == 8
    assert emulator.events["refreshed"] == 1


def test_a_cached_token_is_one_keyring_read(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    before = desk.secrets.keyring_calls
    access_token(desk, connection.id)
    assert desk.secrets.keyring_calls - before == 1
