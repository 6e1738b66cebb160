"""The scope catalogue: complete, bilingual, consistent, and strict about what it accepts."""

from __future__ import annotations

import re

import pytest

from qonto_desktop.i18n.typography import typeset
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.scopes import (
    CATALOGUE,
    DEFAULT_SCOPES,
    PRESETS,
    MalformedScopeError,
    NoScopesError,
    ScopeGroup,
    UnknownPresetError,
    UnknownScopeError,
)

# Copied by hand from the "Scopes" table of docs/qonto-oauth-facts.md, in its order.
FACTS_SHEET_SCOPES = [
    "openid",
    "offline_access",
    "organization.read",
    "membership.read",
    "membership.write",
    "team.read",
    "team.write",
    "attachment.read",
    "attachment.write",
    "internal_transfer.write",
    "payment.write",
    "international_transfer.write",
    "beneficiary.trust",
    "bank_account.write",
    "card.read",
    "card.write",
    "client.read",
    "client.write",
    "client_invoices.read",
    "client_invoice.write",
    "supplier_invoice.read",
    "supplier_invoice.write",
    "product.read",
    "product.write",
    "einvoicing.read",
    "request_transfers.write",
    "request_cards.write",
    "request_review.write",
    "insurance_contract.read",
    "insurance_contract.write",
    "payment_link.read",
    "payment_link.write",
    "sepa_direct_debit.read",
    "sepa_direct_debit.write",
    "terminal.read",
    "terminal.write",
    "webhook",
    "user_organization.read",
]

NAMES = [scope.name for scope in CATALOGUE]
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# --- The catalogue ----------------------------------------------------------------------------


def test_facts_sheet_list_has_38_distinct_scopes() -> None:
    assert len(FACTS_SHEET_SCOPES) == len(set(FACTS_SHEET_SCOPES)) == 38


@pytest.mark.parametrize("name", FACTS_SHEET_SCOPES)
def test_every_facts_sheet_scope_is_in_the_catalogue_exactly_once(name: str) -> None:
    assert NAMES.count(name) == 1


def test_the_catalogue_holds_nothing_else() -> None:
    assert sorted(NAMES) == sorted(FACTS_SHEET_SCOPES)


def test_groups_are_contiguous_and_in_heading_order() -> None:
    order = list(ScopeGroup)
    indexes = [order.index(scope.group) for scope in CATALOGUE]
    assert indexes == sorted(indexes)
    assert {scope.group for scope in CATALOGUE} == set(ScopeGroup)


def test_by_group_covers_the_catalogue_in_order() -> None:
    flattened = [scope for _, members in scopes.by_group() for scope in members]
    assert flattened == list(CATALOGUE)


@pytest.mark.parametrize("group", list(ScopeGroup))
def test_every_group_has_two_distinct_titles(group: ScopeGroup) -> None:
    assert group.title("en")
    assert group.title("fr")
    assert group.title("en") != group.title("fr")


@pytest.mark.parametrize("scope", CATALOGUE, ids=NAMES)
def test_every_scope_speaks_both_languages(scope: scopes.Scope) -> None:
    for text in (scope.label_en, scope.label_fr, scope.description_en, scope.description_fr):
        assert text.strip() == text
        assert text
    assert scope.label_fr != scope.label_en
    assert scope.description_fr != scope.description_en


@pytest.mark.parametrize("scope", CATALOGUE, ids=NAMES)
def test_descriptions_are_one_sentence(scope: scopes.Scope) -> None:
    for text in (scope.description_en, scope.description_fr):
        assert text.endswith(".")
        assert len(SENTENCE_END.findall(text)) == 1, text
        assert text[0].isupper()


@pytest.mark.parametrize("scope", CATALOGUE, ids=NAMES)
def test_labels_are_short_and_have_no_final_full_stop(scope: scopes.Scope) -> None:
    for text in (scope.label_en, scope.label_fr):
        assert len(text) <= 60
        assert not text.endswith(".")


@pytest.mark.parametrize("scope", CATALOGUE, ids=NAMES)
def test_notes_come_in_pairs(scope: scopes.Scope) -> None:
    assert (scope.note_en is None) == (scope.note_fr is None)
    if scope.note_en is not None:
        assert scope.note_fr != scope.note_en
        assert scope.note("fr") == typeset(scope.note_fr)


def test_french_text_is_written_with_accents() -> None:
    french = " ".join(s.label_fr + " " + s.description_fr for s in CATALOGUE)
    for word in ("Permet à l'application", "équipes", "prélèvement", "Émettre", "bénéficiaires"):
        assert word in french


