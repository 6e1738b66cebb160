"""What ``main.py self-test`` checks: can this computer make and keep a Qonto connection?

Each check returns a :class:`Check`; none connects to the network. Qt is loaded only in a child
process, so a platform plugin that aborts (a missing xcb library) cannot end the self-test.
"""

from __future__ import annotations

import contextlib
import json
import os
import ssl
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import truststore

from qonto_desktop.i18n import catalogue
from qonto_desktop.oauth.loopback_server import bind_failure_reason, open_listening_socket
from qonto_desktop.oauth.redirect import DEFAULT_PORT, LOOPBACK_HOST
from qonto_desktop.program import QT_PROBE_FLAG, program_name
from qonto_desktop.store.errors import StorageError
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system import resources

QT_TIMEOUT = 20.0
# What Qt's xcb platform needs on Debian or Ubuntu, as .ci/demo installs it.
WINDOW_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 "
    "libx11-xcb1 libxkbcommon-x11-0 libxkbcommon0 libglib2.0-0 libgl1 libegl1 libfontconfig1 "
    "libdbus-1-3 fonts-dejavu-core"
)
_PEM_START = "-----BEGIN CERTIFICATE-----"
PAGES = ("success", "failure", "wrong-state", "not-found")
TRANSLATION = ("translations", "qonto_desktop_fr.qm")
REQUIRED_FILES = (
    ("pages", "layout.html"),
    *(("pages", f"{page}.{language}.html") for page in PAGES for language in ("en", "fr")),
    ("icons", "app.svg"),
    TRANSLATION,
)
# The entry point that runs the Qt probe (qonto_desktop/ui/qt_probe.py) in a child process.
MAIN_SCRIPT = Path(__file__).resolve().parents[2] / "main.py"


@dataclass(frozen=True)
class Check:
    """One result: what was checked, whether it passed, what was seen, what to do if not.

    ``blocking`` False makes a failure a warning: the app can still connect.
    """

    name: str
    ok: bool
    detail: str
    advice: str = ""
    blocking: bool = True


@dataclass(frozen=True)
class QtProbe:
    """What the Qt child process reported: the platform's name, or why it failed."""

    platform: str | None
    translation_loaded: bool | None
    error: str = ""
    qt_translation_loaded: bool | None = None


