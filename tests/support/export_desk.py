"""An export's unit-test setting: a desk on a temporary folder, clients, their fake banks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qonto_desktop.connections.desk import Desk
from qonto_desktop.qonto.models.statements import Month, Statement
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from tests.support.bank_data import account, transaction
from tests.support.connections import sample
from tests.support.fake_bank import FakeBank
from tests.support.keyrings import MemoryKeyring

DOCUMENTS = ("organization.read", "attachment.read")
STATEMENT_PDF = b"%PDF-1.4 statement of November"


def export_desk(folder: Path) -> Desk:
    """A desk whose files are all under ``folder``, with an in-memory keyring."""
    paths = AppPaths(folder / "config", folder / "data", folder / "logs")
    index = ConnectionIndex(paths.data_dir / "connections.json")
    return Desk(paths, SecretStore(MemoryKeyring()), index, {}, {})


def export_client(desk: Desk, number: int, **changes: object) -> Connection:
    """Client ``number`` (id ``c<number>``), granted the documents scopes unless changed."""
    connection = sample(
        id=f"c{number}",
        organization_id=f"org-{number}",
        organization_name=f"Client {number}",
        legal_number=f"12345678{number}",
        scopes_granted=DOCUMENTS,
    )
    return desk.index.save(replace(connection, **changes))  # type: ignore[arg-type]


def november_bank(count: int = 5) -> FakeBank:
    """One account, ``count`` November card payments each with a receipt, its statement."""
    company = FakeBank([account("acc-1")])
    for number in range(count):
        company.put(transaction(number))
        company.files[f"att-{number:04d}"] = f"%PDF receipt {number}".encode()
    company.statement_list.append(
        Statement("st-1", "acc-1", Month(2026, 11), "releve.pdf", "application/pdf", None, None)
    )
    company.files["st-1"] = STATEMENT_PDF
    return company
