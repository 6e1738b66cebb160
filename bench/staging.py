"""The stage for the benchmarks: a real keyring, the emulator, a desk, and connections.

GNOME Keyring runs on a private D-Bus session bus (:mod:`tests.support.secret_service`), the
emulator in this process; organizations are connected as the tests connect one
(:mod:`tests.support.desks`), into a temporary ``QONTO_DESKTOP_HOME``. All of it ends with the
``with`` block, the daemons stopped by PID. :func:`bare_desk` is the stage with no connection
yet (for timing connections themselves); :func:`staged` adds them (for timing commands).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.system.settings import save_settings
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import backend_of
from tests.support.secret_service import SecretServiceSession


@dataclass(frozen=True)
class DeskStage:
    """A desk on a real keyring and the emulator, its home under ``root``; nothing connected."""

    root: Path  # the temporary folder everything lives in
    home: Path  # the desk's ``QONTO_DESKTOP_HOME``
    session: SecretServiceSession
    emulator: Emulator
    desk: Desk


@dataclass(frozen=True)
class Stage:
    """A connected organization, its keyring and its emulator, ready for ``main.py token``."""

    env: dict[str, str]
    emulator: Emulator
    entry: str  # the keyring entry holding the access token


def _program(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed (Debian package: {package})")
    return path


@contextlib.contextmanager
def _pointed_at(session: SecretServiceSession) -> Iterator[None]:
    """This process's keyring calls go to ``session`` while the block runs."""
    saved = {name: os.environ.get(name) for name in session.env}
    os.environ.update(session.env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def bare_desk(extra_organizations: int = 0, **emulator_options: Any) -> Iterator[DeskStage]:
    """Keyring, auto-approving emulator and a desk with no connection; all ended afterwards.

    While the block runs, this process's own keyring calls go to the private keyring too.

    Args:
        extra_organizations: organizations the emulator's user has besides the three demo ones.
        emulator_options: more of :class:`Emulator`'s options (``transactions_per_month``...).
    """
    with tempfile.TemporaryDirectory(prefix="qonto-bench-") as folder:
        root = Path(folder)
        session = SecretServiceSession.start(
            root / "secret-service",
            _program("dbus-daemon", "dbus"),
            _program("gnome-keyring-daemon", "gnome-keyring"),
        )
        try:
            with (
                _pointed_at(session),
                Emulator(
                    consent_mode="approve",
                    extra_organizations=extra_organizations,
                    **emulator_options,
                ) as emulator,
            ):
                home = root / "app-home"
                desk = make_desk(home, emulator, backend_of(KeptKeyring))
                yield DeskStage(root, home, session, emulator, desk)
        finally:
            session.stop()


@contextlib.contextmanager
def staged(connections: int = 1) -> Iterator[Stage]:
    """Keyring, emulator and ``connections`` (1 to 3) in a temporary home; all ended afterwards.

    The first connection is the one ``Stage.entry`` names; the others are the emulator's next
    demo organizations.
    """
    with bare_desk() as stage:
        desk, emulator = stage.desk, stage.emulator
        connection = connect_one(desk, emulator)
        for organization in emulator.organizations[1:connections]:
            connect_one(desk, emulator, organization_id=organization.id)
        yield Stage(command_env(stage), emulator, tokens_key(connection.id))


def command_env(stage: DeskStage) -> dict[str, str]:
    """The environment of ``main.py`` on the stage's desk; saves the settings it reads."""
    desk = stage.desk
    save_settings(dict(desk.settings), desk.paths)  # what the command line reads
    env = {
        **os.environ,
        **stage.session.env,
        **desk.environ,
        "QONTO_DESKTOP_HOME": str(stage.home),
        # Installed apps run from bytecode: let the warm-up runs write it, to a
        # folder of this run's own rather than the working tree.
        "PYTHONPYCACHEPREFIX": str(stage.root / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
