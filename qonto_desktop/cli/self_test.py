"""``self-test``: a short report of what a connection needs here, and what is missing."""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.self_test import Check, passed, run_checks


def render(checks: list[Check]) -> str:
    """One line per check, advice under each failure or warning, then a verdict."""
    lines = []
    for check in checks:
        word = "ok" if check.ok else "FAILED" if check.blocking else "warning"
        lines.append(f"{word:7} {check.name}: {check.detail}")
        if not check.ok and check.advice:
            lines.append(f"        -> {check.advice}")
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
