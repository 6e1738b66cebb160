"""``self-test``: each check fails, with advice, when its dependency is missing."""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from qonto_desktop import resources
from qonto_desktop.commands import self_test as command
from qonto_desktop.oauth.loopback_server import open_listening_socket
from qonto_desktop.oauth.redirect import DEFAULT_PORT, LOOPBACK_HOST
from qonto_desktop.self_test import (
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
    probe_qt,
)
from qonto_desktop.store.secrets import SecretStore

STARTED = QtProbe("offscreen", True)


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
    assert check_resources(probe).ok


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
def busy_default_port() -> Iterator[socket.socket]:
    try:
        sock = open_listening_socket(LOOPBACK_HOST, DEFAULT_PORT)
    except OSError:
        pytest.skip(f"port {DEFAULT_PORT} is already taken by another program")
    with sock:
        yield sock


def test_a_busy_default_port_is_a_warning(busy_default_port: socket.socket) -> None:
    bound, port = check_loopback()
    assert bound.ok
    assert not port.ok
    assert not port.blocking
    assert str(DEFAULT_PORT) in port.detail
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
