"""The data of Qonto's OAuth permissions (scopes): names, groups, plain words, presets.

Source: the "Scopes" table of ``docs/qonto-oauth-facts.md``; the functions that read this data
live in :mod:`qonto_desktop.qonto.scopes`. Labels and descriptions are written for an accountant
who never heard of OAuth: what the app, or the user's own scripts, could do with each permission.

Rule for ``sensitive`` (when in doubt, a scope is sensitive: the facts sheet asks for the choice
that keeps the user's data safe). A scope is sensitive when it does at least one of:

1. Qonto marks it sensitive (``organization.read``);
2. it reads personal data (names, contact details, IBANs, card holders, documents) or the
   organization's banking data;
3. it moves money (every ``moves_money`` scope is sensitive);
4. it changes anything in the organization's Qonto account: every ``.write`` scope,
   ``beneficiary.trust``, and ``webhook`` (which sends the organization's data to an address).

Not sensitive: ``openid`` (only identifies the person who is signing in, to that same person),
``offline_access`` (grants no data; it keeps the connection alive, which the app shows and can
revoke) and reads of business settings with no personal data: ``team.read``, ``product.read``,
``einvoicing.read``, ``terminal.read``.

Rule for ``moves_money``: the scope lets the app send, collect or approve a movement of money,
or removes a safeguard on later payments. Edge cases are commented where they are declared.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from qonto_desktop.i18n.languages import offered
from qonto_desktop.i18n.typography import typeset


def in_language(language: str, english: str, french: str) -> str:
    """Pick the French or the English text for a language tag.

    Args:
        language: A language tag such as ``"fr"``, ``"fr_FR"``, ``"fr-BE"`` or ``"en"``.
        english: The English text.
        french: The French text, with plain apostrophes and spaces.

    Returns:
        ``french`` with French typography for any French tag, otherwise ``english`` (the
        fallback for every other language).
    """
    return typeset(french) if offered(language) == "fr" else english


class ScopeGroup(Enum):
    """A heading under which the permission picker shows related scopes, in display order."""

    SIGN_IN = ("sign_in", "Sign-in", "Connexion")
    ACCOUNTS = ("accounts", "Accounts and bookkeeping", "Comptes et comptabilité")
    DOCUMENTS = ("documents", "Documents", "Justificatifs")
    INVOICING = ("invoicing", "Invoicing", "Facturation")
    PAYMENTS = ("payments", "Payments and transfers", "Paiements et virements")
    CARDS = ("cards", "Cards", "Cartes")
    REQUESTS = ("requests", "Requests and approvals", "Demandes et validations")
    TEAM = ("team", "Team and members", "Équipe et membres")
    OTHER = ("other", "Other services", "Autres services")

    def __init__(self, key: str, title_en: str, title_fr: str) -> None:
        self.key = key
        self.title_en = title_en
        self.title_fr = title_fr

    def title(self, language: str) -> str:
        """The group's heading in ``language`` (English for anything but French)."""
        return in_language(language, self.title_en, self.title_fr)


@dataclass(frozen=True, slots=True)
class Scope:
    """One Qonto OAuth permission, in the user's words.

    Attributes:
        name: The exact scope string Qonto expects, such as ``"organization.read"``.
        group: The heading it is shown under.
        label_en: A short English label for a check box.
        label_fr: The same label in French.
        description_en: One English sentence saying what the app or scripts could do with it.
        description_fr: The same sentence in French.
        sensitive: Whether the picker should flag it (see the module docstring for the rule).
        moves_money: Whether it can send, collect or approve money movements.
        note_en: An optional English caveat (spelling trap, restricted to some apps, ...).
        note_fr: The same caveat in French; set exactly when ``note_en`` is.
    """

    name: str
    group: ScopeGroup
    label_en: str
    label_fr: str
    description_en: str
    description_fr: str
    sensitive: bool
    moves_money: bool = False
    note_en: str | None = None
    note_fr: str | None = None

    def label(self, language: str) -> str:
        """The label in ``language`` (English for anything but French)."""
        return in_language(language, self.label_en, self.label_fr)

    def description(self, language: str) -> str:
        """The description in ``language`` (English for anything but French)."""
        return in_language(language, self.description_en, self.description_fr)

    def note(self, language: str) -> str | None:
        """The caveat in ``language``, or ``None`` when the scope has none."""
        if self.note_en is None or self.note_fr is None:
            return None
        return in_language(language, self.note_en, self.note_fr)


