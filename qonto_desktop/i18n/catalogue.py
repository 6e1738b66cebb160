"""The compiled gettext catalogues of the core's messages, read with the standard library.

The catalogue is ``locale/<language>/LC_MESSAGES/qonto_desktop.mo`` beside this module (package
data); its source is the ``.po`` next to it, made from ``locale/qonto_desktop.pot``. After
changing a message in the code, regenerate all three in one command (Babel, a dev tool)::

    .venv/bin/python -m qonto_desktop.i18n.regenerate

then translate the new entries of the ``.po`` and run it again to compile the ``.mo``.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from qonto_desktop.i18n.languages import DEFAULT, offered
from qonto_desktop.i18n.typography import typeset

DOMAIN = "qonto_desktop"
LOCALE_DIR = Path(__file__).with_name("locale")


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language`` (one of the offered languages); empty when it has none."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def available(language: str) -> bool:
    """True when the compiled catalogue of ``language`` ships with the app."""
    return isinstance(translations(language), gettext.GNUTranslations)


def lookup(template: str, language: str) -> str:
    """The translation of ``template`` in ``language``, French typography applied once here.

    Any language but French, and any template the catalogue lacks, gives the English back.
    Nothing is cached per text (a literal message may be any text: an OS message, a path), so
    memory stays bounded; ``typeset`` keeps its own bounded cache.
    """
    chosen = offered(language)
    if chosen == DEFAULT or not template:  # gettext("") is the catalogue's header
        return template
    translated = translations(chosen).gettext(template)
    if translated == template:
        return template
    return typeset(translated) if chosen == "fr" else translated
