"""What the loopback receiver answers to each kind of request, and which one completes it."""

from __future__ import annotations

import socket

import pytest
import requests

from qonto_desktop.oauth import pages
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.loopback import Receiver
from tests.support.loopback_client import (
    HOST,
    STATE,
    Answer,
    assert_refused,
    call,
    exchange,
    listening,
    parse_answer,
)

SECURITY_HEADERS = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-security-policy": pages.SECURITY_HEADERS[3][1],
    "content-type": "text/html; charset=utf-8",
    "connection": "close",
}
WRONG_STATE_EN = "does not belong to the current sign-in"
WRONG_STATE_FR = "ne correspond pas à la connexion en cours"


def still_waiting(receiver: Receiver, code: str = "genuine-code") -> None:
    """Nothing completed the receiver so far: the genuine callback is the one it returns."""
    answer = call(receiver.port, f"/callback?code={code}&state={STATE}")
    assert answer.status == 200, "the genuine callback found the receiver already done"
    assert receiver.wait() == CallbackParams(code=code, state=STATE)


def test_the_genuine_callback_through_requests() -> None:
    with listening() as receiver:
        answer = requests.get(
            receiver.redirect_uri, params={"code": "c", "state": STATE}, timeout=10
        )
        assert answer.status_code == 200
        assert "Qonto answered" in answer.text  # the app reported nothing: it is finishing
        assert receiver.wait().code == "c"


def test_an_error_callback_completes_with_the_error_shown_escaped() -> None:
    with listening() as receiver:
        answer = call(
            receiver.port,
            "/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            f"&state={STATE}",
        )
        assert answer.status == 200
        assert "You refused access" in answer.text
        assert "access_denied" in answer.text
        assert "<script>alert" not in answer.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text
        params = receiver.wait()
    assert params.error == "access_denied"
    assert params.error_description == "<script>alert(1)</script>"
    assert params.code is None


@pytest.mark.parametrize(
    ("error", "language", "worded"),
    [
        ("invalid_scope", "en", "refused one or more of the permissions asked for"),
        ("server_error", "en", "sign-in service had an internal error"),
        ("something_new", "en", "did not authorize the connection"),
        ("invalid_scope", "fr", "a refusé une ou plusieurs des autorisations demandées"),
    ],
)
def test_other_error_answers_are_worded_for_a_person_with_the_codes_under_details(
    error: str, language: str, worded: str
) -> None:
    with listening(language=language) as receiver:
        answer = call(receiver.port, f"/callback?error={error}&error_description=d&state={STATE}")
        assert answer.status == 200
        headline, _, rest = answer.text.partition("</h1>")
        assert error not in headline
        said, _, details = rest.partition("<details>")
        assert worded in said.replace("\u202f", " ").replace("\u00a0", " ")
        assert error not in said
        assert f"<dd><code>{error}</code></dd>" in details
        assert receiver.wait().error == error


def test_an_error_callback_with_a_hostile_error_code_is_escaped() -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"/callback?error=%22%3E%3Cimg%20src=x%3E&state={STATE}")
        assert "<img" not in answer.text
        assert "&quot;&gt;&lt;img src=x&gt;" in answer.text
        assert receiver.wait().error == '"><img src=x>'


@pytest.mark.parametrize(
    "query",
    [
        "code=c&state=wrong-state",
        f"code=c&state={STATE}x",
        f"code=c&state={STATE[:-1]}",
        "code=c",
        f"code=c&state={STATE}&state={STATE}",  # ambiguous: RFC 6749 §3.1
        f"state={STATE}",  # neither code nor error
        f"code=c&code=d&state={STATE}",
        f"code=c&STATE={STATE}",
        "code=c&state=%3Cscript%3Ealert(1)%3C/script%3E",
        "code=c&state=<script>alert(1)</script>",
        "",
    ],
)
def test_wrong_or_missing_state_gets_a_friendly_page_and_waiting_goes_on(query: str) -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"/callback?{query}" if query else "/callback")
        assert answer.status == 400
        assert WRONG_STATE_EN in answer.text
        assert "<script>" not in answer.text
        still_waiting(receiver)


