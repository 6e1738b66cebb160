"""PKCE arithmetic, IBAN validity and the shape of the seeded demo world."""

from __future__ import annotations

import re
import uuid

import pytest

from qonto_desktop.emulator import pkce
from qonto_desktop.emulator.data import DEMO_ORGANIZATIONS, DEMO_USER
from qonto_desktop.emulator.iban import french_iban, is_valid_iban, rib_key
from tests.support.emulator_flow import CHALLENGE, VERIFIER
from tests.support.luhn import luhn_valid


def test_rfc7636_appendix_b_vector() -> None:
    assert pkce.s256_challenge(VERIFIER) == CHALLENGE
    assert pkce.verifier_matches(VERIFIER, CHALLENGE)
    assert pkce.is_valid_challenge(CHALLENGE)


def test_wrong_verifier_does_not_match() -> None:
    assert not pkce.verifier_matches(VERIFIER[:-1] + "j", CHALLENGE)


@pytest.mark.parametrize(
    ("verifier", "valid"),
    [
        ("a" * 42, False),
        ("a" * 43, True),
        ("~._-" * 32, True),
        ("a" * 129, False),
        ("é" * 43, False),
    ],
)
def test_verifier_form(verifier: str, valid: bool) -> None:
    assert pkce.is_valid_verifier(verifier) is valid


@pytest.mark.parametrize("challenge", ["a" * 42, "a" * 44, "+" * 43, CHALLENGE + "="])
def test_malformed_challenges(challenge: str) -> None:
    assert not pkce.is_valid_challenge(challenge)


def test_known_iban_passes_and_altered_fails() -> None:
    # A published example of a valid French IBAN.
    assert is_valid_iban("FR76 3000 6000 0112 3456 7890 189")
    assert not is_valid_iban("FR76 3000 6000 0112 3456 7890 188")
    assert rib_key("30006", "00001", "12345678901") == "89"


def test_every_seeded_iban_is_valid() -> None:
    ibans = [account.iban for org in DEMO_ORGANIZATIONS for account in org.bank_accounts]
    assert len(ibans) == len(set(ibans))
    for iban in ibans:
        assert re.fullmatch(r"FR\d{12}[0-9A-Z]{11}\d{2}", iban), iban
        assert is_valid_iban(iban), iban
        tampered = iban[:-1] + str((int(iban[-1]) + 1) % 10)
        assert not is_valid_iban(tampered)


def test_french_iban_builds_rib_key_and_check_digits() -> None:
    assert french_iban("30006", "00001", "12345678901") == "FR7630006000011234567890189"


def test_seeded_organizations_look_like_french_companies() -> None:
    assert len(DEMO_ORGANIZATIONS) == 3
    assert {org.legal_form for org in DEMO_ORGANIZATIONS} == {"SARL", "SAS", "EURL"}
    assert sum(org.registration_id is not None for org in DEMO_ORGANIZATIONS) == 1
    for org in DEMO_ORGANIZATIONS:
        assert str(uuid.UUID(org.id)) == org.id
        assert re.fullmatch(r"\d{9}", org.legal_number)
        assert luhn_valid(org.legal_number)  # a SIREN carries a Luhn check digit
        assert (org.legal_country, org.locale) == ("FR", "fr")
        assert 1 <= len(org.bank_accounts) <= 3
        assert sum(account.main for account in org.bank_accounts) == 1
        api = org.to_api()
        for account in api["bank_accounts"]:
            assert str(uuid.UUID(account["id"])) == account["id"]
            assert account["currency"] == "EUR"
            assert account["status"] == "active"
            assert account["balance"] * 100 == pytest.approx(account["balance_cents"])
            assert account["bic"] == "QNTOFRP1XXX"
            assert {"authorized_balance", "authorized_balance_cents", "updated_at"} <= set(account)


def test_demo_user_is_an_accountant() -> None:
    assert DEMO_USER.role == "accountant"
    assert "@" in DEMO_USER.email
    assert DEMO_USER.password
