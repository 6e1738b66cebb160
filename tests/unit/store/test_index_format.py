"""The index file's format: every field round-trips, anything else is a named, counted problem."""

from __future__ import annotations

import json
from dataclasses import MISSING, Field, fields, replace
from typing import Any

import pytest

from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.store.index_format import (
    connection_from_record,
    connection_to_record,
    decode,
    encode,
)
from qonto_desktop.store.index_records import (
    ACCOUNT_FIELDS,
    ACCOUNT_OPTIONAL,
    CONNECTION_FIELDS,
    OPTIONAL,
    SCHEMA_VERSION,
    FormatError,
    RecordError,
)
from tests.support.connections import sample


def as_file(*records: object, schema: object = SCHEMA_VERSION) -> bytes:
    return json.dumps({"schema": schema, "connections": list(records)}).encode()


def defaulted(all_fields: tuple[Field[Any], ...]) -> set[str]:
    return {
        f.name for f in all_fields if f.default is not MISSING or f.default_factory is not MISSING
    }


def test_a_record_may_leave_out_exactly_the_fields_with_a_default() -> None:
    # The records are checked without the value classes (token's quick path): what may be
    # missing is listed by hand, and must stay what the classes say.
    assert defaulted(fields(Connection)) == OPTIONAL
    assert defaulted(fields(AccountSummary)) == ACCOUNT_OPTIONAL


def test_every_field_of_a_connection_and_an_account_is_stored() -> None:
    # A field added to Connection is stored only once someone adds it here, on purpose.
    assert list(CONNECTION_FIELDS) == [f.name for f in fields(Connection)]
    assert list(ACCOUNT_FIELDS) == [f.name for f in fields(AccountSummary)]


def test_a_fully_populated_connection_round_trips() -> None:
    original = sample()
    decoded = decode(encode([original]))
    assert decoded.schema == SCHEMA_VERSION
    assert decoded.problems == ()
    assert decoded.connections == (original,)
    restored = decoded.connections[0]
    assert isinstance(restored.scopes_requested, tuple)
    assert isinstance(restored.accounts, tuple)
    assert isinstance(restored.accounts[0], AccountSummary)
    assert isinstance(restored.created_at, float)


def test_none_fields_and_empty_tuples_round_trip() -> None:
    unverified = sample(
        organization_id=None,
        organization_name="",
        subject=None,
        refreshed_at=None,
        verified_at=None,
        refresh_expires_at=None,
        state="unverified",
        state_reason="The organization could not be read.",
        scopes_granted=(),
        accounts=(),
    )
    assert decode(encode([unverified])).connections == (unverified,)


def test_the_file_is_the_documented_shape() -> None:
    document = json.loads(encode([sample()]))
    assert document["schema"] == 1
    [record] = document["connections"]
    assert set(record) == set(CONNECTION_FIELDS)
    assert record["accounts"][0] == {
        "name": "Main account",
        "masked_iban": "FR76 •••• •••• 1234",
        "currency": "EUR",
        "balance_cents": 123456,
        "main": True,
        "external": False,
    }


def test_an_index_written_before_external_accounts_still_reads() -> None:
    """Files written before the ``external`` flag and ``notes``: accounts at Qonto, no note."""
    record = connection_to_record(sample())
    del record["notes"]
    accounts = record["accounts"]
    assert isinstance(accounts, list)
    for account in accounts:
        del account["external"]
    connection = connection_from_record(record)
    assert connection.accounts == sample().accounts
    assert not any(account.external for account in connection.accounts)
    assert connection.notes == ()


def test_the_siren_round_trips_and_an_index_written_before_it_still_reads() -> None:
    kept = sample(legal_number="843217654")
    assert decode(encode([kept])).connections == (kept,)
    record = connection_to_record(kept)
    del record["legal_number"]
    assert connection_from_record(record).legal_number == ""


def test_an_unknown_balance_and_an_external_account_read_back() -> None:
    hidden = AccountSummary("Livret", "", "", None, main=False, external=True)
    connection = replace(sample(), accounts=(hidden,), notes=("Some note.",))
    assert decode(encode([connection])).connections == (connection,)


def test_whole_numbers_are_read_as_float_timestamps() -> None:
    record = connection_to_record(sample())
    record["created_at"] = 1_700_000_000
    assert connection_from_record(record).created_at == 1_700_000_000.0
    assert isinstance(connection_from_record(record).created_at, float)


