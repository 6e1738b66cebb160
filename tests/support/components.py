"""Real components the end-to-end tests need, and what to do when one is missing.

Outside CI a missing component skips only the tests that need it, naming it; with ``CI=true``
it fails them, since CI must install everything.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require(program: str, package: str) -> str:
    """Return the path of ``program``, or skip (fail in CI) naming the Debian package."""
    path = shutil.which(program)
    if path:
        return path
    message = f"{program} is not installed (Debian package: {package})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; CI must install it", pytrace=False)
    pytest.skip(message)
