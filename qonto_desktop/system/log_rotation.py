"""The log file's handler: rotating, and every new file readable by its owner only (0600).

Imported with the first record written (``logs.DeferredFileHandler``): ``logging.handlers``
brings ``pickle`` (and ``socket``, ``queue``), which a run that logs nothing does not need.
"""

from __future__ import annotations

import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file handler whose every new file is readable by its owner only (0600)."""

    def _open(self) -> TextIOWrapper:
        # The standard handler opens with the umask's mode, also after each rotation.
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        stream = open(descriptor, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115
        if os.name == "posix":  # a file that existed before keeps no wider mode
            os.chmod(self.baseFilename, 0o600)
        return stream
