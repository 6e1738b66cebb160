"""Qonto's scope catalogue as the server knows it, with words for the consent page.

This is the server side of the catalogue; the app keeps its own. Source: Qonto's developer
documentation, whose scopes and their sources are listed in docs/qonto-facts.md.
"""

from __future__ import annotations

from types import MappingProxyType

# Scope name -> what it lets the app do, in the words the consent page shows.
_DESCRIPTIONS: dict[str, str] = {
    "openid": "Know who you are (your name and e-mail address)",
    "offline_access": "Stay connected when you are away (refresh the connection by itself)",
    "organization.read": (
        "Read the organization: bank accounts, IBANs, balances, transactions, statements"
    ),
    "membership.read": "Read your own membership: identity, contact details and role",
    "membership.write": "Invite members",
    "team.read": "Read teams",
    "team.write": "Create and change teams",
    "attachment.read": "Read attachments (receipts and invoice files)",
    "attachment.write": "Upload or remove attachments",
    "internal_transfer.write": "Move money between the organization's own accounts",
    "payment.write": "Make SEPA transfers and manage beneficiaries",
    "international_transfer.write": "Make international transfers and manage their beneficiaries",
    "beneficiary.trust": "Trust beneficiaries",
    "bank_account.write": "Create, change and close bank accounts",
    "card.read": "Read cards",
    "card.write": "Create and change cards",
    "client.read": "Read clients",
    "client.write": "Create and change clients",
    "client_invoices.read": "Read client invoices, quotes and credit notes",
    "client_invoice.write": "Create and change client invoices, quotes and credit notes",
    "supplier_invoice.read": "Read supplier invoices",
    "supplier_invoice.write": "Create and change supplier invoices",
    "product.read": "Read the product catalogue",
    "product.write": "Change the product catalogue",
    "einvoicing.read": "Read e-invoicing settings",
    "request_transfers.write": "Create transfer requests",
    "request_cards.write": "Create card requests",
    "request_review.write": "Approve or decline requests",
    "insurance_contract.read": "Read insurance contracts",
    "insurance_contract.write": "Create and change insurance contracts",
    "payment_link.read": "Read payment links",
    "payment_link.write": "Create and change payment links",
    "sepa_direct_debit.read": "Read SEPA direct debits",
    "sepa_direct_debit.write": "Create and change SEPA direct debits",
    "terminal.read": "Read payment terminals",
    "terminal.write": "Manage payment terminals",
    "webhook": "Manage webhook subscriptions",
    "user_organization.read": "List the organizations you connected",
}

SCOPE_DESCRIPTIONS = MappingProxyType(_DESCRIPTIONS)
"""Every scope Qonto knows, mapped to plain words."""

QONTO_SCOPES: tuple[str, ...] = tuple(_DESCRIPTIONS)
"""Every scope name in Qonto's catalogue, in catalogue order."""

EMBED_ONLY_SCOPES: frozenset[str] = frozenset({"beneficiary.trust"})
"""Scopes Qonto grants to Embed partners only; ordinary apps are refused them."""

USER_ACCESS_SCOPES: frozenset[str] = frozenset({"user_organization.read"})
"""Scopes Qonto grants only to apps it approved for the User OAuth flow."""

USER_ACCESS_CLIENT_SCOPES: tuple[str, ...] = tuple(
    s for s in QONTO_SCOPES if s not in EMBED_ONLY_SCOPES
)
"""The scopes the demo client approved for the User OAuth flow may request."""

DEMO_CLIENT_SCOPES: tuple[str, ...] = tuple(
    s for s in USER_ACCESS_CLIENT_SCOPES if s not in USER_ACCESS_SCOPES
)
"""The scopes the two per-organization demo clients may request."""


def describe(scope: str) -> str:
    """Return the plain words for one scope, or the scope name itself if unknown."""
    return SCOPE_DESCRIPTIONS.get(scope, scope)
