"""Trimming the build: files dropped by pattern, orphaned libraries, links left dangling."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from qonto_desktop.packaging.trim import (
    Entry,
    Imports,
    drop,
    drop_dangling_links,
    matches,
    prune_orphans,
)

Links = Mapping[str, list[tuple[str, str | None]]]

EXTENSION = ("PySide6/QtGui.abi3.so", "/site/PySide6/QtGui.abi3.so", "EXTENSION")
XCB_PLUGIN = (
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "/site/PySide6/Qt/plugins/platforms/libqxcb.so",
    "BINARY",
)
LIBPYTHON = ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY")
QT_GUI = ("libQt6Gui.so.6", "/site/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY")
XCB = ("libxcb.so.1", "/usr/lib/libxcb.so.1", "BINARY")
XAU = ("libXau.so.6", "/usr/lib/libXau.so.6", "BINARY")
ZLIB = ("libz.so.1", "/usr/lib/libz.so.1", "BINARY")
GTK = ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY")
GDK = ("libgdk-3.so.0", "/usr/lib/libgdk-3.so.0", "BINARY")

# Who links to whom, as (name, resolved path); the GTK theme plugin itself was dropped.
LINKS: Links = {
    EXTENSION[1]: [("libQt6Gui.so.6", QT_GUI[1])],
    XCB_PLUGIN[1]: [("libxcb.so.1", XCB[1]), ("libQt6Gui.so.6", QT_GUI[1])],
    XCB[1]: [("libXau.so.6", XAU[1])],
    LIBPYTHON[1]: [("libz.so.1", ZLIB[1]), ("libc.so.6", "/usr/lib/libc.so.6")],
    "/site/PySide6/Qt/plugins/platformthemes/libqgtk3.so": [("libgtk-3.so.0", GTK[1])],
    GTK[1]: [("libgdk-3.so.0", GDK[1])],
}


def imports_from(links: Links, asked: list[str] | None = None) -> Imports:
    """A stand-in for PyInstaller's ``get_imports``: the links of each source path."""

    def imports(path: str) -> list[tuple[str, str | None]]:
        if asked is not None:
            asked.append(path)
        return links.get(path, [])

    return imports


def names(entries: Iterable[Entry]) -> list[str]:
    return [entry[0] for entry in entries]


# --- matches and drop --------------------------------------------------------------------------


def test_a_pattern_matches_the_bundle_name_not_the_source() -> None:
    assert matches(XCB_PLUGIN, ["PySide6/Qt/plugins/platforms/*"])
    assert not matches(XCB_PLUGIN, ["/site/*"])
    assert not matches(XCB_PLUGIN, [])
    assert not matches(XCB_PLUGIN, ["PySide6/Qt/plugins/platformthemes/*"])


def test_windows_backslash_names_match_forward_slash_patterns() -> None:
    plugin = (
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "C:\\site\\PySide6\\plugins\\platforms\\qwindows.dll",
        "BINARY",
    )
    theme = ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "C:\\x.dll", "BINARY")
    assert matches(plugin, ["PySide6/plugins/platforms/*"])
    assert drop([plugin, theme], ["PySide6/plugins/styles/*"]) == [plugin]


def test_matching_is_case_sensitive() -> None:
    assert not matches(QT_GUI, ["libqt6gui*"])
    assert matches(QT_GUI, ["libQt6Gui*"])


def test_drop_keeps_the_others_in_their_order() -> None:
    entries = [GTK, QT_GUI, GDK, XCB, ZLIB]
    assert drop(entries, ["libg[dt]k-3*", "libz*"]) == [QT_GUI, XCB]
    assert drop(entries, []) == entries


# --- prune_orphans ------------------------------------------------------------------------------


def test_a_library_only_a_dropped_plugin_needed_goes() -> None:
    binaries = [EXTENSION, XCB_PLUGIN, LIBPYTHON, QT_GUI, XCB, XAU, ZLIB, GTK, GDK]
    kept = prune_orphans(binaries, imports_from(LINKS))
    assert names(kept) == names([EXTENSION, XCB_PLUGIN, LIBPYTHON, QT_GUI, XCB, XAU, ZLIB])


def test_a_library_two_links_away_from_a_plugin_stays() -> None:
    # plugin -> libxcb -> libXau: libXau is reached only through libxcb.
    kept = prune_orphans([XCB_PLUGIN, XCB, XAU], imports_from(LINKS))
    assert names(kept) == names([XCB_PLUGIN, XCB, XAU])
    assert prune_orphans([XCB, XAU], imports_from(LINKS)) == []


@pytest.mark.parametrize(
    "root",
    [
        EXTENSION,
        XCB_PLUGIN,
        LIBPYTHON,
        ("PySide6\\plugins\\platforms\\qwindows.dll", "/site/qwindows.dll", "BINARY"),
        ("python311.dll", "/site/python311.dll", "BINARY"),
    ],
    ids=["extension", "plugin", "libpython", "windows-plugin", "windows-python-dll"],
)
def test_extensions_plugins_and_libpython_are_roots(root: Entry) -> None:
    """Nothing links to them, yet they stay, and so does what they link to."""
    needed = ("libneeded.so.1", "/usr/lib/libneeded.so.1", "BINARY")
    orphan = ("liborphan.so.1", "/usr/lib/liborphan.so.1", "BINARY")
    links: Links = {root[1]: [("libneeded.so.1", needed[1])]}
    assert prune_orphans([root, needed, orphan], imports_from(links)) == [root, needed]


