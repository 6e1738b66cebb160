"""What only Qonto's services cause, and Qonto's name for the generic OAuth errors.

The ``oauth`` layer speaks of ``{service}``; everything here that raises or builds one of its
errors, or configures a piece of it, gives :data:`SERVICE`.
"""

from __future__ import annotations

from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import OAuthError

SERVICE = "Qonto"


class SandboxStagingTokenError(OAuthError):
    """The sandbox answered with its sign-in page: its staging token is missing or wrong."""

    code = "sandbox_staging_token"
    message = N_("The sandbox staging token is missing or wrong (Qonto answered with a web page).")
    next_action = N_(
        "Copy the staging token from Qonto's Developer Portal into the Sandbox settings, "
        "then try again."
    )
