"""The executable as shipped: built once per test session from ``pyinstaller.spec``.

The build carries a firm's app registration (for production, a public client), as a firm's
build would, so that the same executable also shows a baked registration at work. The real
Secret Service fixtures are every folder's (tests/support/secret_service_fixtures.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.frozen_build import build

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
