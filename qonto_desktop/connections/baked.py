"""A firm's own app registration, baked into its build of the executable.

At build time ``pyinstaller.spec`` reads it from ``QONTO_DESKTOP_BUILD_*`` variables
(:func:`from_build_environ`) and bundles it as ``resources/build-registration.json``; the built
app reads it back (:func:`baked_registration`) and opens ready to connect. What the user saves
in Settings or with ``configure`` always comes first.

A client secret is baked in only on explicit request: in an app anyone can download it is not
secret (RFC 8252 §8.5), so it cannot prove the app's identity; PKCE protects the sign-in either
way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from qonto_desktop.connections.client_id import client_id_problem
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.oauth.redirect import (
    DEFAULT_PORT,
    LOOPBACK_HOST,
    LOOPBACK_HOSTS,
    LoopbackHost,
    check_host,
    port_problem,
)
from qonto_desktop.system.resources import resource_path

BUILD_FILE = "build-registration.json"
PREFIX = "QONTO_DESKTOP_BUILD_"
ENVIRONMENTS = ("production", "sandbox")


class BuildSettingError(ValueError):
    """A ``QONTO_DESKTOP_BUILD_*`` variable is wrong; the build stops with this message."""


class DamagedBuildError(QontoDesktopError):
    """The registration bundled in this build cannot be read."""

    code = "damaged_build"
    message = N_("This copy of the app carries an app registration that cannot be read.")
    next_action = N_("Download the app again from your firm, or ask whoever built it.")


@dataclass(frozen=True)
class BakedRegistration:
    """The registration a build carries: one environment's client ID and redirect address."""

    environment: str
    client_id: str
    redirect_port: int = DEFAULT_PORT
    client_secret: str | None = field(default=None, repr=False)
    redirect_host: LoopbackHost = LOOPBACK_HOST

    def to_json(self) -> str:
        """The bundled file's text."""
        return json.dumps({key: value for key, value in asdict(self).items() if value is not None})


def from_build_environ(environ: Mapping[str, str]) -> BakedRegistration | None:
    """The registration the build variables describe, or None when no client ID is given.

    Raises:
        BuildSettingError: a variable is set to something the app cannot use.
    """
    given = environ.get(PREFIX + "CLIENT_ID", "")
    if not given:
        unused = sorted(name for name in environ if name.startswith(PREFIX) and environ[name])
        if unused:
            raise BuildSettingError(f"{', '.join(unused)} set without {PREFIX}CLIENT_ID.")
        return None
    problem = client_id_problem(given)
    if problem is not None:
        raise BuildSettingError(f"{PREFIX}CLIENT_ID is not a client ID: {problem.english()}")
    environment = environ.get(PREFIX + "ENVIRONMENT", "production").strip() or "production"
    if environment not in ENVIRONMENTS:
        raise BuildSettingError(f"{PREFIX}ENVIRONMENT must be one of {', '.join(ENVIRONMENTS)}.")
    return BakedRegistration(
        environment,
        given.strip(),
        _port(environ.get(PREFIX + "REDIRECT_PORT", "")),
        _secret(environ),
        _host(environ.get(PREFIX + "REDIRECT_HOST", "")),
    )


def _port(text: str) -> int:
    """The port, under the one rule of ``configure`` and the window."""
    if not text.strip():
        return DEFAULT_PORT
    problem = port_problem(text)
    if problem is not None:
        raise BuildSettingError(f"{PREFIX}REDIRECT_PORT: {problem.english()}")
    return int(text.strip())


def _host(text: str) -> LoopbackHost:
    if not text.strip():
        return LOOPBACK_HOST
    try:
        return check_host(text.strip())
    except ConfigurationError:
        raise BuildSettingError(
            f"{PREFIX}REDIRECT_HOST must be one of {', '.join(LOOPBACK_HOSTS)}."
        ) from None


def _secret(environ: Mapping[str, str]) -> str | None:
    secret = environ.get(PREFIX + "CLIENT_SECRET", "")
    embed = environ.get(PREFIX + "EMBED_SECRET", "").strip().lower()
    if embed not in ("", "yes", "no"):
        raise BuildSettingError(f"{PREFIX}EMBED_SECRET must be yes or no.")
    if secret and embed != "yes":
        raise BuildSettingError(
            f"{PREFIX}CLIENT_SECRET is set but {PREFIX}EMBED_SECRET is not yes. A secret inside "
            "an app anyone can download is not secret (RFC 8252 §8.5); set "
            f"{PREFIX}EMBED_SECRET=yes only if Qonto requires it for your app."
        )
    if embed == "yes" and not secret:
        raise BuildSettingError(f"{PREFIX}EMBED_SECRET=yes needs {PREFIX}CLIENT_SECRET.")
    return secret or None


@functools.cache
def baked_registration() -> BakedRegistration | None:
    """The registration this build carries, or None (a source checkout, a plain build)."""
    try:
        data = json.loads(resource_path(BUILD_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DamagedBuildError from exc
    try:
        baked = BakedRegistration(
            str(data["environment"]),
            str(data["client_id"]),
            int(data.get("redirect_port", DEFAULT_PORT)),
            data.get("client_secret"),
            check_host(data.get("redirect_host", LOOPBACK_HOST)),  # older builds carry none
        )
    except (KeyError, TypeError, ValueError, ConfigurationError) as exc:
        raise DamagedBuildError from exc
    if port_problem(baked.redirect_port) is not None or client_id_problem(baked.client_id):
        raise DamagedBuildError
    return baked


def baked_for(environment: str) -> BakedRegistration | None:
    """The baked registration when it is for ``environment``."""
    baked = baked_registration()
    return baked if baked is not None and baked.environment == environment else None
