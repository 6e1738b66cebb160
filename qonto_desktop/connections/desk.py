"""The app-wide value the use cases work with: files, keyring, index, settings, variables, clock.

A face builds one :class:`Desk` at its edge with :func:`open_desk` (paths and settings read
once, then handed down); tests build one with in-memory keyrings, a temporary home and the
emulator. What one connection needs on top (its environment, token client, headers, lock) is
resolved once into a :class:`~qonto_desktop.connections.context.ConnectionContext`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths, app_paths
from qonto_desktop.system.settings import load_settings

if TYPE_CHECKING:
    from qonto_desktop.qonto.environments import Environment


@dataclass(frozen=True)
class Desk:
    """The user's connections and what is needed to use them, the same for every connection."""

    paths: AppPaths
    secrets: SecretStore
    index: ConnectionIndex
    settings: Mapping[str, Any]
    environ: Mapping[str, str]
    now: Callable[[], float] = time.time
    pause: Callable[[float], None] = time.sleep


def environment_of(desk: Desk, name: str) -> Environment:
    """The environment called ``name``, with the desk's settings and variables.

    Raises:
        ConfigurationError: no environment has that name, or its settings are unusable.
    """
    from qonto_desktop.qonto import environments  # noqa: PLC0415 - not on token's quick path

    return environments.by_name(name, desk.environ, desk.settings)


def open_desk(
    environ: Mapping[str, str] | None = None,
    *,
    paths: AppPaths | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Desk:
    """The desk of the user running the app: OS keyring, files under the app's folders.

    Paths and settings are read here once unless the face already holds them.
    """
    env = dict(os.environ if environ is None else environ)
    where = app_paths(env) if paths is None else paths
    return Desk(
        paths=where,
        secrets=SecretStore(),
        index=ConnectionIndex(where.data_dir / "connections.json"),
        settings=load_settings(where) if settings is None else settings,
        environ=env,
    )
