"""Errors of the OAuth journey: bad settings, the browser leg, the receiver, the token endpoint.

Each class says, in the user's words, what happened and what to do next. Nothing here names a
provider: a message says ``{service}``, the provider's name that whoever raises the error gives
(the provider layer gives its own), else "the server". Errors that come from the server keep
its ``error`` code and ``error_description`` as fields (``oauth_error`` and ``detail``), never
in the message, so nothing the server sends is shown unlabelled.
"""

from __future__ import annotations

from collections.abc import Mapping

from qonto_desktop.errors import ConfigurationError as ConfigurationError  # noqa: PLC0414 (re-export)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message, Term, Text, with_reason

# Who answered, when the caller does not name the provider.
SERVER = N_("the server")


def service_name(service: Text | None) -> Text:
    """The provider's name for ``{service}``: the one given, else "the server" (translated)."""
    return Term(SERVER) if service is None else service


class OAuthError(QontoDesktopError):
    """Base of everything that goes wrong while talking OAuth with a provider.

    Args:
        service: the provider's name, put in the messages' ``{service}``.
    """

    code = "oauth"

    def __init__(
        self,
        message: Text | None = None,
        *,
        next_action: Text | None = None,
        oauth_error: str | None = None,
        detail: str | None = None,
        status: int | None = None,
        service: Text | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        values = {"service": service_name(service), **(params or {})}
        super().__init__(message, next_action=next_action, params=values)
        self.service = service
        self.oauth_error = oauth_error
        self.detail = detail
        self.status = status


# --- The browser leg: RFC 6749 §4.1.2.1 error codes in the redirect -------------------------


class AuthorizationError(OAuthError):
    """The provider sent the browser back with ``error=...`` instead of a code."""

    code = "authorization_failed"
    message = N_("{service} did not authorize the connection.")
    next_action = N_("Try again. If it keeps failing, check the app registration in {service}.")


class AccessDeniedError(AuthorizationError):
    code = "access_denied"
    message = N_(
        "The connection was refused in {service} (someone clicked Deny, or closed the consent)."
    )
    next_action = N_(
        "Start again and click Approve in {service} if you want to connect this account."
    )


class AuthorizationRequestError(AuthorizationError):
    code = "invalid_request"
    message = N_("{service} rejected the connection request as malformed.")
    next_action = N_("Check the client ID and the organization ID, then try again.")


class UnauthorizedClientError(AuthorizationError):
    code = "unauthorized_client"
    message = N_("This app registration is not allowed to connect this way.")
    next_action = N_(
        "Check in {service}'s Developer Portal that the app is active for this environment."
    )


class UnsupportedResponseTypeError(AuthorizationError):
    code = "unsupported_response_type"
    message = N_("{service} does not accept the kind of authorization the app asked for.")
    next_action = N_("Check that the environment's addresses point at {service}'s OAuth server.")


class InvalidScopeError(AuthorizationError):
    code = "invalid_scope"
    message = N_("{service} refused one or more of the permissions asked for.")
    next_action = N_(
        "Enable those permissions (scopes) on your app in {service}'s Developer Portal, "
        "or ask for fewer, then try again."
    )


class AuthorizationServerError(AuthorizationError):
    code = "server_error"
    message = N_("{service}'s sign-in service had an internal error.")
    next_action = N_("Wait a minute and try again.")


class TemporarilyUnavailableError(AuthorizationError):
    code = "temporarily_unavailable"
    message = N_("{service}'s sign-in service is busy or under maintenance.")
    next_action = N_("Wait a few minutes and try again.")


class StateMismatchError(OAuthError):
    """The answer does not belong to the sign-in this app started (RFC 6749 §10.12)."""

    code = "state_mismatch"
    message = N_("The answer from the browser does not belong to this connection attempt.")
    next_action = N_(
        "Start the connection again from the app, and use only the newest browser tab."
    )


class AlreadyFinishedError(OAuthError):
    """A second exchange of one attempt's code; refused, since reuse can revoke the grant."""

    code = "already_finished"
    message = N_("This connection attempt has already been completed.")
    next_action = N_("Start a new connection if you need another one.")


class CallbackFormatError(OAuthError):
    """A pasted or received address is not the provider's answer at all."""

    code = "callback_format"
    message = N_("That address is not the one {service} sends back after you approve.")
    next_action = N_(
        "Copy the full address from the browser's address bar after approving in {service}; "
        "it starts with the redirect URI and contains code= and state=."
    )


# --- The loopback receiver --------------------------------------------------------------------


class ReceiverError(OAuthError):
    code = "receiver"


class PortUnavailableError(ReceiverError):
    code = "port_unavailable"
    message = N_(
        "The app cannot listen on port {port}, which your redirect URI {redirect_uri} uses."
    )
    next_action = N_(
        "Close the program that uses this port (perhaps another tool for {service}), or register "
        "another redirect URI in {service}'s Developer Portal and set the same port in the app."
    )

    def __init__(
        self, port: int, redirect_uri: str, *, reason: Text = "", service: Text | None = None
    ) -> None:
        values = {"port": port, "redirect_uri": redirect_uri, "service": service_name(service)}
        message = Message(type(self).message, **values)
        super().__init__(
            with_reason(message, reason) if reason else message, service=service, params=values
        )
        self.port = port
        self.redirect_uri = redirect_uri


class AuthorizationTimeoutError(ReceiverError):
    code = "timeout"
    message = N_("No answer came back from the browser in time.")
    next_action = N_(
        "Try again. If the browser did come back, paste the address it ended on; if it showed "
        "an error page of {service}, check the client ID and the redirect URI."
    )


class AuthorizationCancelledError(ReceiverError):
    code = "cancelled"
    message = N_("The connection was cancelled.")
    next_action = N_("Start again when you are ready.")


# --- The token endpoint: RFC 6749 §5.2, and what HTTP can do to us -----------------------------


class TokenError(OAuthError):
    """The token endpoint refused a request (RFC 6749 §5.2)."""

    code = "token_refused"
    message = N_("{service} refused to issue tokens.")
    next_action = N_("Try connecting again.")


class TokenRequestError(TokenError):
    code = "token_invalid_request"
    message = N_("{service} rejected the token request as malformed.")
    next_action = N_("Try connecting again; if it persists, check the environment's addresses.")


class InvalidClientError(TokenError):
    code = "invalid_client"
    message = N_("{service} does not recognise this app's client ID or client secret.")
    next_action = N_(
        "Copy the client ID and secret again from {service}'s Developer Portal, for this "
        "environment (sandbox and production credentials differ)."
    )


class InvalidGrantError(TokenError):
    code = "invalid_grant"
    message = N_(
        "{service} no longer accepts this authorization: it expired, was used, or was revoked."
    )
    next_action = N_("Reconnect this account.")


class TokenUnauthorizedClientError(TokenError):
    code = "token_unauthorized_client"
    message = N_("This app registration may not obtain tokens this way.")
    next_action = N_(
        "Check in {service}'s Developer Portal that the app is active for this environment."
    )


class UnsupportedGrantTypeError(TokenError):
    code = "unsupported_grant_type"
    message = N_("{service} does not support the kind of token request the app sent.")
    next_action = N_(
        "Check that the environment's token address points at {service}'s OAuth server."
    )


class TokenInvalidScopeError(TokenError):
    code = "token_invalid_scope"
    message = N_("{service} refused the permissions asked for when issuing tokens.")
    next_action = N_(
        "Enable the permissions on your app in {service}'s Developer Portal and reconnect."
    )


class RateLimitedError(OAuthError):
    code = "rate_limited"
    message = N_("{service} is receiving too many requests from this computer right now.")
    next_action = N_("Wait a minute, then try again.")

    def __init__(
        self,
        *,
        retry_after: float | None = None,
        status: int | None = 429,
        service: Text | None = None,
    ) -> None:
        super().__init__(status=status, service=service)
        self.retry_after = retry_after


class ServiceUnavailableError(OAuthError):
    code = "service_unavailable"
    message = N_("{service}'s service answered with an error (HTTP {status}).")
    next_action = N_("Wait a few minutes and try again.")

    def __init__(self, status: int, *, service: Text | None = None) -> None:
        super().__init__(status=status, service=service, params={"status": status})


class NetworkError(OAuthError):
    code = "network"
    message = N_("The app could not reach {service}.")
    next_action = N_("Check the internet connection (and any proxy or firewall), then try again.")


class OutcomeUnknownError(NetworkError):
    """The request may have reached the server, so it must not be sent again (RFC 9700 §4.2.4)."""

    code = "outcome_unknown"
    message = N_("The connection to {service} broke before its answer arrived.")
    next_action = N_(
        "Start the connection again from the beginning; the app does not resend the same "
        "authorization, because {service} could treat that as an attack and revoke it."
    )


class ResponseFormatError(OAuthError):
    code = "bad_response"
    message = N_("{service}'s answer was not in the expected format.")
    next_action = N_("Try again later; if it persists, check the environment's addresses.")


AUTHORIZATION_ERRORS: dict[str, type[AuthorizationError]] = {
    cls.code: cls
    for cls in (
        AuthorizationRequestError,
        UnauthorizedClientError,
        AccessDeniedError,
        UnsupportedResponseTypeError,
        InvalidScopeError,
        AuthorizationServerError,
        TemporarilyUnavailableError,
    )
}

TOKEN_ERRORS: dict[str, type[TokenError]] = {
    "invalid_request": TokenRequestError,
    "invalid_client": InvalidClientError,
    "invalid_grant": InvalidGrantError,
    "unauthorized_client": TokenUnauthorizedClientError,
    "unsupported_grant_type": UnsupportedGrantTypeError,
    "invalid_scope": TokenInvalidScopeError,
}
