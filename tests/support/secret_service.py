"""A real Secret Service for tests: GNOME Keyring on a private D-Bus session bus.

Everything lives under one temporary folder: ``home`` (the keyring files), ``run`` (mode 700,
``XDG_RUNTIME_DIR``, with the bus socket) and the daemons' logs. The bus is started with its own
configuration, which lists no service folders: nothing is ever started by D-Bus activation, so
the only daemons are the two started here, by PID, and both are stopped by PID.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

SECRETS_BUS_NAME = "org.freedesktop.secrets"
PASSWORD = "test-keyring-password"

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceError(RuntimeError):
    """The private session could not be started."""


@dataclass
class SecretServiceSession:
    """A running private bus with GNOME Keyring on it; :meth:`stop` ends both."""

    root: Path
    address: str
    dbus: subprocess.Popen[bytes]
    keyring: subprocess.Popen[bytes] | None = None
    started_in: float = 0.0
    env: dict[str, str] = field(default_factory=dict)

    @property
    def home(self) -> Path:
        """The HOME the keyring daemon keeps its files under."""
        return self.root / "home"

    @classmethod
    def start(
        cls, root: Path, dbus_daemon: str, keyring_daemon: str, *, deadline: float = 10.0
    ) -> SecretServiceSession:
        """Start the bus, then GNOME Keyring unlocked with :data:`PASSWORD`, and wait for it.

        Raises:
            SecretServiceError: a daemon exited, or the service did not appear in ``deadline``.
        """
        started = time.monotonic()
        (root / "home").mkdir(parents=True)
        run = root / "run"
        run.mkdir(mode=0o700)
        run.chmod(0o700)  # mkdir's mode is filtered by the umask
        config = root / "bus.conf"
        config.write_text(_BUS_CONFIG.format(socket=run / "bus"), encoding="utf-8")
        with (root / "dbus.log").open("wb") as log:
            dbus = subprocess.Popen(
                [dbus_daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            )
        assert dbus.stdout is not None
        address = dbus.stdout.readline().decode().strip()  # printed once listening, or EOF
        dbus.stdout.close()
        session = cls(root, address, dbus)
        try:
            if not address:
                raise SecretServiceError(f"dbus-daemon exited: {session.log('dbus.log')}")
            session.env = {
                "HOME": str(root / "home"),
                "XDG_RUNTIME_DIR": str(run),
                "DBUS_SESSION_BUS_ADDRESS": address,
            }
            session.keyring = session._start_keyring(keyring_daemon)
            session._wait_for_owner(started + deadline)
        except BaseException:
            session.stop()
            raise
        session.started_in = time.monotonic() - started
        return session

    def _start_keyring(self, keyring_daemon: str) -> subprocess.Popen[bytes]:
        # --foreground keeps it our child (the daemonizing form outlives the session);
        # --unlock reads the login password from stdin, creating the login keyring with it.
        with (self.root / "keyring.log").open("wb") as log:
            process = subprocess.Popen(
                [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=log,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **self.env},
            )
        assert process.stdin is not None
        process.stdin.write(PASSWORD.encode())
        process.stdin.close()
        return process

    def _wait_for_owner(self, deadline: float) -> None:
        while not self.has_secret_service():
            assert self.keyring is not None
            if time.monotonic() > deadline:
                raise SecretServiceError(f"no Secret Service in time: {self.log('keyring.log')}")
            try:  # wait a little, but notice at once if the daemon died
                code = self.keyring.wait(timeout=0.02)
            except subprocess.TimeoutExpired:
                continue
            raise SecretServiceError(
                f"gnome-keyring-daemon exited ({code}): {self.log('keyring.log')}"
            )

    def has_secret_service(self) -> bool:
        """Whether ``org.freedesktop.secrets`` has an owner on this bus."""
        # jeepney comes with keyring on Linux only; importing it here keeps collection portable.
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        with open_dbus_connection(bus=self.address) as connection:
            reply = connection.send_and_get_reply(
                message_bus.NameHasOwner(SECRETS_BUS_NAME), timeout=5
            )
            (owned,) = unwrap_msg(reply)
        return bool(owned)

    def log(self, name: str) -> str:
        """A daemon's log, for error messages."""
        path = self.root / name
        return path.read_text(encoding="utf-8", errors="replace").strip() if path.exists() else ""

    def kill_keyring(self) -> None:
        """Stop GNOME Keyring, leaving the bus up (a Secret Service that went away)."""
        if self.keyring is not None:
            _end(self.keyring)

    def stop(self) -> None:
        """Stop GNOME Keyring, then the bus, each by its PID, and wait for both."""
        self.kill_keyring()
        _end(self.dbus)


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
