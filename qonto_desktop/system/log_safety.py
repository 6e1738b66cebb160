"""Log records made safe to write: secrets masked, then every text made one short safe line.

A log line can carry what a server sent (an organization's name, an error's detail) or what a
user typed. :class:`SafeLogFilter` masks secrets exactly as
:class:`~qonto_desktop.system.redaction.RedactingFilter` does, and passes the text through
:func:`~qonto_desktop.i18n.display.safe_text`, the one function that makes text display-safe:

- each argument is masked, then made safe and capped at :data:`ARGUMENT_LIMIT` before it is put
  into the message, so a 100,000-character name costs a few hundred characters and the rest of
  the message still shows;
- the formatted message is made safe and capped at :data:`MESSAGE_LIMIT`: a newline in it
  becomes ``\\n``, so one record stays one line;
- an exception's traceback keeps its lines, each made safe and capped at :data:`MESSAGE_LIMIT`;
  the exception's own words (which may quote a server) are one such line.

Masking comes first: a cut could otherwise leave a secret too short to be recognised.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from typing import Any

from qonto_desktop.i18n.display import safe_text
from qonto_desktop.system.redaction import RedactingFilter, redact

ARGUMENT_LIMIT = 200
MESSAGE_LIMIT = 2000

_DONE_MARK = "qonto_desktop_display_safe"


class _Shown:
    """One log argument as it may be written: masked, display-safe, capped (``%s`` and ``%r``)."""

    __slots__ = ("_value",)

    def __init__(self, value: object) -> None:
        self._value = value

    def __str__(self) -> str:
        return safe_text(redact(str(self._value)), limit=ARGUMENT_LIMIT)

    def __repr__(self) -> str:
        return safe_text(redact(repr(self._value)), limit=ARGUMENT_LIMIT)


def _shown(value: object) -> object:
    """Numbers stay numbers (``%d`` needs them); anything else is shown through :class:`_Shown`."""
    if value is None or isinstance(value, int | float):
        return value
    return _Shown(value)


def _exception_text(error: BaseException) -> str:
    """The traceback as :class:`logging.Formatter` writes it, each exception's words on one line.

    A frame is the app's own code; what an exception says may quote a server, newlines included.
    """
    chunks = traceback.TracebackException.from_exception(error).format()
    text = "".join(
        chunk if chunk[:1].isspace() or chunk.startswith("Traceback (") else _one_line(chunk)
        for chunk in chunks
    )
    return text.removesuffix("\n")


def _one_line(chunk: str) -> str:
    return safe_text(redact(chunk.removesuffix("\n")), limit=MESSAGE_LIMIT) + "\n"


def _lines(text: str) -> str:
    return "\n".join(safe_text(line, limit=MESSAGE_LIMIT) for line in text.splitlines())


class SafeLogFilter(RedactingFilter):
    """A handler filter: secrets masked, then the message, arguments and traceback made safe.

    Like :class:`RedactingFilter` it rewrites the record in place and never drops one; running
    it twice changes nothing.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask and make the record safe in place; always keep it."""
        if record.__dict__.get(_DONE_MARK):
            return True
        args: Any = record.args
        if isinstance(args, Mapping):
            record.args = {key: _shown(value) for key, value in args.items()}
        elif isinstance(args, tuple):
            record.args = tuple(_shown(value) for value in args)
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = _exception_text(record.exc_info[1])
        super().filter(record)
        record.msg = safe_text(record.msg, limit=MESSAGE_LIMIT)
        if record.exc_text:
            record.exc_text = _lines(record.exc_text)
        if record.stack_info:
            record.stack_info = _lines(record.stack_info)
        record.__dict__[_DONE_MARK] = True
        return True
