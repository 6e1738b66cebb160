"""The demo world the emulator serves: one accountant and the three companies she keeps.

Tests that need more companies ask for them (:func:`generated_organizations`): French names,
valid IBANs and SIRENs, and the same values on every run.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from qonto_desktop.emulator.iban import french_iban

QONTO_BANK_CODE = "16958"
QONTO_BRANCH_CODE = "00001"
QONTO_BIC = "QNTOFRP1XXX"


@dataclass(frozen=True)
class Address:
    """A postal address in France."""

    street: str
    zip_code: str
    city: str
    country: str = "FR"

    def one_line(self) -> str:
        """Return the address on one line, as Qonto's ``legal_address`` shows it."""
        return f"{self.street}, {self.zip_code} {self.city}, France"


@dataclass(frozen=True)
class Answering:
    """How the Business API writes an organization's accounts.

    Attributes:
        external: add the accounts at other banks (``include_external_accounts=true``).
        amounts_as_strings: write every amount as a decimal string (``"18543.27"``, cents
            ``"1854327"``), as public clients report them, instead of JSON numbers.
        balances: include ``currency`` and the balance fields; Qonto leaves them out for
            members without the balance permission.
    """

    external: bool = False
    amounts_as_strings: bool = False
    balances: bool = True


def amount_fields(name: str, cents: int, answering: Answering) -> dict[str, Any]:
    """``name`` in euros and ``name_cents``, as JSON numbers or as decimal strings."""
    if answering.amounts_as_strings:
        sign = "-" if cents < 0 else ""
        return {
            name: f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}",
            f"{name}_cents": str(cents),
        }
    # Division is correctly rounded, so the JSON text (the shortest repr) has the exact digits.
    return {name: cents / 100, f"{name}_cents": cents}


@dataclass(frozen=True)
class BankAccount:
    """One Qonto bank account of an organization; amounts in cents."""

    id: str
    slug: str
    name: str
    account_number: str
    balance_cents: int
    authorized_balance_cents: int
    main: bool
    updated_at: str
    status: str = "active"
    currency: str = "EUR"

    @property
    def iban(self) -> str:
        """The account's French IBAN, with correct RIB key and check digits."""
        return french_iban(QONTO_BANK_CODE, QONTO_BRANCH_CODE, self.account_number)

    def to_api(self, organization_id: str, answering: Answering = Answering()) -> dict[str, Any]:
        """Return the account as ``GET /v2/organization`` lists it."""
        account: dict[str, Any] = {
            "id": self.id,
            "slug": self.slug,
            "name": self.name,
            "organization_id": organization_id,
            "status": self.status,
            "main": self.main,
            "iban": self.iban,
            "bic": QONTO_BIC,
            "is_external_account": False,
            "account_number": self.account_number,
            "updated_at": self.updated_at,
        }
        if answering.balances:
            account["currency"] = self.currency
            account.update(amount_fields("balance", self.balance_cents, answering))
            account.update(
                amount_fields("authorized_balance", self.authorized_balance_cents, answering)
            )
        return account


@dataclass(frozen=True)
class ExternalAccount:
    """An account at another bank, connected to Qonto; its IBAN and BIC may be empty.

    S ``/v2/organization`` (``include_external_accounts``): ``is_external_account`` is true,
    ``iban``/``bic`` may be empty and ``account_number`` identifies it.
    """

    id: str
    name: str
    iban: str
    bic: str
    account_number: str
    balance_cents: int
    updated_at: str
    currency: str = "EUR"

    def to_api(self, organization_id: str, answering: Answering = Answering()) -> dict[str, Any]:
        """Return the account as ``GET /v2/organization?include_external_accounts=true`` does."""
        account: dict[str, Any] = {
            "id": self.id,
            "slug": None,
            "name": self.name,
            "organization_id": organization_id,
            "status": "active",
            "main": False,
            "iban": self.iban,
            "bic": self.bic,
            "is_external_account": True,
            "account_number": self.account_number,
            "updated_at": self.updated_at,
        }
        if answering.balances:
            account["currency"] = self.currency
            account.update(amount_fields("balance", self.balance_cents, answering))
            account.update(amount_fields("authorized_balance", self.balance_cents, answering))
        return account


@dataclass(frozen=True)
class Organization:
    """A company on Qonto, with its bank accounts."""

    id: str
    name: str
    slug: str
    legal_name: str
    legal_form: str
    legal_number: str
    address: Address
    bank_accounts: tuple[BankAccount, ...]
    membership_id: str
    team_id: str
    registration_id: str | None = None
    legal_country: str = "FR"
    locale: str = "fr"
    external_accounts: tuple[ExternalAccount, ...] = ()

    def to_api(self, answering: Answering = Answering()) -> dict[str, Any]:
        """Return the organization as ``GET /v2/organization`` answers it."""
        accounts = [account.to_api(self.id, answering) for account in self.bank_accounts]
        if answering.external:
            accounts += [account.to_api(self.id, answering) for account in self.external_accounts]
        return {
            "id": self.id,
            "name": self.name,
            "slug": self.slug,
            "legal_name": self.legal_name,
            "locale": self.locale,
            "legal_form": self.legal_form,
            "legal_number": self.legal_number,
            "legal_country": self.legal_country,
            "legal_address": self.address.one_line(),
            "address": {
                "street": self.address.street,
                "zip_code": self.address.zip_code,
                "city": self.address.city,
                "country": self.address.country,
            },
            "bank_accounts": accounts,
        }


