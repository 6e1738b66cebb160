"""The keyring backend a connection's secrets were saved in, named so it can be opened directly.

At connect time the store names the backend it used (its class, ``module.Class``); the index
keeps that name with the connection. Opening the named class directly skips keyring's backend
discovery (every backend imported and probed) and, for the Secret Service, keyring itself:
``token`` reads its entry through SecretStorage alone.

A name is used only when it is one of the secure backends below (never a name a damaged or
edited index could point at plaintext files with), and only when the user configured no
backend for keyring (``PYTHON_KEYRING_BACKEND`` or ``keyringrc.cfg``): their choice wins, as
keyring would honour it. This module imports no keyring: it is on ``token``'s quick path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

APP_SECRET_SERVICE = "qonto_desktop.store.secret_service.Keyring"
# keyring's own Secret Service backend files entries exactly as the app's does.
SECRET_SERVICE = frozenset({APP_SECRET_SERVICE, "keyring.backends.SecretService.Keyring"})
# Every backend a name may open: the OSes' own stores, nothing that writes files.
SECURE = SECRET_SERVICE | {
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.libsecret.Keyring",
}


def name_of(backend: object) -> str:
    """The name recorded for ``backend``: its class, ``module.Class``."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def config_root(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> str:
    """Where keyring looks for ``keyringrc.cfg`` (``keyring.util.platform_.config_root``);
    a plain path (no ``pathlib`` on ``token``'s quick path)."""
    env = os.environ if environ is None else environ
    if platform == "win32":
        return os.path.join(env.get("LOCALAPPDATA", env.get("ProgramData", ".")), "Python Keyring")
    config = env.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(config, "python_keyring")


def user_configured(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the user chose a backend for keyring (then keyring's own resolution decides)."""
    env = os.environ if environ is None else environ
    if env.get("PYTHON_KEYRING_BACKEND"):
        return True
    return os.path.exists(os.path.join(config_root(platform, env), "keyringrc.cfg"))


def usable(
    name: str, platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether the recorded ``name`` may be opened directly (see the module's docstring)."""
    return name in SECURE and not user_configured(platform, environ)
