"""Every page the demo shows in the browser, in French with no English left, and in English.

The emulator's pages (sign-in, a wrong password, the company pick, a fixed company, the user
access's companies, the refusals on the consent form, the error pages, the sandbox gate) and the
loopback receiver's (connected, failed, finishing, refused, other errors, cancelled, wrong
state, nothing here, bad request) are fetched as a browser would, in each language, and their
visible text is scanned (:mod:`tests.support.page_words`). The emulator learns the language as a
site does: the app's ``ui_locales``, else the browser's ``Accept-Language`` (real Chromium).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.pages import CONSENT_PATH, LOGIN_PATH
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import AuthorizationCancelledError, ServiceUnavailableError
from qonto_desktop.oauth.loopback import Receiver
from tests.support.chromium import HeadlessChromium
from tests.support.components import require
from tests.support.desks import EVERYTHING, make_desk
from tests.support.emulator_flow import TIMEOUT, auth_params, hidden
from tests.support.keyrings import MemoryKeyring
from tests.support.loopback_client import STATE, call, listening
from tests.support.page_words import english_left, visible_text, words

USER_SCOPE = "openid offline_access organization.read membership.read user_organization.read"
# Common French words: none may be left on a page in English.
FRENCH = frozenset(
    {
        "le", "la", "les", "un", "une", "des", "du", "de", "vous", "votre", "vos", "connexion",
        "connecter", "annuler", "autoriser", "refuser", "société", "sociétés", "compte",
        "comptes", "onglet", "revenez", "fermer", "pouvez", "mot", "passe", "lire", "créer",
        "modifier", "gérer", "été", "pas", "rien", "aucun",
    }
)  # fmt: skip


@pytest.fixture
def interactive() -> Iterator[Emulator]:
    """The emulator as the demo runs it: sign-in and consent pages to click through."""
    with Emulator() as running:
        yield running


def emulator_pages(emulator: Emulator, language: str, *, by: str) -> dict[str, str]:
    """Walk every emulator page once in ``language``, asked ``by`` ui_locales or the header."""
    session = requests.Session()
    if by == "header":
        session.headers["Accept-Language"] = f"{language}-FR,{language};q=0.9"
    asked = {"ui_locales": language} if by == "ui_locales" else {}

    def start(client_kind: str = "public_client", **overrides: str | None) -> str:
        client = getattr(emulator, client_kind)
        params = auth_params(client, **overrides) | asked
        answer = session.get(emulator.authorize_url, params=params, timeout=TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.text

    def post(path: str, form: dict[str, str]) -> str:
        answer = session.post(
            emulator.base_url + path, data=form, allow_redirects=False, timeout=TIMEOUT
        )
        assert answer.status_code in {200, 400}, answer.status_code
        return answer.text

    def sign_in(page: str, password: str | None = None) -> str:
        form = {
            "login_challenge": hidden(page, "login_challenge"),
            "email": emulator.user.email,
            "password": emulator.user.password if password is None else password,
            "action": "sign_in",
        }
        return post(LOGIN_PATH, form)

    shown: dict[str, str] = {}
    shown["sign-in"] = start()
    shown["wrong password"] = sign_in(start(), "not-the-password")
    shown["company pick"] = pick = sign_in(start())
    refused = {"consent_challenge": hidden(pick, "consent_challenge"), "action": "approve"}
    shown["no company chosen"] = post(CONSENT_PATH, refused | {"organization_id": "nope"})
    fixed = emulator.organizations[1].id
    shown["fixed company"] = sign_in(start(organization_id=fixed))
    user_access = start("user_access_client", identity_type="user", scope=USER_SCOPE)
    shown["user access"] = companies = sign_in(user_access)
    none_ticked = {"consent_challenge": hidden(companies, "consent_challenge"), "action": "approve"}
    shown["no company ticked"] = post(CONSENT_PATH, none_ticked)
    shown["unknown client"] = session.get(
        emulator.authorize_url, params={"client_id": "nobody", **asked}, timeout=TIMEOUT
    ).text
    wrong_uri = auth_params(emulator.public_client, redirect_uri="http://127.0.0.1:1/x") | asked
    shown["unknown redirect"] = session.get(
        emulator.authorize_url, params=wrong_uri, timeout=TIMEOUT
    ).text
    shown["unknown action"] = post(
        LOGIN_PATH, {"login_challenge": hidden(start(), "login_challenge"), "action": "x"}
    )
    if by == "header":  # pages of no sign-in: only the browser's header can tell
        shown["expired sign-in"] = post(LOGIN_PATH, {"login_challenge": "gone"})
        shown["expired consent"] = post(CONSENT_PATH, {"consent_challenge": "gone"})
        shown["wrong method"] = session.post(emulator.authorize_url, timeout=TIMEOUT).text
    return shown


def loopback_pages(language: str) -> dict[str, str]:
    """Every page of the app's receiver in ``language``, each reached as a browser would."""
    genuine = f"/callback?code=c&state={STATE}"
    shown: dict[str, str] = {}

    def held(report: Callable[[Receiver], None]) -> str:
        with listening(page_wait=30, language=language) as receiver, ThreadPoolExecutor(1) as pool:
            answer = pool.submit(call, receiver.port, genuine)
            assert receiver.wait(10).code == "c"
            report(receiver)
            return answer.result(timeout=10).text

    shown["connected"] = held(Receiver.report_saved)
    failed = ServiceUnavailableError(status=503, service="Qonto")
    shown["failed"] = held(lambda receiver: receiver.report_failed(failed))
    shown["failed, unknown"] = held(lambda receiver: receiver.report_failed(QontoDesktopError()))
    with listening(language=language) as receiver:
        shown["finishing"] = call(receiver.port, genuine).text
    for error in ("access_denied", "invalid_scope", "server_error", "temporarily_unavailable"):
        with listening(language=language) as receiver:
            shown[error] = call(receiver.port, f"/callback?error={error}&state={STATE}").text
    with listening(language=language) as receiver:
        receiver.cancel()
        shown["cancelled"] = call(receiver.port, genuine).text
        shown["wrong state"] = call(receiver.port, "/callback?code=c&state=other").text
        shown["nothing here"] = call(receiver.port, "/favicon.ico").text
        shown["bad request"] = call(receiver.port, genuine, method="POST").text
        receiver.close()
    return shown


