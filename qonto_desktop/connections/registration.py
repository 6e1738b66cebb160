"""The user's app registration per environment: client ID and port in the settings, secrets in
the keyring (the client secret and the sandbox's staging token).

Where the user saved none, a firm's build may carry one (:mod:`qonto_desktop.connections.baked`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qonto_desktop.connections.baked import baked_for, baked_registration
from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.oauth.redirect import DEFAULT_PORT, LOOPBACK_HOST
from qonto_desktop.program import program_name
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
    baked = baked_for(environment.name)
    if not section.get("client_id") and baked is not None:
        return AppRegistration(environment.name, baked.client_id, baked.redirect_port)
    client_id = str(section.get("client_id") or environment.default_client_id or "").strip()
    if not client_id:
        raise NotConfiguredError(environment.name)
    port = section.get("redirect_port", DEFAULT_PORT)
    # 0 is "any free port": only for a server that ignores the port of loopback redirect URIs
    # (RFC 8252 §7.3); Qonto may not, so it is never the default.
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port < 65536:
        raise ConfigurationError(
            Message(
                N_("The redirect port saved for {environment} is not a port number."),
                environment=environment.label,
            ),
            next_action=Message(
                N_("Set it again, e.g. `{program} configure --redirect-port 52817`."),
                program=program_name(),
            ),
        )
    return AppRegistration(environment.name, client_id, port)


def with_registration(settings: Mapping[str, Any], registration: AppRegistration) -> dict[str, Any]:
    """Return new settings holding ``registration`` (nothing secret goes in the settings).

    The registration the build carries is not copied into the settings, so that a newer build
    with another one takes effect.
    """
    registrations = dict(settings.get("registrations") or {})
    baked = baked_for(registration.environment)
    if baked is not None and (baked.client_id, baked.redirect_port) == (
        registration.client_id,
        registration.redirect_port,
    ):
        registrations.pop(registration.environment, None)
    else:
        registrations[registration.environment] = {
            "client_id": registration.client_id,
            "redirect_port": registration.redirect_port,
        }
    return {**settings, "registrations": registrations}


def default_environment(settings: Mapping[str, Any]) -> str:
    """The environment to connect to unless told otherwise: the user's, the build's, production."""
    baked = baked_registration()
    chosen = settings.get("environment") or (baked.environment if baked else None)
    return str(chosen or "production")


def baked_client_secret(environment: str, client_id: str) -> str | None:
    """The client secret the build carries for this registration, if it carries one."""
    baked = baked_for(environment)
    return baked.client_secret if baked is not None and baked.client_id == client_id else None
