"""Choosing the keyring backend quickly: the OS's own one, unless the user configured another.

``keyring.get_keyring()`` imports and probes every backend keyring knows, which on Linux runs
``ldconfig`` and ``gcc`` for the macOS backend: tens of milliseconds on each ``token`` call.
When nothing is configured, the app asks the OS's native backend directly and falls back to
keyring's full discovery only when that one is not usable.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

import keyring
from keyring.backend import KeyringBackend
from keyring.util import platform_

from qonto_desktop.store import backend_names

log = logging.getLogger(__name__)

NATIVE_BACKENDS = {
    "linux": backend_names.APP_SECRET_SERVICE,
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}


def choose_backend(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> KeyringBackend:
    """The backend to use: the user's choice, else the native one if usable, else discovery.

    ``PYTHON_KEYRING_BACKEND`` and keyring's ``keyringrc.cfg`` are honoured exactly as keyring
    itself honours them.
    """
    env = os.environ if environ is None else environ
    if env.get("PYTHON_KEYRING_BACKEND") or _config_file_exists():
        return keyring.get_keyring()
    native = _native(platform)
    return native if native is not None else keyring.get_keyring()


def _native(platform: str) -> KeyringBackend | None:
    path = next((p for prefix, p in NATIVE_BACKENDS.items() if platform.startswith(prefix)), None)
    if path is None:
        return None
    module_name, _, class_name = path.rpartition(".")
    try:
        backend_class = getattr(importlib.import_module(module_name), class_name)
        # keyring's own viability test: raises or answers <= 0 when the backend cannot work.
        if backend_class.priority <= 0:
            return None
        backend: KeyringBackend = backend_class()
    except Exception as exc:  # any failure means: let keyring's discovery decide
        log.info("native keyring backend not usable (%s); using discovery", type(exc).__name__)
        return None
    return backend


def open_named(name: str, entries: Any = None) -> KeyringBackend | None:
    """The backend class ``name`` (see ``backend_names``), opened directly, without keyring's
    discovery; None when it cannot work here (then the usual choice decides).

    Args:
        name: a name ``backend_names.usable`` accepted.
        entries: for the Secret Service, the client already reading for the store, whose
            connection the backend then shares.
    """
    if name not in backend_names.SECURE:
        return None
    if name in backend_names.SECRET_SERVICE:
        name, arguments = backend_names.APP_SECRET_SERVICE, {"entries": entries}
    else:
        arguments = {}
    module_name, _, class_name = name.rpartition(".")
    try:
        backend_class = getattr(importlib.import_module(module_name), class_name)
        # keyring's own viability test, cheap for these (the OS, an import), for a name
        # recorded on another system; the Secret Service's would open a D-Bus connection just
        # to ask, so there the first call tells (keyring_calls falls back if it cannot reach it).
        if not arguments and backend_class.priority <= 0:
            return None
        backend: KeyringBackend = backend_class(**arguments)
    except Exception as exc:  # not on this OS, or not installed: let the usual choice decide
        log.info("keyring backend %s cannot be opened (%s)", name, type(exc).__name__)
        return None
    return backend


def _config_file_exists() -> bool:
    return os.path.exists(os.path.join(platform_.config_root(), "keyringrc.cfg"))
