"""Look up, check and format Qonto's OAuth permissions (scopes).

The data (every scope in plain English and French, the groups, the presets) lives in
:mod:`qonto_desktop.qonto.scope_catalogue`; this module is what the rest of the app calls:
``get``, ``label``, ``description``, ``preset``, ``validate``, ``parse`` and ``join``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from qonto_desktop.i18n.message import COMMAS, N_, Message, Text, listing
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto.scope_catalogue import (
    CATALOGUE,
    DEFAULT_SCOPES,
    PRESETS,
    Preset,
    Scope,
    ScopeGroup,
)

__all__ = [
    "CATALOGUE",
    "DEFAULT_SCOPES",
    "PRESETS",
    "MalformedScopeError",
    "NoScopesError",
    "Preset",
    "Scope",
    "ScopeGroup",
    "UnknownPresetError",
    "UnknownScopeError",
    "by_group",
    "description",
    "get",
    "join",
    "label",
    "parse",
    "preset",
    "suggest",
    "validate",
]

_BY_NAME: dict[str, Scope] = {scope.name: scope for scope in CATALOGUE}
_ORDER: dict[str, int] = {scope.name: index for index, scope in enumerate(CATALOGUE)}
_PRESETS_BY_KEY: dict[str, Preset] = {item.key: item for item in PRESETS}

# RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), i.e. printable ASCII
# without space, double quote or backslash.
_SCOPE_TOKEN = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+")

# Spellings Qonto refuses, with the one it accepts (facts sheet, "Scopes"). difflib would
# send request_review.read to request_review.write, a permission to approve payments, when
# what the user wanted, reading requests, comes with organization.read.
_DID_YOU_MEAN = N_('"{name}" (did you mean "{close}"?)')
_KNOWN_MISTAKES: dict[str, str] = {
    "client_invoice.read": "client_invoices.read",
    "client_invoices.write": "client_invoice.write",
    "request_review.read": "organization.read",
}


class UnknownScopeError(ConfigurationError):
    """One or more permission names are not in the catalogue.

    Attributes:
        unknown: Every unknown name, in the order given.
        suggestions: For each unknown name with a close catalogue name, that name.
    """

    code = "unknown_scope"
    message = N_("The app does not know this permission.")
    next_action = N_(
        "Check the spelling against the permissions listed in the app; names are case-sensitive."
    )

    def __init__(self, unknown: Iterable[str]) -> None:
        self.unknown: tuple[str, ...] = tuple(unknown)
        self.suggestions: dict[str, str] = {}
        for name in self.unknown:
            close = suggest(name)
            if close is not None:
                self.suggestions[name] = close
        parts: list[Text] = [
            Message(_DID_YOU_MEAN, name=name, close=self.suggestions[name])
            if name in self.suggestions
            else f'"{name}"'
            for name in self.unknown
        ]
        one = N_("The app does not know the permission {names}.")
        several = N_("The app does not know the permissions {names}.")
        template = one if len(parts) == 1 else several
        super().__init__(Message(template, names=listing(parts, COMMAS)))


class UnknownPresetError(ConfigurationError):
    """A preset key is not one of :data:`PRESETS`.

    Attributes:
        key: The key asked for.
        valid: Every valid key, in display order.
    """

    code = "unknown_preset"
    next_action = N_("Choose one of the listed presets.")

    def __init__(self, key: str) -> None:
        self.key = key
        self.valid: tuple[str, ...] = tuple(item.key for item in PRESETS)
        template = N_('There is no permission preset "{key}". Valid presets: {valid}.')
        super().__init__(Message(template, key=key, valid=", ".join(self.valid)))


class NoScopesError(ConfigurationError):
    """The list of permissions is empty."""

    code = "no_scopes"
    message = N_("Choose at least one permission.")
    next_action = N_("Tick the permissions the app should ask Qonto for, or pick a preset.")


class MalformedScopeError(ConfigurationError):
    """A permission name is empty or has characters no scope may contain (RFC 6749 §3.3).

    Attributes:
        names: The offending names, in the order given.
    """

    code = "malformed_scope"
    next_action = N_(
        "Write one permission per entry, without spaces or quotes, such as organization.read."
    )

    def __init__(self, names: Iterable[str]) -> None:
        self.names: tuple[str, ...] = tuple(names)
        parts = [f'"{name}"' if name else Message(N_("an empty name")) for name in self.names]
        one = N_("Not a valid permission name: {shown}.")
        several = N_("Not valid permission names: {shown}.")
        template = one if len(self.names) == 1 else several
        super().__init__(Message(template, shown=listing(parts, COMMAS)))


def suggest(name: str) -> str | None:
    """The catalogue name closest to a misspelt one, if any is close enough.

    Args:
        name: A name that is not in the catalogue.

    Returns:
        The accepted spelling for a spelling Qonto is known to refuse, otherwise the closest
        catalogue name found by :mod:`difflib` (ignoring case), or ``None``.
    """
    if name in _KNOWN_MISTAKES:
        return _KNOWN_MISTAKES[name]
    matches = difflib.get_close_matches(name.strip().lower(), _BY_NAME, n=1, cutoff=0.8)
    return matches[0] if matches else None


def get(name: str) -> Scope:
    """The catalogue entry of one scope.

    Args:
        name: The exact scope name, such as ``"organization.read"``.

    Raises:
        UnknownScopeError: The name is not in the catalogue (never ``KeyError``).
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownScopeError((name,)) from None


