"""French errors: every error's text has its French, templates keep their values, nothing raises."""

from __future__ import annotations

import ast
import errno
import importlib
import pkgutil
import re
from pathlib import Path
from string import Formatter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import qonto_desktop
from qonto_desktop.connections.errors import NeedsReconnectError, NotConfiguredError
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.messages_fr import localized, translate
from qonto_desktop.i18n.messages_fr_data import MESSAGES, REASONS, SUFFIXES, TERMS
from qonto_desktop.i18n.typography import typeset
from qonto_desktop.oauth import flow
from qonto_desktop.oauth.errors import (
    ConfigurationError,
    PortUnavailableError,
    ServiceUnavailableError,
)
from qonto_desktop.oauth.loopback_server import bind_failure_reason
from qonto_desktop.oauth.redirect import parse_redirect_uri
from qonto_desktop.qonto import environments, scopes
from qonto_desktop.qonto.api import ApiError
from qonto_desktop.store.backends import storage_advice
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import EntryTooLargeError, KeyringTimeoutError
from qonto_desktop.store.index_errors import (
    AmbiguousError,
    IndexCopyFailedError,
    IndexNewerError,
    IndexProblem,
    IndexUnreadableError,
    IndexWriteError,
    NotFoundError,
)
from qonto_desktop.system.settings import SettingsFileError
from tests.support.connections import sample

PACKAGE = Path(qonto_desktop.__file__).parent
URI = "http://127.0.0.1:52817/callback"
INDEX = Path("/home/anne/.local/share/qonto-desktop/connections.json")
BACKUP = INDEX.with_name("connections.json.damaged-20250101")


def error_classes() -> list[type[QontoDesktopError]]:
    """Every error class of the core, found by importing each module outside the UI."""
    for info in pkgutil.walk_packages(qonto_desktop.__path__, prefix="qonto_desktop."):
        if not info.name.startswith("qonto_desktop.ui"):
            importlib.import_module(info.name)
    found: set[type[QontoDesktopError]] = set()
    todo: list[type[QontoDesktopError]] = [QontoDesktopError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    core = (c for c in found if c.__module__.startswith("qonto_desktop."))  # not the tests'
    return sorted(
        (c for c in core if not c.__module__.startswith("qonto_desktop.ui")),
        key=lambda c: (c.__module__, c.__qualname__),
    )


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)}


# Words of the English catalogue that its French never uses: one in a French text is a leftover.
ENGLISH_ONLY = words(" ".join([*MESSAGES, *SUFFIXES, *REASONS, *TERMS])) - words(
    " ".join([*MESSAGES.values(), *SUFFIXES.values(), *REASONS.values(), *TERMS.values()])
)


def leftovers(french: str, kept: tuple[str, ...]) -> set[str]:
    for value in sorted(kept, key=len, reverse=True):
        french = french.replace(value, " ")
    return words(french) & ENGLISH_ONLY


# --- The catalogue covers the error tree ----------------------------------------------------


def test_the_error_tree_is_found() -> None:
    names = {cls.__name__ for cls in error_classes()}
    assert {"PortUnavailableError", "IndexProblem", "SettingsFileError", "ApiError"} <= names
    assert len(names) > 50


def test_every_error_class_text_has_french() -> None:
    missing: list[str] = []
    unchanged: list[str] = []
    for cls in error_classes():
        for attribute in ("message", "next_action"):
            text: str = getattr(cls, attribute)
            where = f"{cls.__module__}.{cls.__qualname__}.{attribute}: {text!r}"
            if text not in MESSAGES:
                missing.append(where)
            elif translate(text, "fr") == text:
                unchanged.append(where)
    assert missing == [], "no French for:\n" + "\n".join(missing)
    assert unchanged == [], "French equal to the English for:\n" + "\n".join(unchanged)


def rendered(part: ast.expr) -> str:
    """A part of an f-string as text: its literal, or ``x`` for a value (``'x'`` for ``!r``)."""
    if isinstance(part, ast.Constant):
        return str(part.value)
    if isinstance(part, ast.FormattedValue) and part.conversion == ord("r"):
        return "'x'"
    return "x"


def given_texts(call: ast.Call, errors: set[str], in_error_class: bool) -> list[ast.expr]:
    """The message and next action a call passes to an error's constructor, if it is one."""
    func, args = call.func, call.args
    if isinstance(func, ast.Name) and func.id in errors:  # SomeError("...")
        pass
    elif not (isinstance(func, ast.Attribute) and func.attr == "__init__" and in_error_class):
        return []
    elif isinstance(func.value, ast.Name):  # Base.__init__(self, "...")
        args = args[1:]
    return [*args[:1], *(k.value for k in call.keywords if k.arg == "next_action")]


