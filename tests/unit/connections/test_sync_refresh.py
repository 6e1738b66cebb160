"""A 401 during a sync refreshes through the real fresh-token use case, keyring and emulator."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.sync import sync
from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.store.connection import Connection
from tests.support.bank_data import account, transaction
from tests.support.desks import connect_one
from tests.support.fake_bank import FakeBank
from tests.support.tokens import saved


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