def test_the_wrong_state_page_in_french() -> None:
    with listening(language="fr") as receiver:
        answer = call(receiver.port, "/callback?code=c&state=autre")
        assert answer.status == 400
        assert WRONG_STATE_FR in answer.text
        assert '<html lang="fr">' in answer.text
        still_waiting(receiver)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_comes_in_the_chosen_language(language: str) -> None:
    words = {
        "en": ("Nothing here", "Request not accepted", "Qonto answered"),
        "fr": ("Rien ici", "Requête refusée", "Qonto a répondu"),
    }[language]
    with listening(language=language) as receiver:
        assert words[0] in call(receiver.port, "/nope").text
        assert words[1] in call(receiver.port, "/callback", method="POST").text
        assert words[2] in call(receiver.port, f"/callback?code=c&state={STATE}").text
        receiver.wait()


def test_before_expect_every_answer_is_the_wrong_state() -> None:
    with listening(state=None) as receiver:
        for query in (f"code=c&state={STATE}", "code=c", "error=access_denied&state=x"):
            answer = call(receiver.port, f"/callback?{query}")
            assert answer.status == 400
            assert WRONG_STATE_EN in answer.text
        receiver.expect(STATE)
        still_waiting(receiver)


@pytest.mark.parametrize(
    "target",
    ["/favicon.ico", "/", "/callback/", "/Callback", "/callback/x", "//callback", "/callback%3F"],
)
def test_other_paths_get_404_and_are_not_consumed(target: str) -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"{target}?code=c&state={STATE}")
        assert answer.status == 404
        assert "Nothing here" in answer.text
        still_waiting(receiver)


def test_head_is_answered_without_a_body_and_never_consumes() -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"/callback?code=c&state={STATE}", method="HEAD")
        assert (answer.status, answer.body) == (200, b"")
        answer = call(receiver.port, "/favicon.ico", method="HEAD")
        assert (answer.status, answer.body) == (404, b"")
        still_waiting(receiver)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "get"])
def test_other_methods_get_405_and_are_not_consumed(method: str) -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"/callback?code=c&state={STATE}", method=method)
        assert answer.status == 405
        assert answer.headers["allow"] == "GET, HEAD"
        still_waiting(receiver)


@pytest.mark.parametrize(
    "header",
    [
        ("Sec-Purpose", "prefetch"),
        ("Sec-Purpose", "prefetch;prerender"),
        ("Purpose", "prefetch"),
        ("X-Moz", "prefetch"),
    ],
)
def test_prefetch_gets_204_and_is_not_consumed(header: tuple[str, str]) -> None:
    with listening() as receiver:
        answer = call(receiver.port, f"/callback?code=c&state={STATE}", headers=(header,))
        assert (answer.status, answer.body) == (204, b"")
        still_waiting(receiver)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1",
        "localhost",
        "127.0.0.1:1",
        "127.0.0.2:{port}",
        "[::1]:{port}",
        " 127.0.0.1:{port}x",
        "127.0.0.1:{port}.evil.example",
    ],
)
def test_a_wrong_or_missing_host_is_refused_and_not_consumed(host: str | None) -> None:
    with listening() as receiver:
        value = host.format(port=receiver.port) if host is not None else None
        answer = call(receiver.port, f"/callback?code=c&state={STATE}", host=value)
        assert answer.status == 400
        assert "Request not accepted" in answer.text
        still_waiting(receiver)


def test_two_host_fields_are_refused() -> None:
    with listening() as receiver:
        port = receiver.port
        answer = call(
            port, f"/callback?code=c&state={STATE}", headers=(("Host", f"127.0.0.1:{port}"),)
        )
        assert answer.status == 400
        still_waiting(receiver)


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}"])
def test_both_loopback_hosts_are_accepted(host: str) -> None:
    with listening() as receiver:
        answer = call(
            receiver.port, f"/callback?code=c&state={STATE}", host=host.format(port=receiver.port)
        )
        assert answer.status == 200
        assert receiver.wait().code == "c"


