"""The loopback redirect URI: the one form the app accepts (RFC 8252 §7.3)."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import ConfigurationError, service_name

# Not 53683 nor 18920, which other command-line clients use: the tools can run side by side.
DEFAULT_PORT: Final = 52817
LOOPBACK_HOST: Final = "127.0.0.1"
# How long the receiver waits for the browser, by default: five minutes.
DEFAULT_TIMEOUT: Final = 300.0
DEFAULT_REDIRECT_URI: Final = f"http://{LOOPBACK_HOST}:{DEFAULT_PORT}/callback"


def parse_redirect_uri(
    redirect_uri: str, *, any_port: bool = True, service: str | None = None
) -> tuple[int, str]:
    """Check that a redirect URI is a loopback one this receiver can serve.

    Args:
        redirect_uri: e.g. ``http://127.0.0.1:52817/callback``.
        any_port: accept port 0, "any free port" (for the receiver, before it binds).
        service: the provider's name, for the error's message.

    Returns:
        The port and the callback path.

    Raises:
        ConfigurationError: anything but ``http://127.0.0.1:<port>/<path>``.
    """
    try:
        parts = urlsplit(redirect_uri)
        port = parts.port
    except ValueError:  # e.g. a port out of range, a broken IPv6 literal
        parts, port = urlsplit(""), None
    valid = (
        parts.scheme == "http"
        # RFC 8252 §8.3: the IP literal, not "localhost", which may resolve elsewhere or to ::1.
        and port is not None
        and (any_port or port > 0)
        and parts.netloc == f"{LOOPBACK_HOST}:{port}"
        and parts.path.startswith("/")
        and "?" not in redirect_uri
        and "#" not in redirect_uri
        and all("!" <= char <= "~" for char in parts.path)
    )
    if not valid or port is None:
        raise ConfigurationError(
            Message(
                N_(
                    "The redirect URI {redirect_uri!r} is not a loopback address the app can "
                    "listen on."
                ),
                redirect_uri=redirect_uri,
            ),
            next_action=Message(
                N_(
                    "Use an address like {example}, and register exactly the same one in "
                    "{service}'s Developer Portal."
                ),
                example=DEFAULT_REDIRECT_URI,
                service=service_name(service),
            ),
        )
    return port, parts.path