def test_the_scan_finds_english_left_on_a_french_page() -> None:
    page = "<html><title>Connexion</title><p>Sign in</p><code>organization.read</code></html>"
    assert english_left(page) == {"sign", "in"}
    assert visible_text(page) == "Connexion Sign in"
    assert english_left("<p>Rester connectée</p>", "<p>Stay connected</p>") == set()
    assert english_left("<p>Stay here</p>", "<p>Stay connected</p>") == {"stay", "here"}


@pytest.mark.parametrize("by", ["ui_locales", "header"])
def test_every_emulator_page_in_french_has_no_english_left(interactive: Emulator, by: str) -> None:
    french = emulator_pages(interactive, "fr", by=by)
    english = emulator_pages(interactive, "en", by=by)
    assert french.keys() == english.keys()
    left = {name: english_left(page, english[name]) for name, page in french.items()}
    assert {name: found for name, found in left.items() if found} == {}
    for name, page in french.items():
        assert '<html lang="fr">' in page, name
        assert page != english[name], name
    assert "Connexion à Qonto" in french["sign-in"]
    assert "Choisissez une société" in french["company pick"]
    assert "Lire la société" in french["company pick"]  # the permissions too
    assert "Autoriser l\u2019accès à votre compte Qonto" in french["fixed company"]


@pytest.mark.parametrize("by", ["ui_locales", "header"])
def test_every_emulator_page_in_english_has_no_french(interactive: Emulator, by: str) -> None:
    for name, page in emulator_pages(interactive, "en", by=by).items():
        assert '<html lang="en">' in page, name
        assert words(page) & FRENCH == set(), name


def test_every_loopback_page_in_french_has_no_english_left() -> None:
    french, english = loopback_pages("fr"), loopback_pages("en")
    left = {name: english_left(page, english[name]) for name, page in french.items()}
    assert {name: found for name, found in left.items() if found} == {}
    for name, page in french.items():
        assert '<html lang="fr">' in page, name
    assert "Vous avez refusé l\u2019accès" in french["access_denied"]
    assert "Cette connexion a été annulée" in french["cancelled"]


def test_every_loopback_page_in_english_has_no_french() -> None:
    for name, page in loopback_pages("en").items():
        assert '<html lang="en">' in page, name
        assert words(page) & FRENCH == set(), (name, words(page) & FRENCH)


@pytest.mark.browser
def test_chromium_in_french_gets_the_sign_in_page_in_french(
    interactive: Emulator, tmp_path: Path
) -> None:
    home = tmp_path / "browser-home"
    home.mkdir()
    url = (
        requests.Request(
            "GET", interactive.authorize_url, params=auth_params(interactive.public_client)
        )
        .prepare()
        .url
    )
    assert url is not None
    pages = {}
    for language, accept in (("fr", "fr-FR,fr"), ("en", None)):
        browser = HeadlessChromium(require("chromium", "chromium"), home, accept_language=accept)
        try:
            browser.open(url)
            pages[language] = browser.last_page()
        finally:
            browser.close()
        home = home.parent / f"{home.name}-{language}"
        home.mkdir()
    assert re.search(r'<html lang="fr"', pages["fr"])
    assert "Connexion à Qonto" in pages["fr"]
    assert english_left(pages["fr"], pages["en"]) == set()
    assert "Sign in to Qonto" in pages["en"]


@pytest.mark.parametrize(("language", "title"), [("fr", "Connexion à Qonto"), ("en", "Sign in")])
def test_a_connect_in_the_apps_language_gets_the_emulators_pages_in_it(
    interactive: Emulator, app_home: Path, language: str, title: str
) -> None:
    # The app's own request, as the window or the command line makes it; the "browser" sends
    # no language of its own, reads the sign-in page, and the person then cancels in the app.
    desk = make_desk(app_home, interactive, MemoryKeyring())
    attempts: list[Attempt] = []
    shown: list[str] = []

    def waiting(attempt: Attempt) -> None:
        interactive.register_redirect_uri(attempt.redirect_uri)
        attempts.append(attempt)

    def browser(url: str) -> bool:
        shown.append(requests.get(url, timeout=TIMEOUT).text)
        attempts[-1].cancel()
        return True

    request = ConnectRequest("emulator", EVERYTHING, language=language, timeout=30)
    with pytest.raises(AuthorizationCancelledError):
        connect(desk, request, browser, on_waiting=waiting)
    assert f'<html lang="{language}">' in shown[0]
    assert title in shown[0]
