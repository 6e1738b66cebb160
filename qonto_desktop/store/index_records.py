"""The records of ``connections.json`` read and checked as plain values, field by field.

Only the fields named in ``CONNECTION_FIELDS`` and ``ACCOUNT_FIELDS`` are ever read or written,
so a field added to ``Connection`` is not stored until someone adds it here on purpose (a test
keeps the lists in step). Reading is strict about types, lenient about additions: unknown keys
are ignored, and a field that has a default in ``Connection`` may be missing (``OPTIONAL``, kept
in step by a test), so a field added with a default needs no new schema version. Reasons name
fields, never values.

Plain functions on dicts, without the value classes: :mod:`~qonto_desktop.store.index_format`
builds ``Connection`` values from what they return, and ``token``'s quick path
(:mod:`qonto_desktop.connections.quick_token`) checks the same records with them, without
loading ``dataclasses``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any, cast, get_args

from qonto_desktop.i18n.message import N_, Message, Text, as_message
from qonto_desktop.store.states import ConnectionState

SCHEMA_VERSION = 1
INDEX_FILE = "connections.json"  # in the app's data folder


class _ReadError(ValueError):
    """Something in the file cannot be read; ``reason`` says what, as a message."""

    def __init__(self, reason: Text) -> None:
        super().__init__(str(reason))
        self.reason = as_message(reason)  # the app's reasons are templates: translated later


class FormatError(_ReadError):
    """The whole file is unreadable as an index: not UTF-8, not JSON, or the wrong shape."""


class RecordError(_ReadError):
    """One record cannot be read as a connection; the reason names the field."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise RecordError(N_("not text"))
    return value


def _name(value: object) -> str:
    text = _text(value)
    if not text:
        raise RecordError(N_("empty"))
    return text


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RecordError(N_("not a list"))
    return tuple(_text(item) for item in value)


def _integer(value: object) -> int:
    if type(value) is not int:  # bool is an int subclass; a flag is not an amount
        raise RecordError(N_("not an integer"))
    return value


def _optional_integer(value: object) -> int | None:
    return None if value is None else _integer(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise RecordError(N_("not true or false"))
    return value


def _number(value: object) -> float:
    if type(value) not in (int, float) or not math.isfinite(cast(float, value)):
        raise RecordError(N_("not a finite number"))
    return float(cast(float, value))


def _optional_number(value: object) -> float | None:
    return None if value is None else _number(value)


def _state(value: object) -> ConnectionState:
    if value not in get_args(ConnectionState):
        raise RecordError(N_("not a known state"))
    return cast(ConnectionState, value)


Check = Callable[[object], object]

ACCOUNT_FIELDS: dict[str, Check] = {
    "name": _text,
    "masked_iban": _text,
    "currency": _text,
    "balance_cents": _optional_integer,
    "main": _flag,
    "external": _flag,
}
# Written by versions before external accounts were read: such an account is at Qonto.
ACCOUNT_OPTIONAL = frozenset({"external"})


def _accounts(value: object) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list):
        raise RecordError(N_("not a list"))
    return tuple(read_fields(item, ACCOUNT_FIELDS, ACCOUNT_OPTIONAL) for item in value)


CONNECTION_FIELDS: dict[str, Check] = {
    "id": _name,
    "environment": _name,
    "client_id": _text,
    "organization_id": _optional_text,
    "organization_name": _text,
    "organization_slug": _text,
    "legal_name": _text,
    "user_name": _text,
    "user_email": _text,
    "role": _text,
    "subject": _optional_text,
    "scopes_requested": _texts,
    "scopes_granted": _texts,
    "created_at": _number,
    "refreshed_at": _optional_number,
    "verified_at": _optional_number,
    "access_expires_at": _number,
    "refresh_expires_at": _optional_number,
    "state": _state,
    "state_reason": _optional_text,
    "accounts": _accounts,
    "notes": _texts,
    "grant_id": _optional_text,
    "keyring_backend": _text,
    "legal_number": _text,
}
# The fields with a default in ``Connection``: a record may leave them out.
OPTIONAL = frozenset(
    {"state_reason", "accounts", "notes", "grant_id", "keyring_backend", "legal_number"}
)


def read_fields(
    record: object, checks: dict[str, Check], optional: frozenset[str]
) -> dict[str, Any]:
    """The checked values of ``record``, by field (an optional field left out is absent).

    Raises:
        RecordError: not an object, or a field is missing or has the wrong type.
    """
    if not isinstance(record, dict):
        raise RecordError(N_("not a JSON object"))
    values: dict[str, Any] = {}
    for name, check in checks.items():
        if name not in record:
            if name in optional:
                continue
            raise RecordError(Message(N_("field {field!r} is missing"), field=name))
        try:
            values[name] = check(record[name])
        except RecordError as exc:
            raise RecordError(
                Message(N_("field {field!r}: {problem}"), field=name, problem=exc.reason)
            ) from None
    return values


def connection_values(record: object) -> dict[str, Any]:
    """One record's values, checked (accounts as dicts of their own checked values).

    Raises:
        RecordError: a field is missing or has the wrong type; the message names it.
    """
    return read_fields(record, CONNECTION_FIELDS, OPTIONAL)


def records_of(data: bytes) -> tuple[int, list[object] | None]:
    """The schema version and the records of a whole file, unchecked (None: no list of them,
    in a file of a newer schema).

    Raises:
        FormatError: the file is not an index at all; its reason says why.
    """
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark from a hand edit is harmless
    except UnicodeDecodeError:
        raise FormatError(N_("not UTF-8 text")) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(Message(N_("not valid JSON (line {line})"), line=exc.lineno)) from None
    except RecursionError:
        raise FormatError(N_("nested too deeply")) from None
    if not isinstance(document, dict):
        raise FormatError(N_("not a JSON object"))
    schema = document.get("schema")
    if type(schema) is not int or schema < 1:
        raise FormatError(N_("no valid schema version"))
    records = document.get("connections")
    if not isinstance(records, list):
        if schema > SCHEMA_VERSION:
            return schema, None
        raise FormatError(N_("no list of connections"))
    return schema, records


_RECORD = N_("record {position}: {problem}")


def checked_records(records: list[object]) -> tuple[list[dict[str, Any]], list[Message]]:
    """The values of each record that can be read, and why the others cannot: one reason per
    record (a duplicate id counts), as a message to translate."""
    readable: list[dict[str, Any]] = []
    problems: list[Message] = []
    seen: set[str] = set()
    for position, record in enumerate(records, start=1):
        try:
            values = connection_values(record)
        except RecordError as exc:
            problems.append(Message(_RECORD, position=position, problem=exc.reason))
            continue
        if values["id"] in seen:
            duplicate = Message(N_("the same id as an earlier record"))
            problems.append(Message(_RECORD, position=position, problem=duplicate))
            continue
        seen.add(values["id"])
        readable.append(values)
    return readable, problems
