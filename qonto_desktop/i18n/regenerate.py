"""Regenerate the core's gettext catalogues from the code: a maintainer's tool, needs Babel.

One command, from the project folder, after changing a message::

    .venv/bin/python -m qonto_desktop.i18n.regenerate

It extracts every ``N_("...")`` template of the package into ``locale/qonto_desktop.pot``,
merges that into each ``locale/<language>/LC_MESSAGES/qonto_desktop.po`` (a new message gets an
empty translation, a message gone from the code is dropped) and compiles each ``.po`` into its
``.mo``. Translate the empty entries, then run it again. The same steps with ``pybabel``
(its files carry line numbers and dates; running this module afterwards makes them even)::

    pybabel extract -k N_ --no-default-keywords --omit-header -o qonto_desktop/i18n/locale/qonto_desktop.pot qonto_desktop
    pybabel update -D qonto_desktop -d qonto_desktop/i18n/locale -i qonto_desktop/i18n/locale/qonto_desktop.pot -N --ignore-obsolete
    pybabel compile -D qonto_desktop -d qonto_desktop/i18n/locale

Files are written without line numbers and with fixed dates, so running it twice changes
nothing and ``tests/unit/i18n`` can compare them with what the code holds.
"""  # noqa: E501 - the commands are meant to be copied whole

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from string import Formatter

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from qonto_desktop.i18n.catalogue import DOMAIN, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATED = ("fr",)
# Fixed, so that regenerating an unchanged catalogue leaves its files byte for byte as they are.
_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_WIDTH = 100
_HEADER = """\
# The core's messages (errors, next actions, reasons), for gettext.
# Made by `python -m qonto_desktop.i18n.regenerate`; translations are edited by hand.
#"""


def po_path(language: str) -> Path:
    """Where the catalogue of ``language`` is kept, as text."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(package: Path = PACKAGE) -> Catalog:
    """Every template the code marks with ``N_``, as a catalogue without translations."""
    catalog = Catalog(
        project="qonto-desktop",
        creation_date=_DATE,
        revision_date=_DATE,
        header_comment=_HEADER,
        fuzzy=False,
    )
    found = extract_from_dir(
        str(package), method_map=[("**.py", "python")], keywords={"N_": None}, comment_tags=()
    )
    for filename, lineno, message, _comments, context in found:
        catalog.add(message, None, [(f"qonto_desktop/{filename}", lineno)], context=context)
    return catalog


def merged(template: Catalog, language: str, current: Catalog | None) -> Catalog:
    """``current`` brought in line with ``template``: new entries empty, stale ones dropped."""
    catalog = current or Catalog(locale=language, domain=DOMAIN, creation_date=_DATE)
    catalog.revision_date = _DATE
    catalog.header_comment = _HEADER
    catalog.fuzzy = False
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def po_text(catalog: Catalog) -> bytes:
    """A catalogue as ``.po``/``.pot`` text, sorted, without line numbers."""
    out = io.BytesIO()
    write_po(
        out, catalog, width=_WIDTH, sort_output=True, include_lineno=False, ignore_obsolete=True
    )
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """A catalogue compiled for :mod:`gettext`."""
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def read(path: Path, language: str | None = None) -> Catalog:
    """A ``.po`` or ``.pot`` file as a catalogue."""
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


Field = tuple[str, str | None, str]


def fields(text: str) -> set[Field] | None:
    """The placeholders of a template as (name, conversion, spec); None when it is malformed."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return None
    return {(name, conversion, spec or "") for _, name, spec, conversion in parsed if name}


def problems(catalog: Catalog) -> list[str]:
    """What is wrong with a translated catalogue: missing translations, placeholder mismatches.

    A translation must use exactly the placeholders of its template, with the same conversion
    and format (``{text!r}``, ``{seconds:g}``): one the English lacks cannot be filled, and one
    it drops loses a value the user needs.
    """
    found: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        msgid, msgstr = str(message.id), str(message.string or "")
        if not msgstr:
            found.append(f"no translation: {msgid!r}")
        elif message.fuzzy:
            found.append(f"fuzzy translation: {msgid!r}")
        elif fields(msgid) != fields(msgstr):
            found.append(f"placeholders differ: {msgid!r} -> {msgstr!r}")
    return found


def missing(ids: Iterable[str], catalog: Catalog) -> list[str]:
    """The templates among ``ids`` that ``catalog`` does not hold at all."""
    return sorted(msgid for msgid in set(ids) if msgid and catalog.get(msgid) is None)


def regenerate() -> list[Path]:
    """Write the template, then each language's ``.po`` and ``.mo``; return what was written."""
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(po_text(template))
    written = [TEMPLATE]
    for language in TRANSLATED:
        path = po_path(language)
        current = read(path, language) if path.exists() else None
        catalog = merged(template, language, current)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_text(catalog))
        mo = path.with_suffix(".mo")
        mo.write_bytes(mo_bytes(read(path, language)))
        written += [path, mo]
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the catalogues, say which files were written and what is left to translate."""
    del argv  # no options: one command does all of it
    for path in regenerate():
        print(path.relative_to(PACKAGE.parent))
    left = [
        f"{language}: {problem}"
        for language in TRANSLATED
        for problem in problems(read(po_path(language), language))
    ]
    for problem in left:
        print(problem, file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
