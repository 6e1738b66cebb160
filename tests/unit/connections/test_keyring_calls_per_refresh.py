"""Keyring work in proportion: what one refresh and one cached token cost in keyring calls.

A refresh reads the grant's tokens (one entry for both), then saves the rotated ones in their
place with the read-back: 3 jobs on the keyring worker with the registration's client secret (the
write and its read-back are one job), 4 before, 8 before that and 10 before that. A cached token
is one read.
"""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import access_token, refresh
from qonto_desktop.emulator import Emulator
from tests.conftest import Figure
from tests.support.desks import connect_one


def test_one_refresh_makes_three_keyring_jobs(
    desk: Desk, emulator: Emulator, figure: Figure
) -> None:
    connection = connect_one(desk, emulator)
    before = desk.secrets.keyring_calls
    refresh(desk, connection.id)
    calls = desk.secrets.keyring_calls - before
    figure("keyring calls per refresh", calls)
    # The tokens read (1), the registration's client secret (1; a batch reads it once for
    # all), the rotated ones saved in their place (1: the head and its read-back, one job).
    # Inline before and after: no look for chunks.
    assert calls == 3
    assert emulator.events["refreshed"] == 1


def test_a_cached_token_is_one_keyring_read(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    before = desk.secrets.keyring_calls
    access_token(desk, connection.id)
    assert desk.secrets.keyring_calls - before == 1