def test_money_movers_are_all_sensitive() -> None:
    movers = {scope.name for scope in CATALOGUE if scope.moves_money}
    sensitive = {scope.name for scope in CATALOGUE if scope.sensitive}
    assert movers <= sensitive


def test_money_movers_are_the_decided_ones() -> None:
    movers = {scope.name for scope in CATALOGUE if scope.moves_money}
    assert movers == {
        "internal_transfer.write",
        "payment.write",
        "international_transfer.write",
        "beneficiary.trust",
        "sepa_direct_debit.write",
        "request_transfers.write",
        "request_review.write",
    }


def test_every_write_is_sensitive_and_qonto_sensitive_scope_is_flagged() -> None:
    for scope in CATALOGUE:
        if scope.name.endswith(".write"):
            assert scope.sensitive, scope.name
    assert scopes.get("organization.read").sensitive
    assert scopes.get("beneficiary.trust").sensitive
    assert scopes.get("webhook").sensitive


def test_the_refused_spellings_and_restricted_scopes_carry_a_note() -> None:
    for name in (
        "client_invoices.read",
        "client_invoice.write",
        "beneficiary.trust",
        "user_organization.read",
        "request_review.write",
        "offline_access",
    ):
        assert scopes.get(name).note_en, name


# --- Look-ups ---------------------------------------------------------------------------------


def test_get_returns_the_entry() -> None:
    assert scopes.get("attachment.read").name == "attachment.read"


def test_get_unknown_raises_the_app_error_not_key_error() -> None:
    with pytest.raises(UnknownScopeError) as caught:
        scopes.get("organisation.read")
    assert not isinstance(caught.value, KeyError)
    assert caught.value.unknown == ("organisation.read",)
    assert caught.value.suggestions == {"organisation.read": "organization.read"}
    assert caught.value.code == "unknown_scope"


def test_label_and_description_in_both_languages() -> None:
    scope = scopes.get("organization.read")
    assert scopes.label("organization.read", "en") == scope.label_en
    assert scopes.label("organization.read", "fr") == typeset(scope.label_fr)
    assert scopes.description("organization.read", "fr") == typeset(scope.description_fr)
    assert scopes.label("organization.read", "fr_FR") == typeset(scope.label_fr)
    assert scopes.label("organization.read", "fr-BE") == typeset(scope.label_fr)


@pytest.mark.parametrize("language", ["de", "es_ES", "", "french"])
def test_other_languages_fall_back_to_english(language: str) -> None:
    assert scopes.label("payment.write", language) == scopes.label("payment.write", "en")
    assert (
        scopes.description("payment.write", language) == scopes.get("payment.write").description_en
    )


def test_label_of_unknown_scope_raises() -> None:
    with pytest.raises(UnknownScopeError):
        scopes.label("nope.read", "en")


# --- Presets and defaults ---------------------------------------------------------------------


def test_default_is_the_facts_sheet_recommendation_with_offline_access() -> None:
    assert set(DEFAULT_SCOPES) == {
        "openid",
        "offline_access",
        "organization.read",
        "membership.read",
        "attachment.read",
    }
    assert scopes.validate(DEFAULT_SCOPES) == DEFAULT_SCOPES


def test_preset_keys_are_unique_and_the_required_ones_exist() -> None:
    keys = [item.key for item in PRESETS]
    assert len(keys) == len(set(keys))
    assert {"bookkeeping", "bookkeeping_attachments", "read_everything"} <= set(keys)


@pytest.mark.parametrize("item", PRESETS, ids=[item.key for item in PRESETS])
def test_presets_use_catalogue_scopes_in_order_with_offline_access(item: scopes.Preset) -> None:
    assert scopes.validate(item.scopes) == item.scopes
    assert "offline_access" in item.scopes
    assert item.label_en
    assert item.label_fr
    assert item.label_fr != item.label_en
    assert item.description_en
    assert item.description_fr
    assert item.description_fr != item.description_en
    assert item.label("de") == item.label_en


@pytest.mark.parametrize("item", PRESETS, ids=[item.key for item in PRESETS])
def test_no_preset_can_change_anything_or_move_money(item: scopes.Preset) -> None:
    for name in item.scopes:
        assert not scopes.get(name).moves_money
        assert not name.endswith(".write")


def test_bookkeeping_presets() -> None:
    assert set(scopes.preset("bookkeeping").scopes) == {
        "openid",
        "offline_access",
        "organization.read",
        "membership.read",
    }
    assert set(scopes.preset("bookkeeping_attachments").scopes) == {
        "openid",
        "offline_access",
        "organization.read",
        "membership.read",
        "attachment.read",
        "supplier_invoice.read",
        "client_invoices.read",
    }


