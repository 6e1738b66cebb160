"""The app's keyring entries as text: under which service, which names, and a head's fields.

The rules alone, on plain strings: the secret store (:mod:`~qonto_desktop.store.secrets`,
:mod:`~qonto_desktop.store.chunks`) raises its errors from them, and ``token``'s quick path
(:mod:`qonto_desktop.connections.quick_token`) reads an inline entry with them, without
loading the store.
"""

from __future__ import annotations

SERVICE = "qonto-desktop"  # the keyring service every entry is filed under
MAX_KEY_CHARS = 200
VERSION = "v1"  # of a head entry: "v1:<n>:<payload>"
DIGEST_CHARS = 16


def valid_key(key: object) -> bool:
    """Whether ``key`` may name an entry: printable ASCII without spaces, and no ``#`` (chunk
    names are ``<key>#<i>``)."""
    return (
        isinstance(key, str)
        and 0 < len(key) <= MAX_KEY_CHARS
        and "#" not in key
        and all(33 <= ord(char) <= 126 for char in key)
    )


def head_fields(text: str) -> tuple[int, str] | None:
    """A head entry's chunk count and payload (the value itself when the count is 0, else the
    digest), or None when the text is not a head of this version."""
    version, _, rest = text.partition(":")
    count_text, _, payload = rest.partition(":")
    if version != VERSION or not (count_text.isascii() and count_text.isdigit()):
        return None
    return int(count_text), payload
