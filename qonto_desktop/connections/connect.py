"""Connect a Qonto organization: sign in through the browser, verify, save.

A company already connected is renewed, not replaced: :func:`connect_client` says so.
"""

from __future__ import annotations

from collections.abc import Callable

from qonto_desktop.connections.access_errors import explain_unauthorized, per_organization_scopes
from qonto_desktop.connections.attempt import OnWaiting
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.context import resolve
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.grant import (
    AbandonedGrant,
    build_connection,
    read_facts,
    revoke_abandoned,
    save_grant,
)
from qonto_desktop.connections.model import Connected, ConnectRequest
from qonto_desktop.connections.registration import load_registration
from qonto_desktop.connections.sign_in import signing_in
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.authorization import authorization_parameters
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import PartialWriteError

__all__ = ["ConnectRequest", "Connected", "OnAbandoned", "connect", "connect_client"]

OnAbandoned = Callable[[AbandonedGrant], object]


def connect(
    desk: Desk,
    request: ConnectRequest,
    open_browser: Callable[[str], object],
    *,
    on_waiting: OnWaiting | None = None,
    on_abandoned: OnAbandoned | None = None,
    checkpoint: Checkpoint = carry_on,
) -> Connection:
    """:func:`connect_client`, for callers that need only the saved connection."""
    return connect_client(
        desk,
        request,
        open_browser,
        on_waiting=on_waiting,
        on_abandoned=on_abandoned,
        checkpoint=checkpoint,
    ).connection


@explain_unauthorized(user_access=False)  # Qonto refusing this flow: say which to use
def connect_client(
    desk: Desk,
    request: ConnectRequest,
    open_browser: Callable[[str], object],
    *,
    on_waiting: OnWaiting | None = None,
    on_abandoned: OnAbandoned | None = None,
    checkpoint: Checkpoint = carry_on,
) -> Connected:
    """Run the whole connection; nothing is saved unless every step succeeded.

    A company already connected in this environment is renewed: the new grant replaces its
    tokens and reading, its history (id, date first connected) stays, and the result is
    ``renewed`` so that the face says "already connected: access renewed".

    Every check that needs no network comes first: the app registration, the permissions, the
    organization and registration IDs, secure storage and the sandbox's staging token, so that
    a problem shows before the browser opens. The connection's context is resolved then, once.

    Once Qonto has issued tokens, any failure or stop before they are saved abandons the grant,
    which Qonto would otherwise honour until it expires: ``on_abandoned`` is handed it before
    the error is raised. Not after a :class:`PartialWriteError`: the keyring may hold them.

    The browser that brought the code back is told the outcome: connected once the connection
    is saved, or that it failed, why and what to do (the error's own words), before the grant
    is abandoned; it is never told "connected" before the save.

    Args:
        open_browser: the browser seam; called once with the authorization address.
        on_waiting: told the :class:`Attempt` once listening (to show the address, accept a
            pasted answer, or cancel from another thread).
        on_abandoned: told of a grant that will not be saved; by default it is revoked at
            once, best effort (:func:`revoke_abandoned`). The window revokes it on a thread of
            its own instead, so that Cancel and closing never wait for it.
        checkpoint: called between the steps after the browser came back; raising there (the
            window's Cancel) stops the connection before anything is saved.

    Returns:
        The saved connection, and whether its company was already connected.

    Raises:
        QontoDesktopError: a subclass saying what went wrong and what to do.
    """
    environment = environment_of(desk, request.environment)
    registration = load_registration(environment, desk.settings)
    names = scopes.validate(request.scopes, allow_unknown=environment.allows_unknown_scopes)
    names = per_organization_scopes(registration, names)  # user access: see companies.py
    extra = authorization_parameters(request.organization_id, request.registration_id)
    desk.secrets.check_available()
    context = resolve(desk, environment, registration.client_id)
    with signing_in(
        context,
        registration,
        request,
        scopes=names,
        extra=extra,
        open_browser=open_browser,
        on_waiting=on_waiting,
    ) as authorized:
        tokens = authorized.tokens
        try:
            checkpoint("authorized")
            facts = read_facts(context, tokens)
            checkpoint("verified")
            connection = build_connection(
                environment=environment,
                client_id=registration.client_id,
                requested=names,
                tokens=tokens,
                facts=facts,
                now=desk.now(),
            )
            connected = save_grant(context, connection, tokens)
        except PartialWriteError as exc:  # the keyring may hold these tokens: never revoke them
            authorized.report_failed(exc)
            raise
        except Exception as exc:  # nothing was saved: the grant must not stay alive at Qonto
            if isinstance(exc, QontoDesktopError):
                authorized.report_failed(exc)  # the browser first: revoking may take a while
            (on_abandoned or revoke_abandoned)(AbandonedGrant(context, tokens))
            raise
        authorized.report_saved()
    return connected
