"""``configure``: the app registration of an environment (client ID, port, secrets)."""

from __future__ import annotations

import getpass
from dataclasses import replace
from typing import TextIO

from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.connections.registration import (
    AppRegistration,
    load_registration,
    with_registration,
)
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.system.settings import save_settings


def run(
    environment_name: str,
    *,
    client_id: str | None,
    redirect_port: int | None,
    set_client_secret: bool,
    set_staging_token: bool,
    make_default: bool,
    stdin: TextIO,
    out: TextIO,
) -> int:
    """Change what was given, then show the registration as it now stands."""
    desk = open_desk()
    environment = desk.environment(environment_name)
    try:
        registration = load_registration(environment, desk.settings)
    except NotConfiguredError:
        if not client_id:
            raise
        registration = AppRegistration(environment.name, client_id.strip())
    if client_id is not None:
        registration = replace(registration, client_id=client_id.strip())
    if redirect_port is not None:
        registration = replace(registration, redirect_port=redirect_port)
    if set_client_secret or set_staging_token:
        desk.secrets.check_available()
    if set_client_secret:
        secret = _read_secret("Client secret (input hidden): ", stdin)
        desk.secrets.set(client_secret_key(environment.name, registration.client_id), secret)
    if set_staging_token:
        token = _read_secret("Sandbox staging token (input hidden): ", stdin)
        desk.secrets.set(staging_token_key(environment.name), token)
    settings = with_registration(desk.settings, registration)
    if make_default:
        settings["environment"] = environment.name
    if settings != desk.settings:
        save_settings(settings, desk.paths)
    _show(desk, environment.label, registration, out)
    return 0


def _read_secret(prompt: str, stdin: TextIO) -> str:
    """Read a secret without echo from a terminal, or one line from a pipe."""
    value = getpass.getpass(prompt) if stdin.isatty() else stdin.readline()
    value = value.strip()
    if not value:
        raise ConfigurationError(
            N_("Nothing was entered."), next_action=N_("Run the command again.")
        )
    return value


def _show(desk: Desk, label: str, registration: AppRegistration, out: TextIO) -> None:
    has_secret = desk.secrets.get(
        client_secret_key(registration.environment, registration.client_id)
    )
    print(f"{label} app registration", file=out)
    print(f"  client ID:      {registration.client_id}", file=out)
    print(
        f"  client secret:  {'stored in the keyring' if has_secret else 'none (PKCE only)'}",
        file=out,
    )
    if registration.environment == "sandbox":
        staged = desk.secrets.get(staging_token_key(registration.environment))
        print(f"  staging token:  {'stored in the keyring' if staged else 'MISSING'}", file=out)
    print(f"  redirect URI:   {registration.redirect_uri}", file=out)
    print("Register exactly this redirect URI for the app in Qonto's Developer Portal.", file=out)
