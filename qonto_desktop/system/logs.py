"""The app's log: one rotating file in the log folder, secrets masked on the way in.

Every module logs through ``logging.getLogger(__name__)``; :func:`setup_logging`, called once
at start-up, decides where those records go. Each handler it installs carries a
:class:`SafeLogFilter`, so records from any logger (the app's, or a library's such as urllib3's)
are masked before they are written, and made display-safe: a name sent by a server cannot add a
fake log line, move a terminal's cursor or fill the file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from qonto_desktop.i18n.display import safe_text
from qonto_desktop.system.log_choice import LEVEL_VARIABLE, asked_level
from qonto_desktop.system.log_safety import SafeLogFilter
from qonto_desktop.system.paths import AppPaths, app_paths

LOG_FILE_NAME = "qonto-desktop.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5

FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"

# Handler names mark the handlers this module installed, so a second call finds them.
FILE_HANDLER_NAME = "qonto_desktop.file"
CONSOLE_HANDLER_NAME = "qonto_desktop.console"

logger = logging.getLogger(__name__)


class DeferredFileHandler(logging.Handler):
    """The rotating, private log file, opened with the first record that reaches it.

    Until then nothing is opened and ``logging.handlers`` is not imported. Records come here
    already past the level and this handler's filters; the file handler, once open, writes
    them with this handler's formatter.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = os.fspath(path)  # the name logging's file handlers give it
        self.opened: logging.Handler | None = None  # the rotating file handler, once open
        self.failed = False  # the file could not be opened: said once, then records dropped

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the file, opening it first if this is the first record."""
        if self.failed:
            return
        try:
            if self.opened is None:
                from qonto_desktop.system.log_rotation import (  # noqa: PLC0415 (see above)
                    PrivateRotatingFileHandler,
                )

                self.opened = PrivateRotatingFileHandler(
                    self.baseFilename,
                    maxBytes=MAX_BYTES,
                    backupCount=BACKUP_COUNT,
                    encoding="utf-8",
                )
            self.opened.formatter = self.formatter
        except OSError as exc:  # one plain line, never a traceback; the run goes on
            self.failed = True
            reason = safe_text(exc.strerror or type(exc).__name__)
            print(
                f"The log file {safe_text(self.baseFilename)} could not be opened ({reason}); "
                "the app goes on without it.",
                file=sys.stderr,
            )
            return
        self.opened.emit(record)

    def flush(self) -> None:
        """Flush the file, if it was opened."""
        self.acquire()
        try:
            if self.opened is not None:
                self.opened.flush()
        finally:
            self.release()

    def close(self) -> None:
        """Close the file, if it was opened."""
        self.acquire()
        try:
            if self.opened is not None:
                self.opened.close()
        finally:
            self.release()
        super().close()


def setup_logging(
    paths: AppPaths | None = None, *, level: int = logging.INFO, console: bool = False
) -> Path:
    """Send the app's log records to a rotating file, and optionally warnings to stderr.

    The file is opened with the first record that passes the level, not before: a run that
    logs nothing (``token`` with a cached token) neither opens it nor loads the rotating
    handler (``logging.handlers``, with ``pickle``).

    Calling it again does not add handlers: it keeps its file handler when the path is the
    same, replaces it when the path changed, and adds or removes its console handler to match
    ``console``. Handlers it did not install are left alone.

    Args:
        paths: the app's folders (default :func:`~qonto_desktop.system.paths.app_paths`, which
            honours ``QONTO_DESKTOP_HOME``).
        level: the root logger's level; ``QONTO_DESKTOP_LOG_LEVEL`` (``DEBUG``, ``INFO``...)
            overrides it.
        console: also print warnings and errors, briefly, on stderr.

    Returns:
        The log file's path.

    Raises:
        OSError: the log folder or file cannot be created.
    """
    paths = paths or app_paths()
    log_file = paths.log_dir / LOG_FILE_NAME
    _make_private_folder(paths.log_dir)
    _make_private_file(log_file)
    root = logging.getLogger()
    chosen, ignored = _level_from_environment(level)
    root.setLevel(chosen)

    current = _installed(root, FILE_HANDLER_NAME)
    if current is None or Path(getattr(current, "baseFilename", "")) != log_file:
        _remove(root, current)
        file_handler = DeferredFileHandler(log_file)
        _install(root, file_handler, FILE_HANDLER_NAME, logging.Formatter(FILE_FORMAT))

    console_handler = _installed(root, CONSOLE_HANDLER_NAME)
    if console and console_handler is None:
        stderr_handler = logging.StreamHandler(sys.stderr)
        stderr_handler.setLevel(logging.WARNING)
        _install(root, stderr_handler, CONSOLE_HANDLER_NAME, logging.Formatter(CONSOLE_FORMAT))
    elif not console:
        _remove(root, console_handler)

    if ignored is not None:
        logger.warning("Ignored %s=%r: not a logging level", LEVEL_VARIABLE, ignored)
    return log_file


def _level_from_environment(default: int) -> tuple[int, str | None]:
    """Return the level to use, and the variable's value when it was not a level name."""
    value = asked_level()
    if not value:
        return default, None
    level = logging.getLevelNamesMapping().get(value.upper())
    if level is None:
        return default, value
    return level, None


def _make_private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)  # mkdir's mode passes through the umask, and not when it exists


def _make_private_file(path: Path) -> None:
    """A log file left from before is made private now, not only when it is next written."""
    if os.name == "posix":
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, 0o600)


def _installed(root: logging.Logger, name: str) -> logging.Handler | None:
    return next((handler for handler in root.handlers if handler.name == name), None)


def _install(
    root: logging.Logger, handler: logging.Handler, name: str, formatter: logging.Formatter
) -> None:
    handler.name = name
    handler.setFormatter(formatter)
    handler.addFilter(SafeLogFilter())
    root.addHandler(handler)


def _remove(root: logging.Logger, handler: logging.Handler | None) -> None:
    if handler is not None:
        root.removeHandler(handler)
        handler.close()
