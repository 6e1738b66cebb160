"""The emulator's pages' language: chosen as a site would, and French for every text it shows."""

from __future__ import annotations

import pytest

from qonto_desktop.emulator import wording


@pytest.mark.parametrize(
    ("ui_locales", "accept_language", "expected"),
    [
        (None, None, "en"),
        ("fr", None, "fr"),
        ("fr-FR en", "en", "fr"),  # the app asked: it wins over the browser
        ("de fr", None, "fr"),  # the first language offered
        ("de", "fr-FR,fr;q=0.9", "fr"),  # nothing offered asked: the browser decides
        (None, "fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        (None, "en-GB,en;q=0.9,fr;q=0.8", "en"),
        (None, "de-DE,fr;q=0.5,en;q=0.7", "en"),  # by quality, not by order
        (None, "fr;q=0,en;q=0.1", "en"),  # q=0: not acceptable
        (None, "fr;q=abc", "en"),  # a broken quality counts as 0
        (None, "FR_fr", "fr"),
        (None, "*", "en"),
        (None, "", "en"),
        ("", "de", "en"),
    ],
)
def test_the_language_is_asked_or_the_browsers_else_english(
    ui_locales: str | None, accept_language: str | None, expected: str
) -> None:
    assert wording.pick(ui_locales, accept_language) == expected


def test_french_takes_values_and_typographic_apostrophes() -> None:
    said = wording.say("The application {client} asks to:", "fr", client="X")
    assert said == "L\u2019application X demande à\u00a0:"
    assert wording.say("The application {client} asks to:", "en", client="X") == (
        "The application X asks to:"
    )
    assert "'" not in "".join(wording.say(text, "fr") for text in wording.english_texts())


def test_a_text_without_french_is_a_gap_not_english_shown() -> None:
    with pytest.raises(KeyError):
        wording.say("A text nobody translated", "fr")
    assert wording.say("A text nobody translated", "en") == "A text nobody translated"
