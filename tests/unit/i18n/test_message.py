"""Messages: templates rendered after lookup, nested parts, numbers, and the languages rule."""

from __future__ import annotations

import pytest

from qonto_desktop.i18n.languages import command_line_language, offered, primary
from qonto_desktop.i18n.localize import translate
from qonto_desktop.i18n.message import COMMAS, N_, Message, Term, listing, render, with_reason
from qonto_desktop.i18n.typography import typeset


def test_the_marker_returns_its_argument() -> None:
    assert N_("Try again later.") == "Try again later."


def test_english_is_the_template_with_its_values() -> None:
    message = Message("Port {port} of {uri!r}.", port=52817, uri="http://127.0.0.1")
    assert message.english() == "Port 52817 of 'http://127.0.0.1'."
    assert str(message) == message.english()


def test_a_message_without_values_is_never_formatted() -> None:
    assert Message("{port} {{").english() == "{port} {{"


def test_the_translation_is_chosen_before_the_values_are_put_in() -> None:
    seen: list[str] = []

    def lookup(template: str) -> str:
        seen.append(template)
        return {"Port {port}.": "Le port {port}."}.get(template, template)

    assert render(Message("Port {port}.", port="{x}"), lookup) == "Le port {x}."
    assert seen == ["Port {port}."]  # looked up as the template, never as the finished text


def test_nested_messages_are_translated_too() -> None:
    def lookup(template: str) -> str:
        return {"{message} ({reason})": "{message} [{reason}]", "busy": "occupé"}.get(
            template, template
        )

    message = with_reason(Message("Port {port}.", port=1), "busy")
    assert render(message, lookup) == "Port 1. [occupé]"
    assert message.english() == "Port 1. (busy)"


def test_a_translation_with_a_placeholder_the_english_lacks_falls_back_to_english() -> None:
    def lookup(template: str) -> str:
        return "Le port {porte}." if template == "Port {port}." else template

    assert render(Message("Port {port}.", port=1), lookup) == "Port 1."


def test_numbers_take_a_decimal_comma_in_french_only() -> None:
    message = Message(N_("The keyring did not answer within {seconds:g} seconds."), seconds=2.5)
    assert "2,5 secondes" in translate(message, "fr")
    assert "2.5 seconds" in translate(message, "en")
    whole = Message(N_("The keyring did not answer within {seconds:g} seconds."), seconds=10)
    assert "10 secondes" in translate(whole, "fr")


def test_a_term_opening_a_sentence_takes_a_capital() -> None:
    message = Message(
        N_("The {what} {url!r} is not a valid address."),
        what=Term(N_("token url")),
        url="x",
    )
    assert translate(message, "fr").startswith("L\u2019adresse d\u2019émission des jetons")
    assert translate(message, "en") == "The token url 'x' is not a valid address."


def test_a_plain_value_opening_a_sentence_is_left_as_typed() -> None:
    message = Message(N_("'{query}' matches several connections: {names}."), query="x", names="y")
    assert translate(message, "fr").startswith("«\u00a0x\u00a0»")
    assert render(Message("{name} left.", name="anne"), lambda t: t) == "anne left."


def test_listing_joins_with_translated_separators() -> None:
    parts = [Message(N_("not text")), Message(N_("empty"))]
    assert str(listing(parts)) == "not text; empty"
    assert translate(listing(parts), "fr") == "ce n\u2019est pas du texte\u00a0; vide"
    assert str(listing(["a", "b", "c"], COMMAS)) == "a, b, c"
    assert listing([]) == ""
    assert listing(["only"]) == "only"


def test_messages_compare_by_template_and_values() -> None:
    assert Message("a {x}", x=1) == Message("a {x}", x=1)
    assert Message("a {x}", x=1) != Message("a {x}", x=2)
    assert list(with_reason(Message("m"), Message("r")).messages())[1:] == [
        Message("m"),
        Message("r"),
    ]


def test_french_typography_is_applied_outside_code() -> None:
    assert typeset("L'URI : « x » ; ok ? `a : b`") == (
        "L\u2019URI\u00a0: «\u00a0x\u00a0»\u00a0; ok\u00a0? `a : b`"
    )


# --- Which language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "language"),
    [("fr", "fr"), ("fr_FR.UTF-8", "fr"), ("fr-BE", "fr"), ("FR", "fr"), ("fr@euro", "fr")],
)
def test_french_tags(tag: str, language: str) -> None:
    assert primary(tag) == language
    assert offered(tag) == "fr"


@pytest.mark.parametrize("tag", ["C", "C.UTF-8", "POSIX", "de_DE", "", "en_US.UTF-8"])
def test_other_tags_get_english(tag: str) -> None:
    assert offered(tag) == "en"


@pytest.mark.parametrize(
    ("setting", "environ", "language"),
    [
        (None, {}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, {"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        (None, {"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        (None, {"LC_MESSAGES": "en_GB", "LC_ALL": "fr_CA.UTF-8"}, "fr"),
        (None, {"LC_ALL": "", "LANG": "fr_FR"}, "fr"),  # an empty variable is not set
        ("en", {"LC_ALL": "fr_FR.UTF-8"}, "en"),  # the settings' choice wins
        ("fr", {"LANG": "C"}, "fr"),
        ("de", {"LANG": "fr_FR"}, "fr"),  # a language the app does not offer is no choice
        ("", {"LANG": "fr_FR"}, "fr"),  # "" is the window's "follow the system"
    ],
)
def test_the_command_line_language(
    setting: str | None, environ: dict[str, str], language: str
) -> None:
    assert command_line_language(setting, environ) == language
