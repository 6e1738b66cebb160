"""The pages shown in the browser after the redirect: both languages, one script, escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from string import Template

import pytest

from qonto_desktop.oauth import pages
from qonto_desktop.system.resources import resource_path

PLACEHOLDERS = {
    "success": set(),
    "not-saved": {"reason", "next_action"},
    "finishing": set(),
    "failure": {"reason", "next_action", "error", "error_description"},
    "refused": {"error", "error_description"},
    "cancelled": set(),
    "wrong-state": set(),
    "not-found": set(),
    "bad-request": set(),
}
EVERY_PAGE = [(page, lang) for page in pages.PAGES for lang in pages.LANGUAGES]


def placeholders(text: str) -> set[str]:
    return {
        match.group("named") or match.group("braced")
        for match in Template.pattern.finditer(text)
        if match.group("named") or match.group("braced")
    }


def test_every_page_is_known_to_the_test() -> None:
    assert set(pages.PAGES) == set(PLACEHOLDERS)
    assert pages.LANGUAGES == ("en", "fr")


@pytest.mark.parametrize(("page", "language"), EVERY_PAGE)
def test_each_page_exists_with_exactly_its_placeholders(page: str, language: str) -> None:
    text = resource_path("pages", f"{page}.{language}.html").read_text(encoding="utf-8")
    assert placeholders(text) == PLACEHOLDERS[page]


def test_layout_takes_language_page_and_content() -> None:
    text = resource_path("pages", "layout.html").read_text(encoding="utf-8")
    assert placeholders(text) == {"lang", "page", "content", "script"}


def test_the_pages_that_end_a_sign_in_try_to_close_their_tab() -> None:
    closing = {"success", "not-saved", "finishing", "failure", "refused", "cancelled"}
    assert closing == pages.CLOSING
    assert "window.close()" in pages.CLOSE_SCRIPT


@pytest.mark.parametrize(("page", "language"), EVERY_PAGE)
def test_rendered_pages_run_only_the_closing_script_and_load_nothing(
    page: str, language: str
) -> None:
    values = dict.fromkeys(PLACEHOLDERS[page], "x")
    html = pages.render(page, language, **values).decode("utf-8").lower()
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert scripts == ([pages.CLOSE_SCRIPT.lower()] if page in pages.CLOSING else [])
    assert html.count("<script") == len(scripts)
    assert not re.search(r"\bon[a-z]+\s*=", html), "no inline event handlers"
    assert "javascript:" not in html
    assert not re.search(r"(src|href)\s*=", html), "nothing loaded from anywhere"
    assert "$" not in html, "every placeholder was filled"
    assert f'<html lang="{language}">' in html
    assert f'class="{page}"' in html


def test_the_two_languages_say_different_things() -> None:
    for page in pages.PAGES:
        values = dict.fromkeys(PLACEHOLDERS[page], "x")
        english = pages.render(page, "en", **values)
        french = pages.render(page, "fr", **values)
        assert english != french


def test_success_and_failure_pages_differ() -> None:
    success = pages.render("success", "en")
    failure = pages.render(
        "failure", "en", reason="r", next_action="n", error="invalid_scope", error_description="d"
    )
    assert b"connected" in success
    assert b"did not go through" in failure
    assert b"invalid_scope" in failure


@pytest.mark.parametrize("page", ["failure", "refused"])
def test_the_servers_codes_are_under_details_never_the_headline(page: str) -> None:
    values = dict.fromkeys(PLACEHOLDERS[page], "x") | {"error": "access_denied"}
    html = pages.render(page, "en", **values).decode("utf-8")
    headline = re.search(r"<h1>(.*?)</h1>", html)
    assert headline is not None
    assert "access_denied" not in headline.group(1)
    details = re.search(r"<details>\s*<summary>Details</summary>(.*?)</details>", html, re.DOTALL)
    assert details is not None
    assert "access_denied" in details.group(1)
    assert html.count("access_denied") == 1


def test_the_refusal_page_says_what_happened_in_plain_words() -> None:
    values = {"error": "access_denied", "error_description": "The resource owner denied it."}
    english = pages.render("refused", "en", **values).decode("utf-8")
    french = pages.render("refused", "fr", **values).decode("utf-8")
    assert "<h1>You refused access</h1>" in english
    assert "Nothing was connected" in english
    assert "<h1>Vous avez refusé l\u2019accès</h1>" in french
    assert "Rien n\u2019a été connecté" in french
    assert "<summary>Détails</summary>" in french


@pytest.mark.parametrize("page", sorted(pages.CLOSING))
def test_every_closing_page_says_to_go_back_to_the_app(page: str) -> None:
    values = dict.fromkeys(PLACEHOLDERS[page], "x")
    assert "Go back to Qonto Desktop" in pages.render(page, "en", **values).decode("utf-8")
    assert "Revenez à Qonto Desktop" in pages.render(page, "fr", **values).decode("utf-8")


@pytest.mark.parametrize("language", pages.LANGUAGES)
def test_values_are_html_escaped(language: str) -> None:
    hostile = "<script>alert('x')</script>\"&"
    html = pages.render(
        "failure",
        language,
        reason=hostile,
        next_action=hostile,
        error=hostile,
        error_description=f"<img src=x onerror={hostile}>",
    ).decode("utf-8")
    assert html.count("<script>") == 1  # the page's own closing script, nothing injected
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&amp;" in html


def test_a_value_that_looks_like_a_placeholder_stays_literal() -> None:
    html = pages.render("refused", "en", error="$content", error_description="${lang}")
    assert b"<dd><code>$content</code></dd>" in html
    assert b"<dd>${lang}</dd>" in html


def test_unknown_page_or_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no page"):
        pages.render("../layout", "en")
    with pytest.raises(ValueError, match="no page"):
        pages.render("success", "de")


def test_missing_value_is_a_bug_not_an_empty_page() -> None:
    with pytest.raises(KeyError):
        pages.render("failure", "en", error="x")


def head_of(raw: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *fields = head.decode("ascii").split("\r\n")
    return status, dict(field.split(": ", 1) for field in fields), body


@pytest.mark.parametrize("status", [200, 204, 400, 404, 405, 414, 431])
def test_every_response_carries_the_security_headers(status: int) -> None:
    _, headers, _ = head_of(pages.response(status, b"<p>x</p>"))
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    digest = base64.b64encode(hashlib.sha256(pages.CLOSE_SCRIPT.encode()).digest()).decode()
    assert headers["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'"
    )
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Connection"] == "close"
    assert "Date" in headers


def test_response_with_body_has_its_length() -> None:
    status, headers, body = head_of(pages.response(404, b"abc"))
    assert status == "HTTP/1.1 404 Not Found"
    assert headers["Content-Length"] == "3"
    assert body == b"abc"


def test_head_and_no_content_answers_have_no_body() -> None:
    status, headers, body = head_of(pages.response(200, b"abc", head_only=True))
    assert (status, body) == ("HTTP/1.1 200 OK", b"")
    assert "Content-Length" not in headers
    status, headers, body = head_of(pages.response(204, b"abc"))
    assert (status, body) == ("HTTP/1.1 204 No Content", b"")
    assert "Content-Length" not in headers


def test_extra_headers_are_added() -> None:
    _, headers, _ = head_of(pages.response(405, b"", extra_headers=(("Allow", "GET, HEAD"),)))
    assert headers["Allow"] == "GET, HEAD"
