"""The states a saved connection can be in: apart, so that reading a record needs no value class."""

from __future__ import annotations

from typing import Literal

ConnectionState = Literal["ok", "unverified", "needs_reconnect"]
