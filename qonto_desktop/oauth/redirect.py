"""The loopback redirect URI: the one form the app accepts (RFC 8252 §7.3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, cast
from urllib.parse import urlsplit

from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import ConfigurationError, service_name

# Not 53683 nor 18920, which other command-line clients use: the tools can run side by side.
DEFAULT_PORT: Final = 52817
LOOPBACK_HOST: Final = "127.0.0.1"
# The two loopback forms a registration may use: the IP literal RFC 8252 §8.3 recommends, and
# "localhost", which public third-party Qonto clients register (see docs/qonto-facts.md).
LoopbackHost = Literal["127.0.0.1", "localhost"]
LOOPBACK_HOSTS: Final[tuple[LoopbackHost, ...]] = ("127.0.0.1", "localhost")
# One port rule everywhere: a fixed, unprivileged port the Developer Portal can hold.
MIN_PORT: Final = 1024
MAX_PORT: Final = 65535
DEFAULT_REDIRECT_URI: Final = f"http://{LOOPBACK_HOST}:{DEFAULT_PORT}/callback"


@dataclass(frozen=True)
class LoopbackAddress:
    """Where a loopback redirect URI points: its host, port and callback path."""

    host: LoopbackHost
    port: int
    path: str


def parse_redirect_uri(
    redirect_uri: str, *, any_port: bool = False, service: str | None = None
) -> LoopbackAddress:
    """Check that a redirect URI is a loopback one this receiver can serve.

    Args:
        redirect_uri: ``http://127.0.0.1:<port>/<path>`` or ``http://localhost:<port>/<path>``.
        any_port: also accept port 0, "any free port": only for the receiver itself, before it
            binds (the demo and the tests); never for a registration.
        service: the provider's name, for the error's message.

    Returns:
        The host, port and callback path.

    Raises:
        ConfigurationError: anything else: another host, user information, a query or a
            fragment, no port or one outside the one port rule (:func:`port_problem`).
    """
    try:
        parts = urlsplit(redirect_uri)
        port = parts.port
    except ValueError:  # e.g. a port out of range, a broken IPv6 literal
        parts, port = urlsplit(""), None
    host = next((name for name in LOOPBACK_HOSTS if parts.netloc == f"{name}:{port}"), None)
    valid = (
        parts.scheme == "http"
        # RFC 8252 §7.3 and §8.3: the IP literal, or "localhost" as registered (both stacks).
        and host is not None
        and port is not None
        and (port_problem(port) is None or (any_port and port == 0))
        and parts.path.startswith("/")
        and "?" not in redirect_uri
        and "#" not in redirect_uri
        and all("!" <= char <= "~" for char in parts.path)
    )
    if not valid or host is None or port is None:
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
    return LoopbackAddress(host, port, parts.path)


def port_problem(value: object) -> Message | None:
    """Why ``value`` is not a redirect port a registration can use, or None when it is one.

    ``value`` may be an int or the text the user typed. The rule is the same everywhere:
    a whole number from :data:`MIN_PORT` to :data:`MAX_PORT`; 0 ("any free port") is refused,
    since the registered address must match the one the app listens on exactly.
    """
    if isinstance(value, str):
        text = value.strip()
        number = int(text) if text.isascii() and text.isdigit() and len(text) <= 5 else None
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        number = None
    if number is not None and MIN_PORT <= number <= MAX_PORT:
        return None
    return Message(
        N_("The redirect port must be a whole number from {low} to {high}."),
        low=MIN_PORT,
        high=MAX_PORT,
    )


def check_port(value: object, *, service: str | None = None) -> int:
    """``value`` as a redirect port, under the one rule of :func:`port_problem`.

    Raises:
        ConfigurationError: it is not one; the message says the range and what to do.
    """
    problem = port_problem(value)
    if problem is not None:
        raise ConfigurationError(
            problem,
            next_action=Message(
                N_(
                    "Use the port of the redirect URI registered in {service}'s Developer "
                    "Portal, e.g. {port}."
                ),
                service=service_name(service),
                port=DEFAULT_PORT,
            ),
        )
    return int(cast("int | str", value))


def check_host(value: object) -> LoopbackHost:
    """``value`` as one of the :data:`LOOPBACK_HOSTS`.

    Raises:
        ConfigurationError: it is neither ``127.0.0.1`` nor ``localhost``.
    """
    for host in LOOPBACK_HOSTS:
        if value == host:
            return host
    raise ConfigurationError(
        Message(N_("The redirect address must use 127.0.0.1 or localhost.")),
        next_action=Message(N_("Pick the one your app registration uses.")),
    )


def loopback_redirect_uri(host: LoopbackHost, port: int, path: str = "/callback") -> str:
    """The redirect URI a registration sends and the user registers: ``http://host:port/path``."""
    return f"http://{host}:{port}{path}"
