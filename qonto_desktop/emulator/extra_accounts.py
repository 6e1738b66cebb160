"""A second account for generated organizations, for benches of two accounts per client.

Added after :func:`~qonto_desktop.emulator.data.generated_organizations` has drawn its values,
so the organizations stay the same with or without it.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from qonto_desktop.emulator.data import BankAccount, Organization


def with_second_account(organization: Organization) -> Organization:
    """The organization with a "Réserve" account after its main one, the same every run."""
    main = organization.bank_accounts[0]
    second = BankAccount(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"second-account:{organization.id}")),
        slug=f"{organization.slug}-bank-account-2",
        name="Réserve",
        # 6xxxxxxxxxx: apart from the main accounts (5...) and the demo ones (0...).
        account_number="6" + main.account_number[1:],
        balance_cents=main.balance_cents // 4 + 100_000,
        authorized_balance_cents=main.balance_cents // 4 + 100_000,
        main=False,
        updated_at=main.updated_at,
    )
    return replace(organization, bank_accounts=(*organization.bank_accounts, second))
