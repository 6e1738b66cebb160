"""``self-test``: a short report of what a connection needs here, and what is missing."""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.self_test import Check, passed, run_checks
from qonto_desktop.i18n.display import safe_text

DETAIL_LIMIT = 400


def render(checks: list[Check]) -> str:
    """One line per check, advice under each failure or warning, then a verdict."""
    lines = []
    for check in checks:
        word = "ok" if check.ok else "FAILED" if check.blocking else "warning"
        # A detail may quote the system (a D-Bus error, a library's message): one safe line.
        lines.append(f"{word:7} {check.name}: {safe_text(check.detail, limit=DETAIL_LIMIT)}")
        if not check.ok and check.advice:
            lines.append(f"        -> {safe_text(check.advice, limit=DETAIL_LIMIT)}")
    if passed(checks):
        lines.append("Everything a Qonto connection needs is here.")
    else:
        failed = sum(1 for check in checks if not check.ok and check.blocking)
        lines.append(f"{failed} check(s) failed: fix them before connecting.")
    return "\n".join(lines) + "\n"


def run(*, out: TextIO) -> int:
    """Run every check and print the report; 0 only when nothing blocking failed."""
    checks = run_checks()
    out.write(render(checks))
    return exit_codes.OK if passed(checks) else exit_codes.ERROR
