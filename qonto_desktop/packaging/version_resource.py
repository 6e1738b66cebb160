"""The Windows version resource (Properties → Details): PyInstaller's version file, as text."""

from __future__ import annotations

import re

# PEP 440's release segment, after an optional "v" and epoch: "1.2.3" of "v1!1.2.3rc1+local".
RELEASE = re.compile(r"v?(?:\d+!)?(\d+(?:\.\d+)*)", re.IGNORECASE)
# Each of Windows' four version numbers is a 16-bit word.
MAX_PART = 0xFFFF


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` or ``"1.2.3rc1"`` as the four numbers Windows shows: ``(1, 2, 3, 0)``.

    Only the release numbers count: a pre-release's number must not rank it above its release
    (``1.2.3rc1`` as ``1.2.3.1`` would look newer than ``1.2.3`` as ``1.2.3.0``).

    Raises:
        ValueError: no release number, more than four, or one above 65535.
    """
    found = RELEASE.match(version.strip())
    if found is None:
        raise ValueError(f"no version number in {version!r}")
    numbers = [int(part) for part in found.group(1).split(".")]
    if len(numbers) > 4 or max(numbers) > MAX_PART:
        raise ValueError(f"{version!r} is not four numbers from 0 to {MAX_PART}")
    major, minor, patch, build = (*numbers, 0, 0, 0)[:4]
    return major, minor, patch, build


def version_file_text(name: str, product: str, version: str) -> str:
    """The text of a PyInstaller ``version=`` file for ``name.exe``, in US English (1033)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": product,
        "FileDescription": product,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "MIT licence",
        "OriginalFilename": f"{name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    table = ",\n        ".join(
        f"StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
        {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
