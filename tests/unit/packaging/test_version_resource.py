"""The Windows version resource: four 16-bit numbers, and a file PyInstaller's parser accepts."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qonto_desktop.packaging.version_resource import version_file_text, version_tuple

VERSIONINFO = "PyInstaller.utils.win32.versioninfo"


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("1.2.3", (1, 2, 3, 0)),
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        # A pre-release must not outrank its release (0.1.0rc1 as 0.1.0.1 > 0.1.0.0).
        ("0.1.0rc1", (0, 1, 0, 0)),
        ("1.2.3a2", (1, 2, 3, 0)),
        ("1.2.3.dev4", (1, 2, 3, 0)),
        ("1.2.3+local.7", (1, 2, 3, 0)),
        ("v1.2.3", (1, 2, 3, 0)),
        ("1!2.3", (2, 3, 0, 0)),
        (" 65535.0.0.65535 ", (65535, 0, 0, 65535)),
    ],
)
def test_a_version_becomes_four_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert version_tuple(version) == numbers


@pytest.mark.parametrize("version", ["abc", "", "rc1", "1.2.3.4.5", "1.65536.0", "70000"])
def test_what_windows_cannot_show_is_refused(version: str) -> None:
    with pytest.raises(ValueError, match=r"version|numbers"):
        version_tuple(version)


@pytest.fixture
def versioninfo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """PyInstaller's version-resource module, importable on any OS with stand-ins for Windows'.

    It imports ``pefile`` and ``PyInstaller.compat.win32api`` (Windows only), neither of which
    the text parser uses; it is imported afresh and forgotten afterwards.
    """
    compat = importlib.import_module("PyInstaller.compat")
    win32 = importlib.import_module("PyInstaller.utils.win32")
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    monkeypatch.setattr(win32, "versioninfo", None, raising=False)
    monkeypatch.delitem(sys.modules, VERSIONINFO, raising=False)
    try:
        yield importlib.import_module(VERSIONINFO)
    finally:
        sys.modules.pop(VERSIONINFO, None)


def string_table(info: Any) -> dict[str, str]:
    (string_info,) = [kid for kid in info.kids if type(kid).__name__ == "StringFileInfo"]
    (table,) = string_info.kids
    assert table.name == "040904B0"  # US English, Unicode
    return {kid.name: kid.val for kid in table.kids}


def test_pyinstallers_parser_reads_the_version_file(versioninfo: Any, tmp_path: Path) -> None:
    path = tmp_path / "version.txt"
    path.write_text(version_file_text("qonto-desktop", "Qonto Desktop", "1.2.3rc1"), "utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert isinstance(info, versioninfo.VSVersionInfo)
    ffi = info.ffi
    assert (ffi.fileVersionMS, ffi.fileVersionLS) == ((1 << 16) | 2, 3 << 16)
    assert (ffi.productVersionMS, ffi.productVersionLS) == ((1 << 16) | 2, 3 << 16)
    strings = string_table(info)
    assert strings["ProductName"] == "Qonto Desktop"
    assert strings["FileVersion"] == "1.2.3rc1"
    assert strings["ProductVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "qonto-desktop.exe"
    assert strings["InternalName"] == "qonto-desktop"
    (var_info,) = [kid for kid in info.kids if type(kid).__name__ == "VarFileInfo"]
    (translation,) = var_info.kids
    assert (translation.name, translation.kids) == ("Translation", [1033, 1200])


@pytest.mark.parametrize("version", ["65535.1.2.65535", "0.0.0", "3.14.159"])
def test_the_fixed_info_holds_the_four_numbers_in_two_words(
    versioninfo: Any, tmp_path: Path, version: str
) -> None:
    """VS_FIXEDFILEINFO keeps each version as two 32-bit words of two 16-bit numbers."""
    path = tmp_path / "version.txt"
    path.write_text(version_file_text("app", "An App", version), "utf-8")
    ffi = versioninfo.load_version_info_from_text_file(str(path)).ffi
    for high, low in (
        (ffi.fileVersionMS, ffi.fileVersionLS),
        (ffi.productVersionMS, ffi.productVersionLS),
    ):
        assert 0 <= high <= 0xFFFFFFFF
        assert 0 <= low <= 0xFFFFFFFF
        assert (high >> 16, high & 0xFFFF, low >> 16, low & 0xFFFF) == version_tuple(version)


def test_quotes_in_the_names_do_not_break_the_file(versioninfo: Any, tmp_path: Path) -> None:
    path = tmp_path / "version.txt"
    name, product = "l'app", 'Cabinet "Dupont" & fils, Comptabilité'
    path.write_text(version_file_text(name, product, "0.1.0"), "utf-8")
    strings = string_table(versioninfo.load_version_info_from_text_file(str(path)))
    assert strings["ProductName"] == product
    assert strings["OriginalFilename"] == "l'app.exe"
