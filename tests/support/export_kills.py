"""Many clients connected for the export's fault tests, and ``main.py export`` killed at the
request a seed chose.

The clients are connected in this process through the real flow (tokens in the real keyring);
:func:`twin_home` is a second app home with the same connections and an empty mirror, for the
clean run the killed ones are compared with. :func:`export_killed_at` starts ``main.py export
--all`` and kills it (SIGKILL) when the emulator has received the request asked for: no sleep,
the emulator's own count says when.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.system.settings import save_settings
from tests.support.command_line import REPO, SOURCE, TIMEOUT, run
from tests.support.desks import EVERYTHING, connect_one, make_desk
from tests.support.keyrings import backend_of

SCOPES = (*EVERYTHING, "attachment.read")


@dataclass(frozen=True)
class Clients:
    """``count`` connected clients in ``home``, on the real keyring."""

    desk: Desk
    home: Path
    connections: tuple[Connection, ...]


def connect_clients(home: Path, emulator: Emulator, count: int) -> Clients:
    """Connect the emulator's first ``count`` organizations; save the settings ``main.py`` reads."""
    desk = make_desk(home, emulator, backend_of(KeptKeyring))
    found = tuple(
        connect_one(desk, emulator, SCOPES, organization_id=organization.id)
        for organization in emulator.organizations[:count]
    )
    save_settings(dict(desk.settings), desk.paths)
    return Clients(desk, home, found)


def twin_home(clients: Clients, home: Path) -> Path:
    """Another app home with the same settings and connections, and nothing synced yet."""
    shutil.copytree(clients.home / "config", home / "config")
    (home / "data").mkdir(parents=True)
    shutil.copy2(clients.home / "data" / "connections.json", home / "data" / "connections.json")
    return home


def export_args(period: str, to: Path) -> list[str]:
    """``main.py export --all`` of ``period`` into ``to``."""
    return ["export", "--all", "--period", period, "--to", str(to), "--json"]


def export_all(env: dict[str, str], period: str, to: Path) -> subprocess.CompletedProcess[str]:
    """``main.py export --all`` to its end."""
    return run(export_args(period, to), env, timeout=180)


def export_killed_at(
    emulator: Emulator, env: dict[str, str], period: str, to: Path, request: int
) -> bool:
    """Run the export, SIGKILL it once the emulator has received ``request`` bank requests in
    all; whether it was killed (False: it ended first)."""
    reached = emulator.requests_reached(request)
    process = subprocess.Popen(
        [*SOURCE, *export_args(period, to)],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lock = threading.Lock()
    ended = False

    def kill_there() -> None:
        reached.wait()
        with lock:
            if not ended:
                process.send_signal(signal.SIGKILL)

    killer = threading.Thread(target=kill_there, name="export-killer")
    killer.start()
    try:
        code = process.wait(timeout=TIMEOUT * 3)
    finally:
        with lock:
            ended = True
        reached.set()
        killer.join()
    return code == -signal.SIGKILL