@dataclass(frozen=True)
class DemoUser:
    """The person who signs in on the consent page."""

    id: str
    first_name: str
    last_name: str
    email: str
    password: str
    role: str = "accountant"

    def membership(self, organization: Organization) -> dict[str, Any]:
        """Return the user's membership in one organization, as ``GET /v2/membership`` does."""
        return {
            "id": organization.membership_id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "role": self.role,
            "team_id": organization.team_id,
            "status": "active",
        }


DEMO_USER = DemoUser(
    id="7553bebc-bc5e-4b13-b719-d85efcfa1606",
    first_name="Camille",
    last_name="Lefèvre",
    email="camille.lefevre@cabinet-lefevre.example",
    password="demo-comptable",  # shown on the sign-in page on purpose
)

DEMO_ORGANIZATIONS: tuple[Organization, ...] = (
    Organization(
        id="f76589da-a9ae-46e3-94d0-9bc5b58bc13e",
        name="Boulangerie Martin",
        slug="boulangerie-martin-7421",
        legal_name="BOULANGERIE MARTIN",
        legal_form="SARL",
        legal_number="843217654",
        address=Address("12 rue des Martyrs", "75009", "Paris"),
        membership_id="f22b4398-1fc1-46ce-a6c6-c3725fc00df7",
        team_id="d594dda4-29cf-4dfb-8b78-fa925b8c217b",
        external_accounts=(
            ExternalAccount(
                id="3f0c5a51-8f0e-4c55-9a55-6f2b1b7d2c01",
                name="Compte BNP Paribas",
                iban=french_iban("30004", "00823", "00010123456"),
                bic="BNPAFRPPXXX",
                account_number="00010123456",
                balance_cents=312_450,
                updated_at="2025-06-02T06:00:00.000Z",
            ),
            ExternalAccount(
                id="b7a1d2e4-6c3f-4f8e-8a2d-1e5c9b0f7a22",
                name="Livret Caisse d'Épargne",
                iban="",
                bic="",
                account_number="04815162342",
                balance_cents=1_000_000,
                updated_at="2025-06-01T06:00:00.000Z",
            ),
        ),
        bank_accounts=(
            BankAccount(
                id="e9f99ed3-5752-4b18-b364-e2478cada83f",
                slug="boulangerie-martin-7421-bank-account-1",
                name="Compte principal",
                account_number="01234567890",
                balance_cents=1_854_327,
                authorized_balance_cents=1_849_327,
                main=True,
                updated_at="2025-06-02T08:14:09.000Z",
            ),
            BankAccount(
                id="b8c03830-9aa3-4db3-8914-e2006aff3e90",
                slug="boulangerie-martin-7421-bank-account-2",
                name="Réserve TVA",
                account_number="01234567891",
                balance_cents=623_000,
                authorized_balance_cents=623_000,
                main=False,
                updated_at="2025-05-30T16:40:51.000Z",
            ),
        ),
    ),
    Organization(
        id="6b08ddbf-d0aa-432d-acc0-fb5bb935c165",
        name="Atelier Lumière Architecture",
        slug="atelier-lumiere-architecture-3390",
        legal_name="ATELIER LUMIERE ARCHITECTURE",
        legal_form="SAS",
        legal_number="912543089",
        address=Address("4 quai Saint-Vincent", "69001", "Lyon"),
        membership_id="5f23aa9e-dd27-4a84-9281-53be94331306",
        team_id="f8455063-8d4e-46a2-a4de-226112be1a80",
        registration_id="65715b21-d7f5-42d9-bde1-cc35106bf9d2",
        bank_accounts=(
            BankAccount(
                id="88b7b2bb-b11a-4703-8bc3-77117ad8029c",
                slug="atelier-lumiere-architecture-3390-bank-account-1",
                name="Compte courant",
                account_number="04567812309",
                balance_cents=7_412_085,
                authorized_balance_cents=7_380_085,
                main=True,
                updated_at="2025-06-02T09:01:44.000Z",
            ),
            BankAccount(
                id="ba223e18-2b45-4264-a01f-01466a1b8a88",
                slug="atelier-lumiere-architecture-3390-bank-account-2",
                name="Chantiers",
                account_number="04567812310",
                balance_cents=2_150_000,
                authorized_balance_cents=2_150_000,
                main=False,
                updated_at="2025-06-01T11:22:05.000Z",
            ),
            BankAccount(
                id="8cccc96d-b57f-4e4c-a355-7c8117fdecae",
                slug="atelier-lumiere-architecture-3390-bank-account-3",
                name="Épargne",
                account_number="04567812311",
                balance_cents=12_000_000,
                authorized_balance_cents=12_000_000,
                main=False,
                updated_at="2025-05-28T07:55:30.000Z",
            ),
        ),
    ),
    Organization(
        id="7c3e1045-fcfa-4a7b-939d-26b06d9484a0",
        name="Durand Conseil",
        slug="durand-conseil-5127",
        legal_name="DURAND CONSEIL",
        legal_form="EURL",
        legal_number="880674320",
        address=Address("27 cours de l'Intendance", "33000", "Bordeaux"),
        membership_id="bfdc7b12-1d9b-4ae4-be93-160427772b1a",
        team_id="73737670-9d27-4195-8589-b2f4e228d333",
        bank_accounts=(
            BankAccount(
                id="82f5d7c1-12f2-4c64-bdeb-0eeeacdb8929",
                slug="durand-conseil-5127-bank-account-1",
                name="Compte principal",
                account_number="07890123456",
                balance_cents=934_512,
                authorized_balance_cents=934_512,
                main=True,
                updated_at="2025-06-02T10:30:00.000Z",
            ),
        ),
    ),
)


