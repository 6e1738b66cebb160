"""Run a Python script until its window's list is usable; print when, and the peak memory.

``python bench/list_probe.py <script> [args...]``, with ``QONTO_BENCH_LIST_ROWS=N``: as
:mod:`bench.startup_probe`, but the process ends once the first ``QMainWindow`` shown holds a
list or table view with at least N rows, painted, its first row current, and a search box
beside it that filters it: the probe types the first row's name, checks that the list still
shows that row and, with more than one row, hides some others, then clears the search. With
``N = 0`` (the bare window) it ends at the window's first frame, as the start-up probe does.

With ``QONTO_BENCH_PROFILE=<file>``, the GUI thread runs under cProfile, its statistics
written to that file at the end (``python -m pstats <file>``).

Printed, one JSON line (milliseconds on ``time.monotonic``): ``spawned_to_shown_ms`` (first
frame), ``spawned_to_usable_ms`` (the list usable, the search checked), ``rows`` (the list's
rows then) and ``peak_rss_kib`` (``ru_maxrss``, KiB on Linux). A failed check prints a line
starting ``probe:`` on standard error and exits with status 3.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import os  # noqa: E402 - the clock is read first
import resource  # noqa: E402
import sys  # noqa: E402

# Run as a script, this folder is first on sys.path (and bench/token.py would stand in for the
# standard library's ``token``): the repository instead, until the script's own folder replaces it.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from bench import startup_probe  # noqa: E402

ROWS = "QONTO_BENCH_LIST_ROWS"  # how many rows the list must hold; 0 for the bare window
PROFILE = "QONTO_BENCH_PROFILE"  # where to write a cProfile of the GUI thread, when set

PROFILER = None
if os.environ.get(PROFILE):
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()


def _since_spawned(moment: float) -> float | None:
    spawned = os.environ.get(startup_probe.SPAWNED_AT)
    return round((moment - float(spawned)) * 1000, 2) if spawned else None


def _report(shown: float, rows: int) -> None:
    """Print the figures as one JSON line and end the process, skipping every clean-up."""
    usable = time.monotonic()
    if PROFILER is not None:
        PROFILER.disable()
        PROFILER.dump_stats(os.environ[PROFILE])
    import json  # noqa: PLC0415 - the script's run is over

    figures = {
        "spawned_to_shown_ms": _since_spawned(shown),
        "spawned_to_usable_ms": _since_spawned(usable),
        "rows": rows,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _fail(why: str) -> None:
    sys.stderr.write(f"probe: {why}\n")
    sys.stderr.flush()
    os._exit(3)


def _install() -> None:
    """Patch ``QWidget.show`` so that the first main window shown, and its list, are watched."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: PLC0415 - after the clock
    from PySide6.QtWidgets import (  # noqa: PLC0415
        QAbstractItemView,
        QApplication,
        QLineEdit,
        QMainWindow,
        QWidget,
    )

    wanted = int(os.environ.get(ROWS, "0"))

    def searched(view: QAbstractItemView) -> int:
        """Type the first row's name in the search box beside ``view``; the rows then shown."""
        model = view.model()
        name = str(model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) or "")
        parent = view.parentWidget()
        boxes = parent.findChildren(QLineEdit) if parent is not None else []
        if not boxes or not name:
            _fail("no search box beside the list, or no name in its first row")
        boxes[0].setText(name)
        kept = model.rowCount()
        first = str(model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) or "")
        if kept < 1 or name not in first:
            _fail(f"searching the first row's name shows {kept} rows")
        boxes[0].clear()
        if model.rowCount() < wanted:
            _fail("clearing the search did not bring every row back")
        return kept

    class Watch(QObject):
        """Waits for the window's first frame, then for a paint of its full list."""

        def __init__(self, window: QMainWindow) -> None:
            super().__init__()
            self.window = window
            self.shown: float | None = None
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            kind = event.type()
            if self.done:
                return False
            if self.shown is None:
                if kind == QEvent.Type.Expose and watched is self.window.windowHandle():
                    self.shown = time.monotonic()
                    if wanted == 0:
                        self.done = True
                        QTimer.singleShot(0, lambda: _report(self.shown or 0.0, 0))
                return False
            if kind == QEvent.Type.Paint and isinstance(watched, QWidget):
                view = watched.parentWidget()
                if isinstance(view, QAbstractItemView) and self._full(view):
                    self.done = True  # checked once this paint has been handled
                    QTimer.singleShot(0, lambda: self._check(view))
            return False

        def _full(self, view: QAbstractItemView) -> bool:
            model = view.model()
            return (
                model is not None
                and model.rowCount() >= wanted
                and view.currentIndex().isValid()
                and view.currentIndex().row() == 0
                and self.window.isAncestorOf(view)
            )

        def _check(self, view: QAbstractItemView) -> None:
            total = view.model().rowCount()
            kept = searched(view)
            if total > 1 and kept >= total:
                _fail(f"searching the first row's name still shows all {total} rows")
            _report(self.shown or 0.0, total)

    original_show = QWidget.show
    watching: list[Watch] = []  # keeps the filter alive; at most one

    def show(widget: QWidget) -> None:
        if not watching and isinstance(widget, QMainWindow) and widget.isWindow():
            app = QApplication.instance()
            if app is not None:
                watching.append(Watch(widget))
                app.installEventFilter(watching[0])
        original_show(widget)

    QWidget.show = show  # type: ignore[method-assign]
    QMainWindow.show = show  # type: ignore[method-assign]


if __name__ == "__main__":
    startup_probe.main(_install)
