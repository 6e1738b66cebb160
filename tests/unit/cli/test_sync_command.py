"""``sync``: one line per client or a ``--json`` summary, progress only on a terminal."""

from __future__ import annotations

import io
import json

import pytest

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli import sync as sync_command
from qonto_desktop.connections import sync as sync_use_case
from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from tests.support.bank_data import account, transaction
from tests.support.desks import connect_one
from tests.support.fake_bank import FakeBank, readers


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def company(desk: Desk, emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Connection:
    connection = connect_one(desk, emulator)
    bank = FakeBank([account("acc-1")])
    for number in range(5):
        bank.put(transaction(number))
    monkeypatch.setattr(sync_use_case, "qonto_readers", lambda _: readers({connection.id: bank}))
    return connection


def test_sync_all_prints_one_line_per_client_and_no_progress_when_piped(
    desk: Desk, company: Connection
) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert sync_command.run(desk, [], every=True, as_json=False, out=out, err=err) == 0
    assert out.getvalue().endswith(": up to date (5 new, 0 changed, 1 account)\n")
    assert err.getvalue() == ""


def test_progress_goes_to_a_terminal(desk: Desk, company: Connection) -> None:
    out, err = io.StringIO(), Terminal()
    assert sync_command.run(desk, [company.id], every=False, as_json=False, out=out, err=err) == 0
    assert "5 of 5 transactions" in err.getvalue()
    assert "1 of 1 clients synced" in err.getvalue()


def test_json_summary(desk: Desk, company: Connection) -> None:
    out, err = io.StringIO(), Terminal()
    assert sync_command.run(desk, [company.id], every=False, as_json=True, out=out, err=err) == 0
    data = json.loads(out.getvalue())
    assert data["problem"] is None
    (client,) = data["clients"]
    assert client == {
        "id": company.id,
        "name": company.display_name,
        "outcome": "done",
        "accounts": 1,
        "new": 5,
        "changed": 0,
        "error": None,
    }
    assert err.getvalue() == ""  # no progress with --json


@pytest.mark.parametrize(("names", "every"), [([], False), (["x"], True)])
def test_names_or_all_but_not_both(desk: Desk, names: list[str], every: bool) -> None:
    err = io.StringIO()
    code = sync_command.run(desk, names, every=every, as_json=False, out=io.StringIO(), err=err)
    assert code == exit_codes.USAGE
    assert "--all" in err.getvalue()
