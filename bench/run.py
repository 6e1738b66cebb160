"""Every benchmark in one command: ``.venv/bin/python bench/run.py [--runs N] [--no-write]``.

Runs P1/P2 (start-up), P3 (callback to saved), P4 (``token``) and P5/P6 (the executable) one
after the other, each as its own process so that none warms another's caches, and each
rewrites its own section of docs/performance.md. Ends with a summary of the ratios printed.
"""

from __future__ import annotations

import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module (tracebacks import it): take the folder out.
sys.path.pop(0)

import argparse
import subprocess
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SCRIPTS = (
    ("P1/P2 start to window, peak memory", "startup.py"),
    ("P3 callback to tokens saved", "callback.py"),
    ("P4 token with a cached token", "token.py"),
    ("P5/P6 the executable", "frozen.py"),
)


def main() -> int:
    """Run each benchmark; exit status 1 when one of them failed to run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, help="timed runs of each (each script's default)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/performance.md")
    parser.add_argument("--only", nargs="+", choices=[s for _, s in SCRIPTS], help="a subset")
    args = parser.parse_args()
    passed = [] if args.runs is None else ["--runs", str(args.runs)]
    passed += ["--no-write"] if args.no_write else []
    failed = []
    for title, script in SCRIPTS:
        if args.only and script not in args.only:
            continue
        print(f"\n=== {title} (bench/{script}) ===", flush=True)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, str(BENCH / script), *passed], cwd=REPO, check=False
        )
        print(f"--- {script}: exit {result.returncode}, {time.monotonic() - started:.0f} s")
        if result.returncode != 0:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    if not args.no_write:
        print(f"\nwrote {REPO / 'docs' / 'performance.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