def test_fields_with_a_default_may_be_missing_and_unknown_keys_are_ignored() -> None:
    record = connection_to_record(sample())
    del record["accounts"], record["state_reason"]
    record["added_by_a_later_release"] = {"anything": 1}
    connection = connection_from_record(record)
    assert connection.accounts == ()
    assert connection.state_reason is None


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("id", None, "field 'id': not text"),
        ("id", "", "field 'id': empty"),
        ("organization_id", 42, "field 'organization_id': not text"),
        ("scopes_granted", "organization.read", "field 'scopes_granted': not a list"),
        ("scopes_granted", ["ok", 3], "field 'scopes_granted': not text"),
        ("created_at", "yesterday", "field 'created_at': not a finite number"),
        ("created_at", True, "field 'created_at': not a finite number"),
        ("refresh_expires_at", float("inf"), "field 'refresh_expires_at': not a finite number"),
        ("state", "happy", "field 'state': not a known state"),
        ("accounts", {"name": "x"}, "field 'accounts': not a list"),
        ("accounts", ["x"], "field 'accounts': not a JSON object"),
    ],
)
def test_a_wrong_typed_field_is_named(field: str, value: object, reason: str) -> None:
    record = connection_to_record(sample())
    record[field] = value
    with pytest.raises(RecordError, match=f"^{reason}$"):
        connection_from_record(record)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"balance_cents": 1.5}, "'balance_cents': not an integer"),
        ({"balance_cents": False}, "'balance_cents': not an integer"),
        ({"main": "yes"}, "'main': not true or false"),
        ({"currency": None}, "'currency': not text"),
    ],
)
def test_a_wrong_typed_account_field_is_named(change: dict[str, object], reason: str) -> None:
    record = connection_to_record(sample())
    accounts = record["accounts"]
    assert isinstance(accounts, list)
    accounts[0].update(change)
    with pytest.raises(RecordError, match=reason):
        connection_from_record(json.loads(json.dumps(record)))


def test_a_missing_required_field_is_named() -> None:
    record = connection_to_record(sample())
    del record["environment"]
    with pytest.raises(RecordError, match="field 'environment' is missing"):
        connection_from_record(record)


def test_a_reason_never_repeats_a_value_from_the_file() -> None:
    record = connection_to_record(sample())
    record["user_email"] = ["secret-looking-value"]
    with pytest.raises(RecordError) as caught:
        connection_from_record(record)
    assert "secret-looking-value" not in str(caught.value)


def test_bad_records_are_counted_and_the_good_ones_kept() -> None:
    good = connection_to_record(sample(id="good1"))
    also_good = connection_to_record(sample(id="good2"))
    bad = {**good, "id": 7}
    duplicate = connection_to_record(sample(id="good1", organization_name="Twin"))
    decoded = decode(as_file(good, bad, "not an object", also_good, duplicate))
    assert [c.id for c in decoded.connections] == ["good1", "good2"]
    assert decoded.problems == (
        "record 2: field 'id': not text",
        "record 3: not a JSON object",
        "record 5: the same id as an earlier record",
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b'{"schema": 1, "connections": [', "not valid JSON (line 1)"),
        (b"", "not valid JSON (line 1)"),
        (b"[]", "not a JSON object"),
        (b'{"connections": []}', "no valid schema version"),
        (b'{"schema": "1", "connections": []}', "no valid schema version"),
        (b'{"schema": true, "connections": []}', "no valid schema version"),
        (b'{"schema": 0, "connections": []}', "no valid schema version"),
        (b'{"schema": 1}', "no list of connections"),
        (b'{"schema": 1, "connections": {}}', "no list of connections"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_an_index_is_a_format_error(data: bytes, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        decode(data)
    assert str(caught.value) == reason


def test_a_byte_order_mark_is_accepted() -> None:
    assert decode(b"\xef\xbb\xbf" + encode([sample()])).connections == (sample(),)


def test_a_newer_schema_is_read_as_far_as_possible_and_never_a_format_error() -> None:
    decoded = decode(as_file(connection_to_record(sample()), schema=SCHEMA_VERSION + 1))
    assert decoded.schema == SCHEMA_VERSION + 1
    assert decoded.connections == (sample(),)
    newer_shape = json.dumps({"schema": 2, "connections": {"by-id": {}}}).encode()
    assert decode(newer_shape).connections == ()


def test_a_connection_that_would_not_read_back_is_never_encoded() -> None:
    with pytest.raises(ValueError, match="field 'state': not a known state"):
        encode([sample(state="happy")])
    with pytest.raises(ValueError, match="the same id"):
        encode([sample(), sample(organization_id="org-2")])
    with pytest.raises(ValueError, match="cannot be stored"):
        encode([sample(created_at=float("nan"))])


def test_an_index_written_before_shared_grants_loads_with_none() -> None:
    record = connection_to_record(sample())
    del record["grant_id"]
    assert connection_from_record(record).grant_id is None
    shared = replace(sample(), grant_id="a1b2c3d4e5f6")
    assert connection_from_record(connection_to_record(shared)).grant_id == "a1b2c3d4e5f6"
