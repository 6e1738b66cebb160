"""Which keyring backend this computer has: is it usable, what to call it, what to install.

Backends are recognised by the qualified names of their classes (and base classes), so this
module imports no platform backend and works the same on every OS. The functions here make no
timeout of their own: the secret store runs them inside its guard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

_FAIL = "keyring.backends.fail.Keyring"
_NULL = "keyring.backends.null.Keyring"
_CHAINER = "keyring.backends.chainer.ChainerBackend"
BackendKind = Literal[
    "windows", "macos", "kwallet", "secret_service", "none", "disabled", "plain_files", "other"
]
_ENGLISH: dict[str, str] = {
    "windows": "Windows Credential Manager",
    "macos": "macOS Keychain",
    "kwallet": "KWallet",
    "none": "none (no keyring backend found)",
    "disabled": "none (keyring disabled)",
}
_SECRET_SERVICE = ("keyring.backends.SecretService.Keyring", "keyring.backends.libsecret.Keyring")
_KINDS: dict[str, BackendKind] = {
    "keyring.backends.Windows.WinVaultKeyring": "windows",
    "keyring.backends.macOS.Keyring": "macos",
    "keyring.backends.kwallet.DBusKeyring": "kwallet",
    _FAIL: "none",
    _NULL: "disabled",
}
# What serves org.freedesktop.secrets, by the start of its program name.
_PROVIDERS = (
    ("gnome-keyring", "GNOME Keyring"),
    ("kwalletd", "KWallet"),
    ("ksecretd", "KWallet"),
    ("keepassxc", "KeePassXC"),
)

Provider = Callable[[], str | None]


@dataclass(frozen=True)
class BackendName:
    """One keyring backend as the app names it: what kind it is, and its own name if it has one.

    The window words each kind in its language; :attr:`words` is the English of the command
    line, the self-test and the log.

    Attributes:
        kind: ``windows`` (Credential Manager), ``macos`` (Keychain), ``kwallet``,
            ``secret_service``, ``none`` (no backend found), ``disabled`` (keyring's null
            backend), ``plain_files`` (keyrings.alt, refused) or ``other``.
        name: a proper name, never translated: the program serving the Secret Service
            ("GNOME Keyring", empty when unknown), or the backend's own name for
            ``plain_files`` and ``other``; empty for the other kinds.
    """

    kind: BackendKind
    name: str = ""

    @property
    def words(self) -> str:
        """The backend in English ("Secret Service (GNOME Keyring)")."""
        if self.kind == "secret_service":
            return f"Secret Service ({self.name})" if self.name else "Secret Service"
        if self.kind == "plain_files":
            return f"{self.name} (plain files, refused)"
        return _ENGLISH.get(self.kind, self.name)


@dataclass(frozen=True)
class BackendDescription:
    """The keyring in use: the backends it reads in turn (usually one), or why it is unknown.

    Attributes:
        backends: each backend, in the order keyring uses them; empty when ``error`` is set.
        error: the keyring could not be asked (locked up, too slow).
    """

    backends: tuple[BackendName, ...]
    error: QontoDesktopError | None = None

    @property
    def words(self) -> str:
        """The keyring in English ("Secret Service (GNOME Keyring), then KWallet")."""
        if self.error is not None:
            return f"unknown ({self.error.message})"
        return ", then ".join(backend.words for backend in self.backends)


def _class_names(backend: KeyringBackend) -> list[str]:
    return [f"{cls.__module__}.{cls.__qualname__}" for cls in type(backend).__mro__]


def _chained(backend: KeyringBackend) -> list[KeyringBackend] | None:
    """The backends a chainer would use, or None when ``backend`` is not a chainer."""
    if _CHAINER not in _class_names(backend):
        return None
    return list(getattr(backend, "backends", []))


def _is_plaintext(backend: KeyringBackend) -> bool:
    # keyrings.alt keeps secrets in files (some in plain text): never acceptable here.
    return type(backend).__module__.split(".")[:2] == ["keyrings", "alt"]


def _refusal(backend: KeyringBackend) -> str | None:
    """Why this kind of backend is refused whatever its priority says, or None."""
    names = _class_names(backend)
    if _FAIL in names:
        return "keyring found no backend on this computer"
    if _NULL in names:
        return "keyring is configured with its null backend (disabled)"
    if _is_plaintext(backend):
        return f"{type(backend).name} from keyrings.alt stores secrets in files"
    return None


def unusable_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` cannot keep secrets safely, or None when it can.

    Unusable: keyring's ``fail`` and ``null`` backends, any backend from ``keyrings.alt``, any
    backend whose priority is not above zero or cannot be determined (keyring's way of saying
    "not available here"), and a chainer with nothing to chain or with an unusable backend in
    its chain (a read asks each in turn; a write goes to the first).
    """
    refusal = _refusal(backend)
    if refusal is not None:
        return refusal
    chained = _chained(backend)
    if chained is not None:
        if not chained:
            return "keyring's chainer has no backend to use"
        reasons = [reason for reason in map(unusable_reason, chained) if reason is not None]
        return f"in keyring's chainer: {reasons[0]}" if reasons else None
    try:
        priority = float(type(backend).priority)
    except Exception as error:  # keyring: "should raise a RuntimeError", some raise others
        return f"{type(backend).name} is not available: {error}"
    if priority <= 0:
        return f"{type(backend).name} has priority {priority:g} (not recommended)"
    return None


def identify(backend: KeyringBackend, provider: Provider) -> tuple[BackendName, ...]:
    """The backend named, one name per backend a chainer would use.

    Args:
        backend: the keyring backend.
        provider: names the program behind the Secret Service (called only for that backend).
    """
    if chained := _chained(backend):
        return tuple(name for each in chained for name in identify(each, provider))
    if chained is not None:
        return (BackendName("none"),)
    names = _class_names(backend)
    if any(name in _SECRET_SERVICE for name in names):
        return (BackendName("secret_service", provider() or ""),)
    for name in names:
        if name in _KINDS:
            return (BackendName(_KINDS[name]),)
    own = str(type(backend).name)
    return (BackendName("plain_files" if _is_plaintext(backend) else "other", own),)


def describe(backend: KeyringBackend, provider: Provider) -> str:
    """The backend in English words, for status output and the self-test."""
    return BackendDescription(identify(backend, provider)).words


def provider_from_process(program: str) -> str | None:
    """The product name for the program that owns the Secret Service, if known."""
    base = program.rsplit("/", 1)[-1].lower()
    for prefix, product in _PROVIDERS:
        if base.startswith(prefix):
            return product
    return None


def storage_advice(platform: str) -> str:
    """What the user can install or unlock to get secure storage on ``platform``.

    Args:
        platform: a ``sys.platform`` value ("linux", "win32", "darwin", ...).
    """
    if platform in ("win32", "cygwin"):
        return N_(
            "The app uses Windows Credential Manager. Sign in to Windows with your own user "
            "account (not a temporary or restricted profile) and make sure the Credential "
            "Manager service is running, then try again."
        )
    if platform == "darwin":
        return N_(
            "The app uses the macOS Keychain. Make sure your login keychain exists and is "
            "unlocked (Keychain Access), then try again."
        )
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return N_(
            "The app uses the Secret Service. Install GNOME Keyring or KWallet "
            "(for example: sudo apt install gnome-keyring), unlock it, and run the app inside "
            "your desktop session, where D-Bus is available (not over plain SSH)."
        )
    return N_(
        "The app needs the operating system's keyring, and none was found. Run it on "
        "Windows, macOS or a Linux desktop with GNOME Keyring or KWallet."
    )
