"""Adding the companies picked after a user-access sign-in: one grant, many connections.

The grant's tokens are saved once, under the grant, in one entry
(:mod:`qonto_desktop.connections.token_pair`), and each company becomes a connection recording
the ``grant_id``. Whole or not at all: on a failure before everything is saved, what was saved
is undone and the grant revoked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.companies import Company, CompanyChoice, OnAbandoned
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.grant import (
    build_connection,
    new_connection_id,
    read_facts,
    revoke_abandoned,
)
from qonto_desktop.connections.retire import retire
from qonto_desktop.errors import ConfigurationError, QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import PartialWriteError

log = logging.getLogger(__name__)


class NoCompanyPickedError(ConfigurationError):
    """Nothing was picked: nothing is added and the sign-in's grant is revoked."""

    code = "no_company_picked"
    message = N_("No company was picked, so none was added.")
    next_action = N_("Connect again and pick at least one company.")


def add_companies(
    desk: Desk,
    choice: CompanyChoice,
    companies: Sequence[Company],
    *,
    on_abandoned: OnAbandoned | None = None,
    checkpoint: Checkpoint = carry_on,
) -> tuple[Connection, ...]:
    """Read each company with the grant (its header set) and save them all, sharing the grant.

    A company connected before is replaced (it keeps its id) and moves onto the new grant; a
    grant no connection uses any more is then revoked and its tokens deleted.

    Raises:
        NoCompanyPickedError: ``companies`` is empty (the grant is abandoned).
        QontoDesktopError: reading or saving failed; nothing is saved, the grant is abandoned.
    """
    abandon = on_abandoned or revoke_abandoned
    try:
        if not companies:
            raise NoCompanyPickedError()
        grant_id = new_connection_id()
        connections = []
        for company in companies:
            checkpoint("reading a company")
            connections.append(_read(desk, choice, company, grant_id))
        checkpoint("verified")
        return _save(desk, choice, grant_id, connections)
    except PartialWriteError:  # the keyring may hold the tokens now: never revoke them
        raise
    except Exception:
        abandon(choice.grant)
        raise


def _read(desk: Desk, choice: CompanyChoice, company: Company, grant_id: str) -> Connection:
    context = choice.context.for_company(company.id)
    facts = read_facts(context, choice.tokens)
    connection = build_connection(
        environment=context.environment,
        client_id=context.client_id,
        requested=choice.requested,
        tokens=choice.tokens,
        facts=facts,
        now=desk.now(),
    )
    # What the list said stands in for what could not be read of the company itself.
    return replace(
        connection,
        grant_id=grant_id,
        organization_id=connection.organization_id or company.id,
        organization_name=connection.organization_name or company.name,
        legal_name=connection.legal_name or company.legal_name,
        role=connection.role or company.role,
    )


def _save(
    desk: Desk, choice: CompanyChoice, grant_id: str, connections: list[Connection]
) -> tuple[Connection, ...]:
    replaced = [desk.index.find_same(connection) for connection in connections]
    tokens = choice.tokens
    lead = connections[0]  # every one carries the new grant's id: one entry for all
    token_pair.save(desk, lead, tokens.access_token, tokens.refresh_token, was=token_pair.NONE)
    backend = desk.secrets.backend_name()  # ``token`` opens it directly, without discovery
    stored: list[Connection] = []
    try:
        for connection in connections:
            stored.append(desk.index.save(replace(connection, keyring_backend=backend)))
    except BaseException:
        _undo(desk, stored, replaced, lead)
        raise
    for old, new in zip(replaced, stored, strict=True):
        if old is not None:
            retire(choice.context, old, new)
    log.info("saved %d companies sharing grant %s", len(stored), grant_id)
    return tuple(stored)


def _undo(
    desk: Desk,
    stored: list[Connection],
    replaced: list[Connection | None],
    lead: Connection,
) -> None:
    """Put the index and the keyring back as they were (best effort, under a failure)."""
    try:
        for new, old in zip(stored, replaced, strict=False):
            if old is None:
                desk.index.remove(new.id)
            else:
                desk.index.save(old)
        token_pair.forget(desk, lead)
    except QontoDesktopError as exc:
        log.warning("could not undo a partly saved user-access sign-in: %s", exc.code)
