"""The executable as shipped: built once per test session from ``pyinstaller.spec``.

The build carries a firm's app registration (for production, a public client), as a firm's
build would, so that the same executable also shows a baked registration at work. The real
Secret Service fixtures are the integration tests' own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.conftest import secret_service, secret_service_daemons
from tests.support.frozen_build import build
from tests.system.conftest import keyring_env, redirect_port, restore_root_logger

__all__ = [
    "keyring_env",
    "redirect_port",
    "restore_root_logger",
    "secret_service",
    "secret_service_daemons",
]

BAKED_CLIENT_ID = "5b1c2f0e-8d7a-4c3b-9e6f-0a1b2c3d4e5f"
BAKED_PORT = 52990
# Minutes, not the suite's default two: the build alone takes about a minute.
FROZEN_TIMEOUT = 900


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-file executable, with a baked production registration."""
    folder = tmp_path_factory.mktemp("frozen")
    return build(
        folder,
        {
            "QONTO_DESKTOP_BUILD_CLIENT_ID": BAKED_CLIENT_ID,
            "QONTO_DESKTOP_BUILD_REDIRECT_PORT": str(BAKED_PORT),
        },
    )