@dataclass(frozen=True, slots=True)
class Preset:
    """A named set of scopes the user can pick in one click.

    Attributes:
        key: A stable identifier for settings files and the command line.
        label_en: A short English name.
        label_fr: The same name in French.
        description_en: One or two English sentences saying what it allows and why.
        description_fr: The same in French.
        scopes: The scope names, in catalogue order.
    """

    key: str
    label_en: str
    label_fr: str
    description_en: str
    description_fr: str
    scopes: tuple[str, ...]

    def label(self, language: str) -> str:
        """The name in ``language`` (English for anything but French)."""
        return in_language(language, self.label_en, self.label_fr)

    def description(self, language: str) -> str:
        """The description in ``language`` (English for anything but French)."""
        return in_language(language, self.description_en, self.description_fr)


_G = ScopeGroup

CATALOGUE: tuple[Scope, ...] = (
    # --- Sign-in ------------------------------------------------------------------------------
    Scope(
        name="openid",
        group=_G.SIGN_IN,
        label_en="Confirm who signed in",
        label_fr="Confirmer qui s'est connecté",
        description_en=(
            "Lets the app receive a signed proof of who approved the connection, so it can show "
            "which Qonto user each connection belongs to."
        ),
        description_fr=(
            "Permet à l'application de recevoir une preuve signée de l'identité de la personne "
            "qui a autorisé la connexion, pour afficher à quel utilisateur Qonto elle appartient."
        ),
        # Identifies only the person signing in, to themself; contact details need
        # membership.read, which is sensitive.
        sensitive=False,
    ),
    Scope(
        name="offline_access",
        group=_G.SIGN_IN,
        label_en="Stay connected without signing in again",
        label_fr="Rester connecté sans se reconnecter",
        description_en=(
            "Lets the app renew its access by itself, so the connection and your scripts keep "
            "working after the first hour without you signing in to Qonto again."
        ),
        description_fr=(
            "Permet à l'application de renouveler son accès elle-même, pour que la connexion et "
            "vos scripts continuent de fonctionner après la première heure sans vous reconnecter "
            "à Qonto."
        ),
        sensitive=False,
        note_en="Without it, the connection stops working one hour after you approve it.",
        note_fr="Sans elle, la connexion cesse de fonctionner une heure après votre accord.",
    ),
    Scope(
        name="membership.read",
        group=_G.SIGN_IN,
        label_en="Read your own profile and role",
        label_fr="Consulter votre profil et votre rôle",
        description_en=(
            "Lets the app read your name, contact details and role in the organization, to show "
            "who is connected and what they may do."
        ),
        description_fr=(
            "Permet à l'application de lire vos nom, coordonnées et rôle dans la société, "
            "pour afficher qui est connecté et ce que cette personne peut faire."
        ),
        # Personal data, even though it is only the signed-in person's own.
        sensitive=True,
    ),
    Scope(
        name="user_organization.read",
        group=_G.SIGN_IN,
        label_en="List all your organizations",
        label_fr="Lister toutes vos sociétés",
        description_en=(
            "Lets the app see every Qonto organization you belong to, so that one approval "
            "serves several organizations."
        ),
        description_fr=(
            "Permet à l'application de voir toutes les sociétés Qonto dont vous êtes "
            "membre, pour qu'une seule autorisation serve à plusieurs sociétés."
        ),
        # Reveals every organization the person belongs to, not only the one being connected.
        sensitive=True,
        note_en=(
            "Only for apps Qonto approved for the User OAuth flow; Qonto refuses it for other apps."
        ),
        note_fr=(
            "Réservée aux applications que Qonto a validées pour le parcours User OAuth ; "
            "Qonto la refuse aux autres."
        ),
    ),
    # --- Accounts and bookkeeping -------------------------------------------------------------
    Scope(
        name="organization.read",
        group=_G.ACCOUNTS,
        label_en="Read bank accounts, balances and transactions",
        label_fr="Consulter les comptes, soldes et transactions",
        description_en=(
            "Lets the app and your scripts read the organization's details, its bank accounts "
            "with IBANs and balances, transactions, statements, labels, members, beneficiaries "
            "and requests."
        ),
        description_fr=(
            "Permet à l'application et à vos scripts de lire les informations de la société, "
            "ses comptes avec IBAN et soldes, ses transactions, relevés, étiquettes, membres, "
            "bénéficiaires et demandes."
        ),
        sensitive=True,
        note_en=(
            "Qonto marks this permission sensitive and grants it to an app according to its "
            "declared use case."
        ),
        note_fr=(
            "Qonto classe cette autorisation comme sensible et l'accorde à une application "
            "selon le cas d'usage déclaré."
        ),
    ),
    Scope(
        name="bank_account.write",
        group=_G.ACCOUNTS,
        label_en="Open, change and close bank accounts",
        label_fr="Ouvrir, modifier et clôturer des comptes",
        description_en=(
            "Lets the app create bank accounts for the organization, rename or update them, "
            "and close them."
        ),
        description_fr=(
            "Permet à l'application de créer des comptes pour la société, de les renommer "
            "ou de les modifier, et de les clôturer."
        ),
        sensitive=True,
        # Changes the account structure; it sends no payment itself.
        moves_money=False,
    ),
    # --- Documents ----------------------------------------------------------------------------
    Scope(
        name="attachment.read",
        group=_G.DOCUMENTS,
        label_en="Download receipts and attached documents",
        label_fr="Télécharger les justificatifs et pièces jointes",
        description_en=(
            "Lets the app and your scripts download the receipts and invoices attached to "
            "transactions, for example to file them with the bookkeeping."
        ),
        description_fr=(
            "Permet à l'application et à vos scripts de télécharger les reçus et factures "
            "joints aux transactions, par exemple pour les classer avec la comptabilité."
        ),
        sensitive=True,
    ),
    Scope(
        name="attachment.write",
        group=_G.DOCUMENTS,
        label_en="Add or remove attached documents",
        label_fr="Ajouter ou supprimer des pièces jointes",
        description_en=(
            "Lets the app upload receipts and invoices to transactions and remove documents "
            "attached to them."
        ),
        description_fr=(
            "Permet à l'application d'ajouter des reçus et factures aux transactions et de "
            "supprimer les pièces qui y sont jointes."
        ),
        sensitive=True,
    ),
    # --- Invoicing ----------------------------------------------------------------------------
    Scope(
        name="client.read",
        group=_G.INVOICING,
        label_en="See clients",
        label_fr="Consulter les clients",
        description_en=(
            "Lets the app read the organization's clients (customers) with their names, "
            "addresses and contact details."
        ),
        description_fr=(
            "Permet à l'application de lire les clients de la société, avec leurs noms, "
            "adresses et coordonnées."
        ),
        sensitive=True,
    ),
    Scope(
        name="client.write",
        group=_G.INVOICING,
        label_en="Add and change clients",
        label_fr="Ajouter et modifier des clients",
        description_en="Lets the app create clients and update their details.",
        description_fr="Permet à l'application de créer des clients et de modifier leurs fiches.",
        sensitive=True,
    ),
    Scope(
        name="client_invoices.read",
        group=_G.INVOICING,
        label_en="Read client invoices, quotes and credit notes",
        label_fr="Consulter les factures clients, devis et avoirs",
        description_en=(
            "Lets the app and your scripts read the invoices, quotes and credit notes the "
            "organization issues to its clients, for example to follow up what is still unpaid."
        ),
        description_fr=(
            "Permet à l'application et à vos scripts de lire les factures, devis et avoirs que "
            "la société émet pour ses clients, par exemple pour suivre les impayés."
        ),
        sensitive=True,
        note_en=(
            "Spelled in the plural (client_invoices.read), unlike client_invoice.write; Qonto "
            "refuses the other spellings."
        ),
        note_fr=(
            "S'écrit au pluriel (client_invoices.read), contrairement à client_invoice.write ; "
            "Qonto refuse les autres orthographes."
        ),
    ),
    Scope(
        name="client_invoice.write",
        group=_G.INVOICING,
        label_en="Create client invoices, quotes and credit notes",
        label_fr="Créer des factures clients, devis et avoirs",
        description_en=(
            "Lets the app create and update invoices, quotes and credit notes for the "
            "organization's clients."
        ),
        description_fr=(
            "Permet à l'application de créer et de modifier des factures, devis et avoirs pour "
            "les clients de la société."
        ),
        sensitive=True,
        # An invoice asks for money; nothing is paid through this scope.
        moves_money=False,
        note_en=(
            "Spelled in the singular (client_invoice.write), unlike client_invoices.read; "
            "Qonto refuses the other spellings."
        ),
        note_fr=(
            "S'écrit au singulier (client_invoice.write), contrairement à "
            "client_invoices.read ; Qonto refuse les autres orthographes."
        ),
    ),
    Scope(
        name="supplier_invoice.read",
        group=_G.INVOICING,
        label_en="Read supplier invoices",
        label_fr="Consulter les factures fournisseurs",
        description_en=(
            "Lets the app and your scripts read the invoices the organization received from its "
            "suppliers, for example to match them with payments."
        ),
        description_fr=(
            "Permet à l'application et à vos scripts de lire les factures reçues des fournisseurs "
            "de la société, par exemple pour les rapprocher des paiements."
        ),
        sensitive=True,
    ),
    Scope(
        name="supplier_invoice.write",
        group=_G.INVOICING,
        label_en="Add and update supplier invoices",
        label_fr="Ajouter et mettre à jour des factures fournisseurs",
        description_en=(
            "Lets the app upload supplier invoices to Qonto, mark them as paid or unpaid, "
            "and reject them."
        ),
        description_fr=(
            "Permet à l'application d'importer des factures fournisseurs dans Qonto, de les "
            "marquer comme payées ou non, et de les rejeter."
        ),
        sensitive=True,
        # "Mark as paid" records a payment made elsewhere; it does not pay anything.
        moves_money=False,
    ),
    Scope(
        name="product.read",
        group=_G.INVOICING,
        label_en="See the product catalogue",
        label_fr="Consulter le catalogue de produits",
        description_en=(
            "Lets the app read the products and services, with their prices, that the "
            "organization puts on its invoices."
        ),
        description_fr=(
            "Permet à l'application de lire les produits et services, avec leurs prix, que "
            "la société fait figurer sur ses factures."
        ),
        sensitive=False,
    ),
    Scope(
        name="product.write",
        group=_G.INVOICING,
        label_en="Change the product catalogue",
        label_fr="Modifier le catalogue de produits",
        description_en=(
            "Lets the app add, change and remove products and services in the organization's "
            "catalogue."
        ),
        description_fr=(
            "Permet à l'application d'ajouter, de modifier et de supprimer des produits et "
            "services du catalogue de la société."
        ),
        sensitive=True,
    ),
    Scope(
        name="einvoicing.read",
        group=_G.INVOICING,
        label_en="See e-invoicing settings",
        label_fr="Consulter les réglages de facturation électronique",
        description_en=(
            "Lets the app read how the organization is set up for electronic invoicing."
        ),
        description_fr=(
            "Permet à l'application de lire la configuration de la société pour la "
            "facturation électronique."
        ),
        sensitive=False,
    ),
    # --- Payments and transfers ---------------------------------------------------------------
    Scope(
        name="internal_transfer.write",
        group=_G.PAYMENTS,
        label_en="Move money between your own accounts",
        label_fr="Virer de l'argent entre vos propres comptes",
        description_en=(
            "Lets the app transfer money from one of the organization's accounts to another "
            "of its accounts."
        ),
        description_fr=(
            "Permet à l'application de virer de l'argent d'un compte de la société vers un "
            "autre de ses comptes."
        ),
        sensitive=True,
        # The money stays in the organization, but balances change: still a movement.
        moves_money=True,
    ),
    Scope(
        name="payment.write",
        group=_G.PAYMENTS,
        label_en="Send SEPA transfers and manage beneficiaries",
        label_fr="Émettre des virements SEPA et gérer les bénéficiaires",
        description_en=(
            "Lets the app send SEPA transfers from the organization's accounts, after strong "
            "authentication, and add or change the beneficiaries they go to."
        ),
        description_fr=(
            "Permet à l'application d'émettre des virements SEPA depuis les comptes de "
            "la société, après authentification forte, et d'ajouter ou de modifier les "
            "bénéficiaires."
        ),
        sensitive=True,
        moves_money=True,
    ),
    Scope(
        name="international_transfer.write",
        group=_G.PAYMENTS,
        label_en="Send international transfers",
        label_fr="Émettre des virements internationaux",
        description_en=(
            "Lets the app send international transfers from the organization's accounts and "
            "manage the beneficiaries they go to."
        ),
        description_fr=(
            "Permet à l'application d'émettre des virements internationaux depuis les comptes "
            "de la société et de gérer leurs bénéficiaires."
        ),
        sensitive=True,
        moves_money=True,
    ),
    Scope(
        name="beneficiary.trust",
        group=_G.PAYMENTS,
        label_en="Trust beneficiaries",
        label_fr="Marquer des bénéficiaires comme fiables",
        description_en=(
            "Lets the app mark beneficiaries as trusted, so that later transfers to them need "
            "fewer confirmations."
        ),
        description_fr=(
            "Permet à l'application de marquer des bénéficiaires comme fiables, pour que les "
            "virements suivants vers eux demandent moins de confirmations."
        ),
        sensitive=True,
        # Sends nothing itself, but removes a safeguard on every later transfer to them.
        moves_money=True,
        note_en="For Qonto Embed partners only; Qonto refuses it for other apps.",
        note_fr="Réservée aux partenaires Qonto Embed ; Qonto la refuse aux autres applications.",
    ),
    Scope(
        name="sepa_direct_debit.read",
        group=_G.PAYMENTS,
        label_en="See SEPA direct debits",
        label_fr="Consulter les prélèvements SEPA",
        description_en=(
            "Lets the app read the SEPA direct debit mandates, subscriptions and collections "
            "the organization uses to get paid by its clients."
        ),
        description_fr=(
            "Permet à l'application de lire les mandats, abonnements et encaissements de "
            "prélèvement SEPA par lesquels la société se fait payer par ses clients."
        ),
        # Mandates carry the clients' names and IBANs.
        sensitive=True,
    ),
    Scope(
        name="sepa_direct_debit.write",
        group=_G.PAYMENTS,
        label_en="Set up SEPA direct debits",
        label_fr="Mettre en place des prélèvements SEPA",
        description_en=(
            "Lets the app create SEPA direct debit mandates and subscriptions, which take money "
            "from the clients' bank accounts once they have signed."
        ),
        description_fr=(
            "Permet à l'application de créer des mandats et des abonnements de prélèvement SEPA, "
            "qui débitent les comptes des clients une fois signés."
        ),
        sensitive=True,
        # Collections then run on their own schedule, with no one confirming each debit.
        moves_money=True,
    ),
    Scope(
        name="payment_link.read",
        group=_G.PAYMENTS,
        label_en="See payment links",
        label_fr="Consulter les liens de paiement",
        description_en=(
            "Lets the app read the payment links the organization shares with its clients and "
            "the payments made through them."
        ),
        description_fr=(
            "Permet à l'application de lire les liens de paiement que la société envoie à "
            "ses clients et les paiements reçus par ce biais."
        ),
        # Payments made through a link identify the payer.
        sensitive=True,
    ),
    Scope(
        name="payment_link.write",
        group=_G.PAYMENTS,
        label_en="Create payment links",
        label_fr="Créer des liens de paiement",
        description_en=(
            "Lets the app create payment pages that the organization's clients can use to pay "
            "it online."
        ),
        description_fr=(
            "Permet à l'application de créer des pages de paiement que les clients de "
            "la société peuvent utiliser pour la payer en ligne."
        ),
        sensitive=True,
        # A link only asks: money moves when the client decides to pay, into the organization.
        moves_money=False,
    ),
    Scope(
        name="terminal.read",
        group=_G.PAYMENTS,
        label_en="See payment terminals",
        label_fr="Consulter les terminaux de paiement",
        description_en="Lets the app list the organization's Qonto card payment terminals.",
        description_fr=(
            "Permet à l'application de lister les terminaux de paiement par carte Qonto de "
            "la société."
        ),
        sensitive=False,
    ),
    Scope(
        name="terminal.write",
        group=_G.PAYMENTS,
        label_en="Send amounts to payment terminals",
        label_fr="Envoyer des montants aux terminaux de paiement",
        description_en=(
            "Lets a till or shop program send the amount to pay to a Qonto terminal, so the "
            "customer only has to present their card."
        ),
        description_fr=(
            "Permet à un logiciel de caisse d'envoyer le montant à payer à un terminal Qonto, "
            "pour que le client n'ait plus qu'à présenter sa carte."
        ),
        sensitive=True,
        # Like a payment link: money comes in only when a customer present pays by card.
        moves_money=False,
    ),
    # --- Cards --------------------------------------------------------------------------------
    Scope(
        name="card.read",
        group=_G.CARDS,
        label_en="See cards",
        label_fr="Consulter les cartes",
        description_en=(
            "Lets the app list the organization's payment cards with their holders, limits "
            "and status."
        ),
        description_fr=(
            "Permet à l'application de lister les cartes de paiement de la société avec "
            "leurs titulaires, plafonds et statuts."
        ),
        sensitive=True,
    ),
    Scope(
        name="card.write",
        group=_G.CARDS,
        label_en="Create, lock and configure cards",
        label_fr="Créer, bloquer et configurer des cartes",
        description_en=(
            "Lets the app create payment cards, lock and unlock them, and change their "
            "spending limits and restrictions."
        ),
        description_fr=(
            "Permet à l'application de créer des cartes de paiement, de les bloquer ou "
            "débloquer, et de modifier leurs plafonds et restrictions."
        ),
        sensitive=True,
        # Changes what may be spent; a card pays only when someone uses it.
        moves_money=False,
    ),
    # --- Requests and approvals ---------------------------------------------------------------
    Scope(
        name="request_transfers.write",
        group=_G.REQUESTS,
        label_en="Ask for transfers",
        label_fr="Demander des virements",
        description_en=(
            "Lets the app create transfer requests, which send money once an approver accepts "
            "them in Qonto."
        ),
        description_fr=(
            "Permet à l'application de créer des demandes de virement, qui envoient l'argent "
            "dès qu'un valideur les accepte dans Qonto."
        ),
        sensitive=True,
        # Starts a movement: one approval away from money leaving.
        moves_money=True,
    ),
    Scope(
        name="request_cards.write",
        group=_G.REQUESTS,
        label_en="Ask for cards",
        label_fr="Demander des cartes",
        description_en=(
            "Lets the app create card requests, which an approver accepts or declines in Qonto."
        ),
        description_fr=(
            "Permet à l'application de créer des demandes de carte, qu'un valideur accepte ou "
            "refuse dans Qonto."
        ),
        sensitive=True,
        moves_money=False,
    ),
    Scope(
        name="request_review.write",
        group=_G.REQUESTS,
        label_en="Approve or decline requests",
        label_fr="Valider ou refuser des demandes",
        description_en=(
            "Lets the app approve or decline pending transfer and card requests, and an "
            "approved transfer request sends the money."
        ),
        description_fr=(
            "Permet à l'application de valider ou de refuser les demandes de virement et de "
            "carte en attente, et une demande de virement validée envoie l'argent."
        ),
        sensitive=True,
        moves_money=True,
        note_en=(
            "Qonto has no request_review.read: pending requests are read with organization.read."
        ),
        note_fr=(
            "Qonto n'a pas de request_review.read : les demandes en attente se lisent avec "
            "organization.read."
        ),
    ),
    # --- Team and members ---------------------------------------------------------------------
    Scope(
        name="membership.write",
        group=_G.TEAM,
        label_en="Invite new members",
        label_fr="Inviter de nouveaux membres",
        description_en="Lets the app invite people to join the organization in Qonto.",
        description_fr=(
            "Permet à l'application d'inviter des personnes à rejoindre la société dans Qonto."
        ),
        sensitive=True,
    ),
    Scope(
        name="team.read",
        group=_G.TEAM,
        label_en="See teams",
        label_fr="Consulter les équipes",
        description_en=(
            "Lets the app list the organization's teams, for example to group members by team."
        ),
        description_fr=(
            "Permet à l'application de lister les équipes de la société, par exemple pour "
            "regrouper les membres par équipe."
        ),
        sensitive=False,
    ),
    Scope(
        name="team.write",
        group=_G.TEAM,
        label_en="Create and change teams",
        label_fr="Créer et modifier des équipes",
        description_en="Lets the app create teams in the organization and change them.",
        description_fr=(
            "Permet à l'application de créer des équipes dans la société et de les modifier."
        ),
        sensitive=True,
    ),
    # --- Other services -----------------------------------------------------------------------
    Scope(
        name="insurance_contract.read",
        group=_G.OTHER,
        label_en="See insurance contracts",
        label_fr="Consulter les contrats d'assurance",
        description_en=(
            "Lets the app read the insurance contracts recorded for the organization in Qonto."
        ),
        description_fr=(
            "Permet à l'application de lire les contrats d'assurance enregistrés pour "
            "la société dans Qonto."
        ),
        # Contracts may name insured people: sensitive, by the when-in-doubt rule.
        sensitive=True,
    ),
    Scope(
        name="insurance_contract.write",
        group=_G.OTHER,
        label_en="Record insurance contracts",
        label_fr="Enregistrer des contrats d'assurance",
        description_en=(
            "Lets the app record insurance contracts for the organization in Qonto and update them."
        ),
        description_fr=(
            "Permet à l'application d'enregistrer des contrats d'assurance pour la société "
            "dans Qonto et de les mettre à jour."
        ),
        sensitive=True,
    ),
    Scope(
        name="webhook",
        group=_G.OTHER,
        label_en="Send notifications to a web address",
        label_fr="Envoyer des notifications à une adresse web",
        description_en=(
            "Lets the app subscribe a web address to Qonto's notifications, for example to be "
            "told at once about each new transaction."
        ),
        description_fr=(
            "Permet à l'application d'abonner une adresse web aux notifications de Qonto, par "
            "exemple pour être averti de chaque nouvelle transaction."
        ),
        # Sends the organization's data to an address outside Qonto.
        sensitive=True,
    ),
)

