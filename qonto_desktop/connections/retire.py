"""Tokens a replaced connection used, revoked and deleted once nothing uses them any more.

A company connected again may move from its own grant to a shared one (Qonto's user access) or
back: the grant it leaves must not stay alive at Qonto, nor in the keyring.
"""

from __future__ import annotations

import logging

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.context import ConnectionContext, for_connection
from qonto_desktop.connections.shared_grant import pair_key, sharing
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)


def retire(context: ConnectionContext, old: Connection, new: Connection) -> None:
    """Revoke and forget what ``old`` used, unless ``new`` or another connection still uses it.

    Best effort: a revocation Qonto refuses is logged; the tokens are deleted here all the same.
    """
    if pair_key(old) == pair_key(new):
        return  # the same entry: the new tokens are in it now
    if old.grant_id is not None and sharing(context.desk, old):
        return  # other companies still use that grant
    refresh_token = token_pair.read(context.desk, old).refresh
    try:
        if refresh_token:
            same = old.client_id == context.client_id
            owner = context if same else for_connection(context.desk, old)
            owner.token_client.revoke(refresh_token, token_type_hint="refresh_token")
    except QontoDesktopError as exc:
        log.info("the replaced grant could not be revoked: %s", exc.code)
    token_pair.forget(context.desk, old)
