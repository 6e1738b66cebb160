"""Fresh tokens: cached while valid, refreshed before expiry, rotated tokens kept, crash-safe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.fresh import access_token, refresh, refresh_all
from qonto_desktop.connections.freshness import REFRESH_MARGIN
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import OutcomeUnknownError, ServiceUnavailableError
from tests.support.desks import connect_one, make_desk
from tests.support.issued_tokens import api_accepts
from tests.support.keyrings import MemoryKeyring
from tests.support.tokens import saved, set_refresh

# One second more than the margin: fresh for a moment, then due for a refresh.
SHORT_LIFETIME = REFRESH_MARGIN + 1


@pytest.fixture
def short_lived() -> Iterator[Emulator]:
    """An emulator whose access tokens are due for refresh almost at once."""
    with Emulator(consent_mode="approve", access_token_lifetime=SHORT_LIFETIME) as running:
        yield running


def test_a_valid_token_is_served_from_the_keyring(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    first = access_token(desk, connection.id)
    second = access_token(desk, connection.id)
    assert first.access_token == second.access_token
    assert emulator.events["refreshed"] == 0
    assert api_accepts(emulator, first.access_token)


def test_a_token_about_to_expire_is_refreshed_and_the_rotation_kept(
    app_home: Path, short_lived: Emulator
) -> None:
    desk = make_desk(app_home, short_lived, MemoryKeyring())
    clock = [desk.now()]
    desk = _with_clock(desk, clock)
    connection = connect_one(desk, short_lived)
    old_refresh = saved(desk, connection).refresh
    clock[0] += 2  # now less than the margin is left
    fresh = access_token(desk, connection.id)
    assert short_lived.events["refreshed"] == 1
    assert api_accepts(short_lived, fresh.access_token)
    assert saved(desk, connection).refresh != old_refresh
    recorded = desk.index.get(connection.id)
    assert recorded.refreshed_at == clock[0]
    assert recorded.access_expires_at == pytest.approx(clock[0] + SHORT_LIFETIME, abs=1)


def test_invalid_grant_marks_the_connection_and_is_never_retried(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    set_refresh(desk, connection, "ory_rt_revoked-or-made-up")
    with pytest.raises(NeedsReconnectError):
        refresh(desk, connection.id)
    assert desk.index.get(connection.id).state == "needs_reconnect"
    assert emulator.events["refresh_refused"] == 1
    with pytest.raises(NeedsReconnectError):
        access_token(desk, connection.id)
    with pytest.raises(NeedsReconnectError):
        refresh(desk, connection.id)
    assert (
        emulator.events["refresh_refused"] == 2
    )  # an explicit refresh asks once more; token never


def test_refresh_all_renews_what_needs_it_and_goes_on_after_a_failure(
    desk: Desk, emulator: Emulator
) -> None:
    fresh = connect_one(desk, emulator)
    ageing = connect_one(desk, emulator, organization_id=emulator.organizations[1].id)
    broken = connect_one(desk, emulator, organization_id=emulator.organizations[2].id)
    short = connect_one(desk, emulator, ("openid",))  # unverified, no refresh token
    for connection in (ageing, broken):  # refresh tokens 13 days from their end
        desk.index.update(connection.id, refresh_expires_at=desk.now() + 13 * 86400)
    set_refresh(desk, broken, "ory_rt_made-up")
    results = {result.connection.id: result for result in refresh_all(desk)}
    assert (results[fresh.id].refreshed, results[fresh.id].error) == (False, None)
    assert (results[ageing.id].refreshed, results[ageing.id].error) == (True, None)
    assert isinstance(results[broken.id].error, NeedsReconnectError)
    assert isinstance(results[short.id].error, NoRefreshTokenError)
    assert emulator.events["refreshed"] == 1


STEPS = ["token answer received", "tokens saved", "index written"]


class CrashError(Exception):
    """The process dies here."""


@pytest.mark.parametrize("step", STEPS)
def test_a_crash_at_any_step_of_a_refresh_loses_nothing(
    app_home: Path, short_lived: Emulator, step: str
) -> None:
    backend = MemoryKeyring()  # survives the "crash", as the OS keyring would

    def crash_at(reached: str) -> None:
        if reached == step:
            raise CrashError(step)

    crashing = make_desk(app_home, short_lived, backend)
    connection = connect_one(crashing, short_lived)
    with pytest.raises(CrashError):
        refresh(crashing, connection.id, checkpoint=crash_at)
    restarted = make_desk(app_home, short_lived, backend)  # a new process, same keyring and files
    fresh = access_token(restarted, connection.id)
    assert api_accepts(short_lived, fresh.access_token)
    again = refresh(restarted, connection.id)  # and it keeps working afterwards
    assert api_accepts(short_lived, again.access_token)
    assert restarted.index.get(connection.id).state == "ok"
    assert short_lived.events["refresh_refused"] == 0


def _with_clock(desk: Desk, clock: list[float]) -> Desk:
    """The desk on a clock the test moves; waiting moves it too, as time would."""
    from dataclasses import replace

    def pause(seconds: float) -> None:
        clock[0] += seconds

    return replace(desk, now=lambda: clock[0], pause=pause)


def test_a_refused_refresh_keeps_the_current_token_usable(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    emulator.faults.set("token", Fault(status=503, times=1))
    with pytest.raises(ServiceUnavailableError):
        refresh(desk, connection.id)
    assert desk.index.get(connection.id).access_expires_at == connection.access_expires_at
    cached = access_token(desk, connection.id)  # still served, no refresh needed
    assert api_accepts(emulator, cached.access_token)
    assert emulator.events["refreshed"] == 0


def test_a_refresh_lost_in_transit_is_redone_next_time(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    emulator.faults.set("token", Fault(drop=True, times=1))
    with pytest.raises(OutcomeUnknownError):
        refresh(desk, connection.id)
    fresh = access_token(desk, connection.id)  # the old token may be dead: refresh again
    assert emulator.events["refreshed"] == 1
    assert api_accepts(emulator, fresh.access_token)
