"""Who serves the Secret Service on the D-Bus session bus: GNOME Keyring, KWallet, KeePassXC.

jeepney comes with keyring on Linux only; elsewhere there is no Secret Service to name. This
module loads with the keyring, on the worker that first asks it (see ``keyring_calls``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from qonto_desktop.store.backends import provider_from_process

try:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import unwrap_msg
except ImportError:  # pragma: no cover - not on Linux
    HAS_DBUS = False
else:
    HAS_DBUS = True

log = logging.getLogger(__name__)

SECRETS_BUS_NAME = "org.freedesktop.secrets"


def secret_service_provider() -> str | None:
    """Name the program serving the Secret Service on the session bus, or None if unknown.

    Asks the bus for the owner's process ID, then reads its program name from ``/proc``.
    """
    if not HAS_DBUS:  # pragma: no cover - not on Linux
        return None
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            call = message_bus.GetConnectionUnixProcessID(SECRETS_BUS_NAME)
            (pid,) = unwrap_msg(connection.send_and_get_reply(call, timeout=5))
    except Exception as error:  # no bus, no owner, no permission: then we cannot tell
        log.info("cannot tell who serves the Secret Service: %s", error)
        return None
    return provider_from_process(_program_name(int(pid)))


def _program_name(pid: int) -> str:
    proc = Path("/proc", str(pid))
    try:
        return os.readlink(proc / "exe")
    except OSError:  # another user's process, or no /proc
        pass
    try:
        return (proc / "comm").read_text(encoding="utf-8").strip()
    except OSError:
        return ""