def every_kind_of_answer(port: int) -> list[Answer]:
    return [
        call(port, "/favicon.ico"),
        call(port, "/callback", method="HEAD"),
        call(port, "/callback", method="POST"),
        call(port, "/callback", headers=(("Sec-Purpose", "prefetch"),)),
        call(port, "/callback", host="evil.example"),
        call(port, "/callback?code=c&state=wrong"),
        parse_answer(exchange(port, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n")),
        parse_answer(exchange(port, b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\n\n")),
        call(port, f"/callback?code=c&state={STATE}"),
    ]


def test_every_answer_carries_the_security_headers() -> None:
    with listening() as receiver:
        answers = every_kind_of_answer(receiver.port)
        receiver.wait()
    assert [a.status for a in answers] == [404, 200, 405, 204, 400, 400, 414, 400, 200]
    for answer in answers:
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get(name) == value, (answer.status, name)


@pytest.mark.parametrize(
    ("request_head", "status"),
    [
        (b"GET /" + b"a" * 8200 + b" HTTP/1.1\r\nHost: h\r\n\r\n", 414),
        (b"GET /" + b"a" * 60000 + b" HTTP/1.1\r\nHost: h\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nX: " + b"b" * 8200 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\n" + (b"X-A: " + b"b" * 4000 + b"\r\n") * 9 + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nX-A: " + b" " * 7000 + b"a" + b" " * 1000 + b"\r\n\r\n", 400),
        (b"GET /callback\r\n\r\n", 400),
        (b"GET  /callback HTTP/1.1\r\n\r\n", 400),
        (b"GET /callback HTTP/2.0\r\n\r\n", 400),
        (b"GET http://127.0.0.1/callback HTTP/1.1\r\n\r\n", 400),
        (b"GET /call\x00back HTTP/1.1\r\n\r\n", 400),
        (b"GET /callback HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        (b"GET /callback HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        (b"GET /callback HTTP/1.1\r\nno colon\r\n\r\n", 400),
        (b"GET /callback HTTP/1.1\r\nX: a\rb\r\n\r\n", 400),
        (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
        (b"\xff\xfe\x00garbage\r\n\r\n", 400),
        (b"GET /callback HTTP/1.1\r\nHost: 127.0.0.1", 400),  # truncated
        (b"GET /callback HT", 400),  # truncated
    ],
)
def test_oversized_or_malformed_requests_are_refused_and_serving_goes_on(
    request_head: bytes, status: int
) -> None:
    with listening() as receiver:
        answer = parse_answer(exchange(receiver.port, request_head))
        assert answer.status == status
        still_waiting(receiver)


def test_bare_lf_line_ends_are_accepted() -> None:
    with listening() as receiver:
        head = f"GET /callback?code=lf&state={STATE} HTTP/1.1\nHost: 127.0.0.1:{receiver.port}\n\n"
        assert parse_answer(exchange(receiver.port, head.encode())).status == 200
        assert receiver.wait().code == "lf"


def test_a_connection_that_says_nothing_gets_nothing() -> None:
    with listening() as receiver:
        assert exchange(receiver.port, b"") == b""
        still_waiting(receiver)


def test_idle_and_slow_connections_do_not_block_the_genuine_callback() -> None:
    with listening() as receiver:
        crowd = [socket.create_connection((HOST, receiver.port), timeout=10) for _ in range(50)]
        try:
            for number, sock in enumerate(crowd[:25]):
                sock.sendall(b"GET /callback?state=" + str(number).encode())  # then stalls
            still_waiting(receiver)
        finally:
            for sock in crowd:
                sock.close()


def test_a_repeated_callback_after_completion_is_refused() -> None:
    with listening() as receiver:
        assert call(receiver.port, f"/callback?code=one&state={STATE}").status == 200
        assert receiver.wait().code == "one"
        assert_refused(receiver.port)
        assert receiver.wait().code == "one"
