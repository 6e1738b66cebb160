"""A local, strict stand-in for Qonto's OAuth server and Business API, for demos and tests.

Pure standard library; no Qt. Start it with ``with Emulator() as emulator: ...``.
"""

from __future__ import annotations

from qonto_desktop.emulator.browser import ConsentMode
from qonto_desktop.emulator.clients import DemoClient
from qonto_desktop.emulator.clock import Clock, ManualClock, SystemClock
from qonto_desktop.emulator.emulator import Emulator
from qonto_desktop.emulator.faults import Fault, Faults

__all__ = [
    "Clock",
    "ConsentMode",
    "DemoClient",
    "Emulator",
    "Fault",
    "Faults",
    "ManualClock",
    "SystemClock",
]
