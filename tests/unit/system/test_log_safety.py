"""SafeLogFilter: what a server or a user wrote reaches the log masked, on one short safe line."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from qonto_desktop.system.log_safety import ARGUMENT_LIMIT, MESSAGE_LIMIT, SafeLogFilter
from qonto_desktop.system.logs import FILE_HANDLER_NAME, setup_logging

ACCESS = "ory_at_Vt3kQ9xLmZ2pR7sYc1dWfB8nHj4eUa6o.Xp0qLr5tYs9uVw3z"
HOSTILE = "Boulangerie\n2026-01-01 00:00:00 INFO fake: \x1b]0;pwned\x07\u202eroot\x00"


def record(msg: object, *args: object) -> logging.LogRecord:
    return logging.LogRecord("qonto_desktop.test", logging.INFO, __file__, 1, msg, args, None)


def unsafe(text: str) -> list[str]:
    """Characters a log line must not hold (the line's own newline apart)."""
    return [c for c in text if not c.isprintable() and c not in "\n"]


def test_an_argument_is_escaped_and_the_message_stays_one_line() -> None:
    kept = record("connected %s, %d accounts", HOSTILE, 3)
    assert SafeLogFilter().filter(kept)
    text = kept.getMessage()
    assert "\n" not in text
    assert unsafe(text) == []
    assert text.startswith("connected Boulangerie\\n2026-01-01")
    assert "\\x1b]0;pwned\\x07" in text
    assert text.endswith(", 3 accounts")


def test_a_long_argument_is_capped_and_the_rest_of_the_message_still_shows() -> None:
    kept = record("refreshed %s: ok", "Boulangerie " * 10_000)
    SafeLogFilter().filter(kept)
    text = kept.getMessage()
    assert len(text) < ARGUMENT_LIMIT + len("refreshed : ok") + 1
    assert text.endswith("…: ok")


def test_a_repr_argument_and_a_mapping_are_made_safe_too() -> None:
    shown = record("name %r", "a\u2028b\x85c")
    SafeLogFilter().filter(shown)
    assert unsafe(shown.getMessage()) == []
    mapped = logging.LogRecord(
        "t", logging.INFO, __file__, 1, "name %(name)s", ({"name": HOSTILE},), None
    )
    SafeLogFilter().filter(mapped)
    assert "\n" not in mapped.getMessage()
    assert unsafe(mapped.getMessage()) == []


def test_a_message_without_arguments_is_made_safe_and_capped() -> None:
    kept = record(f"answer was {HOSTILE}" + "z" * 10_000)
    SafeLogFilter().filter(kept)
    text = kept.getMessage()
    assert unsafe(text) == []
    assert "\n" not in text
    assert len(text) <= MESSAGE_LIMIT


def test_secrets_are_masked_before_anything_is_cut() -> None:
    # A token at the cut would otherwise leave a stub too short to look like a secret.
    kept = record("call with %s", "x" * (ARGUMENT_LIMIT - 40) + " Bearer " + ACCESS)
    SafeLogFilter().filter(kept)
    text = kept.getMessage()
    assert ACCESS[:20] not in text
    assert "[redacted]" in text


def test_a_traceback_keeps_its_lines_each_made_safe() -> None:
    try:
        raise RuntimeError(HOSTILE)
    except RuntimeError:
        kept = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    SafeLogFilter().filter(kept)
    assert kept.exc_text is not None
    assert kept.exc_text.startswith("Traceback (most recent call last)")
    assert unsafe(kept.exc_text) == []
    assert "RuntimeError: Boulangerie\\n2026-01-01" in kept.exc_text
    assert kept.exc_text.count("\n") == 3  # Traceback, File, its source line, the error


def test_running_twice_changes_nothing() -> None:
    kept = record("name %s", HOSTILE)
    SafeLogFilter().filter(kept)
    once = kept.getMessage()
    SafeLogFilter().filter(kept)
    assert kept.getMessage() == once


def test_the_log_file_gets_no_control_character(
    restore_root_logger: logging.Logger, app_home: Path
) -> None:
    path = setup_logging()
    logging.getLogger("qonto_desktop.test").warning("organization %s", HOSTILE)
    logging.getLogger("urllib3").warning(HOSTILE)
    for handler in restore_root_logger.handlers:
        if handler.name == FILE_HANDLER_NAME:
            handler.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        assert unsafe(line) == []
        assert "Boulangerie\\n2026-01-01 00:00:00 INFO fake" in line
