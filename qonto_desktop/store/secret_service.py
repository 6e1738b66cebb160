"""keyring's Secret Service backend, on the app's one kept-open connection.

The work is :class:`~.secret_service_client.SecretServiceEntries` (one D-Bus connection,
entries updated in place; see there why); this class puts keyring's interface and errors on
it, so keyring's discovery, ``PYTHON_KEYRING_BACKEND`` and the store's checks treat it as the
Secret Service backend it is. Entries, attributes and labels are exactly keyring's, so either
backend reads the other's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from keyring.backends import SecretService
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

from qonto_desktop.store.secret_service_client import (
    CollectionLockedError,
    NoCollectionError,
    NoSuchEntryError,
    SecretServiceEntries,
)


@contextlib.contextmanager
def _keyrings_errors() -> Iterator[None]:
    try:
        yield
    except NoCollectionError as exc:
        raise InitError(str(exc)) from exc
    except CollectionLockedError as exc:
        raise KeyringLocked(str(exc)) from exc
    except NoSuchEntryError as exc:
        raise PasswordDeleteError(str(exc)) from exc


class Keyring(SecretService.Keyring):
    """The Secret Service, through one kept-open connection (see the module's docstring).

    Args:
        entries: the client to work through (the one a store already reads with), or None
            for a new one.
    """

    def __init__(self, *args: Any, entries: SecretServiceEntries | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)  # type: ignore[no-untyped-call]  # keyring: untyped
        self.entries = SecretServiceEntries() if entries is None else entries

    def get_preferred_collection(self) -> Any:
        """The default collection, unlocked, on the kept connection."""
        with _keyrings_errors():
            return self.entries.collection()

    def get_password(self, service: str, username: str) -> str | None:
        """The secret, or None."""
        with _keyrings_errors():
            return self.entries.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Create or replace the secret."""
        with _keyrings_errors():
            self.entries.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        """Delete the secret; keyring's PasswordDeleteError when there is none."""
        with _keyrings_errors():
            self.entries.delete_password(service, username)

    def close(self) -> None:
        """Close the kept connection (it reopens on the next call)."""
        self.entries.close()
