"""Trimming a PyInstaller analysis: drop files by pattern, then the libraries nothing kept needs.

PyInstaller has no option to leave out Qt plugins, and on Linux its dependency analysis also
collects the build machine's libraries that those plugins link to (the GTK platform theme pulls
in all of GTK). The spec lists what to drop; :func:`prune_orphans` then removes the libraries
that only dropped files needed, whatever the build machine's distribution calls them.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatchcase

# PyInstaller's table of contents entries: (name in the bundle, source path or link target, kind).
Entry = tuple[str, str, str]
# The libraries a binary links to, as (name, resolved path or None) pairs.
Imports = Callable[[str], Iterable[tuple[str, str | None]]]

# Loaded by the bootloader or by Qt at run time (never linked to), so always kept.
ROOTS = ("*/plugins/*", "libpython*", "python3*.dll", "Python", "Python.framework/*")


def bundle_name(entry: Entry) -> str:
    """The entry's name in the bundle with forward slashes, whatever the OS."""
    return entry[0].replace("\\", "/")


def matches(entry: Entry, patterns: Sequence[str]) -> bool:
    """True when the entry's bundle name matches one of the shell-style ``patterns``."""
    name = bundle_name(entry)
    return any(fnmatchcase(name, pattern) for pattern in patterns)


def drop(entries: Iterable[Entry], patterns: Sequence[str]) -> list[Entry]:
    """The entries whose bundle name matches none of ``patterns``, in their order."""
    return [entry for entry in entries if not matches(entry, patterns)]


def prune_orphans(binaries: Sequence[Entry], imports: Imports) -> list[Entry]:
    """Keep Python extensions, Qt plugins and the libraries they need, directly or not.

    A plain shared library (``BINARY`` outside the plugin folders) is kept only when a kept
    file links to it; following the links starts from every extension and plugin.
    """
    libraries = {
        entry[0]: entry for entry in binaries if entry[2] == "BINARY" and not matches(entry, ROOTS)
    }
    by_path = {os.path.realpath(entry[1]): name for name, entry in libraries.items()}
    by_base = {os.path.basename(bundle_name(entry)): name for name, entry in libraries.items()}
    needed: set[str] = set()
    pending = [entry[1] for entry in binaries if entry[0] not in libraries]
    while pending:
        for name, path in imports(pending.pop()):
            found = by_path.get(os.path.realpath(path)) if path else None
            found = found or by_base.get(os.path.basename(name))
            if found is not None and found not in needed:
                needed.add(found)
                pending.append(libraries[found][1])
    return [entry for entry in binaries if entry[0] not in libraries or entry[0] in needed]


def drop_dangling_links(datas: Iterable[Entry], kept: Iterable[Entry]) -> list[Entry]:
    """Drop the symbolic links (``SYMLINK`` entries) whose target is no longer bundled.

    As in PyInstaller's table of contents, a link's target is relative to the link's folder
    (``QtCore.framework/Versions/Current`` -> ``A``); it may be a folder, and it may go through
    other links (``QtCore.framework/QtCore`` -> ``Versions/Current/QtCore``). A link is kept
    when its target, followed to the end, is a bundled file or a folder holding one.
    """
    datas, kept = list(datas), list(kept)
    files = {bundle_name(entry) for entry in kept if entry[2] != "SYMLINK"}
    present = files | {folder for name in files for folder in _folders(name)}
    links = {bundle_name(entry): _target(entry) for entry in [*kept, *datas] if _is_link(entry)}
    return [
        entry for entry in datas if not _is_link(entry) or _follow(_target(entry), links) in present
    ]


# Links followed in a row before giving up, as Linux does (MAXSYMLINKS); a cycle ends here too.
_MAX_LINKS = 40


def _is_link(entry: Entry) -> bool:
    return entry[2] == "SYMLINK"


def _target(link: Entry) -> str:
    """The bundle name a link points at (its target is relative to the link's folder)."""
    folder = posixpath.dirname(bundle_name(link))
    return posixpath.normpath(posixpath.join(folder, link[1].replace("\\", "/")))


def _folders(name: str) -> list[str]:
    """The folders ``name`` lies in: ``a/b/c`` -> ``a/b``, ``a``."""
    parts = name.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def _follow(name: str, links: dict[str, str]) -> str | None:
    """``name`` with every link on its way replaced by its target; None for a loop."""
    for _ in range(_MAX_LINKS):
        parts = name.split("/")
        through = next(
            (end for end in range(1, len(parts) + 1) if "/".join(parts[:end]) in links), None
        )
        if through is None:
            return name
        rest = parts[through:]
        name = posixpath.normpath(posixpath.join(links["/".join(parts[:through])], *rest))
    return None
