"""Every test gets the root logger as it was (a plugin of tests/conftest.py).

Commands run in the test process set up the app's logging on the root logger; without this, a
later test on the same worker would see its records go through the app's handlers and filters.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from qonto_desktop.system.log_choice import LEVEL_VARIABLE


@pytest.fixture(autouse=True)
def restore_root_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """Give each test the root logger as it was, and take back what setup_logging added."""
    monkeypatch.delenv(LEVEL_VARIABLE, raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
