"""The French translation: complete, compiled, faithful to its placeholders, and really loaded.

The committed ``.ts`` is the source of truth; the build ships the committed ``.qm``. Both are
regenerated with ``pyside6-lupdate -no-obsolete -locations none qonto_desktop/ui/**/*.py -ts ...``
then ``pyside6-lrelease``; these tests fail when either has fallen behind the code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import Windows, fail, kwallet, macOS, null
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from qonto_desktop import APP_NAME
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import DisconnectReport, NotRevoked
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.i18n.localize import localize
from qonto_desktop.oauth.errors import ServiceUnavailableError
from qonto_desktop.qonto.errors import SERVICE
from qonto_desktop.store import backend_choice
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.ui.app import install_translator
from qonto_desktop.ui.dialogs.confirm_disconnect import disconnect_outcome
from qonto_desktop.ui.language import current_language, set_language
from qonto_desktop.ui.main_window import EMPTY
from qonto_desktop.ui.panes.status import environment_label
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one
from tests.support.keyring_chains import PlaintextKeyring, chainer_of
from tests.support.keyrings import MemoryKeyring, backend_of
from tests.support.main_window import open_window

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "qonto_desktop_fr.ts"
QM = TRANSLATIONS / "qonto_desktop_fr.qm"
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "none")
# {name} (str.format), %1..%99 (QString::arg style, replaced by hand), %n / %Ln (numerus).
PLACEHOLDER = re.compile(r"\{\w+\}|%L?n|%\d{1,2}")
NBSP = "\u00a0"
APOSTROPHE = "\u2019"


@dataclass(frozen=True)
class Message:
    """One message of a ``.ts`` file."""

    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    unfinished: bool

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the message: its context and its English."""
        return (self.context, self.source)


def read_ts(path: Path) -> list[Message]:
    """Every message of a ``.ts`` file."""
    messages = []
    root = ET.parse(path).getroot()  # noqa: S314 - the project's own files, not untrusted data
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"no <translation> in {name}"
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    tuple(texts),
                    translation.get("type") in {"unfinished", "obsolete", "vanished"},
                )
            )
    return messages


