"""The two steps of the flow: what ``start`` sends and refuses, what ``finish`` accepts once."""

from __future__ import annotations

import base64
import hashlib
import threading
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from qonto_desktop.oauth import flow
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.errors import (
    AccessDeniedError,
    AlreadyFinishedError,
    AuthorizationError,
    AuthorizationRequestError,
    AuthorizationServerError,
    CallbackFormatError,
    ConfigurationError,
    InvalidScopeError,
    StateMismatchError,
    TemporarilyUnavailableError,
    UnauthorizedClientError,
    UnsupportedResponseTypeError,
)
from qonto_desktop.oauth.flow import AuthorizationRequest
from qonto_desktop.oauth.tokenset import TokenSet

AUTHORIZE_URL = "https://oauth.example.test/oauth2/auth"
REDIRECT_URI = "http://127.0.0.1:52817/callback"


def request(**changes: object) -> AuthorizationRequest:
    base = AuthorizationRequest(
        authorize_url=AUTHORIZE_URL,
        client_id="my-client",
        redirect_uri=REDIRECT_URI,
        scopes=("openid", "offline_access", "organization.read"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def tokens() -> TokenSet:
    return TokenSet(access_token="at", token_type="bearer", expires_at=1_000.0, scopes=("openid",))


class RecordingExchanger:
    """Stands in for the token client: records each exchange and answers a fixed token set."""

    def __init__(self, hold: threading.Event | None = None) -> None:
        self.calls: list[dict[str, object]] = []
        self._hold = hold
        self._lock = threading.Lock()

    def exchange_code(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str,
        requested_scopes: tuple[str, ...],
        nonce: str | None = None,
    ) -> TokenSet:
        with self._lock:
            self.calls.append(
                {
                    "code": code,
                    "redirect_uri": redirect_uri,
                    "code_verifier": code_verifier,
                    "requested_scopes": requested_scopes,
                    "nonce": nonce,
                }
            )
        if self._hold is not None:
            self._hold.wait(timeout=5)  # bounded: a second exchange must not hang the test
        return tokens()


# --- start ---------------------------------------------------------------------------------


def test_start_builds_the_authorization_address() -> None:
    pending = flow.start(request())
    parts = urlsplit(pending.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == AUTHORIZE_URL
    query = query_of(pending.url)
    assert all(len(values) == 1 for values in query.values())
    assert {name: values[0] for name, values in query.items()} == {
        "client_id": "my-client",
        "redirect_uri": REDIRECT_URI,
        "response_type": "code",
        "scope": "openid offline_access organization.read",
        "state": pending.state,
        "code_challenge": s256(pending.code_verifier),
        "code_challenge_method": "S256",
        "nonce": pending.nonce,
    }


def test_a_nonce_is_sent_only_when_openid_is_asked_and_differs_each_time() -> None:
    first, second = flow.start(request()), flow.start(request())
    assert first.nonce is not None
    assert second.nonce is not None
    assert len(first.nonce) >= 43
    assert first.nonce != second.nonce
    assert first.nonce not in repr(first)
    plain = flow.start(request(scopes=("offline_access", "organization.read")))
    assert plain.nonce is None
    assert "nonce" not in query_of(plain.url)


def test_start_keeps_what_it_checked_in_the_pending_authorization() -> None:
    pending = flow.start(request(client_id="  my-client  "))
    assert pending.client_id == "my-client"
    assert pending.redirect_uri == REDIRECT_URI
    assert pending.scopes == ("openid", "offline_access", "organization.read")
    assert pending.extra == ()
    assert len(pending.state) >= 43
    assert 43 <= len(pending.code_verifier) <= 128


def test_start_gives_fresh_secrets_each_time() -> None:
    first, second = flow.start(request()), flow.start(request())
    assert first.state != second.state
    assert first.code_verifier != second.code_verifier


def test_start_sends_the_extra_parameters_as_given() -> None:
    extra = (("organization_id", "org-1"), ("audience", "the api"))
    pending = flow.start(request(extra=extra))
    query = query_of(pending.url)
    assert query["organization_id"] == ["org-1"]
    assert query["audience"] == ["the api"]
    assert pending.extra == extra


@pytest.mark.parametrize("name", sorted(flow.RESERVED))
def test_start_refuses_an_extra_parameter_that_replaces_one_of_its_own(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        flow.start(request(extra=((name, "x"),)))


def test_start_keeps_a_query_already_in_the_authorize_url() -> None:
    pending = flow.start(request(authorize_url=AUTHORIZE_URL + "?tenant=acme"))
    query = query_of(pending.url)
    assert query["tenant"] == ["acme"]
    assert query["client_id"] == ["my-client"]
    assert query["state"] == [pending.state]


def test_pending_authorization_repr_hides_its_secrets() -> None:
    pending = flow.start(request())
    text = repr(pending)
    assert pending.state not in text
    assert pending.code_verifier not in text
    assert pending.url not in text
    assert s256(pending.code_verifier) not in text
    assert "my-client" in text  # the rest is still there to help


@pytest.mark.parametrize(
    "changes",
    [
        {"client_id": ""},
        {"client_id": "   "},
        {"scopes": ()},
        {"scopes": ("openid", "")},
        {"scopes": ("openid organization.read",)},
        {"scopes": ("openid\t",)},
    ],
    ids=repr,
)
def test_start_refuses_bad_requests(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        flow.start(request(**changes))


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://127.0.0.1:52817/callback",
        "http://LOCALHOST:52817/callback",
        "http://localhost.:52817/callback",
        "http://0.0.0.0:52817/callback",
        "http://[::1]:52817/callback",
        "http://127.0.0.1/callback",
        "http://127.0.0.1:0/callback",
        "http://localhost:0/callback",
        "http://127.0.0.1:1/cb",
        "http://127.0.0.1:1023/cb",
        "http://127.0.0.1:65536/callback",
        "http://127.0.0.1:port/callback",
        "http://127.0.0.1:52817",
        "http://127.0.0.1:52817/callback?x=1",
        "http://127.0.0.1:52817/callback#frag",
        "http://user@127.0.0.1:52817/callback",
        "http://user:pw@127.0.0.1:52817/callback",
        "http://example.com:52817/callback",
        "",
    ],
)
def test_start_refuses_redirect_uris_other_than_loopback_with_port_and_path(
    redirect_uri: str,
) -> None:
    with pytest.raises(ConfigurationError):
        flow.start(request(redirect_uri=redirect_uri))


@pytest.mark.parametrize(
    # "/" alone is a path like any other: Qonto accepts whatever URI the user registered.
    "redirect_uri",
    [
        "http://127.0.0.1:1024/cb",
        "http://127.0.0.1:65535/oauth/callback",
        "http://127.0.0.1:52817/",
        "http://localhost:52817/callback",
    ],
)
def test_start_accepts_loopback_redirect_uris(redirect_uri: str) -> None:
    pending = flow.start(request(redirect_uri=redirect_uri))
    assert query_of(pending.url)["redirect_uri"] == [redirect_uri]


# --- finish --------------------------------------------------------------------------------


def test_finish_exchanges_the_code_with_this_attempts_verifier() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    result = flow.finish(pending, CallbackParams(code="the-code", state=pending.state), exchanger)
    assert result == tokens()
    assert exchanger.calls == [
        {
            "code": "the-code",
            "redirect_uri": REDIRECT_URI,
            "code_verifier": pending.code_verifier,
            "requested_scopes": pending.scopes,
            "nonce": pending.nonce,
        }
    ]


@pytest.mark.parametrize("state", [None, "", "someone-elses-state"])
def test_finish_refuses_another_state_and_exchanges_nothing(state: str | None) -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    with pytest.raises(StateMismatchError):
        flow.finish(pending, CallbackParams(code="c", state=state), exchanger)
    assert exchanger.calls == []


def test_finish_refuses_a_prefix_of_the_state() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    with pytest.raises(StateMismatchError):
        flow.finish(pending, CallbackParams(code="c", state=pending.state[:-1]), exchanger)
    assert exchanger.calls == []


def test_a_forged_answer_does_not_use_up_the_attempt() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    with pytest.raises(StateMismatchError):
        flow.finish(pending, CallbackParams(code="forged", state="forged"), exchanger)
    flow.finish(pending, CallbackParams(code="real", state=pending.state), exchanger)
    assert [call["code"] for call in exchanger.calls] == ["real"]


@pytest.mark.parametrize(
    ("error", "cls"),
    [
        ("invalid_request", AuthorizationRequestError),
        ("unauthorized_client", UnauthorizedClientError),
        ("access_denied", AccessDeniedError),
        ("unsupported_response_type", UnsupportedResponseTypeError),
        ("invalid_scope", InvalidScopeError),
        ("server_error", AuthorizationServerError),
        ("temporarily_unavailable", TemporarilyUnavailableError),
    ],
)
def test_finish_raises_the_class_of_each_rfc_6749_error(
    error: str, cls: type[AuthorizationError]
) -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    params = CallbackParams(state=pending.state, error=error, error_description="why")
    with pytest.raises(cls) as caught:
        flow.finish(pending, params, exchanger)
    assert type(caught.value) is cls
    assert caught.value.oauth_error == error
    assert caught.value.detail == "why"
    assert exchanger.calls == []


def test_finish_keeps_an_unknown_error_code() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    params = CallbackParams(state=pending.state, error="request_forbidden")
    with pytest.raises(AuthorizationError) as caught:
        flow.finish(pending, params, exchanger)
    assert type(caught.value) is AuthorizationError
    assert caught.value.oauth_error == "request_forbidden"
    assert caught.value.detail is None


def test_finish_prefers_the_error_over_a_code() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    params = CallbackParams(code="c", state=pending.state, error="access_denied")
    with pytest.raises(AccessDeniedError):
        flow.finish(pending, params, exchanger)
    assert exchanger.calls == []


@pytest.mark.parametrize("state", [None, "wrong"])
def test_finish_checks_the_state_before_the_error(state: str | None) -> None:
    pending = flow.start(request())
    params = CallbackParams(state=state, error="access_denied")
    with pytest.raises(StateMismatchError):
        flow.finish(pending, params, RecordingExchanger())


@pytest.mark.parametrize("code", [None, ""])
def test_finish_refuses_an_answer_with_neither_code_nor_error(code: str | None) -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    with pytest.raises(CallbackFormatError):
        flow.finish(pending, CallbackParams(code=code, state=pending.state), exchanger)
    assert exchanger.calls == []


def test_finish_exchanges_at_most_once() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    params = CallbackParams(code="c", state=pending.state)
    flow.finish(pending, params, exchanger)
    with pytest.raises(AlreadyFinishedError):
        flow.finish(pending, params, exchanger)
    with pytest.raises(AlreadyFinishedError):
        flow.finish(pending, CallbackParams(code="another", state=pending.state), exchanger)
    assert len(exchanger.calls) == 1


def test_finishing_one_attempt_leaves_another_alone() -> None:
    first, second = flow.start(request()), flow.start(request())
    exchanger = RecordingExchanger()
    flow.finish(first, CallbackParams(code="1", state=first.state), exchanger)
    flow.finish(second, CallbackParams(code="2", state=second.state), exchanger)
    assert [call["code"] for call in exchanger.calls] == ["1", "2"]


def test_two_threads_finishing_at_once_exchange_once() -> None:
    pending = flow.start(request())
    params = CallbackParams(code="c", state=pending.state)
    refused = threading.Event()
    # The exchange is held until the other thread has been refused, so they truly overlap.
    exchanger = RecordingExchanger(hold=refused)
    barrier = threading.Barrier(2, timeout=5)
    results: list[object] = []
    lock = threading.Lock()

    def run() -> None:
        barrier.wait()
        try:
            outcome: object = flow.finish(pending, params, exchanger)
        except AlreadyFinishedError as exc:
            outcome = exc
            refused.set()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, name=f"finish-{n}") for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(exchanger.calls) == 1
    assert sorted(type(result).__name__ for result in results) == [
        "AlreadyFinishedError",
        "TokenSet",
    ]


def test_a_copy_of_an_attempt_shares_its_one_exchange() -> None:
    pending = flow.start(request())
    exchanger = RecordingExchanger()
    params = CallbackParams(code="c", state=pending.state)
    flow.finish(pending, params, exchanger)
    with pytest.raises(AlreadyFinishedError):
        flow.finish(replace(pending, scopes=("openid",)), params, exchanger)
    assert len(exchanger.calls) == 1


def test_the_flow_module_keeps_no_record_of_finished_attempts() -> None:
    lock_type = type(threading.Lock())
    module_state = [
        name for name, value in vars(flow).items() if isinstance(value, set | lock_type)
    ]
    assert module_state == []
