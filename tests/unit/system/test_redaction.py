"""The redaction filter masks anything shaped like a secret, and nothing else."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from qonto_desktop.system.redaction import REDACTED, RedactingFilter, redact

ACCESS = "ory_at_Vt3kQ9xLmZ2pR7sYc1dWfB8nHj4eUa6o.Xp0qLr5tYs9uVw3z"
REFRESH = "ory_rt_mN7bV2cX9zL4kJ8hG1fD6sA3pO0iU5yT.qW2eR4tY6uI8oP0a"
CODE = "ory_ac_Zx8cV6bN4mQ2wE0rT9yU7iO5pA3sD1fG.hJ2kL4zX6cV8bN0m"
JWT = (
    "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlbW8ifQ"
    ".eyJzdWIiOiI3NTUzYmViYyIsImF1ZCI6ImRlbW8ifQ"
    ".c2lnbmF0dXJlLW9mLXRoZS1kZW1vLXRva2Vu"
)
OPAQUE = "o6MuKyABmoKcbfGCmvuFcFZTq5SPec2SQKn9J5tsdJU"  # secrets.token_urlsafe(32)
STATE = "st-4f9a1c2b7e"
IBAN = "FR7616958000010123456789012"
IBAN_SPACED = "FR76 1695 8000 0101 2345 6789 012"
ORGANIZATION_ID = "f76589da-a9ae-46e3-94d0-9bc5b58bc13e"

SECRETS = [
    ACCESS,
    REFRESH,
    CODE,
    JWT,
    OPAQUE,
    STATE,
    "hunter2-Secret",
    "demo-comptable",
    "1695800001012345",
]


def assert_clean(text: str) -> None:
    """No secret, nor any long piece of one, survives in ``text``."""
    for secret in SECRETS:
        assert secret not in text
        for start in range(0, len(secret) - 12, 6):
            assert secret[start : start + 12] not in text


# --- redact(): each shape ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"access {ACCESS} granted", f"access {REDACTED} granted"),
        (f"refresh {REFRESH}.", f"refresh {REDACTED}."),
        (f"code {CODE}", f"code {REDACTED}"),
        (f"id token {JWT} kept", f"id token {REDACTED} kept"),
        (f"Authorization: Bearer {OPAQUE}", f"Authorization: Bearer {REDACTED}"),
        (f"authorization: bearer {STATE}, sent", f"authorization: bearer {REDACTED}, sent"),
        (
            f"GET /callback?code=abc123&state={STATE}&scope=openid HTTP/1.1",
            f"GET /callback?code={REDACTED}&state={REDACTED}&scope=openid HTTP/1.1",
        ),
        (
            f"grant_type=refresh_token&refresh_token=r1&client_secret=s2&code_verifier={OPAQUE}",
            f"grant_type=refresh_token&refresh_token={REDACTED}&client_secret={REDACTED}"
            f"&code_verifier={REDACTED}",
        ),
        (
            '{"access_token": "a\\"b", "expires_in": 3600, '
            '"id_token": "x", "token_type": "bearer"}',
            f'{{"access_token": "{REDACTED}", "expires_in": 3600, "id_token": "{REDACTED}", '
            '"token_type": "bearer"}',
        ),
        (
            "{'client_secret': 'hunter2-Secret', 'refresh_token': None}",
            f"{{'client_secret': '{REDACTED}', 'refresh_token': None}}",
        ),
        ("client_secret: hunter2-Secret then", f"client_secret: {REDACTED} then"),
        ("x-qonto-staging-token: abc", f"x-qonto-staging-token: {REDACTED}"),
        (f"X-Qonto-Staging-Token={STATE}", f"X-Qonto-Staging-Token={REDACTED}"),
        (
            "TokenSet(token='t', password='demo-comptable')",
            "TokenSet(token='[redacted]', password='[redacted]')",
        ),
        (f"iban={IBAN} ok", "iban=FR76 •••• 9012 ok"),
        (f"IBAN {IBAN_SPACED} OK", "IBAN FR76 •••• 9012 OK"),
        ("NO9386011117947", "NO93 •••• 7947"),
        (f"secret {OPAQUE} end", f"secret {REDACTED} end"),
        ("sha " + "837a06c32c0d526b33b276b25f2c31fe345e02b4", f"sha {REDACTED}"),
    ],
)
def test_each_shape_is_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"organization {ORGANIZATION_ID} connected",
        f"organization {ORGANIZATION_ID.upper()}",
        "slug boulangerie-martin-7421-bank-account-1",
        "/home/camille/.local/state/test_rotation_happens_at_one_mebibyte0/app-home/logs",
        f"C:\\Users\\camille\\AppData\\Local\\qonto-desktop\\{OPAQUE}\\qonto-desktop.log",
        "Refreshing the connection of Boulangerie Martin; it answered in 12 ms.",
        "HTTP 500 from port 52817 after 3 tries; status=401, expires_in=3600",
        "scope=openid offline_access organization.read",
        "QontoDesktopConnectionRefreshWorkerThread stopped",
        "qonto_desktop.oauth.errors.SandboxStagingTokenError",
        "refresh_token=None id_token=null",
        "error=invalid_grant error_description=expired",
    ],
)
def test_identifiers_paths_words_and_numbers_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_masking_twice_changes_nothing() -> None:
    text = f"code={CODE}&state={STATE} Bearer {ACCESS} {IBAN} {OPAQUE} {JWT}"
    once = redact(text)
    assert_clean(once)
    assert redact(once) == once


# --- The filter, on records ----------------------------------------------------------------


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A private logger writing through the filter into a string (the root is not touched)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    log = logging.getLogger("tests.redaction")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    yield log, stream
    log.removeHandler(handler)
    handler.close()
    log.propagate = True
    log.setLevel(logging.NOTSET)


def test_a_secret_in_the_message_is_masked(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = captured
    log.info(f"exchanged code={CODE} for {ACCESS}")
    assert_clean(stream.getvalue())
    assert "exchanged code=[redacted] for [redacted]" in stream.getvalue()


def test_a_secret_in_the_arguments_is_masked(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = captured
    log.debug("token answer %s, state=%r, id %s", {"refresh_token": REFRESH}, STATE, JWT)
    log.warning("callback %s", f"http://127.0.0.1:52817/callback?code=x&state={STATE}")
    assert_clean(stream.getvalue())
    assert "{'refresh_token': '[redacted]'}" in stream.getvalue()


def test_a_secret_in_an_exception_and_its_traceback_is_masked(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = captured
    try:
        raise ValueError(f"server said access_token={ACCESS} for IBAN {IBAN}")
    except ValueError:
        log.exception("the exchange failed with %s", OPAQUE)
    text = stream.getvalue()
    assert_clean(text)
    assert "Traceback (most recent call last)" in text
    assert "ValueError: server said access_token=[redacted] for IBAN FR76 •••• 9012" in text


def test_a_secret_in_stack_info_is_masked(captured: tuple[logging.Logger, io.StringIO]) -> None:
    log, stream = captured
    stack = f'Stack (most recent call last):\n  File "x.py", line 1, in f\n    send("{ACCESS}")'
    record = log.makeRecord(log.name, logging.INFO, __file__, 1, "here", (), None, sinfo=stack)
    log.handle(record)
    text = stream.getvalue()
    assert "Stack (most recent call last)" in text
    assert f'send("{REDACTED}")' in text
    assert_clean(text)


def test_bad_arguments_do_not_leak_or_raise(captured: tuple[logging.Logger, io.StringIO]) -> None:
    log, stream = captured
    log.info("two %s %s but one given", REFRESH)  # noqa: PLE1206 - on purpose
    text = stream.getvalue()
    assert "[log arguments could not be formatted]" in text
    assert_clean(text)


def test_the_filter_keeps_every_record_and_marks_it_once() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "state=%s", (STATE,), None)
    keep = RedactingFilter()
    assert keep.filter(record)
    assert record.getMessage() == f"state={REDACTED}"
    assert record.args is None
    assert keep.filter(record)  # a second handler's filter: nothing left to do
    assert record.getMessage() == f"state={REDACTED}"
