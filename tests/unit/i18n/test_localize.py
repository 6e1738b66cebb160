"""Errors in French: templates keep their values, every tag of French gets it, nothing raises."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qonto_desktop.connections.errors import NeedsReconnectError, NotConfiguredError
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.localize import localize, translate
from qonto_desktop.i18n.message import N_, Message, listing
from qonto_desktop.i18n.regenerate import po_path, read
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
from qonto_desktop.qonto.authorization import EXAMPLE_UUID, authorization_parameters
from qonto_desktop.qonto.errors import SERVICE
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

URI = "http://127.0.0.1:52817/callback"
INDEX = Path("/home/anne/.local/share/qonto-desktop/connections.json")
BACKUP = INDEX.with_name("connections.json.damaged-20250101")


def words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)}


def english_only() -> set[str]:
    """Words of the English templates that their French never uses: one in French is a leftover."""
    catalog = read(po_path("fr"), "fr")
    pairs = [(str(m.id), str(m.string)) for m in catalog if m.id]
    return words(" ".join(e for e, _ in pairs)) - words(" ".join(f for _, f in pairs))


ENGLISH_ONLY = english_only()


def leftovers(french: str, kept: tuple[str, ...]) -> set[str]:
    for value in sorted(kept, key=len, reverse=True):
        french = french.replace(value, " ")
    return words(french) & ENGLISH_ONLY


def connection(ident: str, name: str) -> Connection:
    return sample(id=ident, organization_name=name, legal_name="", organization_slug="")


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
        extra=authorization_parameters(organization_id, registration_id),
        service=SERVICE,
    )
    flow.start(request)


IN_USE = OSError(errno.EADDRINUSE, "Address already in use")
RECORD = N_("record {position}: {problem}")

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
        NeedsReconnectError(connection("a1b2c3", "").name_text),
        ("a1b2c3",),
        ("organisation non vérifiée",),
    ),
    (
        ServiceUnavailableError(503, service=SERVICE),
        ("HTTP 503",),
        ("Le service de Qonto a répondu par une erreur",),
    ),
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
        SettingsFileError(
            "/etc/qd/settings.json", Message(N_("not valid JSON (line {line})"), line=3)
        ),
        ("/etc/qd/settings.json",),
        ("JSON non valide (ligne 3)",),
    ),
    (
        SettingsFileError("/etc/qd/settings.json", "Permission denied"),
        ("/etc/qd/settings.json", "Permission denied"),
        ("ne peut pas être lu",),
    ),
    (
        IndexProblem(INDEX, Message(N_("not valid JSON (line {line})"), line=2), backup=BACKUP),
        (str(BACKUP),),
        ("entièrement illisible\u00a0: JSON non valide (ligne 2).",),
    ),
    (
        IndexProblem(
            INDEX,
            listing(
                [
                    Message(
                        RECORD,
                        position=2,
                        problem=Message(
                            N_("field {field!r}: {problem}"),
                            field="accounts",
                            problem=Message(
                                N_("field {field!r}: {problem}"),
                                field="name",
                                problem=Message(N_("not text")),
                            ),
                        ),
                    ),
                    Message(
                        RECORD, position=5, problem=Message(N_("the same id as an earlier record"))
                    ),
                ]
            ),
            backup=BACKUP,
            damaged_records=2,
            total_records=7,
        ),
        (str(BACKUP),),
        ("Connexions illisibles\u00a0: 2 sur 7.",),
    ),
    (
        IndexCopyFailedError(
            INDEX,
            listing(
                [
                    Message(N_("not a JSON object")),
                    Message(N_("the copy failed: {detail}"), detail="Read-only file system"),
                ]
            ),
        ),
        (str(INDEX), "Read-only file system"),
        ("(ce n\u2019est pas un objet JSON\u00a0; la copie a échoué\u00a0: Read-only",),
    ),
    (
        IndexCopyFailedError(
            INDEX,
            listing(
                [
                    Message(N_("no list of connections")),
                    IndexWriteError(INDEX, "No space left").message_text,
                ]
            ),
        ),
        (str(INDEX), "No space left"),
        ("aucune liste de connexions\u00a0; La liste des connexions n\u2019a pas pu",),
    ),
    (IndexUnreadableError(INDEX, "Is a directory"), (str(INDEX), "Is a directory"), ()),
    (IndexNewerError(INDEX, 9), (str(INDEX),), ("version plus récente",)),
    (
        EntryTooLargeError(
            Message(
                N_("This secret is too large for the keyring ({count} characters)."), count=9000
            )
        ),
        ("9000",),
        ("9000 caractères",),
    ),
    (
        ApiError(418),
        ("HTTP 418",),
        ("L\u2019API de Qonto a refusé la requête",),
    ),
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
        raised(lambda: parse_redirect_uri("http://[::1]:52817/callback", service=SERVICE)),
        ("'http://[::1]:52817/callback'", "http://127.0.0.1:52817/callback"),
        ("URI de redirection", "Developer Portal de Qonto"),
    ),
    (
        raised(lambda: started(organization_id="it's")),
        ('"it\'s"', EXAMPLE_UUID),
        ("L\u2019identifiant d\u2019organisation", "depuis Qonto"),
    ),
    (
        raised(lambda: started(registration_id="r1")),
        ("'r1'", EXAMPLE_UUID),
        ("L\u2019identifiant d\u2019inscription",),
    ),
]


@pytest.mark.parametrize(
    ("error", "kept", "french"), CASES, ids=[type(case[0]).__name__ for case in CASES]
)
def test_a_template_keeps_its_values_and_leaves_no_english(
    error: QontoDesktopError, kept: tuple[str, ...], french: tuple[str, ...]
) -> None:
    message, next_action = localize(error, "fr")
    assert message != error.message
    assert next_action != error.next_action
    shown = f"{message} {next_action}"
    for value in (*kept, *french):
        assert value in shown
    assert leftovers(shown, kept) == set()


def test_a_reason_from_the_system_is_kept_as_it_is() -> None:
    error = PortUnavailableError(52817, URI, reason="Adresse déjà utilisée")
    assert localize(error, "fr")[0].endswith(f"{URI}. (Adresse déjà utilisée)")


def test_the_english_is_the_template_filled_in() -> None:
    error = PortUnavailableError(52817, URI, reason=bind_failure_reason(IN_USE), service=SERVICE)
    assert error.message == (
        f"The app cannot listen on port 52817, which your redirect URI {URI} uses. "
        "(another program is already using this port)"
    )
    assert "another tool for Qonto" in error.next_action
    assert localize(error, "en") == (error.message, error.next_action)


# --- Other languages, unknown and odd texts ---------------------------------------------------


@pytest.mark.parametrize("language", ["en", "en_GB", "de", "", "english"])
def test_other_languages_get_the_english(language: str) -> None:
    error = PortUnavailableError(52817, URI, reason="another program is using it")
    assert localize(error, language) == (error.message, error.next_action)


@pytest.mark.parametrize("language", ["fr", "fr_FR", "fr-BE", "FR", "fr_FR.UTF-8"])
def test_every_french_tag_gets_the_french(language: str) -> None:
    assert localize(NotFoundError(None), language) == (
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
        "No connection matches ''.",
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
    assert localize(error, "fr") == ("Le paramètre est faux.", "Whatever you like.")


def test_a_lone_message_has_no_next_action() -> None:
    note = Message(N_("Who signed in could not be read from Qonto."))
    assert localize(note, "fr") == ("Qonto n\u2019a pas pu dire qui s\u2019est connecté.", "")


@given(st.text(), st.sampled_from(["fr", "fr_CA", "en", "de"]))
def test_translate_never_raises_and_keeps_english_for_english(text: str, language: str) -> None:
    french = translate(text, language)
    assert isinstance(french, str)
    if not language.startswith("fr"):
        assert french == text


@given(st.text(min_size=1))
def test_any_query_is_kept_in_the_french(query: str) -> None:
    french = localize(NotFoundError(query), "fr")[0]
    assert french == f"Aucune connexion ne correspond à «\u00a0{safe_text(query)}\u00a0»."


@given(
    st.text(min_size=1),
    st.text(alphabet="0123456789 #%()/-_", min_size=1),  # no word: never a known reason
)
def test_any_name_and_reason_are_kept_in_the_french(name: str, reason: str) -> None:
    assume(not name.startswith("Unverified connection"))
    french = localize(NeedsReconnectError(name, reason=reason), "fr")[0]
    assert french.startswith("Qonto n\u2019accepte plus la connexion à ")
    assert safe_text(name) in french
    assert french.endswith(f" ({reason})")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_hostile_value_reaches_no_message_raw(language: str) -> None:
    # A name from a server or an argument from a user: no newline, escape sequence or bidi
    # override reaches a terminal, a log or a widget, and its length is capped.
    hostile = "Acme\n\x1b]0;owned\x07\u202eSAS" + "x" * 100_000
    for error in (NeedsReconnectError(hostile), NotFoundError(hostile)):
        message, next_action = localize(error, language)
        shown = message + next_action
        assert not any(ch in shown for ch in "\n\r\x1b\x07\u202e")
        assert "Acme\\n\\x1b]0;owned\\x07SAS" in shown  # escaped visibly, not dropped
        assert len(message) < 400
