"""authorization(): the browser waits while the caller saves; what leaves the block is told.

The "browser" here is a thread that follows the authorization address to the receiver with a
raw request; the authorization server is not involved: the address is the receiver's own
callback with the right state, as the server's redirect would make it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.authorize import authorization
from qonto_desktop.oauth.errors import AuthorizationCancelledError, ServiceUnavailableError
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.tokenset import TokenSet
from tests.support.loopback_client import Answer, call

TOKENS = TokenSet(access_token="at", token_type="bearer", expires_at=1_000.0, scopes=("openid",))


class Exchanger:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error

    def exchange_code(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str,
        requested_scopes: tuple[str, ...],
        nonce: str | None = None,
    ) -> TokenSet:
        if self.error is not None:
            raise self.error
        return TOKENS


class Browser:
    """Comes straight back to the receiver with a code and this attempt's state."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self.page: Future[Answer] | None = None

    def __call__(self, url: str) -> bool:
        query = parse_qs(urlsplit(url).query)
        redirect = urlsplit(query["redirect_uri"][0])
        assert redirect.port
        target = f"{redirect.path}?code=c0de&state={query['state'][0]}"
        self.page = self._pool.submit(call, redirect.port, target)
        return True

    def text(self) -> str:
        assert self.page is not None
        return self.page.result(timeout=10).text


def _request(host: str = "127.0.0.1") -> AuthorizationRequest:
    return AuthorizationRequest(
        authorize_url="https://auth.example.com/oauth2/auth",
        client_id="client",
        redirect_uri=f"http://{host}:0/callback",
        scopes=("openid",),
    )


def test_saved_is_told_only_when_reported() -> None:
    with ThreadPoolExecutor(1) as pool:
        browser = Browser(pool)
        with authorization(_request(), Exchanger(), browser) as authorized:
            assert authorized.tokens is TOKENS
            assert browser.page is not None
            assert not browser.page.done()  # held while the caller works
            authorized.report_saved()
            assert "You are connected" in browser.text()


def test_an_error_leaving_the_block_is_the_failure_shown() -> None:
    with ThreadPoolExecutor(1) as pool:
        browser = Browser(pool)
        with (
            pytest.raises(QontoDesktopError),
            authorization(_request("localhost"), Exchanger(), browser),
        ):
            raise QontoDesktopError("The disk is full.", next_action="Free some space.")
        page = browser.text()
        assert "The connection failed" in page
        assert "The disk is full." in page
        assert "Free some space." in page


def test_a_bug_leaving_the_block_is_a_failure_without_its_details() -> None:
    with ThreadPoolExecutor(1) as pool:
        browser = Browser(pool)
        with pytest.raises(KeyError), authorization(_request(), Exchanger(), browser):
            raise KeyError("internal detail")
        page = browser.text()
        assert "The connection failed" in page
        assert "Something went wrong." in page
        assert "internal detail" not in page


def test_a_failed_exchange_is_shown_and_raised() -> None:
    failed = ServiceUnavailableError(status=502, service="Qonto")
    with ThreadPoolExecutor(1) as pool:
        browser = Browser(pool)
        with (
            pytest.raises(ServiceUnavailableError),
            authorization(_request(), Exchanger(failed), browser),
        ):
            pytest.fail("no tokens: the block must not run")
        assert "HTTP 502" in browser.text()


def test_leaving_without_a_report_says_the_app_is_finishing() -> None:
    with ThreadPoolExecutor(1) as pool:
        browser = Browser(pool)
        with authorization(_request(), Exchanger(), browser):
            pass
        assert "Qonto answered" in browser.text()


class Recorder:
    """A browser that only records the address it was asked to open (then the test cancels)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        return True


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_server_is_asked_for_its_pages_in_the_apps_language(language: str) -> None:
    browser = Recorder()
    with (
        pytest.raises(AuthorizationCancelledError),
        authorization(
            _request(), Exchanger(), browser, language=language, on_waiting=_cancel_at_once
        ),
    ):
        pass
    query = parse_qs(urlsplit(browser.urls[0]).query)
    assert query["ui_locales"] == [language]


def test_a_ui_locales_the_caller_gives_is_kept() -> None:
    browser = Recorder()
    request = replace(_request(), extra=(("ui_locales", "fr-BE fr"),))
    with (
        pytest.raises(AuthorizationCancelledError),
        authorization(request, Exchanger(), browser, on_waiting=_cancel_at_once),
    ):
        pass
    assert parse_qs(urlsplit(browser.urls[0]).query)["ui_locales"] == ["fr-BE fr"]


def _cancel_at_once(receiver: Receiver, pending: PendingAuthorization) -> None:
    receiver.cancel()
