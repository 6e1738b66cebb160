"""A grant's two tokens in one keyring entry, and connections saved in the two entries of before:
read as they are, moved to one entry at their next save, removed in either layout."""

from __future__ import annotations

import pytest

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import disconnect
from qonto_desktop.connections.fresh import access_token, refresh
from qonto_desktop.connections.shared_grant import access_key, pair_key, refresh_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import SecretDamagedError
from tests.support.desks import connect_one
from tests.support.issued_tokens import api_accepts
from tests.support.tokens import none_left, saved


def as_before(desk: Desk, connection: Connection) -> token_pair.Tokens:
    """Lay the connection's tokens out as 0.2.0 and earlier did: two entries, no pair."""
    tokens = saved(desk, connection)
    assert tokens.access
    assert tokens.refresh
    desk.secrets.delete(pair_key(connection))
    desk.secrets.set(refresh_key(connection), tokens.refresh)
    desk.secrets.set(access_key(connection), tokens.access)
    return tokens


def test_the_entry_holds_both_tokens_and_reads_back_the_same() -> None:
    text = token_pair.encode("ory_at_a", "ory_rt_r")
    assert token_pair.encode("ory_at_a", "ory_rt_r") == text  # same tokens, same bytes
    tokens = token_pair.decode(text, key="conn/x/tokens")
    assert (tokens.access, tokens.refresh, tokens.raw, tokens.split) == (
        "ory_at_a",
        "ory_rt_r",
        text,
        False,
    )


@pytest.mark.parametrize("text", ["ory_at_plain", "[1, 2]", '{"access_token": 3}', "{"])
def test_an_entry_this_app_did_not_write_is_damaged_never_a_token(text: str) -> None:
    with pytest.raises(SecretDamagedError):
        token_pair.decode(text, key="conn/x/tokens")


def test_a_new_connection_keeps_its_tokens_in_one_entry(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    assert desk.secrets.get(pair_key(connection)) is not None
    assert desk.secrets.get(refresh_key(connection)) is None
    assert desk.secrets.get(access_key(connection)) is None


def test_a_connection_saved_before_is_read_then_moved_at_its_next_refresh(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    before = as_before(desk, connection)
    assert saved(desk, connection).split
    assert access_token(desk, connection.id).access_token == before.access  # read as it is
    fresh = refresh(desk, connection.id)
    assert api_accepts(emulator, fresh.access_token)
    moved = saved(desk, connection)
    assert not moved.split
    assert moved.refresh not in (None, before.refresh)
    assert desk.secrets.get(refresh_key(connection)) is None
    assert desk.secrets.get(access_key(connection)) is None


def test_disconnecting_a_connection_saved_before_leaves_no_entry(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    before = as_before(desk, connection)
    disconnect(desk, connection.id)
    assert none_left(desk, connection)
    assert emulator.events["refresh_refused"] == 0
    assert not api_accepts(emulator, before.access or "")  # revoked with the grant
