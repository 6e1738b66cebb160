"""One connection's working context, resolved once: environment, client, headers, lock.

A journey resolves it at its start (:func:`for_connection`, or :func:`resolve` while connecting)
and hands it down, so the steps below never look the environment or the registration up again.
Only the slow paths import this module: it loads the HTTP stack and the file lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from filelock import FileLock

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.connections.registration import baked_client_secret
from qonto_desktop.oauth.errors import OAuthError, ResponseFormatError
from qonto_desktop.oauth.tokens import ClientCredentials, Issuer, TokenClient
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import SERVICE, SandboxStagingTokenError
from qonto_desktop.store.connection import Connection
from qonto_desktop.system.tls import trust_os_certificates

if TYPE_CHECKING:  # the Business API client loads with its first call (not on a refresh)
    from qonto_desktop.qonto.api import QontoApi

# Two refreshes of one connection must never overlap, across processes too (Qonto rotates the
# refresh token: the loser of a race would present a rotated one).
REFRESH_LOCK_TIMEOUT = 60.0


@dataclass(frozen=True)
class ConnectionContext:
    """What talking to Qonto for one registration needs, resolved once and passed down.

    Attributes:
        organization_id: the company every API call names (``X-Qonto-Organization-Id``), for
            a grant of Qonto's user access; ``None`` for a per-organization grant.
    """

    desk: Desk
    environment: Environment
    client_id: str
    staging_token: str | None = field(repr=False)
    organization_id: str | None = None

    @property
    def headers(self) -> Mapping[str, str]:
        """The headers every request to the environment carries (the staging token, if any)."""
        return self.environment.request_headers(self.staging_token)

    @cached_property
    def token_client(self) -> TokenClient:
        """The registration's token client; its secret is read from the keyring on first use.

        Raises:
            StorageError: the keyring could not be read.
        """
        environment = self.environment
        secret = self.desk.secrets.get(
            client_secret_key(environment.name, self.client_id)
        ) or baked_client_secret(environment.name, self.client_id)
        html_error: type[OAuthError] = (
            SandboxStagingTokenError if environment.needs_staging_token else ResponseFormatError
        )
        return TokenClient(
            token_url=environment.token_url,
            revoke_url=environment.revoke_url,
            credentials=ClientCredentials(self.client_id, secret),
            headers=self.headers,
            html_error=html_error,
            service=SERVICE,
            now=self.desk.now,
            id_issuer=Issuer(environment.id_token_issuer, environment.keys_url),
        )

    def api(self, access_token: str) -> QontoApi:
        """Business API calls with ``access_token`` (naming the company, with user access)."""
        from qonto_desktop.qonto.api import QontoApi  # noqa: PLC0415  (not on a refresh)

        return QontoApi(
            self.environment,
            access_token,
            staging_token=self.staging_token,
            organization_id=self.organization_id,
        )

    def for_company(self, organization_id: str) -> ConnectionContext:
        """The same context, its API calls naming one company of a user-access grant."""
        return replace(self, organization_id=organization_id)

    def refresh_lock(self, connection_id: str) -> FileLock:
        """The cross-process lock held while one connection refreshes."""
        return refresh_lock(self.desk, connection_id)


def refresh_lock(desk: Desk, connection_id: str) -> FileLock:
    """The cross-process lock held while one connection refreshes (it needs only the paths)."""
    folder = desk.paths.data_dir / "locks"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return FileLock(folder / f"{connection_id}.lock", timeout=REFRESH_LOCK_TIMEOUT)


def resolve(desk: Desk, environment: Environment, client_id: str) -> ConnectionContext:
    """The context of one app registration in ``environment``.

    Raises:
        SandboxStagingTokenError: the environment needs a staging token and none is saved.
        StorageError: the keyring could not be read.
    """
    trust_os_certificates()
    staging_token = (
        desk.secrets.get(staging_token_key(environment.name))
        if environment.needs_staging_token
        else None
    )
    environment.request_headers(staging_token)  # a missing staging token is reported now
    return ConnectionContext(desk, environment, client_id, staging_token)


def for_connection(desk: Desk, connection: Connection) -> ConnectionContext:
    """The context of a saved connection (its environment and registration's client).

    A connection sharing a user-access grant names its company in every API call.
    """
    context = resolve(desk, environment_of(desk, connection.environment), connection.client_id)
    if connection.grant_id is not None and connection.organization_id is not None:
        return context.for_company(connection.organization_id)
    return context
