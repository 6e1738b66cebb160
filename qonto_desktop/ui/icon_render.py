"""Draw an SVG to square PNGs: ``python -m qonto_desktop.ui.icon_render SVG FOLDER SIZE...``.

Used by the build (``qonto_desktop/packaging/icon_files.py``) for the Windows and macOS icons.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render(svg: Path, folder: Path, sizes: list[int]) -> list[Path]:
    """Write ``icon-<size>.png`` for each size into ``folder``; return the paths."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG image")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"icon-{size}.png"
        if not image.save(str(path)):  # the format follows the .png suffix
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Render as the command line asks; exit status 0 once every PNG is written."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    svg, folder, *sizes = argv
    render(Path(svg), Path(folder), [int(size) for size in sizes])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
