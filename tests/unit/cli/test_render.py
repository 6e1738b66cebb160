"""How connections read in a terminal, and which exit code each kind of failure gets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.render import connection_data, describe_connection, json_text, remaining
from qonto_desktop.cli.self_test import render as render_checks
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.self_test import Check
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import NetworkError, OutcomeUnknownError, RateLimitedError
from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.store.errors import KeyringLockedError, NoSecureStorageError
from qonto_desktop.store.index_errors import AmbiguousError, NotFoundError

NOW = 1_800_000_000.0
DAY = 86400.0

CONNECTION = Connection(
    id="a1b2c3d4e5f6",
    environment="production",
    client_id="client",
    organization_id="0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b",
    organization_name="Boulangerie Martin",
    organization_slug="boulangerie-martin",
    legal_name="BOULANGERIE MARTIN",
    user_name="Camille Lefèvre",
    user_email="camille@example.test",
    role="accountant",
    subject="user-1",
    scopes_requested=("offline_access", "organization.read", "attachment.read"),
    scopes_granted=("offline_access", "organization.read"),
    created_at=NOW - 10 * DAY,
    refreshed_at=NOW - DAY,
    verified_at=NOW - DAY,
    access_expires_at=NOW + 1800,
    refresh_expires_at=NOW + 80 * DAY,
    state="ok",
    accounts=(AccountSummary("Compte principal", "FR76 •••• •••• 1234", "EUR", 123456, True),),
)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (-1, "expired"),
        (0, "expired"),
        (59, "in 0 min"),
        (1800, "in 30 min"),
        (7200, "in 2 h"),
        (3 * DAY, "in 3 days"),
    ],
)
def test_remaining(seconds: float, words: str) -> None:
    assert remaining(seconds) == words


def test_a_connection_in_words() -> None:
    text = describe_connection(CONNECTION, NOW)
    assert "Boulangerie Martin  [production]  OK" in text
    assert "signed in as Camille Lefèvre (accountant)" in text
    assert "asked for but not granted: attachment.read" in text
    assert "(in 30 min)" in text
    assert "refresh token: 80 days left" in text
    assert "refresh or reconnect soon" not in text
    assert "FR76 •••• •••• 1234" in text
    assert "€1,234.56" in text


def test_a_refresh_token_close_to_its_end_is_flagged() -> None:
    soon = replace(CONNECTION, refresh_expires_at=NOW + 5 * DAY)
    assert "5 days left  <- refresh or reconnect soon" in describe_connection(soon, NOW)
    assert connection_data(soon, NOW)["refresh_expiring_soon"] is True


def test_a_connection_needing_reconnection_says_why() -> None:
    broken = replace(CONNECTION, state="needs_reconnect", state_reason="its refresh token expired")
    assert "needs reconnecting: its refresh token expired" in describe_connection(broken, NOW)


def test_json_data_is_complete_and_carries_no_secret() -> None:
    data = connection_data(CONNECTION, NOW)
    text = json.dumps(data)
    assert data["organization"]["name"] == "Boulangerie Martin"
    assert data["scopes_granted"] == ["offline_access", "organization.read"]
    assert data["accounts"][0]["iban"] == "FR76 •••• •••• 1234"
    assert 'token":' not in text


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (NeedsReconnectError("Acme"), exit_codes.NEEDS_RECONNECT),
        (NoSecureStorageError(), exit_codes.NO_SECURE_STORAGE),
        (KeyringLockedError(), exit_codes.NO_SECURE_STORAGE),
        (NetworkError(), exit_codes.NETWORK),
        (OutcomeUnknownError(), exit_codes.NETWORK),
        (RateLimitedError(), exit_codes.NETWORK),
        (NotFoundError("x"), exit_codes.NOT_FOUND),
        (AmbiguousError("x", (CONNECTION, CONNECTION)), exit_codes.NOT_FOUND),
    ],
)
def test_each_kind_of_failure_has_its_exit_code(error: QontoDesktopError, code: int) -> None:
    assert exit_codes.exit_code(error) == code


def test_accounts_at_another_bank_are_marked_and_not_in_the_qonto_total() -> None:
    accounts = (
        AccountSummary("Main", "FR76 •••• •••• 1234", "EUR", 100_00, True),
        AccountSummary("Taxes", "FR76 •••• •••• 5678", "EUR", 50_00, False),
        AccountSummary("Elsewhere", "", "EUR", 1_000_00, False, external=True),
    )
    text = describe_connection(replace(CONNECTION, accounts=accounts), NOW)
    (total,) = [line for line in text.splitlines() if "Total at Qonto" in line]
    assert total.endswith("€150.00")  # not €1,150.00
    (elsewhere,) = [line for line in text.splitlines() if "Elsewhere" in line]
    assert elsewhere.endswith("(at another bank)")
    assert "€1,000.00" in elsewhere
    data = connection_data(replace(CONNECTION, accounts=accounts), NOW)
    assert data["qonto_total_cents"] == 150_00
    assert [a["external"] for a in data["accounts"]] == [False, False, True]


def test_an_unknown_balance_makes_no_total() -> None:
    accounts = (
        AccountSummary("Main", "FR76 •••• •••• 1234", "EUR", None, True),
        AccountSummary("Taxes", "FR76 •••• •••• 5678", "EUR", 50_00, False),
    )
    text = describe_connection(replace(CONNECTION, accounts=accounts), NOW)
    assert "balance not shown" in text
    assert "Total at Qonto" not in text


def test_an_account_name_from_qonto_cannot_fake_a_line() -> None:
    hostile = AccountSummary("Evil\x1b]0;title\x07\n  live check: ok", "", "EUR", 1, False)
    text = describe_connection(replace(CONNECTION, accounts=(hostile,)), NOW)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert not any(line.startswith("  live check") for line in text.splitlines())


def test_a_hostile_connection_is_one_safe_line_per_fact() -> None:
    hostile = replace(
        CONNECTION,
        organization_name="Acme\n✓ Token OK\x1b]0;pwned\x07",
        user_name="\u202eCamille",
        role="x" * 10_000,
        accounts=(AccountSummary("Compte\r\nTotal", "FR76 •••• 1234", "EUR", 1, True),),
    )
    lines = describe_connection(hostile, NOW).split("\n")
    assert lines[0].startswith("Acme\\n✓ Token OK\\x1b]0;pwned\\x07  [production]")
    assert "✓ Token OK" not in lines[1:]
    assert not any(line.startswith("✓") for line in lines)
    assert all(line.isprintable() for line in lines)
    assert all(len(line) < 300 for line in lines)
    assert any("Compte\\r\\nTotal" in line for line in lines)
    assert any("signed in as Camille (" in line for line in lines)


def test_json_text_escapes_what_a_terminal_acts_on_and_keeps_the_data() -> None:
    name = "Acme\x1b[2J\x85\u2028\u202eé\U000e0041\ud800"
    text = json_text({"name": name, "n": [1, 2]})
    assert all(line.isprintable() for line in text.split("\n"))
    assert "é" in text  # readable UTF-8 stays
    assert json.loads(text) == {"name": name, "n": [1, 2]}
    assert "\n" not in json_text({"name": name}, indent=None)


def test_a_self_test_detail_quoting_the_system_is_one_safe_line() -> None:
    check = Check("keyring", False, "D-Bus said:\n\x1b[2Jlocked" + "z" * 5_000, "Unlock\rit")
    lines = render_checks([check]).rstrip("\n").split("\n")
    assert len(lines) == 3  # the check, its advice, the verdict
    assert all(line.isprintable() for line in lines)
    assert lines[0].startswith("FAILED  keyring: D-Bus said:\\n\\x1b[2Jlocked")
    assert len(lines[0]) < 500
    assert lines[1] == "        -> Unlock\\rit"
