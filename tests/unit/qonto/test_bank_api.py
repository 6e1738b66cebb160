"""QontoBankApi against a local stub: parameters as Qonto documents them, paging, refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import pytest

from qonto_desktop.oauth.errors import RateLimitedError
from qonto_desktop.qonto import environments
from qonto_desktop.qonto.bank_api import QontoBankApi, qonto_moment
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.errors import ApiUnauthorizedError, ForbiddenError, RepeatedPageError
from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.system.http import BANK_DATA_RETRY, Sender
from tests.support.bank_bodies import ACCOUNT_ID, STATEMENT, TRANSACTION, page, with_fields
from tests.support.bank_stub import BankStub, Reply, running_stub

TOKEN = "ory_at_secret"


@dataclass
class Pace:
    """What the sender waited and how often the limiter let a request through."""

    waits: list[float] = field(default_factory=list)
    acquired: int = 0
    held: list[float] = field(default_factory=list)

    def acquire(self) -> None:
        self.acquired += 1

    def hold(self, seconds: float) -> None:
        self.held.append(seconds)


@pytest.fixture
def stub() -> Iterator[BankStub]:
    with running_stub() as running:
        yield running


@pytest.fixture
def pace() -> Pace:
    return Pace()


def bank(stub: BankStub, pace: Pace) -> QontoBankApi:
    sender = Sender(
        BANK_DATA_RETRY, pause=pace.waits.append, now=lambda: 0.0, draw=lambda: 0.0, limiter=pace
    )
    environment = environments.emulator(stub.base_url, sandbox=True)
    return QontoBankApi(environment, TOKEN, staging_token="staging-secret", sender=sender)


def reader(stub: BankStub, pace: Pace) -> BankReader:
    """The client as sync and export see it (type-checked against the protocol)."""
    return bank(stub, pace)


def transactions(count: int, start: int = 0) -> list[object]:
    return [with_fields(TRANSACTION, id=f"t{start + i}") for i in range(count)]


def test_transactions_are_asked_exactly_as_documented(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/transactions", Reply(body=page("transactions", transactions(1))))
    since = datetime(2026, 11, 3, 9, 12, 45, 123456, tzinfo=UTC)
    pages = list(reader(stub, pace).transactions(ACCOUNT_ID, updated_at_from=since))
    assert len(pages) == 1
    (seen,) = stub.seen
    assert seen.query == [
        ("bank_account_id", ACCOUNT_ID),
        ("sort_by", "updated_at:asc"),
        ("includes[]", "attachments"),
        ("status[]", "pending"),
        ("status[]", "declined"),
        ("status[]", "completed"),
        ("per_page", "100"),
        ("updated_at_from", "2026-11-03T09:12:45.123Z"),
        ("page", "1"),
    ]
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert seen.headers["x-qonto-staging-token"] == "staging-secret"
    assert pace.acquired == 1


def test_a_first_sync_sends_no_updated_at_from(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/transactions", Reply(body=page("transactions", [])))
    list(reader(stub, pace).transactions(ACCOUNT_ID, updated_at_from=None, statuses=("completed",)))
    names = [name for name, _ in stub.seen[0].query]
    assert "updated_at_from" not in names
    assert ("status[]", "completed") in stub.seen[0].query


def test_a_period_is_asked_with_qontos_settled_at_filters(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/transactions", Reply(body=page("transactions", [])))
    start, end = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    api = bank(stub, pace)
    list(api.transactions("a1", updated_at_from=None, settled_at_from=start, settled_at_to=end))
    query = dict(stub.seen[0].query)
    assert (query["settled_at_from"], query["settled_at_to"]) == (
        "2026-11-01T00:00:00.000Z",
        "2026-12-01T00:00:00.000Z",
    )
    assert "updated_at_from" not in query


def test_the_cursor_is_sent_in_utc_with_milliseconds_never_rounded_up() -> None:
    paris = timezone(timedelta(hours=1))
    assert qonto_moment(datetime(2026, 11, 3, 10, 0, 0, 999999, tzinfo=paris)) == (
        "2026-11-03T09:00:00.999Z"
    )
    assert qonto_moment(datetime(2026, 11, 3, 9, 0)) == "2026-11-03T09:00:00.000Z"


def test_pages_are_followed_until_next_page_is_null(stub: BankStub, pace: Pace) -> None:
    stub.answer(
        "/v2/transactions",
        Reply(body=page("transactions", transactions(2), current=1, next_page=2)),
        Reply(body=page("transactions", transactions(2, 2), current=2, next_page=3)),
        Reply(body=page("transactions", transactions(1, 4), current=3, next_page=None)),
    )
    pages = list(reader(stub, pace).transactions(ACCOUNT_ID, updated_at_from=None))
    assert [t.id for p in pages for t in p.transactions] == ["t0", "t1", "t2", "t3", "t4"]
    assert [dict(seen.query)["page"] for seen in stub.seen] == ["1", "2", "3"]


def test_a_server_that_repeats_a_page_is_stopped_not_followed_forever(
    stub: BankStub, pace: Pace
) -> None:
    # A server that ignores ``page``: always page 1, always "next is 2".
    stub.answer("/v2/transactions", Reply(body=page("transactions", transactions(1), next_page=2)))
    reading = reader(stub, pace).transactions(ACCOUNT_ID, updated_at_from=None)
    with pytest.raises(RepeatedPageError):
        list(reading)
    assert len(stub.seen) == 2


def test_bank_accounts_are_read_page_after_page(stub: BankStub, pace: Pace) -> None:
    accounts = [{"id": "a1", "name": "Main"}, {"id": "a2", "name": "Savings"}]
    stub.answer(
        "/v2/bank_accounts",
        Reply(body=page("bank_accounts", accounts[:1], next_page=2)),
        Reply(body=page("bank_accounts", accounts[1:], current=2)),
    )
    assert [a.id for a in bank(stub, pace).bank_accounts()] == ["a1", "a2"]
    assert stub.seen[1].query == [("page", "2"), ("per_page", "100")]


def test_statements_are_asked_with_repeated_accounts_and_mm_yyyy(
    stub: BankStub, pace: Pace
) -> None:
    stub.answer("/v2/statements", Reply(body=page("statements", [STATEMENT])))
    found = list(bank(stub, pace).statements(("a1", "a2"), Month(2026, 1), Month(2026, 11)))
    assert [s.period for s in found] == [Month(2024, 8)]
    assert stub.seen[0].query == [
        ("bank_account_ids[]", "a1"),
        ("bank_account_ids[]", "a2"),
        ("period_from", "01-2026"),
        ("period_to", "11-2026"),
        ("per_page", "100"),
        ("page", "1"),
    ]


def test_no_account_asks_for_no_statement(stub: BankStub, pace: Pace) -> None:
    assert list(bank(stub, pace).statements((), Month(2026, 1), Month(2026, 1))) == []
    assert stub.seen == []


def test_one_item_again_is_asked_by_its_escaped_id(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/statements/s%2F1", Reply(body=json.dumps({"statement": STATEMENT}).encode()))
    attachment = TRANSACTION["attachments"][0]
    stub.answer("/v2/attachments/at1", Reply(body=json.dumps({"attachment": attachment}).encode()))
    stub.answer(
        "/v2/transactions/t1/attachments",
        Reply(body=json.dumps({"attachments": [attachment]}).encode()),
    )
    api = bank(stub, pace)
    assert api.statement("s/1").id == STATEMENT["id"]
    assert api.attachment("at1").size == 16966
    assert len(api.transaction_attachments("t1")) == 1


def test_a_429_with_retry_after_is_waited_then_read(stub: BankStub, pace: Pace) -> None:
    stub.answer(
        "/v2/bank_accounts",
        Reply(429, b"", {"Retry-After": "7"}),
        Reply(body=page("bank_accounts", [{"id": "a1"}])),
    )
    assert [a.id for a in bank(stub, pace).bank_accounts()] == ["a1"]
    assert pace.waits == [7.0]
    assert pace.held == [7.0]  # every request of the process waits, not only this one
    assert pace.acquired == 2


def test_a_429_without_retry_after_backs_off_doubling_then_gives_up(
    stub: BankStub, pace: Pace
) -> None:
    stub.answer("/v2/bank_accounts", Reply(429, b""))
    with pytest.raises(RateLimitedError):
        list(reader(stub, pace).bank_accounts())
    assert pace.waits == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert len(stub.seen) == BANK_DATA_RETRY.attempts


def test_a_retry_after_beyond_the_cap_is_the_callers_with_its_wait(
    stub: BankStub, pace: Pace
) -> None:
    stub.answer("/v2/bank_accounts", Reply(429, b"", {"Retry-After": "120"}))
    with pytest.raises(RateLimitedError) as raised:
        list(reader(stub, pace).bank_accounts())
    assert raised.value.retry_after == 120.0
    assert pace.waits == []
    assert len(stub.seen) == 1


def test_the_back_off_has_jitter_and_a_cap() -> None:
    assert BANK_DATA_RETRY.backoff(1, lambda: 1.0) == pytest.approx(0.5)
    assert BANK_DATA_RETRY.backoff(20, lambda: 0.0) == 60.0


def test_a_401_is_the_unauthorized_error_and_is_not_resent(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/transactions", Reply(401, b'{"errors":[{"code":"unauthorized"}]}'))
    with pytest.raises(ApiUnauthorizedError):
        list(reader(stub, pace).transactions(ACCOUNT_ID, updated_at_from=None))
    assert len(stub.seen) == 1


def test_a_403_is_forbidden_naming_the_scope(stub: BankStub, pace: Pace) -> None:
    stub.answer("/v2/transactions/t1/attachments", Reply(403, b'{"errors":[{"detail":"no"}]}'))
    with pytest.raises(ForbiddenError) as raised:
        bank(stub, pace).transaction_attachments("t1")
    assert raised.value.scope == "attachment.read"
