"""Per-IP rate limits (429), and the switches: latency, 503s, 429 storms, ``Retry-After``."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
import requests

from qonto_desktop.emulator import Emulator, Fault, ManualClock
from qonto_desktop.emulator.rate_limits import QONTO_LIMITS
from tests.support.bank_calls import bank_get, bank_token


@pytest.fixture
def limited(clock: ManualClock) -> Iterator[Emulator]:
    """An emulator allowing 3 requests per 10 s and 5 per 10 min."""
    with Emulator(clock=clock, rate_limits=((3, 10.0), (5, 600.0))) as running:
        yield running


def statuses(emulator: Emulator, token: str, count: int) -> list[int]:
    return [bank_get(emulator, "/v2/bank_accounts", token).status_code for _ in range(count)]


def test_qontos_documented_limits_are_the_default() -> None:
    assert QONTO_LIMITS == ((1_000, 10.0), (10_000, 600.0))
    assert Emulator().rate_limits == QONTO_LIMITS


def test_both_windows_answer_429_until_they_slide(limited: Emulator, clock: ManualClock) -> None:
    token = bank_token(limited)
    assert statuses(limited, token, 4) == [200, 200, 200, 429]
    clock.advance(10)
    assert statuses(limited, token, 3) == [200, 200, 429]  # the 10-minute window is full
    clock.advance(590)
    assert statuses(limited, token, 1) == [200]


def test_the_429_is_in_qontos_error_shape_without_retry_after_by_default(
    limited: Emulator,
) -> None:
    token = bank_token(limited)
    statuses(limited, token, 3)
    refused = bank_get(limited, "/v2/organization", token)
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["code"] == "too_many_requests"
    assert "Retry-After" not in refused.headers
    limited.bank_switches.retry_after = 7
    assert bank_get(limited, "/v2/organization", token).headers["Retry-After"] == "7"


def test_a_429_storm_answers_the_next_n_calls(emulator: Emulator) -> None:
    token = bank_token(emulator)
    emulator.bank_switches.storm(2)
    assert statuses(emulator, token, 3) == [429, 429, 200]


def test_503_on_the_next_n_calls_or_a_fraction(emulator: Emulator) -> None:
    token = bank_token(emulator)
    emulator.bank_switches.server_errors(2)
    assert statuses(emulator, token, 3) == [503, 503, 200]
    emulator.bank_switches.server_error_fraction = 0.5
    answered = statuses(emulator, token, 40)
    assert 8 <= answered.count(503) <= 32
    assert answered.count(200) >= 8
    emulator.bank_switches.clear()
    assert statuses(emulator, token, 5) == [200] * 5


def test_latency_delays_every_call(emulator: Emulator) -> None:
    token = bank_token(emulator)
    emulator.bank_switches.latency = 0.3
    started = time.monotonic()
    assert statuses(emulator, token, 2) == [200, 200]
    assert time.monotonic() - started >= 0.6


def test_switch_counts_must_not_be_negative(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="negative"):
        emulator.bank_switches.storm(-1)


def status_from(emulator: Emulator, address: str, token: str) -> int:
    """A request's status, sent from another loopback address than 127.0.0.1."""
    with socket.socket() as raw:
        raw.settimeout(10)
        raw.bind((address, 0))
        raw.connect(("127.0.0.1", emulator.port))
        request = (
            f"GET /v2/bank_accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
            "Connection: close\r\n\r\n"
        )
        raw.sendall(request.encode())
        first = raw.recv(64)
    return int(first.split()[1])


def test_each_ip_address_has_its_own_limits(limited: Emulator) -> None:
    token = bank_token(limited)
    statuses(limited, token, 5)
    assert statuses(limited, token, 1) == [429]
    assert status_from(limited, "127.0.0.2", token) == 200


def test_per_endpoint_faults_reach_the_bank_calls_and_downloads(emulator: Emulator) -> None:
    token = bank_token(emulator)
    emulator.faults.set("bank_accounts", Fault(status=500, times=1))
    assert statuses(emulator, token, 2) == [500, 200]
    emulator.faults.set("files", Fault(drop=True, times=1))
    url = bank_get(emulator, "/v2/statements", token).json()["statements"][0]["file"]["file_url"]
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url, timeout=10)
    assert requests.get(url, timeout=10).status_code == 200
