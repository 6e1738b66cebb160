"""Names every system accepts: reserved device names, forbidden characters, length, NFC."""

from __future__ import annotations

import unicodedata

import pytest

from qonto_desktop.export.names import (
    MAX_BYTES,
    account_tag,
    client_folder,
    extension,
    safe_name,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1", "_Com1"),
        ("LPT9 ", "_LPT9"),
        ("CONSEIL", "CONSEIL"),
        ('A<b>c:d"e/f\\g|h?i*j', "A_b_c_d_e_f_g_h_i_j"),
        ("trailing dots...", "trailing dots"),
        ("  spaces   inside\tand\nlines ", "spaces inside and lines"),
        ("bell\x07", "bell_"),
        ("", "_"),
        ("...", "_"),
    ],
)
def test_unsafe_names_become_safe(text: str, expected: str) -> None:
    assert safe_name(text) == expected


def test_names_are_nfc_so_one_spelling_is_one_file() -> None:
    decomposed = unicodedata.normalize("NFD", "Crêperie Éloïse")
    assert safe_name(decomposed) == unicodedata.normalize("NFC", "Crêperie Éloïse")


def test_long_names_fit_in_characters_and_utf8_bytes() -> None:
    assert len(safe_name("x" * 500)) == 80
    wide = safe_name("€" * 500)
    assert len(wide.encode("utf-8")) <= MAX_BYTES
    assert wide == "€" * len(wide)


def test_client_folder_names_the_client_and_its_siren() -> None:
    assert client_folder("Boulangerie Martin", "123456789", "conn-1") == (
        "Boulangerie Martin (123456789)"
    )


def test_two_clients_of_the_same_name_get_two_folders() -> None:
    with_sirens = {client_folder("Martin SAS", s, "c") for s in ("111111111", "222222222")}
    without = {client_folder("Martin SAS", None, c) for c in ("aaaa1111-x", "bbbb2222-y")}
    assert len(with_sirens) == 2
    assert without == {"Martin SAS (aaaa1111)", "Martin SAS (bbbb2222)"}


def test_reserved_client_name_still_a_valid_folder() -> None:
    assert client_folder("CON", None, "abcdef123") == "_CON (abcdef12)"
    assert client_folder("Aux. ", "1", "c") == "_Aux (1)"


def test_account_tags_end_with_the_iban_end() -> None:
    assert account_tag("Compte principal", "FR76 1695 8000 0112 3456 7890 142", "a") == (
        "Compte principal_0142"
    )
    assert account_tag(None, None, "acc-7f3e91aa22") == "compte_acc-7f3e"


@pytest.mark.parametrize(
    ("file_name", "content_type", "expected"),
    [
        ("Facture.PDF", None, ".pdf"),
        ("photo", "image/jpeg", ".jpg"),
        ("weird.p d f", "application/pdf; charset=binary", ".pdf"),
        (None, "application/x-unknown", ".bin"),
    ],
)
def test_extensions(file_name: str | None, content_type: str | None, expected: str) -> None:
    assert extension(file_name, content_type) == expected
