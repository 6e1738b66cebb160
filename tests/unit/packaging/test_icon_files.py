"""The .ico and .icns files, read back field by field (the drawn icon: tests/ui)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from qonto_desktop.packaging.icon_files import icns_bytes, ico_bytes
from tests.support.icon_formats import ICNS_SIZES, read_icns, read_ico

SIGNATURE = b"\x89PNG\r\n\x1a\n"
Writer = Callable[[Mapping[int, bytes]], bytes]


def fake_png(size: int) -> bytes:
    """Bytes that start as a PNG and differ per size (and in length), to catch any mix-up."""
    return SIGNATURE + f"image of {size} px".encode() * (size % 7 + 1)


def test_every_image_of_the_ico_round_trips() -> None:
    pngs = {size: fake_png(size) for size in (16, 24, 32, 48, 64, 128, 256)}
    assert read_ico(ico_bytes(pngs)) == pngs


def test_the_ico_writes_256_as_0_and_sizes_in_order() -> None:
    data = ico_bytes({256: fake_png(256), 16: fake_png(16)})
    assert data[6:8] == bytes([16, 16])  # the first entry: width, height
    assert data[22:24] == bytes([0, 0])  # the second: 256 is written as 0
    assert read_ico(data) == {16: fake_png(16), 256: fake_png(256)}


def test_a_single_image_ico_is_laid_out_as_the_format_says() -> None:
    png = fake_png(32)
    data = ico_bytes({32: png})
    header = b"\x00\x00" + b"\x01\x00" + b"\x01\x00"
    entry = bytes([32, 32, 0, 0]) + b"\x01\x00" + b"\x20\x00"
    entry += len(png).to_bytes(4, "little") + (6 + 16).to_bytes(4, "little")
    assert data == header + entry + png


def test_every_image_of_the_icns_round_trips() -> None:
    pngs = {size: fake_png(size) for size in ICNS_SIZES.values()}
    entries = read_icns(icns_bytes(pngs))
    assert {ICNS_SIZES[kind]: png for kind, png in entries.items()} == pngs


def test_a_single_image_icns_is_laid_out_as_the_format_says() -> None:
    png = fake_png(128)
    data = icns_bytes({128: png})
    length = 8 + len(png)
    assert (
        data
        == b"icns" + (8 + length).to_bytes(4, "big") + b"ic07" + length.to_bytes(4, "big") + png
    )


@pytest.mark.parametrize("write", [ico_bytes, icns_bytes], ids=["ico", "icns"])
@pytest.mark.parametrize(
    "image",
    [b"", b"GIF89a...", b"\x89PNG\r\n", b"<svg/>", SIGNATURE[1:] + b"x"],
    ids=["empty", "gif", "short-signature", "svg", "shifted"],
)
def test_an_image_that_is_not_a_png_is_refused(write: Writer, image: bytes) -> None:
    with pytest.raises(ValueError, match="32 px image is not a PNG"):
        write({16: fake_png(16), 32: image})


def test_the_ico_refuses_sizes_it_cannot_hold() -> None:
    for size in (0, 257, 512):
        with pytest.raises(ValueError, match=f"{size} px"):
            ico_bytes({size: fake_png(size)})


def test_the_icns_refuses_sizes_it_has_no_png_type_for() -> None:
    for size in (24, 48, 100):
        with pytest.raises(ValueError, match=f"{size} px"):
            icns_bytes({size: fake_png(size)})
