"""The apps registered on the emulator: a portal app with a secret, a public one, and a portal app
Qonto approved for the User OAuth flow (``identity_type=user``, that flow only)."""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from qonto_desktop.emulator.scopes import DEMO_CLIENT_SCOPES, USER_ACCESS_CLIENT_SCOPES

CONFIDENTIAL_CLIENT_ID = "b941ca0d-55e4-4cee-95d5-0bfd03c00742"
PUBLIC_CLIENT_ID = "2f3b4ea1-31ec-4960-9588-abbe120db0fc"
USER_ACCESS_CLIENT_ID = "9c1d7a52-6e0b-4f3a-8d21-5b7e4c90a3f6"
DEFAULT_REDIRECT_URIS: tuple[str, ...] = (
    "http://127.0.0.1:52817/callback",
    "http://localhost:52817/callback",
)


@dataclass(frozen=True)
class DemoClient:
    """An OAuth client registered on the emulator, as the Developer Portal would hold it.

    Attributes:
        client_id: The client's public identifier.
        client_secret: The secret of a confidential client; ``None`` for a public one.
        redirect_uris: Every redirect URI registered for it, matched exactly.
        allowed_scopes: Every scope it may request.
        user_access: Qonto approved it for the User OAuth flow; it may then use no other.
    """

    client_id: str
    client_secret: str | None = field(repr=False)
    redirect_uris: tuple[str, ...]
    allowed_scopes: tuple[str, ...] = DEMO_CLIENT_SCOPES
    user_access: bool = False

    @property
    def is_public(self) -> bool:
        """Whether the client has no secret (and must use PKCE)."""
        return self.client_secret is None


class ClientRegistry:
    """The registered clients; redirect URIs can be added while the emulator runs.

    Args:
        extra_redirect_uris: URIs registered for every client besides the defaults.
    """

    def __init__(self, extra_redirect_uris: Iterable[str] = ()) -> None:
        uris = _unique((*DEFAULT_REDIRECT_URIS, *extra_redirect_uris))
        self._lock = threading.Lock()
        self._clients = {
            CONFIDENTIAL_CLIENT_ID: DemoClient(
                client_id=CONFIDENTIAL_CLIENT_ID,
                client_secret=secrets.token_urlsafe(32),
                redirect_uris=uris,
            ),
            PUBLIC_CLIENT_ID: DemoClient(
                client_id=PUBLIC_CLIENT_ID, client_secret=None, redirect_uris=uris
            ),
            USER_ACCESS_CLIENT_ID: DemoClient(
                client_id=USER_ACCESS_CLIENT_ID,
                client_secret=secrets.token_urlsafe(32),
                redirect_uris=uris,
                allowed_scopes=USER_ACCESS_CLIENT_SCOPES,
                user_access=True,
            ),
        }

    @property
    def confidential(self) -> DemoClient:
        """The client with a secret (a Developer Portal app)."""
        return self._get(CONFIDENTIAL_CLIENT_ID)

    @property
    def public(self) -> DemoClient:
        """The client without a secret (like Qonto's own CLI)."""
        return self._get(PUBLIC_CLIENT_ID)

    @property
    def user_access(self) -> DemoClient:
        """The client with a secret that Qonto approved for the User OAuth flow."""
        return self._get(USER_ACCESS_CLIENT_ID)

    def find(self, client_id: str) -> DemoClient | None:
        """Return the client with this id, or ``None``."""
        with self._lock:
            return self._clients.get(client_id)

    def register_redirect_uri(self, uri: str) -> None:
        """Register one more redirect URI for every client.

        Args:
            uri: The URI, matched exactly from now on.
        """
        with self._lock:
            for client_id, client in self._clients.items():
                uris = _unique((*client.redirect_uris, uri))
                self._clients[client_id] = dataclasses.replace(client, redirect_uris=uris)

    def _get(self, client_id: str) -> DemoClient:
        with self._lock:
            return self._clients[client_id]


def _unique(uris: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(uris))
