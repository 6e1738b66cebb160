"""``connect`` with user access: the companies' lines are display-safe; misuse stops early."""

from __future__ import annotations

import io

import pytest

from qonto_desktop.cli import connect
from qonto_desktop.cli.connect_companies import CompaniesWithoutUserAccessError, _line
from qonto_desktop.connections.companies import Company
from qonto_desktop.connections.company_pick import CompanyChoiceError
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.emulator import Emulator
from tests.support.user_access import user_access_desk


def run(desk: Desk, companies: str | None) -> int:
    request = ConnectRequest(environment="emulator", scopes=("openid",), timeout=5)
    return connect.run(
        desk,
        request,
        no_browser=True,
        companies=companies,
        stdin=io.StringIO(""),
        out=io.StringIO(),
        err=io.StringIO(),
    )


def test_a_company_line_carries_no_control_character() -> None:
    hostile = Company("id\x1b[2J", "Evil\n\x1b]0;pwned\x07 SARL", "\u202eLEGAL", "123 456 789", "x")
    line = _line(hostile)
    assert "\x1b" not in line
    assert "\n" not in line
    assert "\u202e" not in line
    assert "Evil" in line


def test_companies_without_user_access_stop_before_any_sign_in(
    desk: Desk, emulator: Emulator
) -> None:
    with pytest.raises(CompaniesWithoutUserAccessError):
        run(desk, "all")
    assert emulator.events["code_redeemed"] == 0


def test_a_malformed_choice_stops_before_any_sign_in(desk: Desk, emulator: Emulator) -> None:
    with pytest.raises(CompanyChoiceError):
        run(user_access_desk(desk, emulator), "a,,b")
    assert emulator.issued_secrets() == {
        emulator.confidential_client.client_secret,
        emulator.user_access_client.client_secret,
    }
    assert desk.index.load().connections == ()
