"""``token``'s quick path: the common case alone, on plain values; anything else is handed on.

A known connection with an access token still fresh, kept inline in the Secret Service the
connection names: the token is read with the same rules as :func:`~qonto_desktop.connections.
fresh.access_token_of` (the settings file, the index's records checked by
:mod:`~qonto_desktop.store.index_records`, the connection found by
:mod:`~qonto_desktop.store.finding`, :mod:`~qonto_desktop.connections.freshness`, the entry's
name and text by :mod:`~qonto_desktop.store.entry_format` and
:mod:`~qonto_desktop.connections.pair_text`), without the value classes, the log, the secret
store or keyring: no ``dataclasses``, ``logging`` or ``pathlib`` to import.

Whatever is not that case answers None, having written and shown nothing: no connection or
several, a damaged or newer index, a damaged settings file, a token due (a refresh, under the
lock), a connection needing a new sign-in, another backend or a keyring the user configured, a
locked keyring (the full path asks to unlock it), a chunked or legacy entry, any error, a log
level asked for. The command line then runs the full path, which meets the case again and
answers it as it always did (docs/decisions.md, "token's quick path").
"""

from __future__ import annotations

import os
import time
from typing import Any

from qonto_desktop.connections.freshness import NEEDS_RECONNECT, still_fresh
from qonto_desktop.connections.keys import pair_key_of
from qonto_desktop.connections.pair_text import pair_of
from qonto_desktop.store.backend_names import SECRET_SERVICE, usable
from qonto_desktop.store.entry_format import SERVICE, head_fields, valid_key
from qonto_desktop.store.finding import matching
from qonto_desktop.store.index_records import (
    INDEX_FILE,
    SCHEMA_VERSION,
    checked_records,
    records_of,
)
from qonto_desktop.store.keyring_worker import KEYRING_TIMEOUT, KeyringWorker
from qonto_desktop.store.secret_service_client import SecretServiceEntries
from qonto_desktop.system.folders import SETTINGS_FILE, folders
from qonto_desktop.system.log_choice import asked_level
from qonto_desktop.system.settings import read_settings


def quick_token(query: str | None) -> tuple[str, dict[str, Any]] | None:
    """The fresh access token of the connection ``query`` names, and that connection's checked
    record (see :mod:`~qonto_desktop.store.index_records`); None: ask the full path."""
    try:
        return _token(query)
    except Exception:
        return None


def _token(query: str | None) -> tuple[str, dict[str, Any]] | None:
    found = folders()
    if found is None or asked_level():  # platformdirs decides; or the user wants a log
        return None
    config, data, _ = found
    read_settings(os.path.join(config, SETTINGS_FILE))  # damaged: the full path says so
    values = _connection(os.path.join(data, INDEX_FILE), query)
    if values is None or not _handed_out_as_kept(values):
        return None
    key = pair_key_of(values["id"], values.get("grant_id"))
    text = _entry(key) if valid_key(key) else None
    fields = None if text is None else head_fields(text)
    if fields is None or fields[0] != 0:  # no entry, or not one inline entry
        return None
    access, _ = pair_of(fields[1])
    return None if access is None else (access, values)


def _handed_out_as_kept(values: dict[str, Any]) -> bool:
    """Whether the connection's kept token is fresh, in the Secret Service it names."""
    backend = values.get("keyring_backend", "")
    return (
        values["state"] != NEEDS_RECONNECT
        and still_fresh(values["access_expires_at"], time.time())
        and backend in SECRET_SERVICE
        and usable(backend)
    )


def _connection(path: str, query: str | None) -> dict[str, Any] | None:
    """The one record ``query`` names in a whole, current index; None otherwise."""
    with open(path, "rb") as file:  # the one read of the index
        schema, records = records_of(file.read())
    if records is None or schema > SCHEMA_VERSION:
        return None
    readable, problems = checked_records(records)
    if problems:  # the full path keeps a copy of the damaged file, and says so
        return None
    names = [(v["id"], v["organization_slug"], v["organization_name"]) for v in readable]
    _, positions = matching(query, names)
    return readable[positions[0]] if len(positions) == 1 else None


def _entry(key: str) -> str | None:
    """The entry's text, read on a worker thread within the store's timeout, without asking
    to unlock; None when there is none, or on any failure."""
    entries = SecretServiceEntries(unlock=False)
    job = KeyringWorker().submit(lambda: entries.get_password(SERVICE, key))
    if not job.done.wait(KEYRING_TIMEOUT) or job.failure is not None:
        return None
    return job.outcome[0]
