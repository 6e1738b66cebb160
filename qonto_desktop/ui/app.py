"""Starting the window: the Qt application, its language, its icon, and demo mode."""

from __future__ import annotations

import contextlib
import locale
import logging
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

# Our pure modules before PySide6: once it is loaded, its import hook looks at every import.
from qonto_desktop import APP_NAME, __version__
from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.month_end_service import DeskMonthEnd
from qonto_desktop.system.resources import resource_path

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from qonto_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")


def choose_language(settings: Mapping[str, Any], system: str | None = None) -> str:
    """The UI language: the override in the settings, else the system's when it is French."""
    chosen = settings.get("language")
    if chosen in LANGUAGES:
        return str(chosen)
    name = system if system is not None else QLocale.system().name()
    return "fr" if name.lower().startswith("fr") else "en"


def install_translator(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's translation for ``language``, and Qt's own for its standard texts.

    Returns:
        The translators installed (none for English), so that they can be removed.
    """
    if language == "en":
        return []
    installed: list[QTranslator] = []
    sources = (
        (str(resource_path("translations", f"qonto_desktop_{language}.qm")), ""),
        # Qt's own words: standard buttons, text fields' context menus, file dialogs.
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder) if folder else translator.load(name):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation %s for %s", name, language)
    return installed


@contextlib.contextmanager
def _desk(demo: bool) -> Iterator[tuple[Desk, Callable[[], Desk] | None]]:
    """The desk, and in demo mode what switches it to the demo firm."""
    if demo:
        # The emulator and the HTTP stack it pulls in load only in demo mode.
        from qonto_desktop.connections.demo import DemoMode  # noqa: PLC0415

        mode = DemoMode()
        with mode as desk:
            yield desk, mode.become_firm
    else:
        yield open_desk(), None


def app_window(
    desk: Desk,
    *,
    demo: bool,
    language: str,
    demo_firm: Callable[[], Desk] | None = None,
    build_later: bool = True,
) -> MainWindow:
    """The app's main window, given the month-end work on the desk it uses."""
    # The month end works on the window's desk of the moment (in demo mode, the demo firm's
    # once opened); it is asked at each call, long after the window exists.
    month_end = DeskMonthEnd(lambda: window.desk)
    window = MainWindow(
        desk,
        demo=demo,
        language=language,
        build_later=build_later,
        demo_firm=demo_firm,
        month_end=month_end,
    )
    return window


def run_window(*, demo: bool, argv: Sequence[str] | None = None) -> int:
    """Show the main window until it closes; return the exit code."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)  # noqa: S101 - a QCoreApplication cannot show windows
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_ALL, "")
    with _desk(demo) as (desk, demo_firm):
        language = choose_language(desk.settings)
        install_translator(app, language)
        # The shell shows first; the connection pane is built just after its first frame.
        window = app_window(desk, demo=demo, language=language, demo_firm=demo_firm)
        window.show()
        return int(app.exec())
