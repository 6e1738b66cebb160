"""The stage for the scale bench: N real connections, and a grant of its own for the floor.

On :func:`bench.staging.bare_desk` (GNOME Keyring on a private D-Bus session, the emulator),
N organizations are connected one by one through the real connect flow, with access tokens
that live :data:`DUE_LIFETIME` seconds: every one is due for refresh as soon as it is saved.
:meth:`ScaleStage.make_fresh` gives the emulator Qonto's hour back, for the tokens it issues from
then on. One more organization is connected into a desk of its own on a memory keyring: its
grant times bare refresh round trips (:meth:`FloorGrant.round_trip`) without touching the N.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bench.staging import DeskStage, bare_desk, command_env
from qonto_desktop.connections import token_pair
from qonto_desktop.connections.context import for_connection
from qonto_desktop.connections.keys import tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.oauth.tokens import TokenClient
from qonto_desktop.store.connection import Connection
from tests.support.desks import EVERYTHING, connect_one, make_desk
from tests.support.keyrings import MemoryKeyring

DUE_LIFETIME = 60.0  # seconds: under the app's 5-minute margin, so due at once, with no wait
QONTO_LIFETIME = 3600.0  # seconds: Qonto's access token lifetime
DEMO_ORGANIZATIONS = 3  # the emulator's own, before the generated ones
# What an accountant's connection is given: reading the bank data and downloading its receipts.
SCOPES = (*EVERYTHING, "attachment.read")


@dataclass
class FloorGrant:
    """A grant of the emulator's that nothing else uses: refreshed again and again."""

    client: TokenClient
    refresh_token: str
    scopes: tuple[str, ...]

    def round_trip(self) -> float:
        """Refresh once, keep the rotated refresh token, and return the wall-clock seconds."""
        started = time.perf_counter()
        tokens = self.client.refresh(self.refresh_token, previous_scopes=self.scopes)
        elapsed = time.perf_counter() - started
        if tokens.refresh_token:
            self.refresh_token = tokens.refresh_token
        return elapsed


@dataclass(frozen=True)
class ScaleStage:
    """N connections on a real keyring, the emulator, and what ``main.py`` needs to use them."""

    desk_stage: DeskStage
    env: dict[str, str]
    connections: tuple[Connection, ...]
    floor: FloorGrant
    connect_seconds: float  # connecting all N, one by one

    @property
    def emulator(self) -> Emulator:
        """The emulator playing Qonto."""
        return self.desk_stage.emulator

    @property
    def first_entry(self) -> str:
        """The keyring entry of the first connection's tokens."""
        return tokens_key(self.connections[0].id)

    def make_fresh(self) -> None:
        """Tokens issued from now on live an hour, as Qonto's do."""
        self.emulator.access_token_lifetime = QONTO_LIFETIME


def _floor_grant(stage: DeskStage, organization_id: str) -> FloorGrant:
    desk = make_desk(stage.root / "floor-home", stage.emulator, MemoryKeyring())
    connection = connect_one(desk, stage.emulator, organization_id=organization_id)
    refresh_token = token_pair.read(desk, connection).refresh
    if refresh_token is None:
        raise SystemExit("the floor's connection saved no refresh token")
    client = for_connection(desk, connection).token_client
    return FloorGrant(client, refresh_token, connection.scopes_granted)


@contextlib.contextmanager
def scaled(count: int, **emulator_options: Any) -> Iterator[ScaleStage]:
    """``count`` connections, every access token due; all of it ended afterwards.

    ``emulator_options`` go to :class:`Emulator` (the monthly-close bench's bank data).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    extra = max(0, count + 1 - DEMO_ORGANIZATIONS)  # and one for the floor's grant
    with bare_desk(extra_organizations=extra, **emulator_options) as stage:
        emulator = stage.emulator
        emulator.access_token_lifetime = DUE_LIFETIME
        started = time.monotonic()
        connections = []
        for number, organization in enumerate(emulator.organizations[:count], start=1):
            connection = connect_one(stage.desk, emulator, SCOPES, organization_id=organization.id)
            connections.append(connection)
            if number % 50 == 0:
                print(f"  connected {number} of {count}", file=sys.stderr, flush=True)
        connect_seconds = time.monotonic() - started
        floor = _floor_grant(stage, emulator.organizations[count].id)
        yield ScaleStage(stage, command_env(stage), tuple(connections), floor, connect_seconds)