_ALWAYS = ("openid", "offline_access")

# The facts sheet's "sensible preset for an accountant who only reads".
DEFAULT_SCOPES: tuple[str, ...] = (
    "openid",
    "offline_access",
    "membership.read",
    "organization.read",
    "attachment.read",
)

PRESETS: tuple[Preset, ...] = (
    Preset(
        key="bookkeeping",
        label_en="Bookkeeping, read only",
        label_fr="Comptabilité, lecture seule",
        description_en=(
            "Reads bank accounts, balances, transactions and statements, and who is connected. "
            "Nothing can be changed and no money can move."
        ),
        description_fr=(
            "Lit les comptes, soldes, transactions et relevés, ainsi que la personne connectée. "
            "Rien ne peut être modifié et aucun argent ne peut bouger."
        ),
        scopes=("openid", "offline_access", "membership.read", "organization.read"),
    ),
    Preset(
        key="bookkeeping_attachments",
        label_en="Bookkeeping with documents, read only",
        label_fr="Comptabilité avec justificatifs, lecture seule",
        description_en=(
            "Everything in read-only bookkeeping, plus the receipts attached to transactions "
            "and the supplier and client invoices, which is what an accountant needs to match "
            "each payment with its document. Nothing can be changed and no money can move."
        ),
        description_fr=(
            "Tout ce que permet la comptabilité en lecture seule, plus les justificatifs joints "
            "aux transactions et les factures fournisseurs et clients, ce qu'il faut à un "
            "comptable pour rapprocher chaque paiement de sa pièce. Rien ne peut être modifié "
            "et aucun argent ne peut bouger."
        ),
        scopes=(
            "openid",
            "offline_access",
            "membership.read",
            "organization.read",
            "attachment.read",
            "client_invoices.read",
            "supplier_invoice.read",
        ),
    ),
    Preset(
        key="read_everything",
        label_en="Read everything",
        label_fr="Tout consulter",
        description_en=(
            "Every permission that only reads the organization's data, for scripts that report "
            "on all of it. Nothing can be changed and no money can move."
        ),
        description_fr=(
            "Toutes les autorisations qui ne font que lire les données de la société, pour "
            "des scripts qui en rendent compte. Rien ne peut être modifié et aucun argent ne "
            "peut bouger."
        ),
        # Every ".read" in the catalogue except user_organization.read: Qonto grants that one
        # only to apps it approved for the User OAuth flow, so asking for it would make the
        # whole connection fail with invalid_scope for everyone else.
        scopes=tuple(
            scope.name
            for scope in CATALOGUE
            if scope.name in _ALWAYS
            or (scope.name.endswith(".read") and scope.name != "user_organization.read")
        ),
    ),
)
