"""What a firm's list asks of a connection: what needs attention, what a search matches."""

from __future__ import annotations

import pytest

from qonto_desktop.connections.roster import Search, attention, compact, last_balance, search_keys
from qonto_desktop.store.connection import AccountSummary
from tests.support.connections import sample

NOW = 1_800_000_000.0
DAY = 86400.0


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"state": "needs_reconnect"}, "reconnect"),
        ({"refresh_expires_at": NOW - 1}, "reconnect"),  # lapsed, whatever the state says
        ({"state": "unverified"}, "failing"),
        ({"refresh_expires_at": NOW + 13.9 * DAY}, "ending"),
        ({"refresh_expires_at": NOW + 14.1 * DAY}, None),
        ({"refresh_expires_at": None}, None),
    ],
)
def test_what_needs_attention(changes: dict[str, object], reason: str | None) -> None:
    connection = sample(**{"refresh_expires_at": NOW + 60 * DAY, **changes})
    assert attention(connection, NOW) == reason


def test_the_last_balance_is_the_qonto_total_with_when_it_was_read() -> None:
    assert last_balance(sample()) == (123_456 - 5, "EUR", 1_700_000_050.25)
    assert last_balance(sample(verified_at=None)) is None
    unknown = AccountSummary("Main", "FR76 •••• •••• 1234", "EUR", None, main=True)
    assert last_balance(sample(accounts=(unknown,))) is None


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("", True),
        ("acme", True),
        ("ACME bakery sas", True),  # every word, in any field, any case
        ("bakery acme", True),
        ("acme lumière", False),
        ("552 100 554", True),  # the SIREN with its usual spaces
        ("552100554", True),
        ("5521", True),
        ("1234", True),  # an IBAN's last digits
        ("12 34", True),
        ("FR76 •••• •••• 9876", True),  # a masked IBAN copied from the app
        ("FR7630004000031234567890143", False),  # a whole IBAN whose end is another's
        ("FR76 3000 4000 0312 3456 7890 1234", True),
        ("9999", False),
    ],
)
def test_what_a_search_matches(typed: str, found: bool) -> None:
    keys = search_keys(sample(legal_number="552100554"))
    assert Search.of(typed).matches(keys) is found


def test_the_search_never_sees_more_of_an_iban_than_its_masked_ends() -> None:
    keys = search_keys(sample())
    assert keys.ibans == (("FR76", "1234"), ("FR76", "9876"))
    assert "••" not in keys.words


def test_compact_drops_spaces_dots_and_dashes() -> None:
    assert compact(" 552.100-554 ") == "552100554"
