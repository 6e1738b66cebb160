"""Errors of the OAuth journey: bad settings, the browser leg, the receiver, the token endpoint.

Each class says, in the user's words, what happened and what to do next. Errors that come from
Qonto keep the server's ``error`` code and ``error_description`` as fields (``oauth_error`` and
``detail``), never in the message, so nothing the server sends is shown unlabelled.
"""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError


class ConfigurationError(QontoDesktopError):
    """A setting or an input is wrong; nothing was sent anywhere."""

    code = "configuration"
    message = "A setting is not valid."
    next_action = "Correct it and try again."


class OAuthError(QontoDesktopError):
    """Base of everything that goes wrong while talking OAuth with Qonto."""

    code = "oauth"

    def __init__(
        self,
        message: str | None = None,
        *,
        next_action: str | None = None,
        oauth_error: str | None = None,
        detail: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, next_action=next_action)
        self.oauth_error = oauth_error
        self.detail = detail
        self.status = status


# --- The browser leg: RFC 6749 §4.1.2.1 error codes in the redirect -------------------------


class AuthorizationError(OAuthError):
    """Qonto sent the browser back with ``error=...`` instead of a code."""

    code = "authorization_failed"
    message = "Qonto did not authorize the connection."
    next_action = "Try again. If it keeps failing, check the app registration in Qonto."


class AccessDeniedError(AuthorizationError):
    code = "access_denied"
    message = "The connection was refused in Qonto (someone clicked Deny, or closed the consent)."
    next_action = "Start again and click Approve in Qonto if you want to connect this account."


class AuthorizationRequestError(AuthorizationError):
    code = "invalid_request"
    message = "Qonto rejected the connection request as malformed."
    next_action = "Check the client ID and the organization ID, then try again."


class UnauthorizedClientError(AuthorizationError):
    code = "unauthorized_client"
    message = "This app registration is not allowed to connect this way."
    next_action = "Check in Qonto's Developer Portal that the app is active for this environment."


class UnsupportedResponseTypeError(AuthorizationError):
    code = "unsupported_response_type"
    message = "Qonto does not accept the kind of authorization the app asked for."
    next_action = "Check that the environment's addresses point at Qonto's OAuth server."


class InvalidScopeError(AuthorizationError):
    code = "invalid_scope"
    message = "Qonto refused one or more of the permissions asked for."
    next_action = (
        "Enable those permissions (scopes) on your app in Qonto's Developer Portal, "
        "or ask for fewer, then try again."
    )


class AuthorizationServerError(AuthorizationError):
    code = "server_error"
    message = "Qonto's sign-in service had an internal error."
    next_action = "Wait a minute and try again."


class TemporarilyUnavailableError(AuthorizationError):
    code = "temporarily_unavailable"
    message = "Qonto's sign-in service is busy or under maintenance."
    next_action = "Wait a few minutes and try again."


class StateMismatchError(OAuthError):
    """The answer does not belong to the sign-in this app started (RFC 6749 §10.12)."""

    code = "state_mismatch"
    message = "The answer from the browser does not belong to this connection attempt."
    next_action = "Start the connection again from the app, and use only the newest browser tab."


class AlreadyFinishedError(OAuthError):
    """A second exchange of one attempt's code; refused, since reuse can revoke the grant."""

    code = "already_finished"
    message = "This connection attempt has already been completed."
    next_action = "Start a new connection if you need another one."


class CallbackFormatError(OAuthError):
    """A pasted or received address is not a Qonto answer at all."""

    code = "callback_format"
    message = "That address is not the one Qonto sends back after you approve."
    next_action = (
        "Copy the full address from the browser's address bar after approving in Qonto; "
        "it starts with the redirect URI and contains code= and state=."
    )


# --- The loopback receiver --------------------------------------------------------------------


class ReceiverError(OAuthError):
    code = "receiver"