def label(name: str, language: str) -> str:
    """The short label of a scope in ``"en"`` or ``"fr"``; English for any other language.

    Raises:
        UnknownScopeError: The name is not in the catalogue.
    """
    return get(name).label(language)


def description(name: str, language: str) -> str:
    """The one-sentence description of a scope in ``"en"`` or ``"fr"``; English otherwise.

    Raises:
        UnknownScopeError: The name is not in the catalogue.
    """
    return get(name).description(language)


def by_group() -> tuple[tuple[ScopeGroup, tuple[Scope, ...]], ...]:
    """The catalogue split under its headings, both in display order, for a grouped picker."""
    return tuple(
        (group, tuple(scope for scope in CATALOGUE if scope.group is group)) for group in ScopeGroup
    )


def preset(key: str) -> Preset:
    """The preset with this key.

    Raises:
        UnknownPresetError: No preset has this key; the error lists the valid ones.
    """
    try:
        return _PRESETS_BY_KEY[key]
    except KeyError:
        raise UnknownPresetError(key) from None


def validate(names: Iterable[str], *, allow_unknown: bool = False) -> tuple[str, ...]:
    """Clean a choice of permissions into what the app sends to Qonto.

    Strips each name, drops duplicates and puts the names in catalogue order; unknown names,
    when allowed, follow in the order given (Qonto may add scopes before this catalogue does).

    Args:
        names: Scope names, one per item (use :func:`parse` for a space-separated string).
        allow_unknown: Keep names the catalogue does not know instead of refusing them.

    Returns:
        The cleaned names.

    Raises:
        MalformedScopeError: A name is empty or contains a space or another character that
            RFC 6749 §3.3 forbids; every such name is listed.
        NoScopesError: There is no name at all.
        UnknownScopeError: Unknown names while ``allow_unknown`` is false; every unknown name
            is listed, with a suggestion where one is close.
    """
    if isinstance(names, str):
        # A lone string would be read letter by letter.
        raise TypeError("validate() takes a collection of names; use parse() on a scope string")
    cleaned = [name.strip() for name in names]
    malformed = [name for name in cleaned if not _SCOPE_TOKEN.fullmatch(name)]
    if malformed:
        raise MalformedScopeError(malformed)
    unique = list(dict.fromkeys(cleaned))
    if not unique:
        raise NoScopesError
    unknown = [name for name in unique if name not in _BY_NAME]
    if unknown and not allow_unknown:
        raise UnknownScopeError(unknown)
    known = sorted((name for name in unique if name in _BY_NAME), key=_ORDER.__getitem__)
    return (*known, *unknown)


def parse(scope_string: str) -> tuple[str, ...]:
    """Split an OAuth scope string into names, without checking them.

    RFC 6749 §3.3 separates scopes with single spaces; any run of whitespace is accepted
    here, so a string typed by hand or copied across lines also works.
    """
    return tuple(scope_string.split())


def join(names: Iterable[str]) -> str:
    """Make the space-separated scope string of RFC 6749 §3.3, keeping the given order.

    Raises:
        MalformedScopeError: A name is empty or contains a character a scope may not contain,
            which would make the string mean something else.
    """
    items = tuple(names)
    malformed = [name for name in items if not _SCOPE_TOKEN.fullmatch(name)]
    if malformed:
        raise MalformedScopeError(malformed)
    return " ".join(items)