# Generated organizations: trade x family name. The two lengths are coprime, so the i-th name is
# unique for every i below their product; neither list meets a demo organization's name.
_TRADES = (
    "Boulangerie",
    "Librairie",
    "Fromagerie",
    "Menuiserie",
    "Pharmacie",
    "Garage",
    "Cabinet",
    "Agence",
    "Pâtisserie",
    "Imprimerie",
    "Brasserie",
)
_FAMILIES = (
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
)
_STREETS = ("rue de la République", "avenue Jean Jaurès", "place du Marché", "rue Victor Hugo")
_CITIES = (
    ("75011", "Paris"),
    ("13001", "Marseille"),
    ("31000", "Toulouse"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("59000", "Lille"),
    ("35000", "Rennes"),
)
_LEGAL_FORMS = ("SARL", "SAS", "EURL", "SASU")
_SEED = 20250602  # any fixed value: the same organizations on every run
MAX_GENERATED = len(_TRADES) * len(_FAMILIES)


def generated_organizations(count: int) -> tuple[Organization, ...]:
    """Build ``count`` more organizations, each with one bank account, the same on every run.

    The first ``n`` of a larger batch are the ``n`` of a smaller one.

    Raises:
        ValueError: ``count`` is negative or above :data:`MAX_GENERATED`.
    """
    if not 0 <= count <= MAX_GENERATED:
        raise ValueError(f"count must be between 0 and {MAX_GENERATED}")
    draws = random.Random(_SEED)  # noqa: S311 - stable test data, not secrets
    return tuple(_generated(index, draws) for index in range(count))


def _generated(index: int, draws: random.Random) -> Organization:
    """The organization number ``index``; every call takes the same number of draws."""
    name = f"{_TRADES[index % len(_TRADES)]} {_FAMILIES[index % len(_FAMILIES)]}"
    slug = f"{_slugify(name)}-{draws.randrange(1000, 10000)}"
    zip_code, city = _CITIES[index % len(_CITIES)]
    street = f"{draws.randrange(1, 121)} {_STREETS[index % len(_STREETS)]}"
    balance = draws.randrange(10_000, 50_000_000)
    return Organization(
        id=_uuid(draws),
        name=name,
        slug=slug,
        legal_name=_slugify(name).replace("-", " ").upper(),
        legal_form=_LEGAL_FORMS[index % len(_LEGAL_FORMS)],
        legal_number=_siren(draws),
        address=Address(street, zip_code, city),
        membership_id=_uuid(draws),
        team_id=_uuid(draws),
        bank_accounts=(
            BankAccount(
                id=_uuid(draws),
                slug=f"{slug}-bank-account-1",
                name="Compte principal",
                # 5xxxxxxxxxx: apart from the demo accounts, which start with 0.
                account_number=f"{50_000_000_000 + index:011d}",
                balance_cents=balance,
                authorized_balance_cents=balance,
                main=True,
                updated_at="2025-06-02T08:00:00.000Z",
            ),
        ),
    )


def _uuid(draws: random.Random) -> str:
    return str(uuid.UUID(int=draws.getrandbits(128), version=4))


def _slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name.lower()).split())


def _siren(draws: random.Random) -> str:
    """Nine digits whose last is the Luhn check digit, as a SIREN's is."""
    body = f"{draws.randrange(10**7, 10**8)}"
    total = 0
    for position, char in enumerate(reversed(body)):  # the check digit will sit at position 0
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return body + str((10 - total % 10) % 10)
