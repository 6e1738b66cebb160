"""setup_logging: one private rotating file, secrets masked, safe to call twice."""

from __future__ import annotations

import logging
import os
import stat
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from qonto_desktop.system.log_choice import LEVEL_VARIABLE
from qonto_desktop.system.log_safety import MESSAGE_LIMIT
from qonto_desktop.system.logs import (
    BACKUP_COUNT,
    CONSOLE_HANDLER_NAME,
    FILE_HANDLER_NAME,
    LOG_FILE_NAME,
    MAX_BYTES,
    DeferredFileHandler,
    setup_logging,
)
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.redaction import RedactingFilter

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX idea")
ACCESS = "ory_at_Vt3kQ9xLmZ2pR7sYc1dWfB8nHj4eUa6o.Xp0qLr5tYs9uVw3z"
IBAN = "FR7616958000010123456789012"


def ours(root: logging.Logger) -> list[logging.Handler]:
    """The handlers setup_logging installed."""
    return [h for h in root.handlers if h.name in {FILE_HANDLER_NAME, CONSOLE_HANDLER_NAME}]


def flush(root: logging.Logger) -> None:
    for handler in ours(root):
        handler.flush()


def test_the_file_goes_in_the_log_folder_of_the_app_home(
    app_home: Path, restore_root_logger: logging.Logger
) -> None:
    path = setup_logging()
    assert path == app_home.resolve() / "logs" / LOG_FILE_NAME
    logging.getLogger("qonto_desktop.test").info("hello %s", "world")
    flush(restore_root_logger)
    line = path.read_text(encoding="utf-8").splitlines()[-1]
    assert line.endswith(" INFO qonto_desktop.test: hello world")
    assert line[:4].isdigit()  # the time comes first


def test_explicit_paths_are_used(tmp_path: Path, restore_root_logger: logging.Logger) -> None:
    paths = AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "elsewhere" / "logs")
    assert setup_logging(paths) == tmp_path / "elsewhere" / "logs" / LOG_FILE_NAME
    logging.getLogger("qonto_desktop.test").warning("here")
    flush(restore_root_logger)
    assert (tmp_path / "elsewhere" / "logs" / LOG_FILE_NAME).is_file()


def test_the_file_is_opened_with_the_first_record_only(
    restore_root_logger: logging.Logger,
) -> None:
    path = setup_logging(level=logging.INFO)
    (handler,) = ours(restore_root_logger)
    logging.getLogger("qonto_desktop.test").debug("below the level")
    flush(restore_root_logger)
    assert path.parent.is_dir()  # the folder is made at once: a bad one fails at start
    assert not path.exists()
    assert isinstance(handler, DeferredFileHandler)
    assert handler.opened is None
    logging.getLogger("qonto_desktop.test").info("first")
    flush(restore_root_logger)
    assert path.read_text(encoding="utf-8").endswith(" INFO qonto_desktop.test: first\n")


def test_the_file_handler_rotates_at_one_mebibyte_and_keeps_five(
    restore_root_logger: logging.Logger,
) -> None:
    setup_logging()
    (deferred,) = ours(restore_root_logger)
    logging.getLogger("qonto_desktop.test").info("opens the file")
    assert isinstance(deferred, DeferredFileHandler)
    handler = deferred.opened
    assert isinstance(handler, RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUP_COUNT)
    assert (MAX_BYTES, BACKUP_COUNT) == (1024 * 1024, 5)
    assert handler.encoding == "utf-8"


def test_rotation_happens_past_one_mebibyte(restore_root_logger: logging.Logger) -> None:
    path = setup_logging()
    log = logging.getLogger("qonto_desktop.test")
    chunk = "bavardage " * 150  # 1,500 characters: a record is capped at MESSAGE_LIMIT
    assert len(chunk) <= MESSAGE_LIMIT
    for _ in range(800):
        log.info(chunk)
    flush(restore_root_logger)
    backup = path.with_name(LOG_FILE_NAME + ".1")
    assert backup.is_file()
    assert backup.stat().st_size <= MAX_BYTES
    assert path.stat().st_size <= MAX_BYTES
    assert not path.with_name(LOG_FILE_NAME + ".2").exists()  # 1.2 MB makes one backup


@POSIX
def test_the_folder_and_every_file_are_private(restore_root_logger: logging.Logger) -> None:
    previous = os.umask(0o022)  # a typical umask, which would give 0644 files
    try:
        path = setup_logging()
        for letter in "xy":  # 1.2 MB in all: rotates once
            for _ in range(400):
                logging.getLogger("qonto_desktop.test").info(letter * 1500)
        flush(restore_root_logger)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_name(LOG_FILE_NAME + ".1").stat().st_mode) == 0o600


@POSIX
def test_an_existing_folder_and_file_are_made_private(app_home: Path) -> None:
    folder = app_home / "logs"
    folder.mkdir(parents=True, mode=0o755)
    (folder / LOG_FILE_NAME).write_text("old line\n", encoding="utf-8")
    (folder / LOG_FILE_NAME).chmod(0o644)
    folder.chmod(0o755)
    path = setup_logging()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").startswith("old line\n")  # appended, not replaced


def test_calling_twice_installs_one_file_handler(restore_root_logger: logging.Logger) -> None:
    first = setup_logging()
    (handler,) = ours(restore_root_logger)
    assert setup_logging() == first
    assert ours(restore_root_logger) == [handler]
    logging.getLogger("qonto_desktop.test").warning("once")
    flush(restore_root_logger)
    assert first.read_text(encoding="utf-8").count("once") == 1


