"""The emulator's pages in English or French, and how it picks one, as a web site would.

The language comes from the authorization request's ``ui_locales`` (OpenID Connect Core
§3.1.2.1: the app asks for its own language), else from the browser's ``Accept-Language``
(RFC 9110 §12.5.4), else English. A sign-in keeps the language it started with across its
pages. This is the emulator's presentation, not a rule of Qonto's (docs/qonto-facts.md,
"The emulator's pages and their language"). The emulator imports nothing of the app, so its
French is its own, here.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "fr")
DEFAULT: Final = "en"

# English text (the key, as the pages write it) -> French, written with plain apostrophes that
# :func:`say` turns typographic; a no-break space before "?" and ":".
_FRENCH: Final[dict[str, str]] = {
    # The frame
    "Qonto emulator": "Émulateur Qonto",
    # The error page
    "The request could not be processed": "La demande n'a pas pu être traitée",
    "The application that sent you here is not set up correctly. You can close this tab.": (
        "L'application qui vous a envoyé ici n'est pas configurée correctement. "
        "Vous pouvez fermer cet onglet."
    ),
    "Use GET for the authorization endpoint.": (
        "La demande d'autorisation doit être envoyée avec la méthode GET."
    ),
    "This sign-in has expired or was already used.": (
        "Cette connexion a expiré ou a déjà été utilisée."
    ),
    "Unknown action.": "Action inconnue.",
    "This request has expired or was already decided.": (
        "Cette demande a expiré ou a déjà reçu une réponse."
    ),
    "The OAuth 2.0 Client does not exist or its 'client_id' is invalid.": (
        "L'application cliente OAuth 2.0 n'existe pas ou son identifiant (client_id) est invalide."
    ),
    "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's "
    "pre-registered redirect urls.": (
        "L'adresse de retour (redirect_uri) ne correspond à aucune de celles enregistrées "
        "pour l'application cliente OAuth 2.0."
    ),
    # Sign-in
    "Sign in to Qonto": "Connexion à Qonto",
    "E-mail": "Adresse e-mail",
    "Password": "Mot de passe",
    "Demo account: {email} / password {password}": (
        "Compte de démonstration\u00a0: {email} / mot de passe {password}"
    ),
    "Sign in": "Se connecter",
    "Cancel": "Annuler",
    "Wrong e-mail or password.": "Adresse e-mail ou mot de passe incorrect.",
    # Consent
    "Allow access to your Qonto account?": "Autoriser l'accès à votre compte Qonto\u00a0?",
    "The application {client} asks to:": "L'application {client} demande à\u00a0:",
    "Choose the organizations this app may reach": (
        "Choisissez les sociétés auxquelles cette application peut accéder"
    ),
    "Choose an organization": "Choisissez une société",
    "Organization: {name}": "Société\u00a0: {name}",
    "Approve": "Autoriser",
    "Deny": "Refuser",
    "Choose at least one organization.": "Choisissez au moins une société.",
    "Choose one of your organizations.": "Choisissez l'une de vos sociétés.",
    # The sandbox gate and the fault page
    "Sign in | Qonto": "Connexion | Qonto",
    "Sign in to the Qonto sandbox through the Developer Portal to continue.": (
        "Connectez-vous au bac à sable Qonto depuis le portail des développeurs pour continuer."
    ),
    "Something went wrong. Please try again later.": (
        "Une erreur s'est produite. Veuillez réessayer plus tard."
    ),
}


def say(text: str, language: str, **values: str) -> str:
    """``text`` in ``language`` (English is the key itself), with ``{values}`` put in.

    Raises:
        KeyError: French asked for a text with no French: a gap the tests must catch.
    """
    chosen = french(_FRENCH[text]) if language == "fr" else text
    return chosen.format(**values) if values else chosen


def french(text: str) -> str:
    """French typography for the emulator's own texts: the typographic apostrophe."""
    return text.replace("'", "\u2019")


def english_texts() -> tuple[str, ...]:
    """Every text the pages may show, as the pages write it (English)."""
    return tuple(_FRENCH)


def pick(ui_locales: str | None, accept_language: str | None) -> str:
    """The pages' language: the first offered of ``ui_locales``, else of ``Accept-Language``.

    Args:
        ui_locales: the request's ``ui_locales``: language tags by preference, space-separated.
        accept_language: the browser's header, e.g. ``fr-FR,fr;q=0.9,en;q=0.8``.

    Returns:
        One of :data:`LANGUAGES`; English when neither names one.
    """
    for tag in (ui_locales or "").split():
        if (language := _primary(tag)) in LANGUAGES:
            return language
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0 and (language := _primary(tag)) in LANGUAGES:
            ranked.append((-weight, position, language))
    return min(ranked)[2] if ranked else DEFAULT


def _primary(tag: str) -> str:
    return tag.strip().lower().split("-", 1)[0].split("_", 1)[0]
