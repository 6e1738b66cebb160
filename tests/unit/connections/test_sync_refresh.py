"""A 401 during a sync refreshes through the real fresh-token use case, keyring and emulator."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.sync import sync
from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.store.connection import Connection
from tests.support.bank_data import account, transaction
from tests.support.desks import connect_one
from tests.support.fake_bank import FakeBank, readers
from tests.support.tokens import saved
from tests.support.user_access import connect_companies, user_access_desk


def test_qonto_refusing_the_saved_token_gets_a_refreshed_one(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    first = saved(desk, connection).access
    assert first is not None
    company = FakeBank([account("acc-1")])
    company.put(transaction(1))
    company.refuse = {first}
    tokens_seen: list[str] = []

    def readers(who: Connection, token: str) -> BankReader:
        tokens_seen.append(token)
        return company.reader(token)

    summary = sync(desk, readers=readers)
    assert summary.clients[0].outcome == "done"
    assert summary.clients[0].new == 1
    assert tokens_seen[0] == first
    assert tokens_seen[1] != first
    assert saved(desk, connection).access == tokens_seen[1]  # rotated and kept
    assert desk.index.get(connection.id).state == "ok"


def test_companies_sharing_a_grant_refresh_it_once_for_all(desk: Desk, emulator: Emulator) -> None:
    user_desk = user_access_desk(desk, emulator)
    companies = connect_companies(user_desk, emulator)
    assert len(companies) >= 2
    first = saved(user_desk, companies[0]).access
    assert first is not None
    banks = {}
    for company in companies:
        bank = FakeBank([account("acc-1")])
        bank.put(transaction(1))
        bank.refuse = {first}
        banks[company.id] = bank

    summary = sync(user_desk, readers=readers(banks), pool_size=len(companies))
    assert [c.outcome for c in summary.clients] == ["done"] * len(companies)
    # One rotation: every company read with the first token or the one now saved, never with
    # a token rotated away (a company starting late may get the new one at once).
    final = saved(user_desk, companies[0]).access
    assert final not in (None, first)
    for bank in banks.values():
        assert bank.tokens_used[-1] == final
        assert set(bank.tokens_used) <= {first, final}