class PortUnavailableError(ReceiverError):
    code = "port_unavailable"
    message = "The app cannot listen on port {port}, which your redirect URI {redirect_uri} uses."
    next_action = (
        "Close the program that uses this port (another Qonto tool, perhaps), or register "
        "another redirect URI in Qonto's Developer Portal and set the same port in the app."
    )

    def __init__(self, port: int, redirect_uri: str, *, reason: str = "") -> None:
        message = type(self).message.format(port=port, redirect_uri=redirect_uri)
        if reason:
            message = f"{message} ({reason})"
        super().__init__(message)
        self.port = port
        self.redirect_uri = redirect_uri


class AuthorizationTimeoutError(ReceiverError):
    code = "timeout"
    message = "No answer came back from the browser in time."
    next_action = (
        "Try again. If the browser did come back, paste the address it ended on; if it showed "
        "a Qonto error page, check the client ID and the redirect URI."
    )


class AuthorizationCancelledError(ReceiverError):
    code = "cancelled"
    message = "The connection was cancelled."
    next_action = "Start again when you are ready."


# --- The token endpoint: RFC 6749 §5.2, and what HTTP can do to us -----------------------------


class TokenError(OAuthError):
    """The token endpoint refused a request (RFC 6749 §5.2)."""

    code = "token_refused"
    message = "Qonto refused to issue tokens."
    next_action = "Try connecting again."


class TokenRequestError(TokenError):
    code = "token_invalid_request"
    message = "Qonto rejected the token request as malformed."
    next_action = "Try connecting again; if it persists, check the environment's addresses."


class InvalidClientError(TokenError):
    code = "invalid_client"
    message = "Qonto does not recognise this app's client ID or client secret."
    next_action = (
        "Copy the client ID and secret again from Qonto's Developer Portal, for this "
        "environment (sandbox and production credentials differ)."
    )


class InvalidGrantError(TokenError):
    code = "invalid_grant"
    message = "Qonto no longer accepts this authorization: it expired, was used, or was revoked."
    next_action = "Reconnect this account."


class TokenUnauthorizedClientError(TokenError):
    code = "token_unauthorized_client"
    message = "This app registration may not obtain tokens this way."
    next_action = "Check in Qonto's Developer Portal that the app is active for this environment."


class UnsupportedGrantTypeError(TokenError):
    code = "unsupported_grant_type"
    message = "Qonto does not support the kind of token request the app sent."
    next_action = "Check that the environment's token address points at Qonto's OAuth server."


class TokenInvalidScopeError(TokenError):
    code = "token_invalid_scope"
    message = "Qonto refused the permissions asked for when issuing tokens."
    next_action = "Enable the permissions on your app in Qonto's Developer Portal and reconnect."


class RateLimitedError(OAuthError):
    code = "rate_limited"
    message = "Qonto is receiving too many requests from this computer right now."
    next_action = "Wait a minute, then try again."

    def __init__(self, *, retry_after: float | None = None, status: int | None = 429) -> None:
        super().__init__(status=status)
        self.retry_after = retry_after


class ServiceUnavailableError(OAuthError):
    code = "service_unavailable"
    message = "Qonto's service answered with an error (HTTP {status})."
    next_action = "Wait a few minutes and try again."

    def __init__(self, status: int) -> None:
        super().__init__(type(self).message.format(status=status), status=status)


class NetworkError(OAuthError):
    code = "network"
    message = "The app could not reach Qonto."
    next_action = "Check the internet connection (and any proxy or firewall), then try again."


class OutcomeUnknownError(NetworkError):
    """The request may have reached Qonto, so it must not be sent again (RFC 9700 §4.2.4)."""

    code = "outcome_unknown"
    message = "The connection to Qonto broke before its answer arrived."
    next_action = (
        "Start the connection again from the beginning; the app does not resend the same "
        "authorization, because Qonto could treat that as an attack and revoke it."
    )


class ResponseFormatError(OAuthError):
    code = "bad_response"
    message = "Qonto's answer was not in the expected format."
    next_action = "Try again later; if it persists, check the environment's addresses."


class SandboxStagingTokenError(OAuthError):
    code = "sandbox_staging_token"
    message = "The sandbox staging token is missing or wrong (Qonto answered with a web page)."
    next_action = (
        "Copy the staging token from Qonto's Developer Portal into the Sandbox settings, "
        "then try again."
    )


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