def probe_command(translation: Path) -> list[str]:
    """This app started again as the Qt probe: the executable, main.py, or the installed package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, QT_PROBE_FLAG, str(translation)]
    if MAIN_SCRIPT.is_file():  # a source checkout
        return [sys.executable, str(MAIN_SCRIPT), QT_PROBE_FLAG, str(translation)]
    return [sys.executable, "-m", "qonto_desktop", QT_PROBE_FLAG, str(translation)]


def probe_qt(
    translation: Path, *, environ: Mapping[str, str] | None = None, timeout: float = QT_TIMEOUT
) -> QtProbe:
    """Start Qt's GUI in a child process (honouring ``QT_QPA_PLATFORM``) and load translations."""
    try:
        result = subprocess.run(  # noqa: S603 - this app itself
            probe_command(translation),
            env=dict(os.environ if environ is None else environ),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return QtProbe(None, None, f"Qt did not start within {timeout:g} seconds")
    except OSError as exc:
        return QtProbe(None, None, f"could not start {sys.executable}: {exc.strerror}")
    seen: dict[str, object] = {}
    for line in result.stdout.splitlines():
        try:
            seen.update(json.loads(line))
        except (ValueError, TypeError):
            continue
    platform = seen.get("platform")
    loaded = seen.get("translation")
    qt_loaded = seen.get("qt_translation")
    error = ""
    if result.returncode != 0 or not isinstance(platform, str):
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = next((line for line in lines if "Could not" in line), lines[-1] if lines else "")
        error = f"exit status {result.returncode}" + (f": {reason.strip()}" if reason else "")
    return QtProbe(
        platform if isinstance(platform, str) and not error else None,
        loaded if isinstance(loaded, bool) else None,
        error,
        qt_loaded if isinstance(qt_loaded, bool) else None,
    )


def check_qt(probe: QtProbe) -> Check:
    """The window can start: Qt loads a platform plugin."""
    if probe.platform is not None:
        return Check("Qt platform", True, probe.platform)
    platform = os.environ.get("QT_QPA_PLATFORM")
    return Check(
        "Qt platform",
        False,
        probe.error + (f" (QT_QPA_PLATFORM={platform})" if platform else ""),
        "Run it in a desktop session. On Debian or Ubuntu, install the window's libraries: "
        f"sudo apt-get install --no-install-recommends {WINDOW_PACKAGES}",
    )


def check_keyring(store: SecretStore | None = None) -> Check:
    """The OS keyring is a real one, open and answering."""
    store = SecretStore() if store is None else store
    try:
        store.check_available()
    except StorageError as exc:
        detail = store.describe_backend() + (f": {exc.detail}" if exc.detail else "")
        return Check("Secure storage", False, detail, f"{exc.message} {exc.next_action}")
    return Check("Secure storage", True, store.describe_backend())


def os_certificate_count(platform: str = sys.platform) -> int:
    """How many CA certificates the OS store holds (read from disk or the OS; no network).

    Read without an ``SSLContext``: once truststore is injected, contexts no longer count.
    """
    if platform == "win32":
        return len(ssl.enum_certificates("ROOT"))  # type: ignore[attr-defined,unused-ignore]
    paths = ssl.get_default_verify_paths()
    count = 0
    if paths.cafile:
        with contextlib.suppress(OSError):
            count = Path(paths.cafile).read_text("ascii", "replace").count(_PEM_START)
    if count == 0 and paths.capath and os.path.isdir(paths.capath):  # hashed names: 9d64e2f1.0
        count = sum(1 for name in os.listdir(paths.capath) if name.rpartition(".")[2].isdigit())
    return count


def check_tls(count_certificates: Callable[[], int] = os_certificate_count) -> Check:
    """HTTPS verifies against the OS certificate store; nothing is connected to."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        return Check(
            "TLS (OS certificate store)",
            False,
            "certificate or host name verification is off",
            "Report it: the app never turns verification off.",
        )
    if sys.platform == "darwin":  # truststore asks the Keychain; OpenSSL's count means nothing
        return Check("TLS (OS certificate store)", True, "the macOS Keychain verifies (no network)")
    count = count_certificates()
    if count <= 0:
        return Check(
            "TLS (OS certificate store)",
            False,
            "certificates found: 0",
            "Install the system's CA certificates (Debian or Ubuntu: sudo apt-get install "
            "ca-certificates).",
        )
    return Check(
        "TLS (OS certificate store)", True, f"certificates found: {count} (no network connection)"
    )


def check_loopback(port: int = DEFAULT_PORT) -> list[Check]:
    """The browser's answer can reach the app: 127.0.0.1 binds, and whether ``port`` is free."""
    try:
        open_listening_socket(LOOPBACK_HOST, 0).close()
    except OSError as exc:
        return [
            Check(
                "Loopback",
                False,
                f"cannot listen on {LOOPBACK_HOST}: {bind_failure_reason(exc)}",
                "Allow the app to listen on 127.0.0.1 (a firewall or a sandbox may forbid it).",
            )
        ]
    bound = Check("Loopback", True, f"{LOOPBACK_HOST} accepts a listening socket")
    try:
        open_listening_socket(LOOPBACK_HOST, port).close()
    except OSError as exc:
        return [
            bound,
            Check(
                "Redirect port",
                False,
                f"port {port}: {bind_failure_reason(exc)}",
                f"Close the program holding port {port}, or use another port: "
                f"`{program_name()} configure --redirect-port N`, and register that redirect "
                "URI in Qonto's Developer Portal.",
                blocking=False,
            ),
        ]
    return [bound, Check("Redirect port", True, f"port {port} is free")]


def check_resources(probe: QtProbe) -> Check:
    """The pages, icon and French translation ship with the app (English needs no file)."""
    missing = [
        "/".join(parts)
        for parts in REQUIRED_FILES
        if not _non_empty(resources.resource_path(*parts))
    ]
    if missing:
        return Check(
            "Resources",
            False,
            f"missing or empty in {resources.resources_dir()}: {', '.join(missing)}",
            "Reinstall the app: its files are incomplete.",
        )
    if not catalogue.available("fr"):
        return Check(
            "Resources",
            False,
            f"the messages' French catalogue is missing from {catalogue.LOCALE_DIR}",
            "Reinstall the app: its French translation is damaged.",
        )
    if probe.translation_loaded is False:
        return Check(
            "Resources",
            False,
            f"Qt cannot load {'/'.join(TRANSLATION)}",
            "Reinstall the app: its French translation is damaged.",
        )
    if probe.qt_translation_loaded is False:
        return Check(
            "Resources",
            False,
            "Qt cannot load its own French (qtbase_fr.qm)",
            "Reinstall the app: its files are incomplete.",
        )
    loaded = "" if probe.translation_loaded else " (translation not loaded: Qt did not start)"
    return Check("Resources", True, f"pages, icon, English and French{loaded}")


def _non_empty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def run_checks(store: SecretStore | None = None) -> list[Check]:
    """Every check, in the order the report shows them."""
    probe = probe_qt(resources.resource_path(*TRANSLATION))
    return [
        check_qt(probe),
        check_keyring(store),
        check_tls(),
        *check_loopback(),
        check_resources(probe),
    ]


def passed(checks: list[Check]) -> bool:
    """True when everything a connection needs is there (warnings aside)."""
    return all(check.ok or not check.blocking for check in checks)
