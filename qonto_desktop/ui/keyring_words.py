"""Where the secrets are stored, in the window's language.

The store names the keyring by kind (:class:`BackendDescription`); the words are chosen here,
through Qt's translator, so the French window says it in French. Proper names (GNOME Keyring,
KWallet, a backend's own class name) stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.messages_fr import translate
from qonto_desktop.store.backends import BackendDescription, BackendName
from qonto_desktop.ui.formatting import fill
from qonto_desktop.ui.language import current_language


def backend_name_words(backend: BackendName) -> str:
    """One keyring backend in words."""
    translate = QCoreApplication.translate
    if backend.kind == "secret_service":
        if backend.name:
            return translate("KeyringWords", "Secret Service (%1)").replace("%1", backend.name)
        return translate("KeyringWords", "Secret Service")
    if backend.kind == "plain_files":
        plain = translate("KeyringWords", "%1 (plain files, refused)")
        return plain.replace("%1", backend.name)
    fixed = {
        "windows": translate("KeyringWords", "Windows Credential Manager"),
        "macos": translate("KeyringWords", "macOS Keychain"),
        "kwallet": translate("KeyringWords", "KWallet"),
        "none": translate("KeyringWords", "none (no keyring backend found)"),
        "disabled": translate("KeyringWords", "none (keyring disabled)"),
    }
    return fixed.get(backend.kind, backend.name)


def unknown_backend_words(error: QontoDesktopError) -> str:
    """A keyring that could not be asked: "unknown", and why."""
    unknown = QCoreApplication.translate("KeyringWords", "unknown (%1)")
    return unknown.replace("%1", translate(error.message, current_language()))


def backend_words(description: BackendDescription) -> str:
    """The keyring in words: each backend it reads in turn, or "unknown" and why."""
    if description.error is not None:
        return unknown_backend_words(description.error)
    if not description.backends:
        return QCoreApplication.translate("KeyringWords", "none (no keyring backend found)")
    words = backend_name_words(description.backends[0])
    for backend in description.backends[1:]:
        then = QCoreApplication.translate("KeyringWords", "%1, then %2")
        words = fill(then, words, backend_name_words(backend))
    return words
