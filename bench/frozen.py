"""P5/P6: the one-file executable's size, and its start to window, against a bare app.

The bare app (a PySide6 window, ``import keyring, requests``) is built by the same
``pyinstaller.spec`` (``QONTO_DESKTOP_SPEC_BARE=1``), so both are trimmed alike. P5 compares
the shipped builds. P6 runs a second pair, each started by ``bench/startup_probe.py`` from its
entry, so that both stop at their first frame; start is the parent's clock just before it starts
the executable, so the one-file unpacking counts. ``--onedir`` adds the one-folder pair.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's token module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.baselines import bare_window
from bench.measure import Command, take_turns
from bench.report import load_average, machine, replace_section
from bench.staging import staged
from bench.startup import CONNECTIONS, Subject, probed, succeeded, table
from tests.support.frozen_build import build

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = REPO / "docs" / "performance.md"
HEADING = "P5/P6 the executable: size, and start to window"
MIB = 2**20
SIZE_LIMIT_MIB = 50.0
SIZE_TARGET = 1.05
START_TARGET = 1.2

BARE_WINDOW = bare_window("keyring", "requests")
APP = """\
import sys

from qonto_desktop.cli.main import main

sys.exit(main(sys.argv[1:]))
"""
PROBED = "from bench import startup_probe\n\nstartup_probe.watch()\n\n"


# Where the size and the time go; rewrite it when the build changes.
NOTES = """\
**Size.** Both files are mostly Qt and Python: ICU's data (about 12 MiB compressed), QtGui,
QtWidgets and QtCore, `cryptography`'s Rust bindings (about 4 MiB, for the Secret Service's
encrypted session, which keyring needs on Linux) and libpython. The app adds about 1.5 MiB:
its own code (0.45 MiB compressed), Authlib and joserfc (0.44), filelock (0.29), platformdirs
and truststore, and its pages, icons and French translation. Trimming (`pyinstaller.spec`:
Wayland, EGLFS and the other embedded platforms, the GTK theme and the libraries only it used,
QtNetwork's plugins, image formats but SVG, Qt's other translations, unused modules) took the
one file from 64.6 to 49.7 MiB.

**Start.** A one-file executable unpacks itself into a temporary folder at every start (about
0.6 s of the 0.8 s here); the one-folder build (`QONTO_DESKTOP_ONEDIR=1`) starts in about
0.2 s. The app starts no slower than the bare app because it imports keyring after its first
frame, on a worker, where the bare app imports it before its window.
"""


@dataclass(frozen=True)
class Build:
    """One pair of executables: the app's and the bare one's."""

    app: Path
    bare: Path


def build_pair(folder: Path, probed_entries: bool, onedir: bool) -> Build:
    """Build the app and the bare app with the same spec and settings."""
    prefix = PROBED if probed_entries else ""
    settings = {"QONTO_DESKTOP_ONEDIR": "1"} if onedir else {}
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, script, bare in (("App", APP, False), ("Bare", BARE_WINDOW, True)):
        chosen = {**settings, **({"QONTO_DESKTOP_SPEC_BARE": "1"} if bare else {})}
        if bare or probed_entries:  # otherwise the spec's own entry: main.py
            entry = folder / f"{name.lower()}_entry.py"
            entry.write_text(prefix + script, encoding="utf-8")
            chosen["QONTO_DESKTOP_SPEC_ENTRY"] = str(entry)
        made.append(build(folder / name.lower(), chosen, name=name))
    return Build(*made)


def size(path: Path) -> float:
    """The executable's size in MiB: the file, or every file of a one-folder build."""
    files = [path] if path.parent.name == "dist" else path.parent.rglob("*")
    return sum(item.stat().st_size for item in files if item.is_file()) / MIB


