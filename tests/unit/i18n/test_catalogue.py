"""The French catalogue: complete, placeholder for placeholder, and in step with the code."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

import qonto_desktop
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n import catalogue, regenerate
from qonto_desktop.i18n.typography import NBSP
from qonto_desktop.oauth.errors import AccessDeniedError
from qonto_desktop.store.backends import storage_advice

PACKAGE = Path(qonto_desktop.__file__).parent
FRENCH = regenerate.po_path("fr")


@pytest.fixture(scope="module")
def extracted() -> Catalog:
    return regenerate.extract()


@pytest.fixture(scope="module")
def french() -> Catalog:
    return regenerate.read(FRENCH, "fr")


def ids(catalog: Catalog) -> set[str]:
    return {str(message.id) for message in catalog if message.id}


def error_classes() -> list[type[QontoDesktopError]]:
    """Every error class of the core, found by importing each module outside the UI."""
    for info in pkgutil.walk_packages(qonto_desktop.__path__, prefix="qonto_desktop."):
        if not info.name.startswith("qonto_desktop.ui"):
            importlib.import_module(info.name)
    found: set[type[QontoDesktopError]] = set()
    todo: list[type[QontoDesktopError]] = [QontoDesktopError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    core = (c for c in found if c.__module__.startswith("qonto_desktop."))  # not the tests'
    return sorted(
        (c for c in core if not c.__module__.startswith("qonto_desktop.ui")),
        key=lambda c: (c.__module__, c.__qualname__),
    )


# --- Every message the user can see has its French --------------------------------------------


def test_every_template_in_the_code_has_french(extracted: Catalog, french: Catalog) -> None:
    assert len(ids(extracted)) > 150  # the extraction sees the package
    assert regenerate.missing(ids(extracted), french) == []
    assert regenerate.problems(french) == []


def test_the_error_tree_is_found() -> None:
    names = {cls.__name__ for cls in error_classes()}
    assert {"PortUnavailableError", "IndexProblem", "SettingsFileError", "ApiError"} <= names
    assert len(names) > 50


def test_every_error_class_text_is_a_template_with_french(extracted: Catalog) -> None:
    known = ids(extracted)
    unmarked: list[str] = []
    unchanged: list[str] = []
    for cls in error_classes():
        for attribute in ("message", "next_action"):
            text: str = getattr(cls, attribute)
            where = f"{cls.__module__}.{cls.__qualname__}.{attribute}: {text!r}"
            if text not in known:
                unmarked.append(where)
            elif catalogue.lookup(text, "fr") == text:
                unchanged.append(where)
    assert unmarked == [], "not marked with N_:\n" + "\n".join(unmarked)
    assert unchanged == [], "French equal to the English for:\n" + "\n".join(unchanged)


def error_names() -> set[str]:
    return {cls.__name__ for cls in error_classes()}


def given_texts(call: ast.Call, errors: set[str]) -> list[ast.expr]:
    """The message and next action a call passes to an error's constructor, if it is one."""
    func = call.func
    if not (isinstance(func, ast.Name) and func.id in errors):
        return []
    return [*call.args[:1], *(k.value for k in call.keywords if k.arg == "next_action")]


def message_templates(call: ast.Call) -> list[ast.expr]:
    """The template given to ``Message(...)`` or ``Term(...)``, if the call is one."""
    func = call.func
    if isinstance(func, ast.Name) and func.id in {"Message", "Term"}:
        return call.args[:1]
    return []


def unmarked_lines(source: str, errors: set[str]) -> list[int]:
    """Lines where a literal text reaches an error or a message without ``N_``: never French."""
    found: list[int] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        for text in [*given_texts(node, errors), *message_templates(node)]:
            if isinstance(text, ast.JoinedStr) or (
                isinstance(text, ast.Constant) and isinstance(text.value, str)
            ):
                found.append(text.lineno)
    return found


def test_no_error_is_given_a_finished_english_sentence() -> None:
    errors = error_names()
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in path.relative_to(PACKAGE).parts
        for line in unmarked_lines(path.read_text(encoding="utf-8"), errors)
    ]
    assert found == []


