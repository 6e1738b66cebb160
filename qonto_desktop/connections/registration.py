"""The user's app registration per environment: client ID and port in the settings, secrets in
the keyring (the client secret and the sandbox's staging token)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.oauth.redirect import DEFAULT_PORT, LOOPBACK_HOST
from qonto_desktop.qonto.environments import Environment

CALLBACK_PATH = "/callback"


@dataclass(frozen=True)
class AppRegistration:
    """What the user registered in Qonto's Developer Portal for one environment."""

    environment: str
    client_id: str
    redirect_port: int = DEFAULT_PORT

    @property
    def redirect_uri(self) -> str:
        """The exact redirect URI to register in the Developer Portal."""
        return f"http://{LOOPBACK_HOST}:{self.redirect_port}{CALLBACK_PATH}"


def load_registration(environment: Environment, settings: Mapping[str, Any]) -> AppRegistration:
    """Read the registration of ``environment`` from the settings.

    Raises:
        NotConfiguredError: no client ID is set and the environment has no default one.
        ConfigurationError: the saved port is not a port.
    """
    section = (settings.get("registrations") or {}).get(environment.name) or {}
    client_id = str(section.get("client_id") or environment.default_client_id or "").strip()
    if not client_id:
        raise NotConfiguredError(environment.name)
    port = section.get("redirect_port", DEFAULT_PORT)
    # 0 is "any free port": only for a server that ignores the port of loopback redirect URIs
    # (RFC 8252 §7.3); Qonto may not, so it is never the default.
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port < 65536:
        raise ConfigurationError(
            f"The redirect port saved for {environment.label} is not a port number.",
            next_action="Set it again, e.g. `main.py configure --redirect-port 52817`.",
        )
    return AppRegistration(environment.name, client_id, port)


def with_registration(settings: Mapping[str, Any], registration: AppRegistration) -> dict[str, Any]:
    """Return new settings holding ``registration`` (nothing secret goes in the settings)."""
    registrations = dict(settings.get("registrations") or {})
    registrations[registration.environment] = {
        "client_id": registration.client_id,
        "redirect_port": registration.redirect_port,
    }
    return {**settings, "registrations": registrations}