def constructed_texts() -> list[tuple[str, str, bool]]:
    """Texts passed to error constructors: (where, text, built by an f-string)."""
    errors = {cls.__name__ for cls in error_classes()}
    found: list[tuple[str, str, bool]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside = {
            id(node)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef) and cls.name in errors
            for node in ast.walk(cls)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for text in given_texts(node, errors, id(node) in inside):
                where = f"{path.relative_to(PACKAGE)}:{text.lineno}"
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.append((where, text.value, False))
                elif isinstance(text, ast.JoinedStr):
                    found.append((where, "".join(map(rendered, text.values)), True))
    return found


# f-strings whose values come from a short fixed list the French spells out (an article, a
# plural): "x" is not one of them, so these are checked with real values further down.
FIXED_VOCABULARY = {
    "The x 'x' is not valid.",
    "Copy the x from Qonto; it looks like x.",
    "The custom environment has no x.",
    "The x 'x' is not a valid address.",
    "The x 'x' uses plain http to another computer.",
    "The app does not know the x x.",
    "Not x: x.",
}


def test_every_text_given_to_an_error_has_french() -> None:
    texts = constructed_texts()
    assert len([text for text in texts if text[2]]) > 10  # the scan sees the f-strings
    missing = [
        f"{where}: {text!r}"
        for where, text, _ in texts
        if text not in FIXED_VOCABULARY and translate(text, "fr") == text
    ]
    assert missing == [], "no French for:\n" + "\n".join(missing)
    assert FIXED_VOCABULARY.issubset(text for _, text, _ in texts)  # none went stale


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux", "sunos5"])
def test_the_secure_storage_advice_has_french(platform: str) -> None:
    advice = storage_advice(platform)
    assert translate(advice, "fr") != advice


@pytest.mark.parametrize(
    ("catalogue", "name"),
    [(MESSAGES, "MESSAGES"), (SUFFIXES, "SUFFIXES"), (REASONS, "REASONS"), (TERMS, "TERMS")],
)
def test_each_french_keeps_the_placeholders_of_its_english(
    catalogue: dict[str, str], name: str
) -> None:
    wrong = [
        english
        for english, french in catalogue.items()
        if fields(english) != fields(french)
        or "{" in re.sub(r"\{\w+\}", "", french)  # French placeholders are plain {name}
        or (typeset(french) == english and words(english) - fields(english))
    ]
    assert wrong == [], f"{name}: " + "\n".join(wrong)


def test_french_typography_is_applied_outside_code() -> None:
    assert typeset("L'URI : « x » ; ok ? `a : b`") == (
        "L\u2019URI\u00a0: «\u00a0x\u00a0»\u00a0; ok\u00a0? `a : b`"
    )


# --- Templates keep their values --------------------------------------------------------------


def connection(ident: str, name: str) -> Connection:
    return sample(id=ident, organization_name=name)


def raised(call: object) -> QontoDesktopError:
    assert callable(call)
    with pytest.raises(QontoDesktopError) as caught:
        call()
    return caught.value


def started(*, organization_id: str | None = None, registration_id: str | None = None) -> None:
    request = flow.AuthorizationRequest(
        "https://oauth.example/auth",
        "cid",
        URI,
        ("openid",),
        organization_id=organization_id,
        registration_id=registration_id,
    )
    flow.start(request)


IN_USE = OSError(errno.EADDRINUSE, "Address already in use")

# (error, values kept as they are, French that must appear)
CASES: list[tuple[QontoDesktopError, tuple[str, ...], tuple[str, ...]]] = [
    (
        PortUnavailableError(52817, URI, reason="another program is using it"),
        ("52817", URI, "another program is using it"),
        ("ne peut pas écouter sur le port",),
    ),
    (
        PortUnavailableError(52817, URI, reason=bind_failure_reason(IN_USE)),
        ("52817", URI),
        ("(un autre programme utilise déjà ce port)",),
    ),
    (
        PortUnavailableError(8080, URI, reason=bind_failure_reason(PermissionError(13, "x"))),
        ("8080", URI, "Hyper-V", "WSL"),
        ("le système n\u2019autorise pas",),
    ),
    (
        PortUnavailableError(1, URI, reason=bind_failure_reason(OSError(99, "Cannot assign"))),
        ("Cannot assign",),
        ("le système l\u2019a refusé\u00a0: Cannot assign",),
    ),
    (PortUnavailableError(52817, URI), ("52817", URI), ("utilisé par votre URI",)),
    (
        NeedsReconnectError("Acme (Paris)", reason="its refresh token expired or was revoked"),
        ("Acme (Paris)",),
        ("à Acme (Paris). (son jeton de rafraîchissement a expiré ou a été révoqué)",),
    ),
    (
        NeedsReconnectError("Acme", reason="no refresh token is saved for it"),
        ("Acme",),
        ("aucun jeton de rafraîchissement",),
    ),
    (NeedsReconnectError("Acme", reason="invalid_grant"), ("Acme", "invalid_grant"), ()),
    (NeedsReconnectError("Acme"), ("Acme",), ("n\u2019accepte plus la connexion à Acme.",)),
    (
        NeedsReconnectError(connection("a1b2c3", "").display_name),
        ("a1b2c3",),
        ("organisation non vérifiée",),
    ),
    (ServiceUnavailableError(503), ("HTTP 503",), ("a répondu par une erreur",)),
    (KeyringTimeoutError(10.0), ("10",), ("10 secondes",)),
    (KeyringTimeoutError(2.5), (), ("2,5 secondes",)),
    (
        NotConfiguredError("production"),
        ("production", "`main.py configure --environment production --client-id <ID>`"),
        ("Aucun enregistrement",),
    ),
    (NotFoundError("acme"), ("acme",), ("«\u00a0acme\u00a0»",)),
    (NotFoundError("l'a (b)"), ("l'a (b)",), ()),
    (NotFoundError(None), (), ("aucune connexion", "Commencez par")),
    (
        AmbiguousError("acme", [connection("c1", "Acme"), connection("c2", "Acme SA")]),
        ("acme", "c1 (Acme, production), c2 (Acme SA, production)"),
        ("correspond à plusieurs connexions",),
    ),
    (
        AmbiguousError(None, [connection("c1", "Acme")]),
        ("c1 (Acme, production)",),
        ("plusieurs connexions",),
    ),
    (
        IndexWriteError(INDEX, "disk full"),
        (str(INDEX), "disk full"),
        ("n\u2019a pas pu être enregistrée",),
    ),
    (
        SettingsFileError("/etc/qd/settings.json", "not valid JSON (line 3)"),
        ("/etc/qd/settings.json",),
        ("JSON non valide (ligne 3)",),
    ),
    (
        SettingsFileError("/etc/qd/settings.json", "Permission denied"),
        ("/etc/qd/settings.json", "Permission denied"),
        ("ne peut pas être lu",),
    ),
    (
        IndexProblem(INDEX, "not valid JSON (line 2)", backup=BACKUP),
        (str(BACKUP),),
        ("entièrement illisible\u00a0: JSON non valide (ligne 2).",),
    ),
    (
        IndexProblem(
            INDEX,
            "record 2: field 'accounts': field 'name': not text; "
            "record 5: the same id as an earlier record",
            backup=BACKUP,
            damaged_records=2,
            total_records=7,
        ),
        (str(BACKUP),),
        ("Connexions illisibles\u00a0: 2 sur 7.",),
    ),
    (
        IndexCopyFailedError(INDEX, "not a JSON object; the copy failed: Read-only file system"),
        (str(INDEX), "Read-only file system"),
        ("(ce n\u2019est pas un objet JSON\u00a0; la copie a échoué\u00a0: Read-only",),
    ),
    (
        IndexCopyFailedError(
            INDEX, f"no list of connections; {IndexWriteError(INDEX, 'No space left').message}"
        ),
        (str(INDEX), "No space left"),
        ("aucune liste de connexions\u00a0; La liste des connexions n\u2019a pas pu",),
    ),
    (IndexUnreadableError(INDEX, "Is a directory"), (str(INDEX), "Is a directory"), ()),
    (IndexNewerError(INDEX, 9), (str(INDEX),), ("version plus récente",)),
    (
        EntryTooLargeError("This secret is too large for the keyring (9000 characters)."),
        ("9000",),
        ("9000 caractères",),
    ),
    (ApiError("Qonto's API refused the request (HTTP 418)."), ("HTTP 418",), ()),
    (
        raised(lambda: scopes.validate(["organization.reed", "bogus"])),
        ('"organization.reed"', '"organization.read"', '"bogus"'),
        ("les autorisations", "vouliez-vous dire"),
    ),
    (
        raised(lambda: scopes.get("bogus")),
        ('"bogus"',),
        ("l\u2019autorisation",),
    ),
    (raised(lambda: scopes.validate(["a b", ""])), ('"a b"',), ("Noms", "un nom vide")),
    (raised(lambda: scopes.join(["a b"])), ('"a b"',), ("Nom d\u2019autorisation",)),
    (
        raised(lambda: scopes.preset("everything")),
        ("everything", ", ".join(preset.key for preset in scopes.PRESETS)),
        ("aucun préréglage",),
    ),
    (
        raised(lambda: environments.by_name("staging", {}, {})),
        ("'staging'", "production, sandbox, custom, emulator"),
        ("aucun environnement",),
    ),
    (
        raised(lambda: environments.custom({}, {"custom_environment": {}})),
        ("QONTO_DESKTOP_AUTHORIZE_URL", "authorize_url"),
        ("Il manque l\u2019adresse d\u2019autorisation",),
    ),
    (
        raised(lambda: environments.check_url("http://qonto.example/token", "token url")),
        ("'http://qonto.example/token'",),
        ("L\u2019adresse d\u2019émission des jetons", "non chiffré"),
    ),
    (
        raised(lambda: environments.check_url("ftp:/x", "api base url")),
        ("'ftp:/x'",),
        ("L\u2019adresse de base de l\u2019API",),
    ),
    (
        raised(lambda: environments.emulator("nope")),
        ("'nope'",),
        ("L\u2019adresse de l\u2019émulateur",),
    ),
    (
        raised(lambda: parse_redirect_uri("http://localhost:52817/callback")),
        ("'http://localhost:52817/callback'", "http://127.0.0.1:52817/callback"),
        ("URI de redirection",),
    ),
    (
        raised(lambda: started(organization_id="it's")),
        ('"it\'s"', flow.EXAMPLE_UUID),
        ("L\u2019identifiant d\u2019organisation",),
    ),
    (
        raised(lambda: started(registration_id="r1")),
        ("'r1'", flow.EXAMPLE_UUID),
        ("L\u2019identifiant d\u2019enregistrement",),
    ),
]


@pytest.mark.parametrize(
    ("error", "kept", "french"), CASES, ids=[type(case[0]).__name__ for case in CASES]
)
def test_a_template_keeps_its_values_and_leaves_no_english(
    error: QontoDesktopError, kept: tuple[str, ...], french: tuple[str, ...]
) -> None:
    message, next_action = localized(error, "fr")
    assert message != error.message
    assert next_action != error.next_action
    shown = f"{message} {next_action}"
    for value in (*kept, *french):
        assert value in shown
    assert leftovers(shown, kept) == set()


def test_a_reason_from_the_system_is_kept_as_it_is() -> None:
    error = PortUnavailableError(52817, URI, reason="Adresse déjà utilisée")
    assert localized(error, "fr")[0].endswith(f"{URI}. (Adresse déjà utilisée)")


# --- Other languages, unknown and odd texts ---------------------------------------------------


@pytest.mark.parametrize("language", ["en", "en_GB", "de", "", "english"])
def test_other_languages_get_the_english(language: str) -> None:
    error = PortUnavailableError(52817, URI, reason="another program is using it")
    assert localized(error, language) == (error.message, error.next_action)


@pytest.mark.parametrize("language", ["fr", "fr_FR", "fr-BE", "FR"])
def test_every_french_tag_gets_the_french(language: str) -> None:
    assert localized(NotFoundError(None), language) == (
        "Il n\u2019y a encore aucune connexion.",
        "Commencez par créer une connexion.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "{",
        "}{",
        "{port}",
        "{0}",
        "%s",
        "(.*)+$",
        "\\",
        "[a-z",
        "No connection matches '",
        "No connection matches ''.",  # an empty value is no match
        "The keyring did not answer within  seconds.",
        "The list of connections was damaged; a copy was kept at x. It could not be read at all: ",
        "Quelque chose s'est mal passé.",
        "Something went wrong",
        "something went wrong.",
    ],
)
def test_an_unknown_or_odd_text_comes_back_unchanged(text: str) -> None:
    assert translate(text, "fr") == text


def test_an_unknown_error_text_comes_back_unchanged() -> None:
    error = ConfigurationError("Le paramètre est faux.", next_action="Whatever you like.")
    assert localized(error, "fr") == ("Le paramètre est faux.", "Whatever you like.")


@given(st.text(), st.sampled_from(["fr", "fr_CA", "en", "de"]))
def test_translate_never_raises_and_keeps_english_for_english(text: str, language: str) -> None:
    french = translate(text, language)
    assert isinstance(french, str)
    if not language.startswith("fr"):
        assert french == text


@given(st.text(min_size=1))
def test_any_query_is_kept_in_the_french(query: str) -> None:
    french = translate(NotFoundError(query).message, "fr")
    assert french == f"Aucune connexion ne correspond à «\u00a0{query}\u00a0»."


@given(
    st.text(min_size=1),
    st.text(alphabet="0123456789 #%()/-_", min_size=1),  # no word: never a known reason
)
def test_any_name_and_reason_are_kept_in_the_french(name: str, reason: str) -> None:
    assume(not name.startswith("Unverified connection"))
    french = translate(NeedsReconnectError(name, reason=reason).message, "fr")
    assert french.startswith("Qonto n\u2019accepte plus la connexion à ")
    assert name in french
    assert french.endswith(f" ({reason})")