def test_read_everything_is_every_read_but_user_organization() -> None:
    expected = {
        name
        for name in FACTS_SHEET_SCOPES
        if name.endswith(".read") and name != "user_organization.read"
    } | {"openid", "offline_access"}
    assert set(scopes.preset("read_everything").scopes) == expected


def test_unknown_preset_names_it_and_lists_the_valid_keys() -> None:
    with pytest.raises(UnknownPresetError) as caught:
        scopes.preset("everything")
    error = caught.value
    assert isinstance(error, ConfigurationError)
    assert error.key == "everything"
    assert "everything" in error.message
    for item in PRESETS:
        assert item.key in error.message
        assert item.key in error.valid


# --- validate ---------------------------------------------------------------------------------


def test_validate_strips_dedupes_and_sorts_in_catalogue_order() -> None:
    given = [" payment.write", "openid", "organization.read ", "openid", "offline_access"]
    assert scopes.validate(given) == (
        "openid",
        "offline_access",
        "organization.read",
        "payment.write",
    )


def test_validate_accepts_any_iterable() -> None:
    assert scopes.validate(iter(["webhook", "openid"])) == ("openid", "webhook")


def test_validate_lists_every_unknown_name_at_once_with_suggestions() -> None:
    with pytest.raises(UnknownScopeError) as caught:
        scopes.validate(
            ["openid", "client_invoice.read", "request_review.read", "zzz", "Card.Read"]
        )
    error = caught.value
    assert isinstance(error, ConfigurationError)
    assert error.unknown == ("client_invoice.read", "request_review.read", "zzz", "Card.Read")
    assert error.suggestions == {
        "client_invoice.read": "client_invoices.read",
        "request_review.read": "organization.read",
        "Card.Read": "card.read",
    }
    for name in error.unknown:
        assert f'"{name}"' in error.message
    assert 'did you mean "client_invoices.read"?' in error.message
    assert "zzz" not in error.suggestions


def test_validate_suggests_the_singular_write_spelling() -> None:
    with pytest.raises(UnknownScopeError) as caught:
        scopes.validate(["client_invoices.write"])
    assert caught.value.suggestions == {"client_invoices.write": "client_invoice.write"}


def test_validate_allow_unknown_keeps_them_last_in_given_order() -> None:
    result = scopes.validate(
        ["subscription.read", "organization.read", "future.write", "openid", "future.write"],
        allow_unknown=True,
    )
    assert result == ("openid", "organization.read", "subscription.read", "future.write")


@pytest.mark.parametrize("names", [[], (), iter(())])
def test_validate_refuses_an_empty_choice(names: list[str]) -> None:
    with pytest.raises(NoScopesError) as caught:
        scopes.validate(names)
    assert isinstance(caught.value, ConfigurationError)
    assert "Choose at least one permission" in caught.value.message


@pytest.mark.parametrize(
    "bad",
    ["organization.read openid", "card.read\tcard.write", "", "   ", 'a"b', "a\\b", "café.read"],
)
def test_validate_refuses_malformed_names(bad: str) -> None:
    with pytest.raises(MalformedScopeError) as caught:
        scopes.validate(["openid", bad], allow_unknown=True)
    assert isinstance(caught.value, ConfigurationError)
    assert caught.value.names == (bad.strip(),)


def test_validate_refuses_a_bare_string() -> None:
    with pytest.raises(TypeError):
        scopes.validate("openid")


# --- parse and join ---------------------------------------------------------------------------


def test_parse_splits_on_spaces_without_checking() -> None:
    assert scopes.parse("offline_access organization.read") == (
        "offline_access",
        "organization.read",
    )
    assert scopes.parse("  not.a.scope   openid\n") == ("not.a.scope", "openid")
    assert scopes.parse("") == ()


@pytest.mark.parametrize("item", PRESETS, ids=[item.key for item in PRESETS])
def test_parse_and_join_round_trip(item: scopes.Preset) -> None:
    text = scopes.join(item.scopes)
    assert "  " not in text
    assert scopes.parse(text) == item.scopes
    assert scopes.join(scopes.parse(text)) == text


def test_join_refuses_a_name_that_would_split() -> None:
    with pytest.raises(MalformedScopeError):
        scopes.join(["openid", "organization.read webhook"])


def test_the_french_catalogue_is_shown_with_french_typography() -> None:
    for scope in CATALOGUE:
        for text in (scope.label("fr"), scope.description("fr"), scope.note("fr") or ""):
            assert "'" not in text  # typographic apostrophes
            assert " :" not in text
            assert " ;" not in text  # a non-breaking space before : and ;
