"""Connect a Qonto organization: sign in through the browser, verify, save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.grant import (
    AbandonedGrant,
    build_connection,
    read_facts,
    revoke_abandoned,
    save_grant,
)
from qonto_desktop.connections.registration import load_registration
from qonto_desktop.oauth.authorize import authorize
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.redirect import DEFAULT_TIMEOUT
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.errors import SERVICE
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import PartialWriteError

OnWaiting = Callable[[Receiver, PendingAuthorization], None]
OnAbandoned = Callable[[AbandonedGrant], object]


@dataclass(frozen=True)
class ConnectRequest:
    """What the user asked for in the connect dialog or on the command line."""

    environment: str
    scopes: tuple[str, ...]
    organization_id: str | None = None
    registration_id: str | None = None
    language: str = "en"
    timeout: float = DEFAULT_TIMEOUT


def connect(
    desk: Desk,
    request: ConnectRequest,
    open_browser: Callable[[str], object],
    *,
    on_waiting: OnWaiting | None = None,
    on_abandoned: OnAbandoned | None = None,
) -> Connection:
    """Run the whole connection; nothing is saved unless every step succeeded.

    Every check that needs no network comes first: the app registration, the permissions,
    secure storage and the sandbox's staging token, so that a problem shows before the browser
    opens. ``desk.checkpoint`` is called between the later steps; raising there (the window's
    Cancel) stops the connection before anything is saved.

    Once Qonto has issued tokens, any failure or stop before they are saved abandons the grant,
    which Qonto would otherwise honour until it expires: ``on_abandoned`` is handed it before
    the error is raised. Not after a :class:`PartialWriteError`: the keyring may hold them.

    Args:
        open_browser: the browser seam; called once with the authorization address.
        on_waiting: told the receiver and the pending authorization once listening (to show
            the address, accept a pasted answer, or cancel from another thread).
        on_abandoned: told of a grant that will not be saved; by default it is revoked at
            once, best effort (:func:`revoke_abandoned`). The window revokes it on a thread of
            its own instead, so that Cancel and closing never wait for it.

    Raises:
        QontoDesktopError: a subclass saying what went wrong and what to do.
    """
    environment = desk.environment(request.environment)
    registration = load_registration(environment, desk.settings)
    names = scopes.validate(request.scopes, allow_unknown=environment.allows_unknown_scopes)
    desk.secrets.check_available()
    token_client = desk.token_client(environment, registration.client_id)
    tokens = authorize(
        AuthorizationRequest(
            authorize_url=environment.authorize_url,
            client_id=registration.client_id,
            redirect_uri=registration.redirect_uri,
            scopes=names,
            organization_id=request.organization_id,
            registration_id=request.registration_id,
            service=SERVICE,
        ),
        token_client,
        open_browser,
        timeout=request.timeout,
        language=request.language,
        on_waiting=on_waiting,
    )
    try:
        desk.checkpoint("authorized")
        facts = read_facts(desk, environment, tokens)
        desk.checkpoint("verified")
        connection = build_connection(
            environment=environment,
            client_id=registration.client_id,
            requested=names,
            tokens=tokens,
            facts=facts,
            now=desk.now(),
        )
        return save_grant(desk, connection, tokens)
    except PartialWriteError:  # the keyring may hold these tokens now: never revoke them
        raise
    except Exception:  # nothing was saved: the grant must not stay alive at Qonto
        abandoned = AbandonedGrant(environment.name, registration.client_id, tokens)
        (on_abandoned or partial(revoke_abandoned, desk))(abandoned)
        raise
