"""The shipped executable: trimmed as the spec says, self-test passing in a keyring session,
and a whole connection made and used with it against the emulator, on a real Secret Service.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import time
from fnmatch import fnmatchcase
from pathlib import Path

import pytest
import requests
from PyInstaller.archive.readers import CArchiveReader

from qonto_desktop.emulator import Emulator
from qonto_desktop.packaging.checksum import sha256_of
from tests.conftest import Figure
from tests.frozen.conftest import BAKED_CLIENT_ID, BAKED_PORT, FROZEN_TIMEOUT
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow(seconds=60),
    pytest.mark.timeout(FROZEN_TIMEOUT),
]

# What the spec drops (its DROPPED_FILES and EXCLUDED_MODULES), as seen inside the archive.
NEVER_BUNDLED = (
    "*libgtk-3*", "*libgdk-3*", "*wayland*", "*eglfs*", "*EglFS*", "*/platforms/*linuxfb*",
    "*/platforms/*vnc*", "*/plugins/generic/*", "*/plugins/tls/*", "*/networkinformation/*",
    "*/imageformats/*jpeg*", "*/imageformats/*tiff*", "*/imageformats/*webp*",
    "PySide6/*translations/qt_*", "PySide6/*translations/qtbase_de.qm", "*QtNetwork*",
    "*libqgtk3*", "*tkinter*", "resources/translations/*.ts",
)  # fmt: skip
ALWAYS_BUNDLED = (
    "resources/translations/qonto_desktop_fr.qm", "resources/pages/success.fr.html",
    "resources/icons/app.svg", "resources/build-registration.json",
    "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
)  # fmt: skip


def bundled(executable: Path) -> set[str]:
    """The names of the files the one-file executable unpacks."""
    return {name.replace("\\", "/") for name in CArchiveReader(str(executable)).toc}


@pytest.mark.skipif("sys.platform != 'linux'", reason="the Linux bundle's file names")
def test_the_bundle_is_trimmed(frozen_app: Path, figure: Figure) -> None:
    names = bundled(frozen_app)
    unwanted = sorted(n for n in names if any(fnmatchcase(n, p) for p in NEVER_BUNDLED))
    assert unwanted == []
    assert [name for name in ALWAYS_BUNDLED if name not in names] == []
    figure("one-file size (MiB)", round(frozen_app.stat().st_size / 2**20, 2))
    figure("files in the bundle", len(names))


def test_a_checksum_to_publish_is_written_beside_the_file(frozen_app: Path) -> None:
    line = frozen_app.with_name(frozen_app.name + ".sha256").read_text(encoding="ascii")
    assert line == f"{sha256_of(frozen_app)}  {frozen_app.name}\n"


@pytest.mark.keyring
def test_self_test_passes_in_a_keyring_session(
    frozen_app: Path, app_home: Path, keyring_env: dict[str, str]
) -> None:
    env = cli_env(app_home, keyring_env=keyring_env, extra={"QT_QPA_PLATFORM": "offscreen"})
    result = run(["--self-test"], env, program=[str(frozen_app)])
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("FAILED")] == []
    report = "\n".join(lines)
    for seen in ("Qt platform: offscreen", "Secure storage: Secret Service", "certificates found"):
        assert seen in report
    assert "Resources: pages, icon, English and French" in report
    assert "Traceback" not in result.stderr


def test_self_test_says_what_to_do_without_a_keyring(
    frozen_app: Path, app_home: Path, tmp_path: Path
) -> None:
    no_session = {
        "HOME": str(tmp_path),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    env = cli_env(app_home, keyring_env=no_session, extra={"QT_QPA_PLATFORM": "offscreen"})
    result = run(["--self-test"], env, program=[str(frozen_app)])
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1
    assert failed[0].startswith("FAILED  Secure storage")
    assert "gnome-keyring" in result.stdout  # what to install
    assert "Traceback" not in result.stderr


@pytest.mark.keyring
def test_a_whole_connection_with_the_executable(
    frozen_app: Path,
    app_home: Path,
    keyring_env: dict[str, str],
    redirect_port: int,
    figure: Figure,
) -> None:
    app = [str(frozen_app)]
    with Emulator(consent_mode="approve") as emulator:
        organization = emulator.organizations[0]
        redirect_uri = f"http://127.0.0.1:{redirect_port}/callback"
        emulator.register_redirect_uri(redirect_uri)
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)

        configured = run(
            ["configure", "--environment", "emulator", "--redirect-port", str(redirect_port)],
            env,
            program=app,
        )
        assert configured.returncode == 0, configured.stderr
        with RunningCommand(
            ["connect", "--environment", "emulator", "--no-browser"], env, program=app
        ) as connecting:
            connecting.send(approve_elsewhere(authorization_address(connecting)))
            assert connecting.finish() == 0, connecting.stderr
        assert organization.name in connecting.stdout
        assert emulator.events["code_redeemed"] == 1

        token = run(["token"], env, program=app)
        assert token.returncode == 0, token.stderr
        answer = requests.get(
            f"{emulator.base_url}/v2/organization",
            headers={"Authorization": f"Bearer {token.stdout.strip()}"},
            timeout=10,
        )
        assert answer.status_code == 200
        assert answer.json()["organization"]["slug"] == organization.slug

        status = run(["status", "--check"], env, program=app)
        assert status.returncode == 0, status.stderr
        assert organization.name in status.stdout
        figure("frozen connect + token + status", "ok")


@pytest.mark.keyring
def test_the_baked_registration_is_ready_to_connect(
    frozen_app: Path, app_home: Path, keyring_env: dict[str, str]
) -> None:
    env = cli_env(app_home, keyring_env=keyring_env)
    shown = run(["configure", "--environment", "production"], env, program=[str(frozen_app)])
    assert shown.returncode == 0, shown.stderr
    assert BAKED_CLIENT_ID in shown.stdout
    assert f"http://127.0.0.1:{BAKED_PORT}/callback" in shown.stdout
    settings = app_home / "config" / "settings.json"
    saved = settings.read_text(encoding="utf-8") if settings.exists() else ""
    assert BAKED_CLIENT_ID not in saved  # read from the build, not copied into the settings
    assert not re.search(r"Traceback", shown.stderr)


def test_the_executable_names_itself_in_usage_and_advice(frozen_app: Path, app_home: Path) -> None:
    env = cli_env(app_home, keyring_env={})
    wrong = run(["no-such-command"], env, program=[str(frozen_app)])
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("QontoDesktop: ")
    assert "main.py" not in wrong.stderr
    assert "QontoDesktop" in run(["--help"], env, program=[str(frozen_app)]).stdout


@pytest.mark.keyring
def test_the_window_opens_in_demo_mode(
    frozen_app: Path, app_home: Path, keyring_env: dict[str, str]
) -> None:
    env = cli_env(app_home, keyring_env=keyring_env, extra={"QT_QPA_PLATFORM": "offscreen"})
    log = app_home / "logs" / "qonto-desktop.log"
    window = subprocess.Popen(  # the window runs until closed: stopped once it is ready
        [str(frozen_app), "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while "main window ready" not in (log.read_text("utf-8") if log.exists() else ""):
            assert window.poll() is None, window.communicate()[1].decode()
            assert time.monotonic() < deadline, "the window did not get ready in 60 s"
            window_wait(window, 0.1)
    finally:
        window.terminate()
        _, stderr = window.communicate(timeout=30)
    logged = log.read_text("utf-8")
    assert "Qonto emulator serving on port" in logged  # demo mode's emulator, in the process
    assert "Traceback" not in logged + stderr.decode()
    assert " ERROR " not in logged


def window_wait(process: subprocess.Popen[bytes], seconds: float) -> None:
    """Wait for the process to end, at most ``seconds`` (it normally goes on running)."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=seconds)


