"""The index of connections: keys, upserts, updates, removal and finding what the user means."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.index import (
    AmbiguousError,
    ConnectionIndex,
    IndexLoad,
    NotFoundError,
)
from tests.support.connections import sample


@pytest.fixture
def index(tmp_path: Path) -> ConnectionIndex:
    return ConnectionIndex(tmp_path / "data" / "connections.json")


def ids(index: ConnectionIndex) -> list[str]:
    return [c.id for c in index.load().connections]


def test_the_default_index_lives_in_the_app_homes_data_folder(app_home: Path) -> None:
    index = ConnectionIndex.default()
    assert index.path == app_home.resolve() / "data" / "connections.json"
    index.save(sample())
    assert (app_home / "data" / "connections.json").is_file()


def test_a_missing_file_is_an_empty_list_without_a_problem(index: ConnectionIndex) -> None:
    assert index.load() == IndexLoad((), None)
    assert not index.path.parent.exists()  # reading creates nothing


def test_a_saved_connection_reads_back_whole(index: ConnectionIndex) -> None:
    stored = index.save(sample())
    assert stored == sample()
    assert index.load() == IndexLoad((sample(),), None)
    assert ConnectionIndex(index.path).get("c0nn1") == sample()


def test_the_list_is_sorted_by_display_name_ignoring_case(index: ConnectionIndex) -> None:
    index.save(sample(id="b", organization_id="o1", organization_name="bravo"))
    index.save(sample(id="a", organization_id="o2", organization_name="Alpha"))
    index.save(sample(id="c", organization_id="o3", organization_name="Charlie"))
    unverified = sample(id="u", organization_id=None, organization_name="", subject="s9")
    index.save(unverified)  # "Unverified connection u"
    assert ids(index) == ["a", "b", "c", "u"]


def test_saving_the_same_organization_again_replaces_it_keeping_id_and_creation(
    index: ConnectionIndex,
) -> None:
    first = index.save(sample(id="first", created_at=100.0))
    again = sample(id="second", created_at=200.0, role="admin", refreshed_at=300.0)
    stored = index.save(again)
    assert stored.id == first.id == "first"
    assert stored.created_at == 100.0
    assert stored.role == "admin"
    assert stored.refreshed_at == 300.0
    assert index.load().connections == (stored,)


def test_the_same_organization_in_another_environment_is_another_connection(
    index: ConnectionIndex,
) -> None:
    index.save(sample(id="prod", environment="production"))
    index.save(sample(id="sand", environment="sandbox"))
    assert sorted(ids(index)) == ["prod", "sand"]


def test_an_unverified_connection_is_keyed_by_its_subject(index: ConnectionIndex) -> None:
    unverified = sample(id="u1", organization_id=None, organization_name="", subject="sub-A")
    index.save(unverified)
    stored = index.save(sample(id="u2", organization_id=None, subject="sub-A", role="admin"))
    assert stored.id == "u1"
    index.save(sample(id="u3", organization_id=None, organization_name="", subject="sub-B"))
    index.save(sample(id="u4", organization_id=None, subject="sub-A", environment="sandbox"))
    assert sorted(ids(index)) == ["u1", "u3", "u4"]


def test_without_organization_or_subject_a_connection_is_keyed_by_id(
    index: ConnectionIndex,
) -> None:
    index.save(sample(id="x1", organization_id=None, subject=None))
    index.save(sample(id="x2", organization_id=None, subject=None))
    stored = index.save(sample(id="x1", organization_id=None, subject=None, role="admin"))
    assert stored.role == "admin"
    assert sorted(ids(index)) == ["x1", "x2"]


def test_saving_with_a_known_id_replaces_that_connection_even_with_a_new_key(
    index: ConnectionIndex,
) -> None:
    index.save(sample(id="u1", organization_id=None, organization_name="", subject="sub-A"))
    verified = index.save(sample(id="u1", organization_id="org-7", created_at=999.0))
    assert verified.organization_id == "org-7"
    assert verified.created_at == sample().created_at  # the first save's
    assert ids(index) == ["u1"]


def test_update_changes_fields_and_returns_the_stored_connection(index: ConnectionIndex) -> None:
    index.save(sample())
    updated = index.update("c0nn1", state="needs_reconnect", state_reason="Refused.")
    assert updated.state == "needs_reconnect"
    assert updated == replace(sample(), state="needs_reconnect", state_reason="Refused.")
    assert index.get("c0nn1") == updated


def test_update_all_changes_several_connections_in_one_write(index: ConnectionIndex) -> None:
    for number in (1, 2, 3):
        index.save(sample(id=f"c{number}", organization_id=f"org-{number}", grant_id="g"))
    changed = index.update_all(["c1", "c3", "gone"], access_expires_at=5.0)
    assert sorted(c.id for c in changed) == ["c1", "c3"]
    assert [index.get(i).access_expires_at for i in ("c1", "c2", "c3")] == [
        5.0,
        sample().access_expires_at,
        5.0,
    ]
    with pytest.raises(TypeError):
        index.update_all(["c1"], id="other")


def test_update_of_a_missing_connection_is_not_found(index: ConnectionIndex) -> None:
    index.save(sample())
    with pytest.raises(NotFoundError) as caught:
        index.update("gone", role="admin")
    assert caught.value.code == "not_found"
    assert caught.value.message == "No connection matches 'gone'."
    assert caught.value.next_action == "Run `status` to list them."
    assert isinstance(caught.value, QontoDesktopError)


def test_update_refuses_to_change_the_id_or_an_unknown_field(index: ConnectionIndex) -> None:
    index.save(sample())
    with pytest.raises(TypeError):
        index.update("c0nn1", id="other")
    with pytest.raises(TypeError):
        index.update("c0nn1", refresh_token="never stored")
    assert index.load().connections == (sample(),)


def test_update_never_stores_a_value_that_would_not_read_back(index: ConnectionIndex) -> None:
    index.save(sample())
    with pytest.raises(ValueError, match="state"):
        index.update("c0nn1", state="happy")
    assert index.load() == IndexLoad((sample(),), None)


def test_remove_forgets_one_connection_and_a_missing_one_is_fine(index: ConnectionIndex) -> None:
    index.save(sample(id="a", organization_id="o1"))
    index.save(sample(id="b", organization_id="o2"))
    index.remove("a")
    index.remove("a")
    index.remove("never-there")
    assert ids(index) == ["b"]


def test_remove_on_a_missing_file_creates_nothing_but_the_folder(index: ConnectionIndex) -> None:
    index.remove("x")
    assert not index.path.exists()


def test_get_of_a_missing_id_is_not_found(index: ConnectionIndex) -> None:
    with pytest.raises(NotFoundError, match="'nope'"):
        index.get("nope")


# --- find ---------------------------------------------------------------------------------------


@pytest.fixture
def three(index: ConnectionIndex) -> ConnectionIndex:
    index.save(sample(id="id-acme", organization_id="o1", organization_name="Acme Bakery"))
    index.save(
        sample(
            id="id-acmes",
            environment="sandbox",
            organization_id="o1",
            organization_name="Acme Bakery",
        )
    )
    index.save(
        sample(
            id="id-bolt",
            organization_id="o2",
            organization_name="Bolt & Co",
            organization_slug="bolt",
        )
    )
    return index


def test_find_none_is_the_only_connection(index: ConnectionIndex) -> None:
    index.save(sample())
    assert index.find(None).id == "c0nn1"
    assert index.find("  ").id == "c0nn1"


def test_find_none_without_connections_is_not_found(index: ConnectionIndex) -> None:
    with pytest.raises(NotFoundError) as caught:
        index.find(None)
    assert not isinstance(caught.value, AmbiguousError)
    assert caught.value.message == "There is no connection yet."


def test_find_none_with_several_is_ambiguous_and_names_them(three: ConnectionIndex) -> None:
    with pytest.raises(AmbiguousError) as caught:
        three.find(None)
    assert caught.value.code == "ambiguous"
    assert [c.id for c in caught.value.candidates] == ["id-acme", "id-acmes", "id-bolt"]
    for name in ("id-acme (Acme Bakery, production)", "id-acmes (Acme Bakery, sandbox)"):
        assert name in caught.value.message


def test_find_an_exact_id_first(three: ConnectionIndex) -> None:
    assert three.find("id-acmes").environment == "sandbox"


def test_find_an_exact_id_before_a_name_that_starts_with_it(index: ConnectionIndex) -> None:
    index.save(sample(id="acme", organization_id="o1", organization_name="Zed"))
    index.save(
        sample(id="z", organization_id="o2", organization_name="Acme", organization_slug="s")
    )
    assert index.find("acme").organization_name == "Zed"


def test_find_an_exact_slug(three: ConnectionIndex) -> None:
    assert three.find("bolt").id == "id-bolt"


def test_find_an_exact_name_ignoring_case_before_prefixes(index: ConnectionIndex) -> None:
    index.save(
        sample(id="a", organization_id="o1", organization_name="Acme", organization_slug="a")
    )
    index.save(
        sample(id="b", organization_id="o2", organization_name="Acme Two", organization_slug="b")
    )
    assert index.find("ACME").id == "a"


def test_find_a_unique_prefix_of_a_name_or_a_slug_ignoring_case(three: ConnectionIndex) -> None:
    assert three.find("bOlT &").id == "id-bolt"  # name prefix
    assert three.find("BO").id == "id-bolt"  # slug and name prefix, one connection


def test_find_an_ambiguous_name_names_the_candidates(three: ConnectionIndex) -> None:
    with pytest.raises(AmbiguousError) as caught:
        three.find("acme bakery")  # the same organization in two environments
    assert {c.id for c in caught.value.candidates} == {"id-acme", "id-acmes"}
    assert caught.value.message.startswith("'acme bakery' matches several connections:")
    assert caught.value.next_action == "Name one by its id."
    with pytest.raises(AmbiguousError):
        three.find("ac")  # a prefix


def test_find_nothing_is_not_found(three: ConnectionIndex) -> None:
    with pytest.raises(NotFoundError) as caught:
        three.find("zebra")
    assert not isinstance(caught.value, AmbiguousError)
    assert caught.value.query == "zebra"
