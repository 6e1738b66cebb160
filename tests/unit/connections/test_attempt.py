"""A connect in progress: a pasted address completes it once, and only with its own state."""

from __future__ import annotations

import pytest

from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.errors import CallbackFormatError, StateMismatchError
from qonto_desktop.oauth import flow
from qonto_desktop.oauth.errors import AuthorizationCancelledError
from qonto_desktop.oauth.loopback import Receiver


def listening(receiver: Receiver) -> Attempt:
    """An attempt whose receiver expects the state of a freshly started authorization."""
    pending = flow.start(
        flow.AuthorizationRequest(
            authorize_url="https://oauth.example.test/oauth2/auth",
            client_id="my-client",
            redirect_uri=receiver.redirect_uri,
            scopes=("openid",),
        )
    )
    receiver.expect(pending.state)
    return Attempt(receiver, pending)


def test_the_pasted_address_of_this_attempt_completes_it() -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        assert attempt.url == attempt.pending.url
        assert attempt.redirect_uri == receiver.redirect_uri
        attempt.offer_pasted(f"{attempt.redirect_uri}?code=the-code&state={attempt.pending.state}")
        params = receiver.wait()
    assert params.code == "the-code"


def test_a_second_answer_is_refused() -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        answer = f"{attempt.redirect_uri}?code=c&state={attempt.pending.state}"
        attempt.offer_pasted(answer)
        with pytest.raises(StateMismatchError):
            attempt.offer_pasted(answer)


def test_another_attempts_address_is_refused_and_changes_nothing() -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        with pytest.raises(StateMismatchError):
            attempt.offer_pasted(f"{attempt.redirect_uri}?code=c&state=someone-elses")
        attempt.offer_pasted(f"{attempt.redirect_uri}?code=real&state={attempt.pending.state}")
        assert receiver.wait().code == "real"


@pytest.mark.parametrize("address", ["", "hello", "https://example.com/?code=c&state=s"])
def test_what_is_no_answer_at_all_says_so(address: str) -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        with pytest.raises(CallbackFormatError):
            attempt.offer_pasted(address)


def test_cancel_ends_the_wait_with_a_cancellation() -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        attempt.cancel()
        with pytest.raises(AuthorizationCancelledError):
            receiver.wait()


def test_its_repr_shows_no_secret() -> None:
    with Receiver("http://127.0.0.1:0/callback", timeout=5) as receiver:
        attempt = listening(receiver)
        text = repr(attempt)
    assert attempt.pending.state not in text
    assert attempt.pending.url not in text
