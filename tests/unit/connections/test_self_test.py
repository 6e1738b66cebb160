"""``self-test``: each check fails, with advice, when its dependency is missing."""

from __future__ import annotations

import inspect
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from qonto_desktop.cli import self_test as command
from qonto_desktop.connections import self_test as checks
from qonto_desktop.connections.self_test import (
    TRANSLATION,
    Check,
    QtProbe,
    check_keyring,
    check_loopback,
    check_qt,
    check_resources,
    check_tls,
    os_certificate_count,
    passed,
    probe_command,
    probe_qt,
)
from qonto_desktop.oauth.loopback_server import open_listening_socket
from qonto_desktop.oauth.redirect import DEFAULT_PORT, LOOPBACK_HOST
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system import resources

STARTED = QtProbe("offscreen", True)
REPO = Path(__file__).resolve().parents[3]


def test_an_unknown_qt_platform_fails_with_the_packages_to_install() -> None:
    environ = {**os.environ, "QT_QPA_PLATFORM": "nonexistent-platform"}
    probe = probe_qt(resources.resource_path(*TRANSLATION), environ=environ)
    check = check_qt(probe)
    assert not check.ok
    assert "nonexistent-platform" in check.detail
    assert "libxcb-cursor0" in check.advice
    assert "desktop session" in check.advice
    assert probe.translation_loaded is True  # loaded before the platform aborted


def test_the_offscreen_platform_starts() -> None:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    probe = probe_qt(resources.resource_path(*TRANSLATION), environ=environ)
    assert check_qt(probe) == Check("Qt platform", True, "offscreen")
    assert probe.translation_loaded is True
    assert probe.qt_translation_loaded is True
    assert check_resources(probe).ok


def test_a_missing_translation_is_reported_by_the_probe(tmp_path: Path) -> None:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    probe = probe_qt(tmp_path / "missing_fr.qm", environ=environ)
    assert probe.platform == "offscreen"
    assert probe.translation_loaded is False
    assert not check_resources(probe).ok


def test_the_probe_runs_main_py_from_a_source_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    translation = Path("/somewhere/qonto_desktop_fr.qm")
    command = probe_command(translation)
    assert command == [sys.executable, str(REPO / "main.py"), "--qt-probe", str(translation)]
    assert Path(command[1]).is_file()


def test_an_installed_package_probes_with_python_dash_m(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(checks, "MAIN_SCRIPT", tmp_path / "main.py")  # pip installs no main.py
    translation = Path("/somewhere/qonto_desktop_fr.qm")
    command = probe_command(translation)
    assert command == [sys.executable, "-m", "qonto_desktop", "--qt-probe", str(translation)]


def test_the_probe_runs_as_python_dash_m_where_there_is_no_main_py(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(checks, "MAIN_SCRIPT", tmp_path / "main.py")
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    probe = probe_qt(resources.resource_path(*TRANSLATION), environ=environ)
    assert probe.platform == "offscreen", probe.error
    assert probe.translation_loaded is True


def test_a_frozen_app_probes_with_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    translation = Path("/somewhere/qonto_desktop_fr.qm")
    assert probe_command(translation) == [sys.executable, "--qt-probe", str(translation)]


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` from the repository, without a screen."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_main_py_runs_the_hidden_qt_probe() -> None:
    translation = REPO / "resources" / "translations" / "qonto_desktop_fr.qm"
    finished = run_main("--qt-probe", str(translation))
    assert finished.returncode == 0, finished.stderr
    seen: dict[str, object] = {}
    for line in finished.stdout.splitlines():
        seen.update(json.loads(line))
    assert seen == {"translation": True, "qt_translation": True, "platform": "offscreen"}


def test_main_py_self_test_flag_is_the_self_test_command() -> None:
    """``--self-test``, as a double-clicked app's users spell it, prints the same checks."""
    flag, command = run_main("--self-test"), run_main("self-test")

    def checks(output: str) -> list[str]:
        return [line.split(":")[0] for line in output.splitlines() if not line.startswith(" ")]

    assert flag.returncode == command.returncode
    assert checks(flag.stdout) == checks(command.stdout)
    assert "Qt platform" in checks(flag.stdout)[0]
    assert any(line.startswith("ok      Resources") for line in checks(flag.stdout))
    assert "usage" not in flag.stderr


def test_keyrings_fail_backend_is_refused_with_what_to_do() -> None:
    check = check_keyring(SecretStore(fail.Keyring(), platform="linux"))
    assert not check.ok
    assert "none (no keyring backend found)" in check.detail
    assert "secure storage" in check.advice
    assert "gnome-keyring" in check.advice


def test_no_ca_certificates_fails() -> None:
    check = check_tls(lambda: 0)
    assert not check.ok
    assert "certificates found: 0" in check.detail
    assert "ca-certificates" in check.advice


def test_the_os_store_is_counted_without_a_connection() -> None:
    check = check_tls()
    assert check.ok
    assert f"certificates found: {os_certificate_count()}" in check.detail
    assert "no network" in check.detail


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port some other program holds; a free one, so that no other test run can take it first."""
    with open_listening_socket(LOOPBACK_HOST, 0) as sock:
        yield sock.getsockname()[1]


def test_a_busy_default_port_is_a_warning(busy_port: int) -> None:
    assert inspect.signature(check_loopback).parameters["port"].default == DEFAULT_PORT
    bound, port = check_loopback(busy_port)
    assert bound.ok
    assert not port.ok
    assert not port.blocking
    assert str(busy_port) in port.detail
    assert "--redirect-port" in port.advice
    assert passed([bound, port])


def test_missing_resources_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "resources_dir", lambda: tmp_path)
    check = check_resources(STARTED)
    assert not check.ok
    assert "pages/success.en.html" in check.detail
    assert "translations/qonto_desktop_fr.qm" in check.detail


def test_an_unloadable_translation_fails() -> None:
    assert not check_resources(QtProbe("offscreen", False)).ok


def test_an_unloadable_qt_translation_fails() -> None:
    check = check_resources(QtProbe("offscreen", True, qt_translation_loaded=False))
    assert not check.ok
    assert "qtbase_fr" in check.detail
    assert check_resources(QtProbe("offscreen", True, qt_translation_loaded=True)).ok


def test_the_report_shows_failures_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = [
        Check("Qt platform", True, "xcb"),
        Check("Secure storage", False, "none", "Install a keyring."),
        Check("Redirect port", False, "port 52817 busy", "Use another.", blocking=False),
    ]
    monkeypatch.setattr(command, "run_checks", lambda: checks)
    out = io.StringIO()
    assert command.run(out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "ok      Qt platform: xcb"
    assert lines[1] == "FAILED  Secure storage: none"
    assert lines[2] == "        -> Install a keyring."
    assert lines[3].startswith("warning Redirect port")
    assert lines[-1] == "1 check(s) failed: fix them before connecting."


def test_warnings_alone_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = [Check("Redirect port", False, "busy", "Use another.", blocking=False)]
    monkeypatch.setattr(command, "run_checks", lambda: checks)
    out = io.StringIO()
    assert command.run(out=out) == 0
    assert out.getvalue().endswith("Everything a Qonto connection needs is here.\n")
