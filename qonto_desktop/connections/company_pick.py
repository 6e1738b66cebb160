"""Which companies of a user-access sign-in to add: ``all``, or a list of IDs or SIRENs.

The command line takes the choice before the browser opens (:func:`parse_choice`), so that a
malformed one costs no sign-in, and applies it to the list Qonto answered (:func:`pick`).
"""

from __future__ import annotations

import re

from qonto_desktop.connections.companies import Company, CompanyChoice
from qonto_desktop.errors import ConfigurationError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.message import COMMAS, N_, Message, listing

ALL = "all"
_SPACES = re.compile(r"[\s.]")
_MAX_LISTED = 10


class CompanyChoiceError(ConfigurationError):
    """The list of companies to add cannot be read (an empty entry, or nothing at all)."""

    code = "company_choice"
    message = N_("The list of companies to add is empty or has an empty entry.")
    next_action = N_(
        "Give `all`, or company IDs or SIRENs separated by commas, e.g. `all` or "
        "`843217654,912543089`."
    )


class NoCompanyReachedError(ConfigurationError):
    """Qonto listed no company for this sign-in: there is nothing to add."""

    code = "no_company_reached"
    message = N_("This sign-in reaches no company, so none was added.")
    next_action = N_(
        "Connect again and tick at least one company on Qonto's consent page; if none is "
        "offered there, ask each company to invite you in Qonto."
    )


class NoSuchCompanyError(ConfigurationError):
    """Some entries of the choice name no company the sign-in reached; nothing was added."""

    code = "no_such_company"
    message = N_("No company of this sign-in matches {entries}; nothing was added.")
    next_action = N_("Choose among {companies}, or give `all`; then connect again.")

    def __init__(self, entries: tuple[str, ...], choice: CompanyChoice) -> None:
        shown = [safe_text(entry, limit=40) for entry in entries[:_MAX_LISTED]]
        companies = [
            Message(N_("{name} ({number})"), name=safe_text(c.name, limit=60), number=_key(c))
            for c in choice.companies[:_MAX_LISTED]
        ]
        super().__init__(
            params={
                "entries": listing(shown, COMMAS),
                "companies": listing(companies, COMMAS) if companies else N_("no company"),
            }
        )
        self.entries = entries


def parse_choice(text: str | None) -> tuple[str, ...] | None:
    """The entries of a choice; ``None`` for every company (no choice, or ``all``).

    Raises:
        CompanyChoiceError: an empty entry, or only separators.
    """
    if text is None or text.strip().casefold() == ALL:
        return None
    entries = tuple(entry.strip() for entry in text.split(","))
    if not entries or any(not entry for entry in entries):
        raise CompanyChoiceError()
    return tuple(dict.fromkeys(entries))


def pick(choice: CompanyChoice, entries: tuple[str, ...] | None) -> tuple[Company, ...]:
    """The companies ``entries`` name, in Qonto's order; every one when ``entries`` is None.

    An entry matches a company's ID (any case) or its SIREN (spaces and dots ignored; a SIRET
    names its company by its first nine digits).

    Raises:
        NoCompanyReachedError: Qonto listed no company at all.
        NoSuchCompanyError: an entry matches nothing (then nothing is picked at all).
    """
    if not choice.companies:
        raise NoCompanyReachedError()
    if entries is None:
        return choice.companies
    unmatched = tuple(e for e in entries if not any(_matches(c, e) for c in choice.companies))
    if unmatched:
        raise NoSuchCompanyError(unmatched, choice)
    return tuple(c for c in choice.companies if any(_matches(c, e) for e in entries))


def _matches(company: Company, entry: str) -> bool:
    if entry.casefold() == company.id.casefold():
        return True
    number = _SPACES.sub("", entry)
    known = _SPACES.sub("", company.legal_number)
    if not number.isdigit() or not known:
        return False
    return number in (known, known[:9]) or number[:9] == known


def _key(company: Company) -> str:
    return safe_text(company.legal_number or company.id, limit=40)
