"""The Windows ``.ico`` and macOS ``.icns`` files, drawn from the app's SVG icon at build time.

Both formats hold PNG images (Windows Vista and later, macOS 10.7 and later read them), so the
only drawing is SVG to PNG, done by Qt in a child process (``qonto_desktop.ui.icon_render``):
the build process itself never loads Qt's GUI.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The PNG-holding icon types of the icns format, by pixel size.
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICO file holding one PNG per square size (256 is written as 0, as the format wants)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        _check_png(size, png)
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO file cannot hold a {size} px image (1 to 256)")
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICNS file holding one PNG per size the format names."""
    body = b""
    for size, png in sorted(pngs.items()):
        _check_png(size, png)
        if size not in ICNS_TYPES:
            raise ValueError(f"an ICNS file has no PNG type for a {size} px image")
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _check_png(size: int, png: bytes) -> None:
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError(f"the {size} px image is not a PNG")


def render_pngs(svg: Path, folder: Path, sizes: list[int]) -> dict[int, bytes]:
    """Draw ``svg`` at each size with Qt, in a child process without a screen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "qonto_desktop.ui.icon_render", str(svg), str(folder)]
    subprocess.run(  # noqa: S603 - our own interpreter and module
        [*command, *map(str, sizes)],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    return {size: (folder / f"icon-{size}.png").read_bytes() for size in sizes}


def write_icons(svg: Path, folder: Path) -> tuple[Path, Path]:
    """Write ``app.ico`` and ``app.icns`` into ``folder``; return their paths."""
    pngs = render_pngs(svg, folder, sorted(set(ICO_SIZES) | set(ICNS_TYPES)))
    ico, icns = folder / "app.ico", folder / "app.icns"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns.write_bytes(icns_bytes({size: pngs[size] for size in ICNS_TYPES}))
    return ico, icns
