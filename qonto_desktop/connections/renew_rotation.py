"""One grant's rotation inside a renew-all: sent on a worker, its tokens kept, its outcome told.

:mod:`qonto_desktop.connections.renew_all` holds the grant's refresh lock and has already marked
its access token spent in the index; here the refresh is sent and the rotated tokens are saved in
the keyring, both in one entry, read back (:mod:`qonto_desktop.connections.token_pair`). The
index is written once for the whole chunk, from :func:`index_changes`, after every rotation of
the chunk is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.checkpoint import Checkpoint
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import InvalidGrantError, OutcomeUnknownError, RateLimitedError
from qonto_desktop.oauth.tokens import TokenClient
from qonto_desktop.oauth.tokenset import TokenSet
from qonto_desktop.store.connection import REFRESH_TOKEN_LIFETIME, Connection

NO_REFRESH_TOKEN = N_("no refresh token is saved for it")
REFRESH_REFUSED = N_("its refresh token expired or was revoked")


@dataclass(frozen=True)
class Rotated:
    """Qonto issued new tokens and both are in the keyring."""

    tokens: TokenSet


@dataclass(frozen=True)
class Failed:
    """No new tokens kept.

    Attributes:
        untouched: Qonto certainly did not rotate: the access token marked spent still holds.
        reconnect_reason: Qonto refused the refresh token: the connection needs a new sign-in.
        rate_limited: Qonto answered 429: the grant may be tried again after a pause.
    """

    error: QontoDesktopError
    untouched: bool = False
    reconnect_reason: str | None = None
    rate_limited: bool = False


Outcome = Rotated | Failed


def rotate(desk: Desk, client: TokenClient, lead: Connection, checkpoint: Checkpoint) -> Outcome:
    """Refresh the grant ``lead`` uses and save the rotated tokens; Qonto's errors are told.

    Only what ``checkpoint`` raises (a cancel, a simulated crash) leaves this function.
    """
    try:
        saved = token_pair.read(desk, lead)
    except QontoDesktopError as exc:  # nothing sent: the token still holds
        return Failed(exc, untouched=True)
    if saved.refresh is None:
        return _reconnect(lead, NO_REFRESH_TOKEN)
    tokens = _send(client, lead, saved.refresh)
    if isinstance(tokens, Failed):
        return tokens
    checkpoint("token answer received")
    try:
        # Both in one write, under the grant's lock: what was read is what to put back.
        refresh = tokens.refresh_token or saved.refresh
        token_pair.save(desk, lead, tokens.access_token, refresh, was=saved)
    except QontoDesktopError as exc:  # rotated: the old access token is dead, stay spent
        return Failed(exc)
    checkpoint("tokens saved")
    return Rotated(tokens)


def _send(client: TokenClient, lead: Connection, refresh_token: str) -> TokenSet | Failed:
    """The refresh's answer, or why there is none."""
    try:
        return client.refresh(refresh_token, previous_scopes=lead.scopes_granted)
    except InvalidGrantError:  # never retried: Qonto throttles repeated failures
        return _reconnect(lead, REFRESH_REFUSED)
    except RateLimitedError as exc:  # refused before it was handled: nothing rotated
        return Failed(exc, untouched=True, rate_limited=True)
    except OutcomeUnknownError as exc:  # Qonto may have rotated: the access token may be dead
        return Failed(exc)
    except QontoDesktopError as exc:  # not reached, or refused: the token still holds
        return Failed(exc, untouched=True)


def index_changes(
    outcome: Outcome, lead: Connection, now: float, backend: str
) -> dict[str, object]:
    """What the index records of ``outcome`` for every connection of the grant (maybe nothing).

    Args:
        lead: the grant's connection as read before its access token was marked spent.
        backend: the keyring backend's name, for a connection saved before backends were named.
    """
    if isinstance(outcome, Rotated):
        tokens = outcome.tokens
        refresh_expires_at = (
            now + REFRESH_TOKEN_LIFETIME if tokens.refresh_token else lead.refresh_expires_at
        )
        return {
            "access_expires_at": tokens.expires_at,
            "refresh_expires_at": refresh_expires_at,
            "refreshed_at": now,
            "scopes_granted": tokens.scopes,
            "keyring_backend": lead.keyring_backend or backend,
        }
    if outcome.reconnect_reason is not None:
        return {"state": "needs_reconnect", "state_reason": outcome.reconnect_reason}
    if outcome.untouched:
        return {"access_expires_at": lead.access_expires_at}
    return {}


def _reconnect(lead: Connection, reason: str) -> Failed:
    error = NeedsReconnectError(lead.name_text, reason=reason)
    return Failed(error, reconnect_reason=reason)
