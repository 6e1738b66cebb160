"""What a real Secret Service holds for a service, read with SecretStorage directly.

The app reads its entries by name; a test that must prove nothing was left behind (chunks
included) lists them all instead.
"""

from __future__ import annotations

import contextlib

from qonto_desktop.store.entry_format import SERVICE


def entry_names(service: str = SERVICE) -> set[str]:
    """The names of every entry filed under ``service`` in the session's default collection."""
    import secretstorage  # Linux only, like the Secret Service

    connection = secretstorage.dbus_init()
    with contextlib.closing(connection):
        collection = secretstorage.get_default_collection(connection)
        return {
            str(item.get_attributes()["username"])
            for item in collection.search_items({"service": service})
        }
