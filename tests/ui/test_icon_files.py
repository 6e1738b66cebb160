"""The build's .ico and .icns, drawn for real from the app's SVG by Qt in a child process."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from qonto_desktop.packaging.icon_files import write_icons
from qonto_desktop.system.resources import resource_path
from tests.support.icon_formats import ICNS_SIZES, read_icns, read_ico


def drawn_size(png: bytes) -> tuple[int, int]:
    """The PNG's size once decoded by Qt, after checking some pixel is not transparent."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png)
    assert not image.isNull(), "Qt cannot decode the PNG"
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    data, line, width = bytes(alpha.constBits()), alpha.bytesPerLine(), alpha.width()
    rows = (data[row * line : row * line + width] for row in range(alpha.height()))
    assert any(any(row) for row in rows), "the image is fully transparent: nothing was drawn"
    return image.width(), image.height()


def test_the_icons_are_drawn_at_every_size(tmp_path: Path) -> None:
    ico, icns = write_icons(resource_path("icons", "app.svg"), tmp_path)
    assert (ico, icns) == (tmp_path / "app.ico", tmp_path / "app.icns")
    in_ico = read_ico(ico.read_bytes())
    assert sorted(in_ico) == [16, 24, 32, 48, 64, 128, 256]
    for size, png in in_ico.items():
        assert drawn_size(png) == (size, size)
    in_icns = read_icns(icns.read_bytes())
    assert sorted(in_icns) == sorted(ICNS_SIZES)
    for kind, png in in_icns.items():
        assert drawn_size(png) == (ICNS_SIZES[kind], ICNS_SIZES[kind])
