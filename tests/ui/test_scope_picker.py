"""The permission picker: defaults, presets, search, the offline warning, the raw scope string."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from qonto_desktop.qonto import scopes
from qonto_desktop.ui.connect.scope_picker import ScopePicker


@pytest.fixture
def picker(qtbot: QtBot) -> ScopePicker:
    shown = ScopePicker("en")
    qtbot.addWidget(shown)
    shown.resize(480, 600)
    shown.show()
    return shown


def visible_rows(picker: ScopePicker) -> set[str]:
    return {name for name, row in picker.rows.items() if row.isVisibleTo(picker)}


def test_the_default_permissions_are_ticked_and_spelled_out(picker: ScopePicker) -> None:
    assert picker.selected() == scopes.validate(scopes.DEFAULT_SCOPES)
    assert picker.raw_scopes.text() == scopes.join(picker.selected())
    assert picker.raw_scopes.isReadOnly()
    assert not picker.offline_warning.isVisibleTo(picker)
    assert picker.problems() == []
    assert len(picker.rows) == len(scopes.CATALOGUE)


def test_ticking_a_box_updates_the_scope_string(qtbot: QtBot, picker: ScopePicker) -> None:
    changes: list[None] = []
    picker.changed.connect(lambda: changes.append(None))
    QTest.mouseClick(picker.checkbox("card.read"), Qt.MouseButton.LeftButton)
    assert "card.read" in picker.raw_scopes.text().split()
    assert picker.raw_scopes.text() == scopes.join(scopes.validate(picker.selected()))
    assert changes
    picker.checkbox("card.read").setChecked(False)
    assert "card.read" not in picker.raw_scopes.text().split()


def test_clicking_a_label_toggles_its_box(qtbot: QtBot, picker: ScopePicker) -> None:
    row = picker.rows["team.read"]
    assert not row.checkbox.isChecked()
    QTest.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert row.checkbox.isChecked()


def test_unticking_offline_access_warns_the_connection_stops_after_an_hour(
    picker: ScopePicker,
) -> None:
    picker.checkbox("offline_access").setChecked(False)
    assert picker.offline_warning.isVisibleTo(picker)
    assert "stop after one hour" in picker.offline_warning.text()
    picker.checkbox("offline_access").setChecked(True)
    assert not picker.offline_warning.isVisibleTo(picker)


@pytest.mark.parametrize("preset", scopes.PRESETS, ids=lambda preset: preset.key)
def test_a_preset_ticks_exactly_its_boxes(picker: ScopePicker, preset: scopes.Preset) -> None:
    picker.presets.setCurrentIndex(picker.presets.findData(preset.key))
    ticked = {name for name, row in picker.rows.items() if row.checkbox.isChecked()}
    assert ticked == set(preset.scopes)
    assert picker.preset_description.text() == preset.description("en")
    picker.checkbox("webhook").toggle()  # any change makes it a custom selection
    assert picker.presets.currentData() is None
    assert not picker.preset_description.isVisibleTo(picker)


def test_a_selection_equal_to_a_preset_shows_that_preset(picker: ScopePicker) -> None:
    picker.set_selected(scopes.preset("bookkeeping").scopes)
    assert picker.presets.currentData() == "bookkeeping"
    assert picker.selected() == scopes.validate(scopes.preset("bookkeeping").scopes)


def test_the_search_filters_by_label_description_name_and_badge(
    qtbot: QtBot, picker: ScopePicker
) -> None:
    QTest.keyClicks(picker.search, "invoice")
    shown = visible_rows(picker)
    assert {"client_invoices.read", "supplier_invoice.write"} <= shown
    assert "card.read" not in shown
    picker.search.clear()
    QTest.keyClicks(picker.search, "moves money")
    assert visible_rows(picker) == {s.name for s in scopes.CATALOGUE if s.moves_money}
    picker.search.setText("card.write")
    assert visible_rows(picker) == {"card.write"}
    headings = [heading for heading, _ in picker._headings if heading.isVisibleTo(picker)]
    assert [heading.text() for heading in headings] == ["Cards"]
    picker.search.setText("no such permission anywhere")
    assert visible_rows(picker) == set()
    assert picker.no_match.isVisibleTo(picker)
    picker.search.clear()
    # Every permission but user_organization.read, offered only with Qonto's user access.
    assert len(visible_rows(picker)) == len(scopes.CATALOGUE) - 1
    assert not picker.no_match.isVisibleTo(picker)


def test_the_companies_permission_is_offered_only_with_user_access(
    qtbot: QtBot, picker: ScopePicker
) -> None:
    name = "user_organization.read"
    assert name not in visible_rows(picker)
    picker.set_selected((*picker.selected(), name))  # a saved choice cannot bring it back
    assert name not in picker.selected()
    picker.search.setText("organizations")
    assert name not in visible_rows(picker)
    picker.search.clear()
    picker.set_user_access(True)
    assert name in visible_rows(picker)
    assert picker.checkbox(name).isChecked()
    assert not picker.checkbox(name).isEnabled()  # always asked for with user access
    picker.set_selected(("openid",))
    assert picker.selected() == ("openid", name)
    assert name in picker.raw_scopes.text()
    picker.set_user_access(False)
    assert name not in visible_rows(picker)
    assert picker.selected() == ("openid",)


def test_a_hidden_box_stays_ticked(picker: ScopePicker) -> None:
    picker.search.setText("card")
    assert "organization.read" in picker.selected()


def badges(picker: ScopePicker, name: str) -> list[str]:
    return [label.text() for label in picker.rows[name].findChildren(QLabel, "badge")]


def test_badges_are_words_not_only_colours(picker: ScopePicker) -> None:
    assert badges(picker, "payment.write") == ["Sensitive", "Moves money"]
    assert badges(picker, "organization.read") == ["Sensitive"]
    assert badges(picker, "team.read") == []
    description = picker.checkbox("payment.write").accessibleDescription()
    assert description.startswith("Sensitive. Moves money.")
    assert "payment.write" in description


def test_no_permission_at_all_is_a_problem(picker: ScopePicker) -> None:
    picker.set_selected(())
    assert picker.problems() == ["Choose at least one permission."]
    assert picker.message.isVisibleTo(picker)
    assert picker.raw_scopes.text() == ""


def test_labels_and_descriptions_follow_the_language(qtbot: QtBot) -> None:
    french = ScopePicker("fr")
    qtbot.addWidget(french)
    scope = scopes.get("organization.read")
    row = french.rows["organization.read"]
    assert row.label.text() == scope.label("fr")
    assert row.checkbox.accessibleName() == scope.label("fr")
    assert row.description.text().startswith(scope.description("fr"))
    preset = scopes.PRESETS[0]
    assert french.presets.itemText(french.presets.findData(preset.key)) == preset.label("fr")


IN_ORDER = [scope.name for _, members in scopes.by_group() for scope in members]


def focused(picker: ScopePicker) -> str:
    """The scope whose box has the focus, or the focused widget's object name."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return next((name for name, row in picker.rows.items() if row.checkbox is widget), "") or (
        widget.objectName()
    )


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key, modifier)


