"""Everything the use cases work with, in one value: storage, settings, clock, locks.

The window and the command line build one :class:`Desk` with :func:`open_desk`; tests build one
with in-memory keyrings, a temporary home and the emulator.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.oauth.errors import OAuthError, ResponseFormatError
from qonto_desktop.qonto import environments
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import SERVICE, SandboxStagingTokenError
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths, app_paths
from qonto_desktop.system.settings import load_settings
from qonto_desktop.system.tls import trust_os_certificates

if TYPE_CHECKING:  # the HTTP stack and the lock load only when due (``token`` stays quick)
    from filelock import FileLock

    from qonto_desktop.oauth.tokens import TokenClient
    from qonto_desktop.qonto.api import QontoApi

# Two refreshes of one connection must never overlap, across processes too (Qonto rotates the
# refresh token: the loser of a race would present a rotated one).
REFRESH_LOCK_TIMEOUT = 60.0


def _no_checkpoint(step: str) -> None:
    """Called between the steps of a use case; raising stops it there.

    The window raises a cancellation when the user cancelled; tests raise to simulate a crash.
    """


@dataclass(frozen=True)
class Desk:
    """The user's connections and what is needed to use them."""

    paths: AppPaths
    secrets: SecretStore
    index: ConnectionIndex
    settings: Mapping[str, Any]
    environ: Mapping[str, str]
    now: Callable[[], float] = time.time
    pause: Callable[[float], None] = time.sleep
    checkpoint: Callable[[str], None] = field(default=_no_checkpoint)

    def environment(self, name: str) -> Environment:
        """The environment called ``name``, with this desk's settings and variables."""
        return environments.by_name(name, self.environ, self.settings)

    def staging_headers(self, environment: Environment) -> dict[str, str]:
        """The headers every request to ``environment`` carries (the staging token, if any).

        Raises:
            SandboxStagingTokenError: the environment needs a staging token and none is saved.
        """
        if not environment.needs_staging_token:
            return {}
        return environment.request_headers(self.secrets.get(staging_token_key(environment.name)))

    def token_client(self, environment: Environment, client_id: str) -> TokenClient:
        """A token client for one app registration, its secret read from the keyring."""
        from qonto_desktop.oauth.tokens import ClientCredentials, TokenClient

        trust_os_certificates()
        from qonto_desktop.connections.registration import baked_client_secret

        secret = self.secrets.get(
            client_secret_key(environment.name, client_id)
        ) or baked_client_secret(environment.name, client_id)
        html_error: type[OAuthError] = (
            SandboxStagingTokenError if environment.needs_staging_token else ResponseFormatError
        )
        return TokenClient(
            token_url=environment.token_url,
            revoke_url=environment.revoke_url,
            credentials=ClientCredentials(client_id, secret),
            headers=self.staging_headers(environment),
            html_error=html_error,
            service=SERVICE,
            now=self.now,
        )

    def api(self, environment: Environment, access_token: str) -> QontoApi:
        """Business API calls with ``access_token``."""
        from qonto_desktop.qonto.api import QontoApi

        trust_os_certificates()
        return QontoApi(
            environment,
            access_token,
            staging_token=self.secrets.get(staging_token_key(environment.name))
            if environment.needs_staging_token
            else None,
        )

    def refresh_lock(self, connection_id: str) -> FileLock:
        """The cross-process lock held while one connection refreshes."""
        from filelock import FileLock

        folder = self.paths.data_dir / "locks"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return FileLock(folder / f"{connection_id}.lock", timeout=REFRESH_LOCK_TIMEOUT)


def open_desk(environ: Mapping[str, str] | None = None) -> Desk:
    """The desk of the user running the app: OS keyring, files under the app's folders."""
    env = dict(os.environ if environ is None else environ)
    paths = app_paths(env)
    return Desk(
        paths=paths,
        secrets=SecretStore(),
        index=ConnectionIndex(paths.data_dir / "connections.json"),
        settings=load_settings(paths),
        environ=env,
    )