BROWSER_SCRIPT = """\
import json, os, sys, urllib.request
record, address = sys.argv[1], sys.argv[2]
with open(record, "w", encoding="utf-8") as out:
    json.dump({"LD_LIBRARY_PATH": os.environ.get("LD_LIBRARY_PATH")}, out)
urllib.request.urlopen(address, timeout=30).read()  # the emulator approves, then redirects back
"""


@pytest.mark.keyring
@pytest.mark.skipif("sys.platform != 'linux'", reason="LD_LIBRARY_PATH is Linux's")
def test_the_browser_gets_the_users_library_path_not_the_bundles(
    frozen_app: Path,
    app_home: Path,
    keyring_env: dict[str, str],
    redirect_port: int,
    tmp_path: Path,
) -> None:
    script, record = tmp_path / "browser.py", tmp_path / "browser.json"
    script.write_text(BROWSER_SCRIPT, encoding="utf-8")
    users_path = str(tmp_path / "the-users-own-libraries")
    with Emulator(consent_mode="approve") as emulator:
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(
            app_home,
            keyring_env=keyring_env,
            emulator_url=emulator.base_url,
            extra={
                "QONTO_DESKTOP_BROWSER": f"{sys.executable} {script} {record}",
                "LD_LIBRARY_PATH": users_path,
            },
        )
        app = [str(frozen_app)]
        configured = run(
            ["configure", "--environment", "emulator", "--redirect-port", str(redirect_port)],
            env,
            program=app,
        )
        assert configured.returncode == 0, configured.stderr
        connected = run(["connect", "--environment", "emulator"], env, program=app)
        assert connected.returncode == 0, connected.stderr
    seen = json.loads(record.read_text(encoding="utf-8"))
    assert seen["LD_LIBRARY_PATH"] == users_path  # not the unpacked bundle's folder first
