"""Run a Python script until its first main window is shown; print when, and the peak memory.

``python bench/startup_probe.py <script> [args...]`` runs ``<script>`` as ``python <script>``
would. When the script first imports ``PySide6.QtWidgets``, the probe patches ``show()``: the
first top-level ``QMainWindow`` shown gets an application-wide event filter, and once that
window's first ``Expose`` has been handled (its first frame painted) the probe prints one JSON
line and ends the process at once. The probe imports no Qt itself before the script does:
PySide6 hooks every later import, so importing it early would change the script's costs.
The app and its baseline both run under this same probe, so both carry its small overhead.

Printed (milliseconds measured on ``time.monotonic``, one clock for every process on Linux):
``spawned_to_shown_ms`` from the parent's clock reading in ``QONTO_BENCH_SPAWNED_AT`` (when
set) just before it started this process; ``probe_to_shown_ms`` from this file's first line;
``probe_to_show_ms`` until ``show()`` was called; ``peak_rss_kib``, ``ru_maxrss`` of this
process (KiB on Linux).
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import importlib.machinery  # noqa: E402 - the clock is read first
import os  # noqa: E402
import resource  # noqa: E402
import runpy  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from types import ModuleType  # noqa: E402

SPAWNED_AT = "QONTO_BENCH_SPAWNED_AT"


def _milliseconds(since: float, until: float) -> float:
    return round((until - since) * 1000, 2)


def _report(show_called: float) -> None:
    """Print the figures as one JSON line and end the process, skipping every clean-up."""
    shown = time.monotonic()
    import json  # noqa: PLC0415 - the script's run is over

    spawned = os.environ.get(SPAWNED_AT)
    figures = {
        "spawned_to_shown_ms": _milliseconds(float(spawned), shown) if spawned else None,
        "probe_to_shown_ms": _milliseconds(STARTED, shown),
        "probe_to_show_ms": _milliseconds(STARTED, show_called),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _install() -> None:
    """Patch ``QWidget.show`` so that the first main window shown is watched."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415 - after the clock
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: PLC0415

    class FirstExpose(QObject):
        """Reports once the watched window's first expose event has been handled."""

        def __init__(self, window: QMainWindow, show_called: float) -> None:
            super().__init__()
            self.window = window
            self.show_called = show_called

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Expose and watched is self.window.windowHandle():
                # Runs once this event (the first paint of the window) has been handled.
                QTimer.singleShot(0, lambda: _report(self.show_called))
            return False

    original_show = QWidget.show
    watching: list[FirstExpose] = []  # keeps the filter alive; at most one

    def show(widget: QWidget) -> None:
        if not watching and isinstance(widget, QMainWindow) and widget.isWindow():
            app = QApplication.instance()
            if app is not None:
                watching.append(FirstExpose(widget, time.monotonic()))
                app.installEventFilter(watching[0])
        original_show(widget)

    QWidget.show = show  # type: ignore[method-assign]
    QMainWindow.show = show  # type: ignore[method-assign]


class WatchQtWidgets:
    """A ``sys.meta_path`` finder: once ``PySide6.QtWidgets`` is loaded, patch ``show()``."""

    name = "PySide6.QtWidgets"

    def __init__(self, install: Callable[[], None]) -> None:
        self._install = install

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """Find ``PySide6.QtWidgets`` as Python would, and patch it once it is loaded."""
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_then_install(module: ModuleType) -> None:
            exec_module(module)
            self._install()

        spec.loader.exec_module = exec_then_install  # type: ignore[method-assign]
        return spec


def watch(install: Callable[[], None] = _install) -> None:
    """Watch for the first main window from now on (a frozen app's entry calls this first).

    Args:
        install: what patches Qt once ``PySide6.QtWidgets`` is loaded (this probe's own).
    """
    sys.meta_path.insert(0, WatchQtWidgets(install))


def main(install: Callable[[], None] = _install) -> None:
    """Run the script named first on the command line, as ``python <script>`` would."""
    if len(sys.argv) < 2:
        raise SystemExit("usage: startup_probe.py <script> [args...]")
    script = os.path.abspath(sys.argv[1])
    # As for ``python <script>``: its folder first on sys.path, instead of this one.
    sys.path[0] = os.path.dirname(script)
    sys.argv = sys.argv[1:]
    watch(install)
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
