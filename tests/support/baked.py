"""A firm's build for tests: a registration baked where a frozen app finds its resources.

The ``bake`` fixture points ``sys._MEIPASS`` at a copy of ``resources/`` (so pages, icons and
translations still load) and writes ``build-registration.json`` into it. The cache of
:func:`baked_registration` is cleared before and after, so no other test sees the baked one.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from qonto_desktop.connections.baked import BUILD_FILE, BakedRegistration, baked_registration
from qonto_desktop.system.resources import resources_dir

# Write a registration (or, for a damaged build, any text) as the build's file; return its path.
Bake = Callable[[BakedRegistration | str], Path]


@pytest.fixture
def bake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bake]:
    """Make this process look like a build carrying the registration given to ``bake(...)``."""
    root = tmp_path / "meipass"
    shutil.copytree(resources_dir(), root / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    baked_registration.cache_clear()

    def write(registration: BakedRegistration | str) -> Path:
        text = registration if isinstance(registration, str) else registration.to_json()
        path = root / "resources" / BUILD_FILE
        path.write_text(text, encoding="utf-8")
        baked_registration.cache_clear()
        return path

    try:
        yield write
    finally:
        baked_registration.cache_clear()
