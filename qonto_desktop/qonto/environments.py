"""The Qonto environments the app can talk to, and how each wants to be addressed.

The client knows Qonto only through an :class:`Environment`: production, the sandbox, a custom
set of addresses, or the built-in emulator are all the same kind of value.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from qonto_desktop.i18n.message import N_, Message, Term
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto.errors import SandboxStagingTokenError

# Spelled exactly so; the sandbox answers an HTML sign-in page without it (Qonto sandbox docs).
STAGING_HEADER = "X-Qonto-Staging-Token"

# Hydra publishes the ID tokens' signing keys here, under the issuer (ory.sh/docs/hydra/jwks).
JWKS_PATH = "/.well-known/jwks.json"

# The built-in emulator (``main.py emulator``) listens here unless told otherwise.
EMULATOR_URL_VARIABLE = "QONTO_DESKTOP_EMULATOR_URL"
DEFAULT_EMULATOR_URL = "http://127.0.0.1:52818"
# The emulator's public demo client (no secret, PKCE): usable without any set-up.
EMULATOR_PUBLIC_CLIENT_ID = "2f3b4ea1-31ec-4960-9588-abbe120db0fc"

CUSTOM_URL_VARIABLES = {
    "authorize_url": "QONTO_DESKTOP_AUTHORIZE_URL",
    "token_url": "QONTO_DESKTOP_TOKEN_URL",
    "revoke_url": "QONTO_DESKTOP_REVOKE_URL",
    "api_base_url": "QONTO_DESKTOP_API_URL",
}
# What each address is called in a message (a term the French gives its article).
ADDRESSES = {
    "authorize_url": N_("authorize url"),
    "token_url": N_("token url"),
    "revoke_url": N_("revoke url"),
    "api_base_url": N_("api base url"),
}


@dataclass(frozen=True)
class Environment:
    """One place Qonto lives: its OAuth and API addresses and its quirks.

    Attributes:
        name: ``production``, ``sandbox``, ``custom`` or ``emulator``.
        label: what the user sees.
        needs_staging_token: every request the app sends carries ``X-Qonto-Staging-Token``.
        allows_unknown_scopes: scope names outside the catalogue are passed through.
        default_client_id: an app registration that works with no set-up (the emulator's).
        issuer: the ``iss`` its ID tokens carry; by default the OAuth host (Hydra's).
        jwks_url: where its ID tokens' signing keys are published; by default Hydra's
            ``/.well-known/jwks.json`` under the issuer.
    """

    name: str
    label: str
    authorize_url: str
    token_url: str
    revoke_url: str
    api_base_url: str
    needs_staging_token: bool = False
    allows_unknown_scopes: bool = False
    default_client_id: str | None = None
    issuer: str | None = None
    jwks_url: str | None = None

    @property
    def id_token_issuer(self) -> str:
        """The issuer of the ID tokens: the one set, else the token endpoint's origin."""
        if self.issuer:
            return self.issuer
        parts = urlsplit(self.token_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def keys_url(self) -> str:
        """The JWKS address: the one set, else Hydra's under the issuer."""
        return self.jwks_url or self.id_token_issuer.rstrip("/") + JWKS_PATH

    def api_url(self, path: str) -> str:
        """Return the full address of a Business API path such as ``/v2/organization``."""
        return self.api_base_url.rstrip("/") + "/" + path.lstrip("/")

    def request_headers(self, staging_token: str | None) -> dict[str, str]:
        """Return the headers every request the app itself sends must carry.

        Raises:
            SandboxStagingTokenError: this environment needs a staging token and none is set.
        """
        if not self.needs_staging_token:
            return {}
        if not staging_token:
            raise SandboxStagingTokenError(N_("The sandbox staging token is not set."))
        return {STAGING_HEADER: staging_token}


PRODUCTION = Environment(
    name="production",
    label="Production",
    authorize_url="https://oauth.qonto.com/oauth2/auth",
    token_url="https://oauth.qonto.com/oauth2/token",
    revoke_url="https://oauth.qonto.com/oauth2/revoke",
    api_base_url="https://thirdparty.qonto.com",
    issuer="https://oauth.qonto.com",
    jwks_url="https://oauth.qonto.com/.well-known/jwks.json",
)

SANDBOX = Environment(
    name="sandbox",
    label="Sandbox",
    authorize_url="https://oauth-sandbox.staging.qonto.co/oauth2/auth",
    token_url="https://oauth-sandbox.staging.qonto.co/oauth2/token",
    revoke_url="https://oauth-sandbox.staging.qonto.co/oauth2/revoke",
    api_base_url="https://thirdparty-sandbox.staging.qonto.co",
    needs_staging_token=True,
    issuer="https://oauth-sandbox.staging.qonto.co",
    jwks_url="https://oauth-sandbox.staging.qonto.co/.well-known/jwks.json",
)


def emulator(base_url: str, *, sandbox: bool = False) -> Environment:
    """Return the environment of the built-in Qonto emulator listening at ``base_url``."""
    base = check_url(base_url, N_("emulator address"))
    return Environment(
        name="emulator",
        label="Demo",
        authorize_url=f"{base}/oauth2/auth",
        token_url=f"{base}/oauth2/token",
        revoke_url=f"{base}/oauth2/revoke",
        api_base_url=base,
        needs_staging_token=sandbox,
        default_client_id=EMULATOR_PUBLIC_CLIENT_ID,
        issuer=base,
        jwks_url=f"{base}{JWKS_PATH}",
    )


def custom(environ: Mapping[str, str], settings: Mapping[str, Any]) -> Environment:
    """Build the custom environment from ``QONTO_DESKTOP_*_URL`` variables or the settings file.

    A variable wins over the settings file's ``custom_environment`` section, address by address.

    Raises:
        ConfigurationError: an address is missing or not acceptable.
    """
    section = settings.get("custom_environment") or {}
    if not isinstance(section, Mapping):
        raise ConfigurationError(N_("The custom_environment section of the settings is not valid."))
    urls: dict[str, str] = {}
    for key, variable in CUSTOM_URL_VARIABLES.items():
        value = environ.get(variable) or section.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(
                Message(N_("The custom environment has no {what}."), what=Term(ADDRESSES[key])),
                next_action=Message(
                    N_("Set {variable}, or {setting} in the settings' custom_environment."),
                    variable=variable,
                    setting=key,
                ),
            )
        urls[key] = check_url(value.strip(), ADDRESSES[key])
    # Optional: without them the ID tokens' issuer and keys are looked for where Hydra has them.
    for key, what in (("issuer", N_("issuer")), ("jwks_url", N_("jwks url"))):
        value = section.get(key)
        if isinstance(value, str) and value.strip():
            urls[key] = check_url(value.strip(), what)
    return Environment(
        name="custom",
        label="Custom",
        needs_staging_token=bool(section.get("needs_staging_token", False)),
        allows_unknown_scopes=True,
        **urls,
    )


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and any loopback IP address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, what: str) -> str:
    """Refuse an address the app must not send credentials to; return it without a final slash.

    ``https`` is required, except plain ``http`` on this computer's loopback.

    Raises:
        ConfigurationError: the address is malformed, uses another scheme, carries user
            information or a fragment, or is plain ``http`` to another computer.
    """
    term = Term(what)
    invalid = Message(N_("The {what} {url!r} is not a valid address."), what=term, url=url)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ConfigurationError(invalid) from exc
    if parts.scheme not in {"https", "http"} or not host or "@" in parts.netloc or parts.fragment:
        raise ConfigurationError(
            invalid,
            next_action=N_("Use a full address such as https://oauth.example.com/oauth2/token."),
        )
    if parts.scheme == "http" and not is_loopback_host(host):
        raise ConfigurationError(
            Message(
                N_("The {what} {url!r} uses plain http to another computer."), what=term, url=url
            ),
            next_action=N_("Use https; plain http is allowed only for this computer (127.0.0.1)."),
        )
    return url.rstrip("/")


def by_name(name: str, environ: Mapping[str, str], settings: Mapping[str, Any]) -> Environment:
    """Return the environment called ``name``: production, sandbox, custom or emulator.

    The emulator's address is ``QONTO_DESKTOP_EMULATOR_URL``, by default ``main.py emulator``'s.

    Raises:
        ConfigurationError: the name is unknown, or the custom environment is incomplete.
    """
    if name == PRODUCTION.name:
        return PRODUCTION
    if name == SANDBOX.name:
        return SANDBOX
    if name == "custom":
        return custom(environ, settings)
    if name == "emulator":
        return emulator(environ.get(EMULATOR_URL_VARIABLE) or DEFAULT_EMULATOR_URL)
    raise ConfigurationError(
        Message(N_("There is no environment called {name!r}."), name=name),
        next_action=Message(N_("Use one of: {choices}."), choices=", ".join(ENVIRONMENT_NAMES)),
    )


ENVIRONMENT_NAMES = ("production", "sandbox", "custom", "emulator")