def start(pair: Build, label: str, runs: int, warmup: int) -> tuple[Subject, Subject]:
    """Time both probed executables to their first frame, taking turns; (bare, app)."""
    commands = (
        Command(f"bare app, {label} (baseline)", (str(pair.bare),), succeeded),
        Command(f"QontoDesktop, {label}", (str(pair.app),), succeeded),
    )
    with staged(CONNECTIONS) as stage:
        env = {**stage.env, "QT_QPA_PLATFORM": "offscreen"}
        samples = take_turns(
            commands, lambda command: probed(command, env, REPO), runs=runs, warmup=warmup
        )
    bare, app = (Subject(c, tuple(kept)) for c, kept in zip(commands, samples, strict=True))
    return bare, app


def _verdict(value: float, target: float, unit: str = "x") -> str:
    met = "meets" if value <= target else "misses"
    return f"**{value:.2f}{unit}** ({met} the ≤ {target:g}{unit} target)"


def size_table(rows: Sequence[tuple[str, float]]) -> str:
    """A Markdown table of executable sizes in MiB."""
    lines = ["| Executable | Size (MiB) |", "|---|---:|"]
    lines += [f"| {label} | {mib:.2f} |" for label, mib in rows]
    return "\n".join(lines)


def main() -> int:
    """Build, measure, print, and rewrite this benchmark's section of docs/performance.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="timed starts of each (15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed starts of each first (2)")
    parser.add_argument("--onedir", action="store_true", help="also time the one-folder pair")
    parser.add_argument("--no-write", action="store_true", help="leave docs/performance.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="qonto-bench-frozen-") as temporary:
        folder = Path(temporary)
        shipped = build_pair(folder / "shipped", probed_entries=False, onedir=False)
        sizes = (size(shipped.app), size(shipped.bare))
        before = load_average()
        pairs = [("one file", build_pair(folder / "probed", probed_entries=True, onedir=False))]
        if args.onedir:
            pairs.append(
                ("one folder", build_pair(folder / "onedir", probed_entries=True, onedir=True))
            )
        timed = [start(pair, label, args.runs, args.warmup) for label, pair in pairs]
        after = load_average()

    size_ratio = sizes[0] / sizes[1]
    start_ratio = timed[0][1].shown.median / timed[0][0].shown.median
    subjects = [subject for pair in timed for subject in pair]
    parts = [
        f"Measured {date.today().isoformat()} on {machine()}, 1-minute load average {before} "
        f"before and {after} after the timed starts. Both executables are built by "
        "`pyinstaller.spec` with the same trimming (the bare one: a PySide6 window plus "
        "`import keyring, requests`, no app files). Starts: "
        f"{args.runs} timed of each, taking turns, after {args.warmup} warm-up starts; "
        "`QT_QPA_PLATFORM=offscreen`; the app opens its real window on a home holding "
        f"{CONNECTIONS} connections in a private GNOME Keyring.",
        size_table([("`QontoDesktop` (one file)", sizes[0]), ("bare app (one file)", sizes[1])]),
        f"P5 one-file size: {_verdict(sizes[0], SIZE_LIMIT_MIB, ' MiB')}; ratio to the bare "
        f"app {_verdict(size_ratio, SIZE_TARGET)}.",
        table(subjects),
        f"P6 frozen start to window shown, one file, ratio of medians: "
        f"{_verdict(start_ratio, START_TARGET)}; peak memory (the unpacked app's process) "
        f"{timed[0][1].peak_mib[0] / timed[0][0].peak_mib[0]:.2f}x.",
    ]
    if args.onedir:
        one_folder = timed[1][1].shown.median / timed[1][0].shown.median
        parts.append(f"One folder, ratio of medians: **{one_folder:.2f}x**.")
    parts += [
        NOTES.strip(),
        f"Reproduce: `.venv/bin/python bench/frozen.py --runs {args.runs}"
        f"{' --onedir' if args.onedir else ''}` (builds four executables, or six with "
        "`--onedir`, about three minutes; needs `dbus-daemon` and `gnome-keyring-daemon`).",
    ]
    body = "\n\n".join(parts)
    print(body)
    if not args.no_write:
        replace_section(DOCUMENT, HEADING, body)
        print(f"\nwrote {DOCUMENT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
