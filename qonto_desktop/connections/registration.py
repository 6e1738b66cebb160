"""The user's app registration per environment: client ID and port in the settings, secrets in
the keyring (the client secret and the sandbox's staging token). Loading and saving are written
once here, for the window's form and the ``configure`` command alike.

Where the user saved none, a firm's build may carry one (:mod:`qonto_desktop.connections.baked`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

from qonto_desktop.connections.baked import baked_for, baked_registration
from qonto_desktop.connections.client_id import check_client_id, client_id_problem
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.oauth.redirect import (
    DEFAULT_PORT,
    LOOPBACK_HOST,
    LOOPBACK_HOSTS,
    MAX_PORT,
    MIN_PORT,
    LoopbackHost,
    check_host,
    check_port,
    loopback_redirect_uri,
    port_problem,
)
from qonto_desktop.program import program_name
from qonto_desktop.qonto.authorization import EXAMPLE_UUID, UUID_PATTERN
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import SERVICE
from qonto_desktop.system.settings import save_settings

# Re-exported for the faces, which show and check them as the user types: one rule for each.
__all__ = [
    "CALLBACK_PATH",
    "DEFAULT_PORT",
    "EXAMPLE_UUID",
    "LOOPBACK_HOST",
    "LOOPBACK_HOSTS",
    "MAX_PORT",
    "MIN_PORT",
    "UUID_PATTERN",
    "Access",
    "AppRegistration",
    "Environment",
    "LoopbackHost",
    "RegistrationDraft",
    "SavedSecrets",
    "baked_client_secret",
    "check_client_id",
    "check_host",
    "check_redirect_port",
    "check_secret_storage",
    "client_id_problem",
    "default_environment",
    "load_registration",
    "port_problem",
    "registration_problem",
    "save_registration",
    "saved_registration",
    "saved_secrets",
    "with_registration",
]

CALLBACK_PATH = "/callback"

Access = Literal["organization", "user"]
"""``organization``: one sign-in per company (Qonto's usual flow); ``user``: Qonto approved the
app for its user access, one sign-in for all the user's companies (``identity_type=user``)."""


def check_redirect_port(value: object) -> int:
    """``value`` as a redirect port, under the one rule (1024 to 65535).

    Raises:
        ConfigurationError: it is not one; the message says the range and what to do.
    """
    return check_port(value, service=SERVICE)


@dataclass(frozen=True)
class AppRegistration:
    """What the user registered in Qonto's Developer Portal for one environment."""

    environment: str
    client_id: str
    redirect_port: int = DEFAULT_PORT
    redirect_host: LoopbackHost = LOOPBACK_HOST
    access: Access = "organization"

    @property
    def user_access(self) -> bool:
        """Whether Qonto approved the app for its user access (one sign-in, many companies)."""
        return self.access == "user"

    @property
    def redirect_uri(self) -> str:
        """The exact redirect URI to register in the Developer Portal, and the one sent."""
        return loopback_redirect_uri(self.redirect_host, self.redirect_port, CALLBACK_PATH)


def load_registration(environment: Environment, settings: Mapping[str, Any]) -> AppRegistration:
    """Read the registration of ``environment`` from the settings.

    Raises:
        NotConfiguredError: no client ID is set and the environment has no default one.
        ConfigurationError: what is saved is damaged (a port, a host or a client ID the app
            cannot use); the message names the settings and how to set it again.
    """
    section = (settings.get("registrations") or {}).get(environment.name) or {}
    baked = baked_for(environment.name)
    if not section.get("client_id") and baked is not None:
        return AppRegistration(
            environment.name, baked.client_id, baked.redirect_port, baked.redirect_host
        )
    client_id = str(section.get("client_id") or environment.default_client_id or "").strip()
    if not client_id:
        raise NotConfiguredError(environment.name)
    port = section.get("redirect_port", DEFAULT_PORT)
    host = section.get("redirect_host", LOOPBACK_HOST)
    # Port 0 ("any free port", RFC 8252 §7.3) only for the emulator's preset registration: the
    # emulator in this process is told the address at run time; no portal has to match it.
    free_port = environment.default_client_id is not None and port == 0
    access = _access(section, environment)  # its own message: how to set it again
    try:
        return AppRegistration(
            environment.name,
            check_client_id(client_id),
            port if free_port else check_redirect_port(port),
            check_host(host),
            access,
        )
    except ConfigurationError as exc:
        raise _damaged(environment, exc) from exc


def _damaged(environment: Environment, error: ConfigurationError) -> ConfigurationError:
    """The error of a damaged saved registration: what is wrong, where, and how to fix it."""
    return ConfigurationError(
        Message(
            N_("The app registration saved for {environment} in the settings is damaged: {reason}"),
            environment=environment.label,
            reason=error.message_text,
        ),
        next_action=Message(
            N_(
                "Correct it under App registration in the window (Connect a client), or "
                "with `{program} configure --environment {name} --redirect-port {port}`."
            ),
            program=program_name(),
            name=environment.name,
            port=DEFAULT_PORT,
        ),
    )


def _access(section: Mapping[str, Any], environment: Environment) -> Access:
    """The saved access kind; a damaged one is refused rather than guessed."""
    access = section.get("access", "organization")
    if access not in get_args(Access):
        raise ConfigurationError(
            Message(
                N_("The access kind saved for {environment} is not one the app knows."),
                environment=environment.label,
            ),
            next_action=Message(
                N_("Set it again: `{program} configure --user-access yes` or `no`."),
                program=program_name(),
            ),
        )
    return cast(Access, access)


def with_registration(settings: Mapping[str, Any], registration: AppRegistration) -> dict[str, Any]:
    """Return new settings holding ``registration`` (nothing secret goes in the settings).

    The registration the build carries is not copied into the settings, so that a newer build
    with another one takes effect.
    """
    registrations = dict(settings.get("registrations") or {})
    baked = baked_for(registration.environment)
    if (
        baked is not None
        and (baked.client_id, baked.redirect_port, baked.redirect_host)
        == (registration.client_id, registration.redirect_port, registration.redirect_host)
        and not registration.user_access
    ):
        registrations.pop(registration.environment, None)
    else:
        registrations[registration.environment] = {
            "client_id": registration.client_id,
            "redirect_port": registration.redirect_port,
        }
        if registration.redirect_host != LOOPBACK_HOST:
            registrations[registration.environment]["redirect_host"] = registration.redirect_host
        if registration.user_access:  # written only when it is not the usual flow
            registrations[registration.environment]["access"] = registration.access
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


def saved_registration(environment: Environment, settings: Mapping[str, Any]) -> AppRegistration:
    """The registration remembered for ``environment``; empty client ID when none is.

    Never raises: a damaged part is replaced by its default (the port, the host) or kept as
    saved for the user to correct (the client ID); :func:`registration_problem` says what.
    """
    try:
        return load_registration(environment, settings)
    except NotConfiguredError:
        return AppRegistration(environment.name, "", DEFAULT_PORT)
    except ConfigurationError:
        section = (settings.get("registrations") or {}).get(environment.name) or {}
        port = section.get("redirect_port", DEFAULT_PORT)
        host = section.get("redirect_host", LOOPBACK_HOST)
        return AppRegistration(
            environment.name,
            str(section.get("client_id") or ""),
            check_redirect_port(port) if port_problem(port) is None else DEFAULT_PORT,
            next((known for known in LOOPBACK_HOSTS if known == host), LOOPBACK_HOST),
            "user" if section.get("access") == "user" else "organization",
        )


def registration_problem(
    environment: Environment, settings: Mapping[str, Any]
) -> ConfigurationError | None:
    """What is damaged in the registration saved for ``environment``, or None."""
    try:
        load_registration(environment, settings)
    except NotConfiguredError:
        return None
    except ConfigurationError as exc:
        return exc
    return None


@dataclass(frozen=True)
class RegistrationDraft:
    """A registration to save; secrets empty means "keep the saved one"."""

    registration: AppRegistration
    client_secret: str = field(default="", repr=False)
    staging_token: str = field(default="", repr=False)
    preset: bool = False
    make_default: bool = False


@dataclass(frozen=True)
class SavedSecrets:
    """Which of a registration's secrets the keyring holds (never the secrets themselves)."""

    client_secret: bool
    staging_token: bool


def check_secret_storage(desk: Desk) -> None:
    """Make sure secrets can be saved before asking the user for one.

    Raises:
        StorageError: no usable keyring.
    """
    desk.secrets.check_available()


def save_registration(desk: Desk, draft: RegistrationDraft) -> dict[str, Any] | None:
    """Save a registration: secrets to the keyring first, then the settings file.

    Keyring and file calls: the window runs it on a worker. A preset registration is never
    saved.

    Returns:
        The new settings, or None when nothing in the settings changed.

    Raises:
        StorageError: the keyring refused a secret (the settings are then left as they were).
        SettingsFileError: the settings file could not be written.
    """
    if draft.preset:
        return None
    registration = draft.registration
    if draft.client_secret:
        key = client_secret_key(registration.environment, registration.client_id)
        desk.secrets.set(key, draft.client_secret)
    if draft.staging_token:
        desk.secrets.set(staging_token_key(registration.environment), draft.staging_token)
    settings = with_registration(desk.settings, registration)
    if draft.make_default:
        settings["environment"] = registration.environment
    if settings == dict(desk.settings):
        return None
    save_settings(settings, desk.paths)
    return settings


def saved_secrets(desk: Desk, registration: AppRegistration) -> SavedSecrets:
    """Which secrets of ``registration`` are saved in the keyring."""
    client_key = client_secret_key(registration.environment, registration.client_id)
    return SavedSecrets(
        client_secret=bool(desk.secrets.get(client_key)),
        staging_token=bool(desk.secrets.get(staging_token_key(registration.environment))),
    )
