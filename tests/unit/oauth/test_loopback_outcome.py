"""The browser that brought the code back is told how it ended, and only once the app knows.

The receiver holds that request open until the app reports the connection saved or failed;
after ``page_wait`` (10 s by default), or on a cancel or close, it says Qonto answered and the
app is finishing. An error answer from the authorization step is still answered at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import ServiceUnavailableError
from qonto_desktop.oauth.loopback import PAGE_WAIT, Receiver
from tests.support.loopback_client import (
    HOST,
    IPV6_HOST,
    STATE,
    Answer,
    call,
    listening,
    require_ipv6_loopback,
)

GENUINE = f"/callback?code=the-code&state={STATE}"


def _held(receiver: Receiver, pool: ThreadPoolExecutor, address: str = HOST) -> Future[Answer]:
    """Send the genuine callback from a browser's thread; return once the receiver has it."""
    answer = pool.submit(call, receiver.port, GENUINE, address=address)
    assert receiver.wait(10).code == "the-code"
    return answer


def _outcome(report: Callable[[Receiver], None], *, language: str = "en") -> tuple[Answer, float]:
    with listening(page_wait=30, language=language) as receiver, ThreadPoolExecutor(1) as pool:
        answer = _held(receiver, pool)
        assert not answer.done()  # held: nothing can answer it before the report
        started = time.monotonic()
        report(receiver)
        page = answer.result(timeout=10)
        return page, time.monotonic() - started


def test_the_default_wait_is_ten_seconds() -> None:
    assert PAGE_WAIT == 10.0


def test_connected_only_once_reported_saved() -> None:
    page, took = _outcome(Receiver.report_saved)
    assert page.status == 200
    assert "You are connected" in page.text
    assert "saved the connection" in page.text
    assert "the-code" not in page.text
    assert STATE not in page.text
    assert took < 5


def test_a_failure_says_why_and_what_to_do_in_the_pages_language() -> None:
    failed = ServiceUnavailableError(status=503, service="Qonto")
    page, took = _outcome(lambda receiver: receiver.report_failed(failed), language="fr")
    assert "La connexion a échoué" in page.text
    assert "Rien n\u2019a été enregistré" in page.text
    assert "Qonto" in page.text
    assert "You are connected" not in page.text
    assert "Vous êtes connecté" not in page.text
    assert took < 5


def test_a_failure_reason_is_made_safe_and_escaped() -> None:
    hostile = QontoDesktopError(
        "<script>alert(1)</script>\x1b]0;evil\x07" + "x" * 5000, next_action="<b>do</b>"
    )
    page, _ = _outcome(lambda receiver: receiver.report_failed(hostile))
    assert "<script>alert" not in page.text
    assert page.text.count("<script>") == 1  # the page's own closing script only
    assert "<b>" not in page.text
    assert "&lt;script&gt;" in page.text
    assert "\x1b" not in page.text
    assert "\x07" not in page.text
    assert "x" * 400 not in page.text  # a short reason, not the whole text


def test_the_first_report_wins() -> None:
    def both(receiver: Receiver) -> None:
        receiver.report_saved()
        receiver.report_failed(QontoDesktopError())

    page, _ = _outcome(both)
    assert "You are connected" in page.text


@pytest.mark.parametrize("stop", [Receiver.cancel, Receiver.close])
def test_cancel_or_close_answers_at_once_that_the_app_is_finishing(
    stop: Callable[[Receiver], None],
) -> None:
    page, took = _outcome(stop)
    assert "Qonto answered" in page.text
    assert "Go back to Qonto Desktop: it says whether the connection was saved" in page.text
    assert "You are connected" not in page.text
    assert took < 5


def test_without_a_report_the_page_comes_after_the_bounded_wait() -> None:
    with listening(page_wait=0.5) as receiver, ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        answer = _held(receiver, pool)
        page = answer.result(timeout=10)
        waited = time.monotonic() - started
        assert "Qonto answered" in page.text
        assert "is finishing the connection" in page.text
        assert 0.4 < waited < 5
        # The serving thread ends on its own once the page is out: nothing hangs past the wait.
        receiver.close()


def test_a_report_before_the_browser_is_answered_is_kept() -> None:
    with listening(page_wait=30) as receiver, ThreadPoolExecutor(1) as pool:
        answer = _held(receiver, pool)
        receiver.report_saved()
        assert "You are connected" in answer.result(timeout=10).text


def test_an_error_answer_is_shown_at_once_and_no_report_changes_it() -> None:
    with listening(page_wait=30) as receiver:
        started = time.monotonic()
        page = call(receiver.port, f"/callback?error=access_denied&state={STATE}")
        assert time.monotonic() - started < 5
        assert "You refused access" in page.text
        assert receiver.wait().error == "access_denied"
        receiver.report_saved()  # too late, and harmless


def test_the_held_page_on_ipv6_too() -> None:
    require_ipv6_loopback()
    with listening(host="localhost", page_wait=30) as receiver, ThreadPoolExecutor(1) as pool:
        answer = _held(receiver, pool, IPV6_HOST)
        receiver.report_saved()
        assert "You are connected" in answer.result(timeout=10).text
