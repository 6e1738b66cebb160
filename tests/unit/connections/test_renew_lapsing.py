"""Renewing only what lapses soon (the window's keep-alive): the refresh token decides."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.fresh import renew_all
from qonto_desktop.connections.renew_due import KEEP_ALIVE_WITHIN, is_due, lapses_within
from qonto_desktop.emulator import Emulator
from tests.support.keep_alive import DAY, ageing, on_clock, revoke


def test_only_the_refresh_tokens_lapsing_within_the_window_are_renewed(
    desk: Desk, emulator: Emulator
) -> None:
    desk, clock = on_clock(desk)
    old, young, dying = ageing(desk, emulator, [40, 80, 3])
    clock.now += 2 * 3600  # every access token has lapsed: renewing them is not asked
    before = emulator.events["refreshed"]
    progress: list[tuple[int, int]] = []
    report = renew_all(
        desk,
        lapsing_within=KEEP_ALIVE_WITHIN,
        on_progress=lambda done, total, _: progress.append((done, total)),
    )
    outcome = {r.connection.id: (r.refreshed, r.error) for r in report.results}
    assert outcome == {old.id: (True, None), young.id: (False, None), dying.id: (True, None)}
    assert emulator.events["refreshed"] - before == 2
    assert progress == [(1, 3), (2, 3), (3, 3)]
    for renewed in (old, dying):  # 90 days again from now
        assert desk.index.get(renewed.id).refresh_expires_at == clock.now + 90 * DAY
    assert desk.index.get(young.id).refresh_expires_at == young.refresh_expires_at


def test_a_fresh_access_token_does_not_spare_a_lapsing_refresh_token(
    desk: Desk, emulator: Emulator
) -> None:
    desk, clock = on_clock(desk)
    (lapsing,) = ageing(desk, emulator, [20])
    # Just connected: its access token is fresh, so the default rule would renew nothing.
    assert not is_due(lapsing, clock.now)
    assert is_due(lapsing, clock.now, KEEP_ALIVE_WITHIN)
    (result,) = renew_all(desk, lapsing_within=KEEP_ALIVE_WITHIN).results
    assert result.refreshed
    assert result.error is None


def test_nothing_lapsing_sends_nothing(desk: Desk, emulator: Emulator) -> None:
    desk, clock = on_clock(desk)
    ageing(desk, emulator, [89, 70])
    clock.now += 2 * 3600
    before = emulator.events["refreshed"]
    report = renew_all(desk, lapsing_within=KEEP_ALIVE_WITHIN)
    assert [(r.refreshed, r.error) for r in report.results] == [(False, None)] * 2
    assert emulator.events["refreshed"] == before


def test_a_revoked_connection_is_marked_to_reconnect_kept_and_the_rest_go_on(
    desk: Desk, emulator: Emulator
) -> None:
    desk, _ = on_clock(desk)
    revoked, other = ageing(desk, emulator, [10, 10])
    revoke(desk, revoked)
    report = renew_all(desk, lapsing_within=KEEP_ALIVE_WITHIN)
    outcome = {r.connection.id: r for r in report.results}
    assert isinstance(outcome[revoked.id].error, NeedsReconnectError)
    assert not outcome[revoked.id].refreshed
    assert (outcome[other.id].refreshed, outcome[other.id].error) == (True, None)
    kept = desk.index.get(revoked.id)  # never deleted
    assert kept.state == "needs_reconnect"
    # Asked again, it is reported as to reconnect without asking Qonto again.
    refused = emulator.events["refresh_refused"]
    again = {r.connection.id: r for r in renew_all(desk, lapsing_within=KEEP_ALIVE_WITHIN).results}
    assert isinstance(again[revoked.id].error, NeedsReconnectError)
    assert emulator.events["refresh_refused"] == refused


def test_lapses_within_is_strict_and_needs_a_refresh_token(desk: Desk, emulator: Emulator) -> None:
    desk, clock = on_clock(desk)
    (connection,) = ageing(desk, emulator, [60])
    assert not lapses_within(connection, clock.now, 60 * DAY)
    assert lapses_within(connection, clock.now, 60 * DAY + 1)
    assert KEEP_ALIVE_WITHIN == 60 * DAY