def test_a_plain_library_is_not_a_root() -> None:
    lonely = ("libQt6Widgets.so.6", "/site/PySide6/Qt/lib/libQt6Widgets.so.6", "BINARY")
    needed_by_it = ("libQt6Core.so.6", "/site/PySide6/Qt/lib/libQt6Core.so.6", "BINARY")
    links: Links = {lonely[1]: [("libQt6Core.so.6", needed_by_it[1])]}
    assert prune_orphans([lonely, needed_by_it], imports_from(links)) == []


def test_a_link_is_matched_by_its_resolved_path(tmp_path: Path) -> None:
    """The link names another file (a symbolic link) with another name: only the path tells."""
    real = tmp_path / "libreal.so.1.2.3"
    real.write_bytes(b"\x7fELF")
    alias = tmp_path / "libalias.so"
    alias.symlink_to(real.name)
    library = ("libbundled.so.1", str(real), "BINARY")
    links: Links = {EXTENSION[1]: [("libalias.so", str(alias))]}
    assert prune_orphans([EXTENSION, library], imports_from(links)) == [EXTENSION, library]
    unrelated: Links = {EXTENSION[1]: [("libalias.so", str(tmp_path / "libother.so"))]}
    assert prune_orphans([EXTENSION, library], imports_from(unrelated)) == [EXTENSION]


def test_a_link_is_matched_by_its_basename_when_unresolved() -> None:
    library = ("PySide6/Qt/lib/libicudata.so.73", "/elsewhere/libicudata.so.73.2", "BINARY")
    links: Links = {EXTENSION[1]: [("libicudata.so.73", None)]}
    assert prune_orphans([EXTENSION, library], imports_from(links)) == [EXTENSION, library]
    other: Links = {EXTENSION[1]: [("libicuuc.so.73", None)]}
    assert prune_orphans([EXTENSION, library], imports_from(other)) == [EXTENSION]


def test_cycles_terminate_and_each_file_is_read_once() -> None:
    first = ("liba.so", "/lib/liba.so", "BINARY")
    second = ("libb.so", "/lib/libb.so", "BINARY")
    lost = ("libc1.so", "/lib/libc1.so", "BINARY")
    lost_too = ("libc2.so", "/lib/libc2.so", "BINARY")
    links: Links = {
        EXTENSION[1]: [("liba.so", first[1])],
        first[1]: [("libb.so", second[1]), ("QtGui.abi3.so", EXTENSION[1])],
        second[1]: [("liba.so", first[1]), ("libb.so", second[1])],
        lost[1]: [("libc2.so", lost_too[1])],
        lost_too[1]: [("libc1.so", lost[1])],
    }
    asked: list[str] = []
    kept = prune_orphans([EXTENSION, first, second, lost, lost_too], imports_from(links, asked))
    assert kept == [EXTENSION, first, second]
    assert sorted(asked) == sorted([EXTENSION[1], first[1], second[1]])


# --- drop_dangling_links ------------------------------------------------------------------------


def test_a_link_whose_target_was_dropped_goes_and_data_is_untouched() -> None:
    core = ("PySide6/Qt/lib/libQt6Core.so.6", "/site/libQt6Core.so.6", "BINARY")
    to_core = ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")
    to_gtk = ("libgtk-3.so.0", "PySide6/Qt/lib/libgtk-3.so.0", "SYMLINK")
    page = ("resources/pages/gone.html", "/does/not/exist.html", "DATA")
    datas = [to_core, page, to_gtk]
    assert drop_dangling_links(datas, [core, *datas]) == [to_core, page]


def test_a_link_target_is_relative_to_the_links_folder() -> None:
    real = ("PySide6/Qt/lib/libicudata.so.73.2", "/site/libicudata.so.73.2", "BINARY")
    link = ("PySide6/Qt/lib/libicudata.so.73", "libicudata.so.73.2", "SYMLINK")
    up = ("PySide6/Qt/plugins/libicudata.so", "../lib/libicudata.so.73.2", "SYMLINK")
    assert drop_dangling_links([link, up], [real, link, up]) == [link, up]
    assert drop_dangling_links([link, up], [link, up]) == []


def test_framework_links_to_folders_and_through_links_are_kept() -> None:
    """The links PyInstaller makes in a macOS framework bundle."""
    framework = "PySide6/Qt/lib/QtCore.framework"
    binary = (f"{framework}/Versions/A/QtCore", "/site/QtCore", "BINARY")
    plist = (f"{framework}/Versions/A/Resources/Info.plist", "/site/Info.plist", "DATA")
    links = [
        (f"{framework}/Versions/Current", "A", "SYMLINK"),
        (f"{framework}/QtCore", "Versions/Current/QtCore", "SYMLINK"),
        (f"{framework}/Resources", "Versions/Current/Resources", "SYMLINK"),
    ]
    assert drop_dangling_links([plist, *links], [binary, plist, *links]) == [plist, *links]
    # Without the framework's files, every one of its links dangles.
    assert drop_dangling_links(links, links) == []


def test_windows_backslash_links_resolve() -> None:
    real = ("PySide6\\lib\\libx.so.1.0", "C:\\site\\libx.so.1.0", "BINARY")
    link = ("PySide6\\lib\\libx.so.1", "libx.so.1.0", "SYMLINK")
    up = ("PySide6\\plugins\\libx.so", "..\\lib\\libx.so.1.0", "SYMLINK")
    assert drop_dangling_links([link, up], [real]) == [link, up]
    assert drop_dangling_links([link, up], []) == []


def test_links_in_a_loop_are_dropped() -> None:
    one = ("lib/one", "two", "SYMLINK")
    two = ("lib/two", "one", "SYMLINK")
    itself = ("lib/self", "self", "SYMLINK")
    file = ("lib/file", "/site/file", "DATA")
    assert drop_dangling_links([one, two, itself, file], [file]) == [file]
