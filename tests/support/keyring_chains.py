"""What keyring's own discovery may hand the app: a chain of backends, a plaintext file."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.backends import chainer

from tests.support.keyrings import MemoryKeyring, backend_of


def chainer_of(*chained: KeyringBackend) -> KeyringBackend:
    """A real ChainerBackend over exactly these backends (keyring discovers its own otherwise)."""
    return backend_of(type("FixedChainer", (chainer.ChainerBackend,), {"backends": list(chained)}))


class PlaintextKeyring(MemoryKeyring):
    """Stands for keyrings.alt's file backends, which have a positive priority."""


PlaintextKeyring.__module__ = "keyrings.alt.file"