def test_the_scan_finds_an_unmarked_text() -> None:
    source = "\n".join(
        [
            'raise ConfigurationError(f"The port {port} is wrong.")',
            'raise ConfigurationError(N_("Fine."), next_action="Not marked.")',
            'Message("Not marked either {x}.", x=1)',
            'raise ConfigurationError(Message(N_("Marked {x}."), x=1), next_action=N_("Marked."))',
        ]
    )
    assert unmarked_lines(source, {"ConfigurationError"}) == [1, 2, 3]


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux", "sunos5"])
def test_the_secure_storage_advice_has_french(platform: str) -> None:
    advice = storage_advice(platform)
    assert catalogue.lookup(advice, "fr") != advice


# --- The checker catches a bad catalogue ------------------------------------------------------


def bad(msgid: str, msgstr: str) -> Catalog:
    catalog = Catalog(locale="fr", fuzzy=False)
    catalog.add(msgid, msgstr)
    return catalog


def test_a_missing_french_fails_the_check() -> None:
    assert regenerate.problems(bad("The keyring is locked.", "")) == [
        "no translation: 'The keyring is locked.'"
    ]
    assert regenerate.missing({"The keyring is locked."}, Catalog()) == ["The keyring is locked."]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("No connection matches '{query}'.", "Aucune connexion ne correspond à « {requete} »."),
        ("The keyring is locked.", "Le trousseau {name} est verrouillé."),  # one the English lacks
        ("Acme at port {port}.", "Acme."),  # one the French drops
        ("The {what} {url!r} is not valid.", "{what} {url} n'est pas valide."),  # conversion
        ("Within {seconds:g} seconds.", "Dans {seconds} secondes."),  # format
        ("Port {port}.", "Port {port."),  # malformed
    ],
)
def test_a_placeholder_mismatch_fails_the_check(msgid: str, msgstr: str) -> None:
    assert regenerate.problems(bad(msgid, msgstr)) == [
        f"placeholders differ: {msgid!r} -> {msgstr!r}"
    ]


def test_a_good_translation_passes_the_check() -> None:
    assert regenerate.problems(bad("Port {port}.", "Le port {port}.")) == []


# --- The committed files are what the code and the .po make -----------------------------------


def test_the_committed_template_is_what_the_code_holds(extracted: Catalog) -> None:
    committed = regenerate.read(regenerate.TEMPLATE)
    assert ids(committed) == ids(extracted), "run: python -m qonto_desktop.i18n.regenerate"
    assert regenerate.TEMPLATE.read_bytes() == regenerate.po_text(extracted)


def test_the_committed_french_has_exactly_the_code_templates(
    extracted: Catalog, french: Catalog
) -> None:
    assert ids(french) == ids(extracted), "run: python -m qonto_desktop.i18n.regenerate"


def test_the_committed_mo_is_compiled_from_the_po(french: Catalog) -> None:
    assert FRENCH.with_suffix(".mo").read_bytes() == regenerate.mo_bytes(french)


def test_regenerating_changes_nothing(extracted: Catalog, french: Catalog) -> None:
    again = regenerate.merged(extracted, "fr", regenerate.read(FRENCH, "fr"))
    assert regenerate.po_text(again) == FRENCH.read_bytes()


# --- Keyed by identity, typeset once ----------------------------------------------------------


def test_the_french_catalogue_ships_and_no_other() -> None:
    assert catalogue.available("fr")
    assert not catalogue.available("de")


def test_the_catalogue_is_keyed_by_the_template() -> None:
    french = catalogue.translations("fr").gettext(AccessDeniedError.message)
    assert french.startswith("La connexion a été refusée dans {service}")


def test_french_typography_is_applied_at_lookup_not_in_the_po(french: Catalog) -> None:
    written = [str(message.string) for message in french if message.id]
    assert not any(NBSP in text or "\u2019" in text for text in written)  # plain in the .po
    template = "That address is not the one {service} sends back after you approve."
    entry = french.get(template)
    assert entry is not None
    assert "'" in str(entry.string)
    shown = catalogue.lookup(template, "fr")
    assert "\u2019" in shown
    assert "'" not in shown
    assert catalogue.lookup("Wait a minute, then try again.", "fr") == (
        "Patientez une minute, puis réessayez."
    )


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return names | {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }


def test_no_translation_module_matches_english_with_patterns() -> None:
    folder = PACKAGE / "i18n"
    assert not (folder / "messages_fr.py").exists()
    assert not (folder / "messages_fr_data.py").exists()
    # French typography works on French text only; display-safe text escapes characters, in
    # any language: neither translates anything.
    not_translating = {"typography.py", "display.py"}
    for path in folder.glob("*.py"):
        if path.name not in not_translating:
            assert "re" not in imported(path), path.name
