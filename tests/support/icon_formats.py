"""Reading ``.ico`` and ``.icns`` files back, written from the formats' descriptions.

ICO: a 6-byte header (reserved 0, type 1, count), then one 16-byte entry per image (width,
height, 0 for 256; colour count; reserved; planes; bits per pixel; size; offset), little-endian.
ICNS: ``icns`` and the file's length, then entries of a type, their length (header included)
and their data, big-endian.
"""

from __future__ import annotations

import struct

# Apple's PNG-holding icon types and their pixel sizes (ic10 is 512 pt at 2x).
ICNS_SIZES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
}


def read_ico(data: bytes) -> dict[int, bytes]:
    """The images of an ICO file by size, after checking every header field."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), (reserved, kind)
    images: dict[int, bytes] = {}
    end = 6 + 16 * count
    for index in range(count):
        fields = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        width, height, colours, zero, planes, bits, size, offset = fields
        assert width == height, fields
        assert (colours, zero, planes, bits) == (0, 0, 1, 32), fields
        assert offset >= 6 + 16 * count, "an image overlaps the directory"
        assert offset + size <= len(data), "an image runs past the end of the file"
        side = width or 256
        assert side not in images, f"two images of {side} px"
        images[side] = data[offset : offset + size]
        end = max(end, offset + size)
    assert end == len(data), "bytes after the last image"
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    """The entries of an ICNS file by type, after checking the lengths add up."""
    magic, total = struct.unpack_from(">4sI", data, 0)
    assert magic == b"icns"
    assert total == len(data)
    entries: dict[bytes, bytes] = {}
    offset = 8
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        assert length > 8, (kind, length)
        assert kind not in entries, f"two {kind!r} entries"
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data), "the last entry runs past the end of the file"
    return entries
