"""safe_text on every line of output: 10^5 calls per kind of name, against ``str()``.

Times 100,000 calls of ``safe_text`` on a 50-character name of each kind (plain ASCII,
accented, emoji with joiners, hostile with escape sequences and bidi controls) and on one
100,000-character argument, taking the best of a few repeats; the baseline is ``str()`` on the
same value, the least any display path costs. Prints a table; writes nothing.

Usage: ``.venv/bin/python bench/display.py [--repeat N]``
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import timeit

from qonto_desktop.i18n.display import safe_text

CALLS = 100_000
NAMES = {
    "ASCII": "Cabinet Martin & Associes - Expertise comptable 01",
    "accented": "Société Générale d'Études Économiques — Zoë Müller",
    "emoji": "Boulangerie \U0001f468\u200d\U0001f469\u200d\U0001f467 du coin 🇫🇷 Café ☕ 7j/7",
    "hostile": "Acme\x1b]0;pwned\x07\nStatus: connected \u202eexe.fdp\u202c\x1b[2J end",
}


def per_call(code: str, value: str, repeat: int, calls: int) -> float:
    """Best time of one call, in microseconds."""
    timer = timeit.Timer(code, globals={"safe_text": safe_text, "value": value})
    return min(timer.repeat(repeat=repeat, number=calls)) / calls * 1e6


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    cases = [(f"{kind} ({len(name)} chars)", name, CALLS) for kind, name in NAMES.items()]
    cases.append(("100,000-char argument", "x" * 100_000, 1_000))
    print(f"| value | calls | safe_text µs/call | str() µs/call | safe_text total for {CALLS:,} |")
    print("|---|---:|---:|---:|---:|")
    for label, value, calls in cases:
        safe = per_call("safe_text(value)", value, repeat, calls)
        bare = per_call("str(value)", value, repeat, calls)
        total = safe * CALLS / 1e6
        print(f"| {label} | {calls:,} | {safe:.2f} | {bare:.2f} | {total:.3f} s |")


if __name__ == "__main__":
    main()
