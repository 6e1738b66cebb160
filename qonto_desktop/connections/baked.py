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

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.redirect import DEFAULT_PORT
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
    """The registration a build carries: one environment's client ID and redirect port."""

    environment: str
    client_id: str
    redirect_port: int = DEFAULT_PORT
    client_secret: str | None = field(default=None, repr=False)

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
    client_id = given.strip()
    if not (client_id.isascii() and client_id.isprintable()) or " " in client_id or not client_id:
        raise BuildSettingError(f"{PREFIX}CLIENT_ID is not a client ID: {given!r}.")
    environment = environ.get(PREFIX + "ENVIRONMENT", "production").strip() or "production"
    if environment not in ENVIRONMENTS:
        raise BuildSettingError(f"{PREFIX}ENVIRONMENT must be one of {', '.join(ENVIRONMENTS)}.")
    return BakedRegistration(
        environment, client_id, _port(environ.get(PREFIX + "REDIRECT_PORT", "")), _secret(environ)
    )


def _port(text: str) -> int:
    text = text.strip()
    if not text:
        return DEFAULT_PORT
    if not (text.isascii() and text.isdigit() and 1024 <= int(text) <= 65535):
        raise BuildSettingError(f"{PREFIX}REDIRECT_PORT must be a number from 1024 to 65535.")
    return int(text)


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
        return BakedRegistration(
            str(data["environment"]),
            str(data["client_id"]),
            int(data.get("redirect_port", DEFAULT_PORT)),
            data.get("client_secret"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DamagedBuildError from exc


def baked_for(environment: str) -> BakedRegistration | None:
    """The baked registration when it is for ``environment``."""
    baked = baked_registration()
    return baked if baked is not None and baked.environment == environment else None
