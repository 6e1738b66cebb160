"""Five connections of a small firm, one in each state the list tells apart, for the list's tests.

At :data:`NOW`: Cabinet Durand to reconnect, Pâtisserie Roux unverified (its check failed),
Boulangerie Martin's access ending in 5 days, Pharmacie Morel and Atelier Lumière active.
"""

from __future__ import annotations

from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.store.states import ConnectionState
from tests.support.connections import sample

NOW = 1_800_000_000.0  # 15 January 2027
DAY = 86400.0


def client(
    key: str,
    name: str,
    *,
    siren: str,
    iban_end: str,
    cents: int,
    days: float,
    state: ConnectionState = "ok",
) -> Connection:
    """One client company, its access valid ``days`` more days, its balance read an hour ago."""
    account = AccountSummary("Compte principal", f"FR76 •••• •••• {iban_end}", "EUR", cents, True)
    return sample(
        id=key,
        organization_id=f"org-{key}",
        organization_name=name,
        legal_name=f"{name.upper()} SARL",
        legal_number=siren,
        accounts=(account,),
        refresh_expires_at=NOW + days * DAY,
        verified_at=NOW - 3600,
        state=state,
    )


# In the index's order (by name, case-blind but not accent-blind), as the window gets them.
FIRM = (
    client("a", "Atelier Lumière", siren="912543089", iban_end="0978", cents=7_412_085, days=80),
    client("b", "Boulangerie Martin", siren="843217654", iban_end="1234", cents=2_477_327, days=5),
    client(
        "c",
        "Cabinet Durand",
        siren="880674320",
        iban_end="5555",
        cents=934_512,
        days=60,
        state="needs_reconnect",
    ),
    client("e", "Pharmacie Morel", siren="153300835", iban_end="8642", cents=-12_50, days=40),
    client(
        "d",
        "Pâtisserie Roux",
        siren="931501217",
        iban_end="4321",
        cents=17_113_003,
        days=70,
        state="unverified",
    ),
)
