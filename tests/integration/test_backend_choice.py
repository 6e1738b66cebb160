"""On Linux with a running Secret Service, the app goes to it directly, skipping discovery."""

from __future__ import annotations

import pytest
from keyring.backends import SecretService

from qonto_desktop.store.backend_choice import choose_backend
from tests.support.secret_service import SecretServiceSession


@pytest.mark.keyring
def test_the_native_secret_service_is_chosen(secret_service: SecretServiceSession) -> None:
    assert isinstance(choose_backend("linux", {}), SecretService.Keyring)
