"""The one error of the models: Qonto answered, but nothing usable could be read."""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.qonto.errors import SERVICE


class UnusableAnswerError(QontoDesktopError):
    """The body is not JSON, or lacks what identifies it (the organization's ``id``, say).

    ``detail`` says what was wrong in the app's words (a JSON path, never a value Qonto sent),
    for the log; ``endpoint`` names the call, e.g. ``GET /v2/organization``. The message and
    next action are the catalogue's existing ones for a malformed answer, so they translate.
    """

    code = "qonto_answer_unusable"
    message = N_("{service}'s answer was not in the expected format.")
    next_action = N_("Try again. If it keeps happening, open the log folder and report it.")

    def __init__(self, *, detail: str, endpoint: str) -> None:
        super().__init__(params={"service": SERVICE})
        self.detail = detail
        self.endpoint = endpoint
