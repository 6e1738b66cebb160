"""Qonto's scope catalogue as the server knows it, with words for the consent page.

This is the server side of the catalogue; the app keeps its own. Source: Qonto's developer
documentation, whose scopes and their sources are listed in docs/qonto-facts.md.
"""

from __future__ import annotations

from types import MappingProxyType

from qonto_desktop.emulator.wording import french

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

# The same words in French, for the consent page in French (docs/qonto-facts.md: presentation).
_FRENCH_DESCRIPTIONS: dict[str, str] = {
    "openid": "Savoir qui vous êtes (votre nom et votre adresse e-mail)",
    "offline_access": "Rester connectée en votre absence (renouveler l'accès d'elle-même)",
    "organization.read": (
        "Lire la société\u00a0: comptes bancaires, IBAN, soldes, transactions, relevés"
    ),
    "membership.read": "Lire votre propre profil de membre\u00a0: identité, coordonnées et rôle",
    "membership.write": "Inviter des membres",
    "team.read": "Lire les équipes",
    "team.write": "Créer et modifier des équipes",
    "attachment.read": "Lire les justificatifs (reçus et factures)",
    "attachment.write": "Ajouter ou supprimer des justificatifs",
    "internal_transfer.write": "Virer de l'argent entre les comptes de la société",
    "payment.write": "Faire des virements SEPA et gérer les bénéficiaires",
    "international_transfer.write": (
        "Faire des virements internationaux et gérer leurs bénéficiaires"
    ),
    "beneficiary.trust": "Marquer des bénéficiaires comme de confiance",
    "bank_account.write": "Créer, modifier et clôturer des comptes bancaires",
    "card.read": "Lire les cartes",
    "card.write": "Créer et modifier des cartes",
    "client.read": "Lire les clients",
    "client.write": "Créer et modifier des clients",
    "client_invoices.read": "Lire les factures clients, devis et avoirs",
    "client_invoice.write": "Créer et modifier des factures clients, devis et avoirs",
    "supplier_invoice.read": "Lire les factures fournisseurs",
    "supplier_invoice.write": "Créer et modifier des factures fournisseurs",
    "product.read": "Lire le catalogue de produits",
    "product.write": "Modifier le catalogue de produits",
    "einvoicing.read": "Lire les réglages de facturation électronique",
    "request_transfers.write": "Créer des demandes de virement",
    "request_cards.write": "Créer des demandes de carte",
    "request_review.write": "Approuver ou refuser des demandes",
    "insurance_contract.read": "Lire les contrats d'assurance",
    "insurance_contract.write": "Créer et modifier des contrats d'assurance",
    "payment_link.read": "Lire les liens de paiement",
    "payment_link.write": "Créer et modifier des liens de paiement",
    "sepa_direct_debit.read": "Lire les prélèvements SEPA",
    "sepa_direct_debit.write": "Créer et modifier des prélèvements SEPA",
    "terminal.read": "Lire les terminaux de paiement",
    "terminal.write": "Gérer les terminaux de paiement",
    "webhook": "Gérer les abonnements aux webhooks",
    "user_organization.read": "Lister les sociétés que vous avez connectées",
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


def describe(scope: str, language: str = "en") -> str:
    """Return the plain words for one scope in ``language``, or the scope name if unknown."""
    if language == "fr":
        return french(_FRENCH_DESCRIPTIONS.get(scope, scope))
    return _DESCRIPTIONS.get(scope, scope)