def tab_stops(picker: ScopePicker) -> list[str]:
    return [
        name
        for name, row in picker.rows.items()
        if row.checkbox.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


@pytest.fixture
def active(qtbot: QtBot, picker: ScopePicker) -> ScopePicker:
    """The picker as the active window, its search field focused."""
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)
    picker.search.setFocus()
    qtbot.waitUntil(picker.search.hasFocus)
    return picker


def test_the_permissions_are_one_tab_stop_walked_with_the_arrow_keys(active: ScopePicker) -> None:
    picker = active
    assert tab_stops(picker) == [IN_ORDER[0]]
    press(Qt.Key.Key_Tab)
    assert focused(picker) == IN_ORDER[0]
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    assert focused(picker) == IN_ORDER[2]
    assert tab_stops(picker) == [IN_ORDER[2]]
    ticked = picker.checkbox(IN_ORDER[2]).isChecked()
    press(Qt.Key.Key_Space)
    assert picker.checkbox(IN_ORDER[2]).isChecked() is not ticked
    assert (IN_ORDER[2] in picker.raw_scopes.text().split()) is not ticked
    press(Qt.Key.Key_Up)
    assert focused(picker) == IN_ORDER[1]
    press(Qt.Key.Key_End)
    assert focused(picker) == IN_ORDER[-1]
    press(Qt.Key.Key_Down)  # the last stays the last: the arrows never leave the list
    assert focused(picker) == IN_ORDER[-1]
    press(Qt.Key.Key_Home)
    assert focused(picker) == IN_ORDER[0]
    press(Qt.Key.Key_Up)
    assert focused(picker) == IN_ORDER[0]
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Tab)  # out of the list in one press, whichever box had the focus
    assert focused(picker) == "raw_scopes"
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the box last used
    assert focused(picker) == IN_ORDER[-1]
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused(picker) == "scope_search"


def test_the_arrow_keys_skip_what_the_search_hides(active: ScopePicker) -> None:
    picker = active
    QTest.keyClicks(picker.search, "card")
    shown = [name for name in IN_ORDER if name in visible_rows(picker)]
    assert len(shown) >= 2
    assert tab_stops(picker) == [shown[0]]  # the first stop was hidden: the first one shown
    press(Qt.Key.Key_Tab)
    assert focused(picker) == shown[0]
    press(Qt.Key.Key_Down)
    assert focused(picker) == shown[1]
    press(Qt.Key.Key_End)
    assert focused(picker) == shown[-1]
    picker.search.setText("no such permission anywhere")
    assert tab_stops(picker) == []  # nothing to stop on: Tab goes on to the scope string
    picker.search.setFocus()
    press(Qt.Key.Key_Tab)
    assert focused(picker) == "raw_scopes"
    picker.search.clear()
    assert tab_stops(picker) == [IN_ORDER[0]]


def test_a_clicked_box_becomes_the_tab_stop(qtbot: QtBot, active: ScopePicker) -> None:
    picker = active
    QTest.mouseClick(picker.rows["team.read"].label, Qt.MouseButton.LeftButton)
    assert picker.checkbox("team.read").isChecked()
    assert tab_stops(picker) == ["team.read"]
    picker.search.setFocus()
    qtbot.waitUntil(picker.search.hasFocus)
    press(Qt.Key.Key_Tab)
    assert focused(picker) == "team.read"


def test_every_box_keeps_its_accessible_name_and_description(picker: ScopePicker) -> None:
    for name, row in picker.rows.items():
        scope = scopes.get(name)
        assert row.checkbox.accessibleName() == scope.label("en")
        assert name in row.checkbox.accessibleDescription()
        assert row.checkbox.focusPolicy() & Qt.FocusPolicy.ClickFocus  # the mouse still works


def test_every_box_tells_a_screen_reader_how_to_move_in_the_list(picker: ScopePicker) -> None:
    for row in picker.rows.values():
        assert "Up and Down move to the other permissions" in row.checkbox.accessibleDescription()


def test_a_preset_stays_chosen_with_user_access(qtbot: QtBot, picker: ScopePicker) -> None:
    picker.set_user_access(True)
    picker.apply_preset("bookkeeping")
    assert picker.presets.currentData() == "bookkeeping"
    assert set(picker.selected()) == {
        *scopes.preset("bookkeeping").scopes,
        "user_organization.read",
    }
