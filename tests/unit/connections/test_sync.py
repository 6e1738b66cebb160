"""Sync into the mirror: incremental, corrections, cancel and resume, 401s, 403s, progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.sync import CancelToken, SyncEvent, sync
from qonto_desktop.connections.sync_model import Done, Failed, Syncing, Waiting
from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from tests.support.bank_data import START, account, transaction
from tests.support.connections import sample
from tests.support.fake_bank import FakeBank, FakeTokens, readers
from tests.support.keyrings import MemoryKeyring

LATER = START.replace(year=2027)


@pytest.fixture
def home(tmp_path: Path) -> Desk:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    index = ConnectionIndex(paths.data_dir / "connections.json")
    return Desk(paths, SecretStore(MemoryKeyring()), index, {}, {})


def client(desk: Desk, number: int, **changes: object) -> Connection:
    connection = sample(
        id=f"c{number}", organization_id=f"org-{number}", organization_name=f"Client {number}"
    )
    return desk.index.save(replace(connection, **changes))  # type: ignore[arg-type]


def bank(count: int = 7) -> FakeBank:
    company = FakeBank([account("acc-1"), account("acc-2")])
    for number in range(count):
        company.put(transaction(number))
    company.put(transaction(100, id="tx-second-account", bank_account_id="acc-2"))
    return company


def test_a_first_sync_mirrors_everything_and_the_next_asks_from_the_cursor(
    home: Desk,
) -> None:
    one = client(home, 1)
    company = bank()
    mirror = Mirror(home.paths.data_dir / "m.sqlite3")
    first = sync(home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror)
    (outcome,) = first.clients
    assert (outcome.outcome, outcome.accounts, outcome.new, outcome.changed) == ("done", 2, 8, 0)
    assert mirror.counts()["c1"].transactions == 8
    company.requests.clear()

    again = sync(home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror)
    assert (again.clients[0].new, again.clients[0].changed) == (0, 0)
    asked = [r for r in company.requests if r[0] == "transactions"]
    # Nothing changed: one request per account, from its cursor.
    assert asked == [
        ("transactions", "acc-1", transaction(6).updated_at),
        ("transactions", "acc-2", transaction(100).updated_at),
    ]
    assert one.id == "c1"


def test_a_correction_in_qonto_replaces_the_mirrored_row(home: Desk) -> None:
    client(home, 1)
    company = bank()
    mirror = Mirror(home.paths.data_dir / "m.sqlite3")
    sync(home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror)
    corrected = replace(
        transaction(2), note="Corrected", updated_at=transaction(6).updated_at + timedelta(days=1)
    )
    company.put(corrected)
    summary = sync(home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror)
    assert (summary.clients[0].new, summary.clients[0].changed) == (0, 1)
    notes = {t.id: t.note for t in mirror.transactions("c1", "acc-1", START, LATER)}
    assert notes[corrected.id] == "Corrected"
    assert len(notes) == 7


def test_cancel_stops_between_pages_and_the_next_sync_resumes(home: Desk) -> None:
    client(home, 1)
    company = bank(count=9)  # three pages on acc-1
    cancel = CancelToken()
    company.after_page = lambda number: cancel.cancel() if number == 0 else None
    mirror = Mirror(home.paths.data_dir / "m.sqlite3")
    stopped = sync(
        home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror, cancel=cancel
    )
    assert stopped.clients[0].outcome == "stopped"
    assert stopped.clients[0].error is not None
    assert stopped.clients[0].error.code == "sync_stopped"
    # Cancelled while page 2 was asked: it is kept, and nothing is asked after it.
    assert mirror.counts()["c1"].transactions == 6
    assert [r[0] for r in company.requests] == ["accounts", "transactions", "transactions"]
    assert mirror.cursor("c1", "acc-1") == transaction(5).updated_at
    company.after_page = None
    company.requests.clear()

    resumed = sync(home, readers=readers({"c1": company}), tokens=FakeTokens(), mirror=mirror)
    assert resumed.clients[0].outcome == "done"
    assert resumed.clients[0].new == 4  # the boundary row came again, unchanged
    assert company.requests[1] == ("transactions", "acc-1", transaction(5).updated_at)
    assert mirror.counts()["c1"].transactions == 10


def test_a_401_refreshes_once_then_succeeds(home: Desk) -> None:
    client(home, 1)
    company = bank()
    company.refuse = {"old-c1"}
    tokens = FakeTokens()
    summary = sync(home, readers=readers({"c1": company}), tokens=tokens, mirror=None)
    assert summary.clients[0].outcome == "done"
    assert tokens.refreshed_ids == ["c1"]
    assert home.index.get("c1").state == "ok"


def test_a_second_401_marks_the_client_to_reconnect_and_the_others_go_on(home: Desk) -> None:
    client(home, 1)
    client(home, 2)
    refusing, fine = bank(), bank()
    refusing.refuse = {"old-c1", "new-c1"}
    tokens = FakeTokens()
    summary = sync(home, readers=readers({"c1": refusing, "c2": fine}), tokens=tokens)
    first, second = summary.clients
    assert first.outcome == "to_reconnect"
    assert first.error is not None
    assert first.error.code == "needs_reconnect"
    assert tokens.refreshed_ids == ["c1"]  # once, never again
    assert home.index.get("c1").state == "needs_reconnect"
    assert second.outcome == "done"
    assert second.new == 8


def test_a_grant_without_organization_read_is_asked_the_documents_permission(
    home: Desk,
) -> None:
    client(home, 1, scopes_granted=("membership.read",))
    client(home, 2)
    untouched, fine = bank(), bank()
    events: list[SyncEvent] = []
    summary = sync(
        home,
        readers=readers({"c1": untouched, "c2": fine}),
        tokens=FakeTokens(),
        on_progress=events.append,
    )
    first, second = summary.clients
    (failed,) = [e for e in events if isinstance(e, Failed)]
    assert failed.result is first
    assert [e.connection.id for e in events if isinstance(e, Done)] == ["c2"]
    assert first.outcome == "failed"
    assert first.error is not None
    assert first.error.code == "documents_permission"
    assert "documents permission" in first.error.next_action
    assert untouched.requests == []  # nothing sent
    assert second.outcome == "done"


def test_a_403_without_attachment_read_is_the_documents_permission(home: Desk) -> None:
    client(home, 1, scopes_granted=("organization.read",))
    company = bank()
    company.forbidden = True
    summary = sync(home, readers=readers({"c1": company}), tokens=FakeTokens())
    assert summary.clients[0].error is not None
    assert summary.clients[0].error.code == "documents_permission"


def test_a_403_with_every_permission_granted_is_the_role(home: Desk) -> None:
    client(home, 1, scopes_granted=("organization.read", "attachment.read"))
    company = bank()
    company.forbidden = True
    summary = sync(home, readers=readers({"c1": company}), tokens=FakeTokens())
    assert summary.clients[0].error is not None
    assert summary.clients[0].error.code == "forbidden"


def test_progress_comes_in_order_per_client_on_the_calling_thread(home: Desk) -> None:
    client(home, 1)
    client(home, 2)
    events: list[SyncEvent] = []
    summary = sync(
        home,
        readers=readers({"c1": bank(), "c2": bank()}),
        tokens=FakeTokens(),
        on_progress=events.append,
        pool_size=2,
    )
    assert [type(e) for e in events[:2]] == [Waiting, Waiting]
    for number in ("c1", "c2"):
        mine = [e for e in events if e.connection.id == number]
        assert isinstance(mine[0], Waiting)
        assert isinstance(mine[-1], Done)
        steps = [(e.done, e.total) for e in mine if isinstance(e, Syncing)]
        # acc-1: 7 in pages of 3; then acc-2: 1 more (the total grows as each account tells).
        assert steps == [(3, 7), (6, 7), (7, 7), (8, 8)]
    assert [c.connection.id for c in summary.clients] == ["c1", "c2"]


def test_only_the_connections_named_are_synced(home: Desk) -> None:
    client(home, 1)
    client(home, 2)
    second = bank()
    summary = sync(
        home, ("c1",), readers=readers({"c1": bank(), "c2": second}), tokens=FakeTokens()
    )
    assert [c.connection.id for c in summary.clients] == ["c1"]
    assert second.requests == []


def test_clients_not_started_when_cancelled_send_nothing(home: Desk) -> None:
    client(home, 1)
    client(home, 2)
    first, second = bank(), bank()
    cancel = CancelToken()
    first.after_page = lambda _: cancel.cancel()
    summary = sync(
        home,
        readers=readers({"c1": first, "c2": second}),
        tokens=FakeTokens(),
        cancel=cancel,
        pool_size=1,
    )
    assert [c.outcome for c in summary.clients] == ["stopped", "stopped"]
    assert second.requests == []


def test_a_failing_progress_callback_stops_the_workers(home: Desk) -> None:
    for number in range(1, 5):
        client(home, number)
    banks = {f"c{n}": bank(count=30) for n in range(1, 5)}

    class StopError(Exception):
        pass

    def fail(event: SyncEvent) -> None:
        if isinstance(event, Syncing):
            raise StopError

    with pytest.raises(StopError):
        sync(home, readers=readers(banks), tokens=FakeTokens(), on_progress=fail, pool_size=1)
    asked = sum(len(b.requests) for b in banks.values())
    assert asked < 4 * 12  # far from every page of every client


def test_a_401_mid_client_resumes_from_its_last_page_and_counts_everything(home: Desk) -> None:
    client(home, 1)
    company = bank()
    company.expire_after = 2  # accounts, the first page; then Qonto refuses the token
    tokens = FakeTokens()
    summary = sync(home, readers=readers({"c1": company}), tokens=tokens)
    assert summary.clients[0].outcome == "done"
    assert summary.clients[0].new == 8
    assert tokens.refreshed_ids == ["c1"]
    # After the refresh, acc-1 is asked again from the cursor its first page reached.
    assert ("transactions", "acc-1", transaction(2).updated_at) in company.requests
