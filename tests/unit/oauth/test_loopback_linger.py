"""After a cancel the receiver lingers: a late browser hears "cancelled", nothing completes.

The browser left on Qonto's pages may still approve after the app's Cancel. For ``linger``
seconds the receiver answers that browser with the cancelled page (410 Gone) instead of a dead
port; every other request is answered as before; then it stops by itself. A new sign-in on the
same port takes the port over at once; ``close()`` ends the linger too.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from qonto_desktop.oauth import loopback_linger
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.errors import AuthorizationCancelledError
from qonto_desktop.oauth.loopback import Receiver
from tests.support.loopback_client import (
    HOST,
    STATE,
    assert_port_free,
    assert_refused,
    call,
    listening,
)

GENUINE = f"/callback?code=the-late-code&state={STATE}"


def serving_thread(port: int) -> threading.Thread:
    return next(t for t in threading.enumerate() if t.name == f"oauth-receiver-{port}")


def cancelled(receiver: Receiver) -> None:
    receiver.cancel()
    with pytest.raises(AuthorizationCancelledError):
        receiver.wait()


def test_the_linger_lasts_two_minutes_by_default() -> None:
    assert loopback_linger.CANCEL_LINGER == 120.0


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_late_answer_after_cancel_gets_the_cancelled_page_and_completes_nothing(
    language: str,
) -> None:
    with listening(language=language) as receiver:
        cancelled(receiver)
        for target in (GENUINE, f"/callback?error=access_denied&state={STATE}"):
            answer = call(receiver.port, target)
            assert answer.status == 410
            assert answer.headers["cache-control"] == "no-store"
            page = answer.text
            assert ("was cancelled" if language == "en" else "a été annulée") in page
            assert "the-late-code" not in page
            assert STATE not in page
        # Still one-shot: neither the browser nor a pasted address completes anything now.
        assert not receiver.offer(CallbackParams(code="pasted", state=STATE))
        with pytest.raises(AuthorizationCancelledError):
            receiver.wait()


def test_while_lingering_everything_else_is_answered_as_before() -> None:
    with listening() as receiver:
        cancelled(receiver)
        port = receiver.port
        assert call(port, f"/callback?code=c&state=another-{STATE}").status == 400
        assert call(port, "/callback?code=c").status == 400
        assert call(port, "/favicon.ico").status == 404
        assert call(port, GENUINE, host="evil.example").status == 400
        assert call(port, GENUINE, method="POST").status == 405
        assert call(port, GENUINE, method="HEAD").status == 200
        prefetch = (("Sec-Purpose", "prefetch"),)
        assert call(port, GENUINE, headers=prefetch).status == 204


def test_the_linger_ends_by_itself_and_frees_the_port() -> None:
    with listening(linger=0.3) as receiver:
        port = receiver.port
        cancelled(receiver)
        serving_thread(port).join(timeout=10)
        assert_refused(port)
        assert_port_free(port)


def test_a_new_sign_in_on_the_same_port_takes_the_port_over() -> None:
    with listening() as first:
        cancelled(first)
        port = first.port
        assert call(port, GENUINE).status == 410
    with Receiver(f"http://localhost:{port}/callback", timeout=30, page_wait=0) as second:
        second.expect("the-state-of-the-new-sign-in")
        # The old tab's late answer now reaches the new sign-in, which refuses it.
        assert call(port, GENUINE).status == 400
        assert call(port, "/callback?code=new&state=the-state-of-the-new-sign-in").status == 200
        assert second.wait().code == "new"
    assert_port_free(port)


def test_close_ends_the_linger_at_once() -> None:
    with listening() as receiver:
        cancelled(receiver)
        receiver.close()
        assert_refused(receiver.port)
        assert_port_free(receiver.port)


def test_no_linger_when_no_browser_was_sent_or_linger_is_zero() -> None:
    with listening(state=None) as unsent:  # cancelled before the sign-in address existed
        cancelled(unsent)
        assert_refused(unsent.port)
    with listening(linger=0) as receiver:
        cancelled(receiver)
        assert_refused(receiver.port)


def test_leaving_the_block_while_wait_runs_elsewhere_still_lingers() -> None:
    # The app's worker waits; the window's Cancel comes from another thread.
    with ThreadPoolExecutor(1) as pool:
        with listening() as receiver:
            waiting = pool.submit(receiver.wait)
            receiver.cancel()
            with pytest.raises(AuthorizationCancelledError):
                waiting.result(timeout=10)
        assert call(receiver.port, GENUINE).status == 410


def test_a_cancel_after_the_code_came_does_not_linger() -> None:
    with listening() as receiver:
        assert call(receiver.port, GENUINE).status == 200
        assert receiver.wait().code == "the-late-code"
        receiver.cancel()
        receiver.close()
        assert_refused(receiver.port)


def test_the_linger_logs_nothing_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="qonto_desktop")
    with listening() as receiver:
        cancelled(receiver)
        call(receiver.port, GENUINE)
        receiver.close()
    assert "GET /callback -> cancelled: a late answer" in caplog.text
    for secret in ("the-late-code", STATE, "code=", "state=", "?"):
        assert secret not in caplog.text
    assert HOST in caplog.text  # the listening line, to show the log was read


@pytest.mark.slow(seconds=2)
def test_the_apps_exit_ends_a_lingering_receiver_cleanly() -> None:
    # Without the exit's hand, the daemon thread would die mid-loop and never log its stop.
    script = """
import logging, sys
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
from qonto_desktop.oauth.loopback import Receiver
receiver = Receiver("http://127.0.0.1:0/callback", timeout=300)
with receiver:
    receiver.expect("a-state-of-some-length")
    receiver.cancel()
sys.stdout.write(f"port={receiver.port}\\n")  # one write: the log's thread writes too
sys.exit(0)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    found = re.search(r"^port=(\d+)$", done.stdout, re.MULTILINE)
    assert found is not None, done.stdout
    port = int(found.group(1))
    after_exit = done.stdout[found.end() :]  # the exit's doing, not the linger's own end
    assert f"stopped listening on port {port}" in after_exit
    assert_port_free(port)
