"""One month of plausible French business activity on one account, the same on every run.

Card payments, transfers, direct debits (URSSAF, EDF, rent), customers' incomes and Qonto's fee,
with VAT, categories, notes and receipts. Seeded by the account and the month only, so a month
is generated on demand, alone, and always to the same values.
"""

from __future__ import annotations

import calendar
import random
import uuid
from dataclasses import dataclass

# (label, operation_type, category, vat rate or None, min cents, max cents)
_CARDS = (
    ("Le Bistrot du Coin", "card", "restaurant_and_bar", 10.0, 1_800, 9_500),
    ("Brasserie des Halles", "card", "restaurant_and_bar", 10.0, 2_200, 14_000),
    ("TotalEnergies", "card", "gas_station", 20.0, 4_000, 11_000),
    ("Esso Express", "card", "gas_station", 20.0, 3_500, 9_000),
    ("SNCF Connect", "card", "transport", 10.0, 2_900, 18_000),
    ("Google Workspace", "card", "subscription", 20.0, 1_380, 6_900),
    ("Notion Labs", "card", "subscription", 0.0, 960, 4_800),
    ("Adobe", "card", "subscription", 20.0, 2_399, 7_199),
    ("OVHcloud", "card", "online_service", 20.0, 599, 8_000),
    ("Bureau Vallée", "card", "office_supply", 20.0, 1_200, 25_000),
    ("Fnac", "card", "office_supply", 5.5, 1_500, 6_000),
    ("Monoprix", "card", "restaurant_and_bar", -1.0, 800, 6_500),
)
_SUPPLIERS = ("Transports Leroy", "Imprimerie Moderne", "Cabinet Rousseau", "Grossiste Delmas")
_CUSTOMERS = ("SARL Garnier", "Mairie de Villeurbanne", "SAS Perret & Fils", "Studio Nguyen")
_NOTES = ("Déjeuner client", "Déplacement Lyon", "Renouvellement annuel", "Voir facture jointe")
PENDING_CARD_DELAY = 2 * 86_400
"""A card payment settles up to this long after it was made (the emulator's choice)."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A transaction before its balance is known; amounts unsigned cents with ``side``."""

    id: str
    index: int
    emitted_at: float
    settled_at: float
    side: str
    amount_cents: int
    operation_type: str
    label: str
    category: str
    vat_rate: float | None
    note: str | None
    reference: str | None
    attachment_required: bool
    attachment_count: int
    attachment_lost: bool
    declined: bool
    card_last_digits: str | None


def month_bounds(year: int, month: int) -> tuple[float, float]:
    """The first and the last instant (exclusive) of a month, in epoch seconds (UTC)."""
    start = calendar.timegm((year, month, 1, 0, 0, 0))
    after = calendar.timegm((year + month // 12, month % 12 + 1, 1, 0, 0, 0))
    return float(start), float(after)


def month_drafts(account_id: str, year: int, month: int, count: int) -> list[Draft]:
    """About ``count`` transactions of one account in one month, in no particular order."""
    draws = random.Random(f"{account_id}:{year:04d}-{month:02d}")  # noqa: S311 - demo data
    start, after = month_bounds(year, month)
    card = f"{draws.randrange(10_000):04d}"
    drafts: list[Draft] = []

    def add(  # noqa: PLR0917 - one call per movement reads best with positions
        day_at: float,
        side: str,
        cents: int,
        kind: str,
        label: str,
        category: str,
        vat: float | None,
        *,
        reference: str | None = None,
        receipts: bool = True,
    ) -> None:
        emitted = min(day_at, after - 120)
        delay = draws.uniform(3_600, PENDING_CARD_DELAY) if kind == "card" else 0.0
        settled = emitted + delay if emitted + delay < after - 60 else emitted
        required = side == "debit" and kind != "qonto_fee" and receipts
        roll = draws.random()
        count_ = 0 if not required or roll < 0.15 else (2 if roll > 0.9 else 1)
        drafts.append(
            Draft(
                id=str(uuid.UUID(int=draws.getrandbits(128), version=4)),
                index=len(drafts),
                emitted_at=round(emitted, 3),
                settled_at=round(settled, 3),
                side=side,
                amount_cents=cents,
                operation_type=kind,
                label=label,
                category=category,
                vat_rate=vat,
                note=draws.choice(_NOTES) if draws.random() < 0.15 else None,
                reference=reference,
                attachment_required=required,
                attachment_count=count_,
                attachment_lost=required and 0.10 <= roll < 0.15,
                declined=kind == "card" and draws.random() < 0.02,
                card_last_digits=card if kind == "card" else None,
            )
        )

    def on(day: int) -> float:
        return start + (day - 1) * 86_400 + draws.uniform(6 * 3_600, 20 * 3_600)

    add(on(1), "debit", 2_900 if count < 100 else 24_900, "qonto_fee", "Qonto", "fees", 20.0)
    add(
        on(1),
        "debit",
        draws.randrange(90_000, 240_000),
        "direct_debit",
        "SCI Les Tilleuls",
        "rent",
        20.0,
        reference=f"LOYER {month:02d}/{year}",
    )
    add(
        on(5),
        "debit",
        draws.randrange(40_000, 350_000),
        "direct_debit",
        "URSSAF",
        "tax",
        0.0,
        receipts=False,
        reference=f"URSSAF {month:02d}-{year}",
    )
    add(on(10), "debit", draws.randrange(6_000, 45_000), "direct_debit", "EDF", "utility", 20.0)
    last_day = calendar.monthrange(year, month)[1]
    spent = sum(d.amount_cents for d in drafts)
    while len(drafts) < max(count - 3, 5):
        if draws.random() < 0.85:
            label, kind, category, vat, low, high = draws.choice(_CARDS)
            cents = draws.randrange(low, high)
            add(on(draws.randint(1, last_day)), "debit", cents, kind, label, category, vat)
        else:
            cents = draws.randrange(20_000, 300_000)
            supplier = draws.choice(_SUPPLIERS)
            add(
                on(draws.randint(1, last_day)),
                "debit",
                cents,
                "transfer",
                supplier,
                "supplier",
                draws.choice((20.0, 20.0, 0.0, None)),
                reference=f"FACTURE {year}-{draws.randrange(1000, 9999)}",
            )
        spent += drafts[-1].amount_cents
    target = int(spent * draws.uniform(0.97, 1.08))
    for part in range(3):
        cents = target // 3 + (target % 3 if part == 0 else 0)
        add(
            on(draws.randint(2, last_day)),
            "credit",
            cents,
            "income",
            draws.choice(_CUSTOMERS),
            "sales",
            20.0,
            reference=f"FA-{year}{month:02d}-{part + 1:03d}",
        )
    return drafts