def test_a_new_path_replaces_the_file_handler(
    tmp_path: Path, restore_root_logger: logging.Logger
) -> None:
    first = setup_logging()
    (old,) = ours(restore_root_logger)
    logging.getLogger("qonto_desktop.test").warning("before the move")
    second = setup_logging(AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "other"))
    (new,) = ours(restore_root_logger)
    assert new is not old
    assert isinstance(old, DeferredFileHandler)
    assert isinstance(old.opened, RotatingFileHandler)
    assert old.opened.stream is None  # closed
    logging.getLogger("qonto_desktop.test").warning("after the move")
    flush(restore_root_logger)
    assert "after the move" in second.read_text(encoding="utf-8")
    assert "after the move" not in first.read_text(encoding="utf-8")


def test_handlers_it_did_not_install_are_left_alone(restore_root_logger: logging.Logger) -> None:
    foreign = logging.NullHandler()
    restore_root_logger.addHandler(foreign)
    setup_logging()
    setup_logging(console=True)
    setup_logging()
    assert foreign in restore_root_logger.handlers
    assert foreign.filters == []


def test_the_console_shows_warnings_briefly_and_can_be_removed(
    restore_root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(console=True)
    setup_logging(console=True)
    assert sorted(h.name or "" for h in ours(restore_root_logger)) == sorted(
        [CONSOLE_HANDLER_NAME, FILE_HANDLER_NAME]
    )
    log = logging.getLogger("qonto_desktop.test")
    log.info("quiet")
    log.warning("loud with %s", ACCESS)
    err = capsys.readouterr().err
    assert "quiet" not in err
    assert "WARNING qonto_desktop.test: loud with [redacted]\n" in err
    assert ACCESS not in err
    setup_logging(console=False)
    assert [h.name for h in ours(restore_root_logger)] == [FILE_HANDLER_NAME]


def test_every_handler_it_installs_carries_the_redaction_filter(
    restore_root_logger: logging.Logger,
) -> None:
    setup_logging(console=True)
    handlers = ours(restore_root_logger)
    assert len(handlers) == 2
    for handler in handlers:
        assert any(isinstance(f, RedactingFilter) for f in handler.filters)


def test_secrets_from_any_logger_are_masked_in_the_file(
    restore_root_logger: logging.Logger,
) -> None:
    path = setup_logging(level=logging.DEBUG)
    logging.getLogger("urllib3.connectionpool").debug(
        '"GET /callback?code=%s&state=%s HTTP/1.1" 200', "ory_ac_abcDEF123", "st-4f9a1c2b7e"
    )
    logging.getLogger("qonto_desktop.qonto.api").info("account %s", IBAN)
    try:
        raise RuntimeError(f"refused Bearer {ACCESS}")
    except RuntimeError:
        logging.getLogger("qonto_desktop.test").exception("call failed")
    flush(restore_root_logger)
    text = path.read_text(encoding="utf-8")
    for secret in ("ory_ac_abcDEF123", "st-4f9a1c2b7e", IBAN, ACCESS, "16958000010123456789"):
        assert secret not in text
    assert "code=[redacted]&state=[redacted]" in text
    assert "account FR76 •••• 9012" in text
    assert "RuntimeError: refused Bearer [redacted]" in text
    assert "Traceback (most recent call last)" in text


def test_the_level_defaults_to_info(restore_root_logger: logging.Logger) -> None:
    path = setup_logging()
    assert restore_root_logger.level == logging.INFO
    logging.getLogger("qonto_desktop.test").debug("hidden detail")
    logging.getLogger("qonto_desktop.test").info("shown")
    flush(restore_root_logger)
    assert "hidden detail" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "expected"), [("DEBUG", logging.DEBUG), ("error", 40)])
def test_the_environment_variable_overrides_the_level(
    monkeypatch: pytest.MonkeyPatch,
    restore_root_logger: logging.Logger,
    value: str,
    expected: int,
) -> None:
    monkeypatch.setenv(LEVEL_VARIABLE, value)
    path = setup_logging(level=logging.WARNING)
    assert restore_root_logger.level == expected
    logging.getLogger("qonto_desktop.test").debug("debug detail")
    logging.getLogger("qonto_desktop.test").error("an error")
    flush(restore_root_logger)
    assert ("debug detail" in path.read_text(encoding="utf-8")) is (expected == logging.DEBUG)


def test_a_wrong_level_name_is_ignored_and_said(
    monkeypatch: pytest.MonkeyPatch, restore_root_logger: logging.Logger
) -> None:
    monkeypatch.setenv(LEVEL_VARIABLE, "chatty")
    path = setup_logging(level=logging.INFO)
    assert restore_root_logger.level == logging.INFO
    flush(restore_root_logger)
    assert f"Ignored {LEVEL_VARIABLE}='chatty'" in path.read_text(encoding="utf-8")


def test_a_log_file_that_cannot_be_opened_does_not_stop_the_run(
    app_home: Path, restore_root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging()
    path.mkdir()  # something in the way: the file cannot be opened
    logging.getLogger("qonto_desktop.test").warning("first")  # does not raise
    logging.getLogger("qonto_desktop.test").warning("second")
    (handler,) = ours(restore_root_logger)
    assert isinstance(handler, DeferredFileHandler)
    assert handler.opened is None
    said = capsys.readouterr().err
    # One plain line, said once: no traceback in the user's terminal.
    assert said.count("could not be opened") == 1
    assert "Traceback" not in said
    assert "Logging error" not in said