def qt_tool(name: str) -> str:
    """A Qt tool shipped with PySide6: beside this Python first, else on the PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: it comes with PySide6 (pip install PySide6-Essentials)"
    return found


def run_tool(*args: str) -> None:
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{Path(args[0]).name} failed:\n{done.stdout}{done.stderr}"


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    return read_ts(TS)


def test_the_committed_ts_holds_exactly_the_messages_of_the_code(
    committed: list[Message], tmp_path: Path
) -> None:
    fresh_ts = tmp_path / "qonto_desktop_fr.ts"
    sources = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("qonto_desktop/ui/**/*.py"))
    run_tool(qt_tool("pyside6-lupdate"), *LUPDATE_OPTIONS, *sources, "-ts", str(fresh_ts))
    in_code = {message.key for message in read_ts(fresh_ts)}
    translated = {message.key for message in committed}
    new = sorted(in_code - translated)
    gone = sorted(translated - in_code)
    assert not new, f"not in {TS.name} yet (run lupdate, then translate): {new}"
    assert not gone, f"in {TS.name} but no longer in the code (run lupdate -no-obsolete): {gone}"
    assert len(committed) == len(translated), "a message appears twice in the .ts"


def test_every_message_is_translated_and_finished(committed: list[Message]) -> None:
    unfinished = [message.key for message in committed if message.unfinished]
    empty = [
        message.key for message in committed if not all(t.strip() for t in message.translations)
    ]
    assert not unfinished, f"marked unfinished: {unfinished}"
    assert not empty, f"empty translation: {empty}"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "qonto_desktop_fr.qm"
    shutil.copy(TS, tmp_path / TS.name)
    # -fail-on-invalid: accelerators, surrounding spaces, end punctuation and place markers.
    run_tool(
        qt_tool("pyside6-lrelease"),
        "-fail-on-invalid",
        str(tmp_path / TS.name),
        "-qm",
        str(compiled),
    )
    assert compiled.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run pyside6-lrelease"


def test_every_placeholder_of_the_english_is_in_the_french(committed: list[Message]) -> None:
    wrong = []
    for message in committed:
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((message.key, text))
    assert not wrong, f"placeholders lost, added or changed: {wrong}"


def test_the_placeholder_pattern_sees_each_kind() -> None:
    found = PLACEHOLDER.findall("{organization} %1 %2 %n %Ln 100% sûr {}")
    assert found == ["{organization}", "%1", "%2", "%n", "%Ln"]


def test_the_french_follows_french_typography(committed: list[Message]) -> None:
    """No ordinary space before : ; ? ! », one after «; curly apostrophes, as the core's French."""
    wrong = []
    for message in committed:
        for text in message.translations:
            if re.search(r" [:;?!»]|« |'", text):
                wrong.append((message.key, text))
    assert not wrong, f"French typography: {wrong}"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The French translator installed as the app installs it; English again afterwards."""
    language = current_language()
    translators = install_translator(qapp, "fr")
    assert len(translators) == 2, f"install_translator could not load {QM} and Qt's own"
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        set_language(language)  # MainWindow(language="fr") set it for the whole process


def test_with_the_translator_installed_the_window_speaks_french(
    french: None, qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers, language="fr", demo=True)
    assert window.windowTitle() == f"{APP_NAME} — Démo"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Aide"]
    assert window.connect_action.text() == "&Connecter un client…"
    assert window.empty.button.text() == "Connecter un client"
    assert window.demo_banner.text.startswith(f"Démo{NBSP}: aucune connexion à Qonto.")
    assert environment_label("sandbox") == "Bac à sable"  # QCoreApplication.translate too
    dialog = window.open_connect()
    assert dialog.windowTitle() == "Connecter un client"
    assert dialog.form.connect_button.text() == "Se connecter avec Qonto"
    assert dialog.form.registration.title() == f"Enregistrement de l{APOSTROPHE}application"
    assert dialog.form.picker.title() == "Autorisations"
    standard = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own words
    assert standard.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_without_the_translator_the_window_stays_english(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers)
    assert window.empty.button.text() == "Connect a client"


# --- The core's words, in the French window ----------------------------------------------------

# What the disconnect report said in English, before the window worded it itself.
DISCONNECT_ENGLISH = (
    "the consent",
    "refresh token",
    "access token",
    "no valid access token",
    "withdraw it with",
    "Qonto's service",
    "answered with an error",
)


def test_a_french_disconnect_that_cannot_reach_qonto_says_what_in_french(
    french: None, qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_one(desk, emulator)
    window = open_window(qtbot, desk, workers, language="fr")
    for endpoint in ("consents", "revoke"):
        emulator.faults.set(endpoint, Fault(status=503))
    window.view.disconnect_button.click()
    dialog = window.pane.confirm_dialog
    assert dialog is not None
    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == EMPTY)
    assert window.notice.kind == "warning"
    text = window.notice.text
    assert text.startswith("Déconnexion de Boulangerie Martin effectuée")
    for item in (
        "le consentement (",
        f"l{APOSTROPHE}accès de 90 jours (",
        f"l{APOSTROPHE}accès en cours (",
    ):
        assert item in text, text
    served = localize(ServiceUnavailableError(503, service=SERVICE), "fr")[0]
    assert served != "Qonto's service answered with an error (HTTP 503).", "no French for it"
    assert text.count(served) == 3, text
    english = [words for words in DISCONNECT_ENGLISH if words.casefold() in text.casefold()]
    assert not english, f"English in the French window: {english}\n{text}"


def test_a_french_consent_without_a_valid_access_token_says_why_in_french(
    french: None, desk: Desk, emulator: Emulator
) -> None:
    set_language("fr")
    connection = connect_one(desk, emulator)
    report = DisconnectReport(connection, False, (NotRevoked("consent"),))
    kind, text = disconnect_outcome(report)
    assert kind == "warning"
    assert "le consentement (aucun accès valide pour le retirer)" in text
    assert not [words for words in DISCONNECT_ENGLISH if words in text], text


@pytest.fixture
def hung_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Finding the OS's keyring hangs (until the test ends): the store cannot name it."""
    release = threading.Event()

    def choose_backend() -> KeyringBackend:
        release.wait(timeout=60)
        return MemoryKeyring()

    monkeypatch.setattr(backend_choice, "choose_backend", choose_backend)
    yield
    release.set()


KEYRING_ENGLISH = (
    "unknown",
    "none",
    "no keyring",
    "disabled",
    "then",
    "did not answer",
    "plain files",
    "refused",
)


@pytest.mark.parametrize(
    ("backend", "french_words"),
    [
        (
            None,
            f"inconnu (Le coffre-fort du système n{APOSTROPHE}a pas répondu dans le délai de 0,2",
        ),
        (backend_of(fail.Keyring), "aucun coffre-fort du système trouvé"),
        (backend_of(null.Keyring), "aucun (coffre-fort du système désactivé)"),
        (backend_of(Windows.WinVaultKeyring), f"Gestionnaire d{APOSTROPHE}identification Windows"),
        (PlaintextKeyring(), "file PlaintextKeyring (fichiers en clair, refusé)"),
        (
            chainer_of(backend_of(macOS.Keyring), backend_of(kwallet.DBusKeyring)),
            "Trousseau macOS, puis KWallet",
        ),
    ],
    ids=["unknown", "none", "disabled", "windows", "plain-files", "chained"],
)
def test_the_french_detail_pane_says_where_the_secrets_are_in_french(
    french: None,
    hung_keyring: None,
    qtbot: QtBot,
    *,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    backend: KeyringBackend | None,
    french_words: str,
) -> None:
    connection = connect_one(desk, emulator)
    elsewhere = replace(desk, secrets=SecretStore(backend, timeout=0.2))
    window = open_window(qtbot, elsewhere, workers, language="fr")
    assert window.list.select(connection.id)
    assert window.backend is not None
    assert window.backend.startswith(french_words), window.backend
    details = window.view.details_text()
    assert window.backend in details
    english = [words for words in KEYRING_ENGLISH if words in window.backend.casefold()]
    assert not english, f"English in the French window: {english}: {window.backend}"
