"""One sign-in in the browser, written once for both flows (one company, or user access)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from qonto_desktop.connections.attempt import Attempt, OnWaiting
from qonto_desktop.connections.context import ConnectionContext
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.connections.registration import AppRegistration
from qonto_desktop.oauth.authorize import Authorized, authorization
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.qonto.errors import SERVICE


def signing_in(
    context: ConnectionContext,
    registration: AppRegistration,
    request: ConnectRequest,
    *,
    scopes: tuple[str, ...],
    extra: tuple[tuple[str, str], ...],
    open_browser: Callable[[str], object],
    on_waiting: OnWaiting | None,
) -> AbstractContextManager[Authorized]:
    """The authorization for ``scopes``: the receiver listens, the browser opens, the code is
    exchanged; entering it yields the tokens while the browser's page waits for the outcome.

    The issuer's keys are fetched meanwhile when ``openid`` is asked, so the exchange after
    the browser came back makes the token request only.
    """
    if "openid" in scopes:
        context.token_client.fetch_keys_ahead()
    return authorization(
        AuthorizationRequest(
            authorize_url=context.environment.authorize_url,
            client_id=registration.client_id,
            redirect_uri=registration.redirect_uri,
            scopes=scopes,
            extra=extra,
            service=SERVICE,
        ),
        context.token_client,
        open_browser,
        timeout=request.timeout,
        language=request.language,
        on_waiting=None if on_waiting is None else _as_attempt(on_waiting),
    )


def _as_attempt(on_waiting: OnWaiting) -> Callable[[Receiver, PendingAuthorization], None]:
    """The OAuth flow's listening callback, handing the faces one :class:`Attempt`."""

    def listening(receiver: Receiver, pending: PendingAuthorization) -> None:
        on_waiting(Attempt(receiver, pending))

    return listening
