"""``configure``: the app registration of an environment (client ID, redirect address, secrets).

Every value given is checked first, under the same rules as the window's form; a refused one
saves nothing.
"""

from __future__ import annotations

import getpass
from dataclasses import replace
from typing import TextIO

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.errors import ConfigurationError, NotConfiguredError
from qonto_desktop.connections.registration import (
    AppRegistration,
    RegistrationDraft,
    check_client_id,
    check_host,
    check_redirect_port,
    check_secret_storage,
    load_registration,
    save_registration,
    saved_registration,
    saved_secrets,
)
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.message import N_


def run(
    desk: Desk,
    environment_name: str,
    *,
    client_id: str | None,
    redirect_port: str | None,
    redirect_host: str | None = None,
    set_client_secret: bool,
    set_staging_token: bool,
    make_default: bool,
    stdin: TextIO,
    out: TextIO,
    user_access: bool | None = None,
) -> int:
    """Change what was given, then show the registration as it now stands.

    Args:
        user_access: Qonto approved the app for its user access (True), or not (False);
            None leaves it as saved.
    """
    environment = environment_of(desk, environment_name)
    # Every value given is checked before anything is read or saved.
    new_id = None if client_id is None else check_client_id(client_id)
    new_port = None if redirect_port is None else check_redirect_port(redirect_port)
    new_host = None if redirect_host is None else check_host(redirect_host)
    try:
        registration = load_registration(environment, desk.settings)
    except NotConfiguredError:
        if new_id is None:
            raise
        registration = AppRegistration(environment.name, new_id)
    except ConfigurationError:  # damaged in the settings: what is given here may repair it
        if (new_id, new_port, new_host) == (None, None, None):
            raise
        registration = saved_registration(environment, desk.settings)
    registration = replace(
        registration,
        client_id=registration.client_id if new_id is None else new_id,
        redirect_port=registration.redirect_port if new_port is None else new_port,
        redirect_host=registration.redirect_host if new_host is None else new_host,
    )
    if user_access is not None:
        registration = replace(registration, access="user" if user_access else "organization")
    check_client_id(registration.client_id)  # a damaged saved one, not replaced
    if set_client_secret or set_staging_token:
        check_secret_storage(desk)
    secret = _read_secret("Client secret (input hidden): ", stdin) if set_client_secret else ""
    token = (
        _read_secret("Sandbox staging token (input hidden): ", stdin) if set_staging_token else ""
    )
    draft = RegistrationDraft(
        registration, client_secret=secret, staging_token=token, make_default=make_default
    )
    save_registration(desk, draft)
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
    saved = saved_secrets(desk, registration)
    print(f"{label} app registration", file=out)
    print(f"  client ID:      {safe_text(registration.client_id)}", file=out)
    if saved.client_secret:
        kept = "stored in the keyring"
    elif registration.environment == "emulator":
        kept = "none (the emulator's apps need none)"
    else:  # Qonto's portal gives every app one
        kept = "none saved: add the one the Developer Portal gave with --client-secret"
    print(f"  client secret:  {kept}", file=out)
    if registration.environment == "sandbox":
        staged = saved.staging_token
        print(f"  staging token:  {'stored in the keyring' if staged else 'MISSING'}", file=out)
    access = (
        "user access (one sign-in for all your companies)"
        if registration.user_access
        else "one company per sign-in"
    )
    print(f"  access:         {access}", file=out)
    print(f"  redirect host:  {registration.redirect_host}", file=out)
    print(f"  redirect port:  {registration.redirect_port}", file=out)
    print(f"  redirect URI:   {registration.redirect_uri}", file=out)
    print("Register exactly this redirect URI for the app in Qonto's Developer Portal.", file=out)
