"""Amounts, dates, durations and statuses in the UI language (QLocale for en_GB and fr_FR)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from qonto_desktop.store.connection import Connection
from qonto_desktop.ui.formatting import DAY, date_time, days_left, money, time_left
from qonto_desktop.ui.panes.status import display_name, environment_label, status_of

NNBSP = "\u202f"  # French groups thousands with a narrow no-break space
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("cents", "language", "expected"),
    [
        (123_456, "en", "€1,234.56"),
        (123_456, "fr", f"1{NNBSP}234,56{NBSP}€"),
        (-123_456, "en", "-€1,234.56"),
        (-123_456, "fr", f"-1{NNBSP}234,56{NBSP}€"),
        (5, "fr", f"0,05{NBSP}€"),
        (100_000_000, "en", "€1,000,000.00"),
        (250, "en-US-unknown", "€2.50"),
    ],
)
def test_money_follows_the_language(
    qapp: QApplication, cents: int, language: str, expected: str
) -> None:
    assert money(cents, "EUR", language) == expected


def test_an_unknown_currency_shows_its_code(qapp: QApplication) -> None:
    assert money(1000, "CHF", "en") == "CHF10.00"


def test_dates_use_the_languages_month_names(qapp: QApplication) -> None:
    moment = time.mktime((2026, 2, 26, 17, 14, 0, 0, 0, -1))
    assert date_time(moment, "en") == "26 Feb 2026, 17:14"
    assert date_time(moment, "fr") == "26 févr. 2026, 17:14"
    assert date_time(None, "en") == "Never"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (-5, "expired"),
        (0, "expired"),
        (30, "in 1 min"),
        (59 * 60, "in 59 min"),
        (3 * 3600 + 10, "in 3 h"),
        (47 * 3600, "in 47 h"),
        (12 * DAY + 5, "in 12 days"),
        (1500 * DAY, "in 1,500 days"),
    ],
)
def test_time_left(qapp: QApplication, seconds: float, expected: str) -> None:
    assert time_left(seconds, "en") == expected


def test_days_left_singular_and_plural(qapp: QApplication) -> None:
    assert days_left(1, "en") == "1 day left"
    assert days_left(89, "en") == "89 days left"


def _connection(**changes: object) -> Connection:
    base = Connection(
        id="c1",
        environment="production",
        client_id="client",
        organization_id="org",
        organization_name="Lumière",
        organization_slug="lumiere",
        legal_name="LUMIERE",
        user_name="Camille",
        user_email="c@example.com",
        role="owner",
        subject=None,
        scopes_requested=("openid",),
        scopes_granted=("openid",),
        created_at=0.0,
        refreshed_at=None,
        verified_at=None,
        access_expires_at=NOW + 3600,
        refresh_expires_at=NOW + 80 * DAY,
        state="ok",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("changes", "words", "tone"),
    [
        ({}, "OK", "ok"),
        ({"state": "unverified"}, "Unverified", "unknown"),
        ({"state": "needs_reconnect"}, "Needs reconnecting", "error"),
        ({"refresh_expires_at": NOW + 5 * DAY + 60}, "Access ends in 5 days", "warning"),
        ({"refresh_expires_at": NOW + DAY + 60}, "Access ends in 1 day", "warning"),
        ({"refresh_expires_at": NOW + 600}, "Access ends today", "warning"),
        ({"refresh_expires_at": NOW - 1}, "Access expired", "error"),
        ({"refresh_expires_at": None}, "OK", "ok"),
    ],
)
def test_status_words_and_icon_shape(
    qapp: QApplication, changes: dict[str, object], words: str, tone: str
) -> None:
    status = status_of(_connection(**changes), NOW)
    assert (status.words, status.tone) == (words, tone)
    assert status.icon == f"status-{'unverified' if tone == 'unknown' else tone}"


def test_environment_badges_and_names(qapp: QApplication) -> None:
    labels = [environment_label(n) for n in ("production", "sandbox", "emulator", "custom")]
    assert labels == ["Production", "Sandbox", "Demo", "Custom"]
    assert display_name(_connection(organization_name="")) == "Unverified connection c1"


@pytest.mark.parametrize("cents", [10**17 + 1, 2**53 + 1, 999_999_999_999_999_99])
def test_money_keeps_every_cent_of_a_large_amount(qapp: QApplication, cents: int) -> None:
    """Beyond 2**53 a float drops cents: the amount must never pass through one."""
    shown = money(cents, "EUR", "en")
    digits = "".join(char for char in shown if char.isdigit())
    assert int(digits) == cents
