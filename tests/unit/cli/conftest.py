"""The commands against the emulator, with an in-memory keyring and files under the test home."""

from tests.support.desk_fixtures import desk, emulator, keyring_backend

__all__ = ["desk", "emulator", "keyring_backend"]
