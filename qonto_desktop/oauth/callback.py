"""What the browser brings back to the redirect URI: from a query string or a pasted address."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from qonto_desktop.oauth.errors import CallbackFormatError

# Longer values than this are not something a server sends; refusing them bounds the work done.
MAX_PARAM_LENGTH = 4096


@dataclass(frozen=True)
class CallbackParams:
    """The parameters of one redirect back from the authorization server.

    Secrets (``code``, ``state``) are excluded from ``repr`` so they never reach a log by accident.
    """

    code: str | None = field(default=None, repr=False)
    state: str | None = field(default=None, repr=False)
    error: str | None = None
    error_description: str | None = None

    @property
    def is_answer(self) -> bool:
        """True when this is an OAuth answer at all: it carries a code or an error."""
        return bool(self.code) or bool(self.error)


def parse_query(query: str) -> CallbackParams:
    """Read the OAuth parameters from a raw query string.

    A parameter given twice is ambiguous (RFC 6749 §3.1: "MUST NOT be included more than once"),
    so it is treated as missing; an over-long one too.

    Args:
        query: the part of the URL after ``?``, undecoded.

    Returns:
        The parameters; any of them may be ``None``.
    """
    try:
        values = parse_qs(query, keep_blank_values=False, max_num_fields=50)
    except ValueError:  # more fields than any genuine answer carries
        return CallbackParams()

    def one(name: str) -> str | None:
        found = values.get(name, [])
        if len(found) != 1 or len(found[0]) > MAX_PARAM_LENGTH:
            return None
        return found[0]

    return CallbackParams(
        code=one("code"),
        state=one("state"),
        error=one("error"),
        error_description=one("error_description"),
    )


def parse_pasted_address(
    address: str, redirect_uri: str, *, service: str | None = None
) -> CallbackParams:
    """Read the parameters from an address the user copied from the browser's address bar.

    Used when the browser cannot reach this computer's loopback (remote desktop, another machine).

    Args:
        address: what the user pasted.
        redirect_uri: the redirect URI of the pending authorization.
        service: the provider's name, for the error's message.

    Returns:
        The parameters found in the address.

    Raises:
        CallbackFormatError: the address is not the redirect URI, or carries neither code nor error.
    """
    try:
        pasted = urlsplit(address.strip())
        expected = urlsplit(redirect_uri)
        same_place = (
            pasted.scheme == expected.scheme
            and pasted.port == expected.port
            and pasted.path == expected.path
            and pasted.hostname in {expected.hostname, "localhost", "127.0.0.1"}
        )
    except ValueError:  # a port out of range, a broken IPv6 literal
        raise CallbackFormatError(service=service) from None
    if not same_place:
        raise CallbackFormatError(service=service)
    params = parse_query(pasted.query)
    if not params.is_answer:
        raise CallbackFormatError(service=service)
    return params
