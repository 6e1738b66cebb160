"""The French of the errors' messages and next actions, for a window shown in French.

The errors themselves stay English (the core, the log and the command line speak English); the
window asks :func:`localized` for what to show. A text is looked up exactly, then against the
catalogue's templates (keys with ``{placeholders}``, compiled once into anchored patterns), then
as a template followed by a sentence some errors append, such as PortUnavailableError's
" (reason)". The app's own reasons are translated too; anything else, an OS message for one, is
kept as it is. An unknown text comes back unchanged: this never raises.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from string import Formatter

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.messages_fr_data import MESSAGES, REASONS, SUFFIXES, TERMS
from qonto_desktop.i18n.typography import NBSP, typeset
from qonto_desktop.qonto.scope_catalogue import in_language

__all__ = ["localized", "translate", "typeset"]

log = logging.getLogger(__name__)

_NBSP = NBSP
_FIELD = re.compile(r"\{(\w+)\}")
# What repr() makes of a str: single quotes unless it holds one and no double quote; escapes.
_REPR = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
_DID_YOU_MEAN = re.compile(r' \(did you mean "([^"]*)"\?\)')
_EMPTY_NAME = re.compile(r"(?:^|(?<=, ))an empty name(?=, |$)")
_UNVERIFIED = re.compile(r"Unverified connection (\S+)")
# A placeholder holding one of TERMS, which carries its article, so it may start the sentence.
_TERM_FIELD = "what"


def _fields(english: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return list(Formatter().parse(english))


@dataclass(frozen=True)
class _Template:
    """One catalogue key with placeholders, as a pattern, and its French."""

    pattern: re.Pattern[str]
    french: str
    numeric: frozenset[str]
    weight: int
    ending: str

    @classmethod
    def compile(cls, english: str, french: str) -> _Template:
        """Escape the literal parts; each placeholder becomes a named, non-greedy group."""
        parts: list[str] = []
        seen: set[str] = set()
        numeric: set[str] = set()
        weight = 0
        ending = ""
        for literal, name, spec, conversion in _fields(english):
            parts.append(re.escape(literal))
            weight += len(literal)
            ending = literal if name is None else ""
            if name is None:
                continue
            if name in seen:
                parts.append(f"(?P={name})")
                continue
            seen.add(name)
            parts.append(f"(?P<{name}>{_REPR if conversion == 'r' else '.+?'})")
            if spec:
                numeric.add(name)
        pattern = re.compile("".join(parts), re.DOTALL)
        return cls(pattern, typeset(french), frozenset(numeric), weight, ending)

    def render(self, match: re.Match[str]) -> str | None:
        """The French with the values put back; None when a value has no French."""
        values: dict[str, str] = {}
        for name, value in match.groupdict().items():
            french = _value(name, value, numeric=name in self.numeric)
            if french is None:
                return None
            values[name] = french
        text = _FIELD.sub(lambda field: values.get(field.group(1), field.group(0)), self.french)
        if self.french.startswith("{" + _TERM_FIELD + "}"):
            text = text[:1].upper() + text[1:]
        return text


class _Catalogue:
    """Exact texts in a dict; templates tried from the most specific (most literal text)."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.exact: dict[str, str] = {}
        templates: list[_Template] = []
        for english, french in entries.items():
            if any(name is not None for _, name, _, _ in _fields(english)):
                templates.append(_Template.compile(english, french))
            else:
                self.exact[english] = typeset(french)
        self.templates = sorted(templates, key=lambda template: -template.weight)

    def find(self, text: str) -> str | None:
        """The French of ``text``, or None."""
        exact = self.exact.get(text)
        if exact is not None:
            return exact
        for template in self.templates:
            match = template.pattern.fullmatch(text)
            if match is not None:
                french = template.render(match)
                if french is not None:
                    return french
        return None


def _message(text: str) -> str | None:
    """A message, or a message followed by one of the SUFFIXES; None when unknown."""
    for suffix in _SUFFIX_TEMPLATES:
        if not text.endswith(suffix.ending):
            continue
        # The leftmost cut whose head is a known message: a name or path may hold " (".
        for cut in range(1, len(text)):
            match = suffix.pattern.fullmatch(text, cut)
            if match is None:
                continue
            head = _MESSAGES.find(text[:cut])
            tail = suffix.render(match) if head is not None else None
            if head is not None and tail is not None:
                return head + tail
    return _MESSAGES.find(text)


def _reason(text: str) -> str:
    """The app's own reason in French; parts joined by "; " one by one; others unchanged."""
    found = _REASONS.find(text)
    if found is None:
        found = _message(text)
    if found is not None:
        return found
    parts = text.split("; ")
    if len(parts) > 1:
        french = [_reason(part) for part in parts]
        if french != parts:
            return (_NBSP + "; ").join(french)
    return text


def _suggestions(names: str) -> str:
    return _DID_YOU_MEAN.sub(lambda found: f' (vouliez-vous dire "{found[1]}"{_NBSP}?)', names)


def _shown(names: str) -> str:
    return _EMPTY_NAME.sub("un nom vide", names)


def _connection_name(name: str) -> str:
    unverified = _UNVERIFIED.fullmatch(name)
    return (
        name if unverified is None else f"une organisation non vérifiée (connexion {unverified[1]})"
    )


_TERMS = {english: typeset(french) for english, french in TERMS.items()}

# How a placeholder's value is put into French, by the placeholder's name in the catalogue.
_VALUES: dict[str, Callable[[str], str | None]] = {
    "reason": _reason,
    "problem": _reason,
    _TERM_FIELD: _TERMS.get,
    "names": _suggestions,
    "shown": _shown,
    "name": _connection_name,
}


def _value(name: str, value: str, *, numeric: bool) -> str | None:
    if numeric:
        return value.replace(".", ",")  # 2.5 secondes → 2,5 secondes
    convert = _VALUES.get(name)
    return value if convert is None else convert(value)


_MESSAGES = _Catalogue(MESSAGES)
_REASONS = _Catalogue(REASONS)
_SUFFIX_TEMPLATES = tuple(
    _Template.compile(english, french) for english, french in SUFFIXES.items()
)


def translate(text: str, language: str) -> str:
    """The French of an English message or next action, for a French ``language``.

    Args:
        text: A message or next action, as an error carries it.
        language: A language tag: ``"fr"``, ``"fr_FR"`` or ``"fr-BE"`` ask for French.

    Returns:
        The French text; ``text`` itself for any other language or an unknown text.
    """
    if in_language(language, "en", "fr") != "fr":
        return text
    try:
        found = _message(text)
    except Exception as exc:  # a message must always be shown, if need be in English
        log.warning("could not translate a message: %s", type(exc).__name__)
        return text
    return text if found is None else found


def localized(error: QontoDesktopError, language: str) -> tuple[str, str]:
    """An error's message and next action in ``language`` (French, or else unchanged)."""
    return translate(error.message, language), translate(error.next_action, language)
