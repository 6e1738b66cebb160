"""How long sign-in waits for the browser to come back, unless the user says otherwise.

Its own module: the application API's connect request takes it as its default, and the window's
list (which imports those values) need not load the redirect URI's rules and errors with it.
"""

from __future__ import annotations

from typing import Final

# How long the receiver waits for the browser, by default: five minutes.
DEFAULT_TIMEOUT: Final = 300.0
