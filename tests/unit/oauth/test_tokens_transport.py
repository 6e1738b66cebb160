"""The token client on the wire, against small real servers on 127.0.0.1 (no emulator).

What matters most: a request that may have reached the server is never sent again (a code
redeemed twice may revoke the grant, RFC 9700 §4.2.4); one that certainly did not is retried.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator

import pytest

from qonto_desktop.oauth.errors import (
    InvalidClientError,
    InvalidGrantError,
    NetworkError,
    OutcomeUnknownError,
    RateLimitedError,
    ServiceUnavailableError,
)
from qonto_desktop.oauth.tokens import ClientCredentials, TokenClient
from qonto_desktop.oauth.tokenset import TokenSet
from qonto_desktop.qonto.errors import SandboxStagingTokenError
from qonto_desktop.system.http import RetryPolicy, Sender
from tests.support.token_servers import MuteServer, Reply, Servers, TokenServer

CLIENT_ID = "my-client"
NOW = 1_700_000_000.0
REDIRECT_URI = "http://127.0.0.1:52817/callback"


@pytest.fixture
def servers() -> Iterator[Servers]:
    running = Servers()
    yield running
    running.stop_all()


@pytest.fixture
def token_server(servers: Servers) -> TokenServer:
    server = TokenServer()
    servers.start(server)
    return server


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound once, never listened on)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def client(
    token_url: str,
    *,
    revoke_url: str = "http://127.0.0.1:9/revoke",
    secret: str | None = None,
    headers: dict[str, str] | None = None,
    timeout: tuple[float, float] = (2.0, 5.0),
    retry_delays: tuple[float, ...] = (0.5, 1.5),
    pause: Callable[[float], None] | None = None,
) -> TokenClient:
    def no_pause(delay: float) -> None:
        raise AssertionError(f"unexpected retry after {delay} s")

    return TokenClient(
        token_url=token_url,
        revoke_url=revoke_url,
        credentials=ClientCredentials(CLIENT_ID, secret),
        headers=headers,
        html_error=SandboxStagingTokenError,
        timeout=timeout,
        sender=Sender(RetryPolicy.fixed(retry_delays), pause=pause or no_pause),
        now=lambda: NOW,
    )


def exchange(tokens: TokenClient) -> TokenSet:
    return tokens.exchange_code(
        code="the-code",
        redirect_uri=REDIRECT_URI,
        code_verifier="v" * 64,
        requested_scopes=("openid", "offline_access"),
    )


# --- retries ---------------------------------------------------------------------------------


def test_a_refused_connection_is_retried_then_reported() -> None:
    pauses: list[float] = []
    tokens = client(
        f"http://127.0.0.1:{closed_port()}/oauth2/token",
        retry_delays=(0.25, 0.75, 2.0),
        pause=pauses.append,
    )
    with pytest.raises(NetworkError) as caught:
        exchange(tokens)
    assert type(caught.value) is NetworkError  # not "outcome unknown": nothing was sent
    # One pause before each retry: 1 + 3 attempts in all.
    assert pauses == [0.25, 0.75, 2.0]


def test_a_retry_reaches_a_server_that_came_up_meanwhile(servers: Servers) -> None:
    port = closed_port()
    started: list[TokenServer] = []

    def pause(delay: float) -> None:
        if not started:  # the server comes up during the first pause
            server = TokenServer(port)
            servers.start(server)
            started.append(server)

    tokens = client(f"http://127.0.0.1:{port}/oauth2/token", pause=pause)
    result = exchange(tokens)
    assert result.access_token == "ory_at_new"
    assert len(started[0].seen) == 1


def test_a_connection_closed_without_an_answer_is_never_resent(servers: Servers) -> None:
    mute = MuteServer(hold=False)
    servers.start(mute)
    pauses: list[float] = []
    tokens = client(mute.url("/oauth2/token"), pause=pauses.append)
    with pytest.raises(OutcomeUnknownError):
        exchange(tokens)
    servers.stop(mute)  # every handler has finished: the count is final
    assert len(mute.requests) == 1
    assert b"code=the-code" in mute.requests[0]
    assert pauses == []


def test_a_server_that_never_answers_is_never_resent(servers: Servers) -> None:
    mute = MuteServer(hold=True)
    servers.start(mute)
    pauses: list[float] = []
    tokens = client(mute.url("/oauth2/token"), timeout=(1.0, 0.5), pause=pauses.append)
    with pytest.raises(OutcomeUnknownError):
        exchange(tokens)
    servers.stop(mute)
    assert len(mute.requests) == 1
    assert pauses == []


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (Reply(status=429, headers={"Retry-After": "1"}), RateLimitedError),
        (Reply(status=503, headers={"Retry-After": "1"}), ServiceUnavailableError),
    ],
    ids=["429", "503"],
)
def test_a_throttled_token_request_is_reported_not_resent(
    token_server: TokenServer, reply: Reply, error: type[Exception]
) -> None:
    # Even a short Retry-After: the code reached Qonto, and presenting it twice may revoke.
    token_server.reply = reply
    with pytest.raises(error) as caught:
        exchange(client(token_server.url("/oauth2/token")))  # its pause fails any retry
    assert len(token_server.seen) == 1
    if isinstance(caught.value, RateLimitedError):
        assert caught.value.retry_after == 1.0


# --- what is sent ----------------------------------------------------------------------------


def test_code_exchange_of_a_public_client(token_server: TokenServer) -> None:
    result = exchange(client(token_server.url("/oauth2/token")))
    assert result == TokenSet(
        access_token="ory_at_new",
        token_type="bearer",
        expires_at=NOW + 3600,
        scopes=("offline_access", "organization.read"),
        refresh_token="ory_rt_new",
        issued_at=NOW,
    )
    (seen,) = token_server.seen
    assert seen.path == "/oauth2/token"
    assert seen.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert seen.form == {
        "grant_type": ["authorization_code"],
        "code": ["the-code"],
        "redirect_uri": [REDIRECT_URI],
        "code_verifier": ["v" * 64],
        "client_id": [CLIENT_ID],
    }
    assert "authorization" not in seen.headers


def test_code_exchange_of_a_client_with_a_secret_posts_it(token_server: TokenServer) -> None:
    exchange(client(token_server.url("/oauth2/token"), secret="s3cret"))
    (seen,) = token_server.seen
    assert seen.form == {
        "grant_type": ["authorization_code"],
        "code": ["the-code"],
        "redirect_uri": [REDIRECT_URI],
        "code_verifier": ["v" * 64],
        "client_id": [CLIENT_ID],
        "client_secret": ["s3cret"],
    }
    assert "authorization" not in seen.headers  # client_secret_post, not Basic


def test_custom_headers_go_with_every_request(token_server: TokenServer) -> None:
    tokens = client(
        token_server.url("/oauth2/token"),
        revoke_url=token_server.url("/oauth2/revoke"),
        headers={"X-Qonto-Staging-Token": "staging-123"},
    )
    exchange(tokens)
    tokens.refresh("ory_rt_old", previous_scopes=("openid",))
    token_server.reply = Reply(body=b"")
    tokens.revoke("ory_rt_new", token_type_hint="refresh_token")
    assert [seen.headers.get("x-qonto-staging-token") for seen in token_server.seen] == [
        "staging-123"
    ] * 3


def test_refresh_sends_the_refresh_token(token_server: TokenServer) -> None:
    result = client(token_server.url("/oauth2/token")).refresh(
        "ory_rt_old", previous_scopes=("openid",)
    )
    assert result.refresh_token == "ory_rt_new"
    (seen,) = token_server.seen
    assert seen.form == {
        "grant_type": ["refresh_token"],
        "refresh_token": ["ory_rt_old"],
        "client_id": [CLIENT_ID],
    }


@pytest.mark.parametrize("secret", [None, "s3cret"])
def test_revoke_sends_the_token_and_its_hint(token_server: TokenServer, secret: str | None) -> None:
    token_server.reply = Reply(body=b"", content_type="text/plain")
    tokens = client(
        token_server.url("/oauth2/token"),
        revoke_url=token_server.url("/oauth2/revoke"),
        secret=secret,
    )
    tokens.revoke("ory_rt_old", token_type_hint="refresh_token")
    (seen,) = token_server.seen
    assert seen.path == "/oauth2/revoke"
    expected = {
        "token": ["ory_rt_old"],
        "token_type_hint": ["refresh_token"],
        "client_id": [CLIENT_ID],
    }
    if secret:
        expected["client_secret"] = [secret]
    assert seen.form == expected
    assert "authorization" not in seen.headers


# --- what comes back ---------------------------------------------------------------------------


def test_a_refusal_is_typed_and_not_retried(token_server: TokenServer) -> None:
    token_server.reply = Reply(
        status=400,
        body=json.dumps({"error": "invalid_grant", "error_description": "used"}).encode(),
    )
    with pytest.raises(InvalidGrantError) as caught:
        exchange(client(token_server.url("/oauth2/token")))
    assert caught.value.detail == "used"
    assert len(token_server.seen) == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=200, body=b"<html>Sign in</html>", content_type="text/html"),
        Reply(status=302, body=b"", content_type="text/plain"),
    ],
    ids=["html-200", "redirect"],
)
def test_a_sign_in_page_is_the_html_error(token_server: TokenServer, reply: Reply) -> None:
    token_server.reply = reply
    with pytest.raises(SandboxStagingTokenError):
        exchange(client(token_server.url("/oauth2/token")))
    assert len(token_server.seen) == 1


def test_a_revoke_refusal_is_typed(token_server: TokenServer) -> None:
    token_server.reply = Reply(status=401, body=json.dumps({"error": "invalid_client"}).encode())
    tokens = client(
        token_server.url("/oauth2/token"), revoke_url=token_server.url("/oauth2/revoke")
    )
    with pytest.raises(InvalidClientError) as caught:
        tokens.revoke("t", token_type_hint="access_token")
    assert caught.value.status == 401
