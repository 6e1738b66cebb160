"""The permission picker: Qonto's scopes grouped, in plain words, with presets and a search.

Each scope shows its label and description in the dialog's language, its exact name, and text
badges for sensitive and money-moving scopes (text, so nothing depends on colour). The raw scope
string the app will send is shown read-only for the technically minded.

The list of check boxes is one tab stop (:mod:`qonto_desktop.ui.roving_focus`): Tab enters it
on the box last used (the first one at the start), the arrow keys, Home and End move between
the boxes shown, and Space ticks or unticks. Every box keeps its accessible name and
description.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.errors import ConfigurationError
from qonto_desktop.i18n.localize import localize
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.scopes import NoScopesError, Scope
from qonto_desktop.qonto.user_access import USER_ORGANIZATIONS_SCOPE
from qonto_desktop.ui.connect.registration_form import line_edit
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.panes.error_view import message_label
from qonto_desktop.ui.roving_focus import RovingFocus

OFFLINE_ACCESS = "offline_access"


def scrolling(
    parent: QWidget, name: str, content: QWidget, *, frame: QFrame.Shape = QFrame.Shape.NoFrame
) -> QScrollArea:
    """A column that scrolls up and down, never sideways; Tab goes to what it holds.

    The column is at least as wide as ``content`` needs, so nothing is cut on the right.
    """
    area = QScrollArea(parent)
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setFrameShape(frame)
    area.setWidget(content)
    scroll_bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(content.minimumSizeHint().width() + scroll_bar + 2 * area.frameWidth())
    return area


class _BoxLabel(QLabel):
    """A check box's word-wrapped text (a QCheckBox cannot wrap): clicking it toggles the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text, box.parentWidget())
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Toggle the box, as clicking a check box's own text does."""
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)


class ScopeRow(QWidget):
    """One scope: its check box and label, badges, exact name and description."""

    def __init__(self, scope: Scope, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        badges = []
        if scope.sensitive:
            badges.append(self._badge(self.tr("Sensitive"), "sensitive"))
        if scope.moves_money:
            badges.append(self._badge(self.tr("Moves money"), "money"))
        self.checkbox = QCheckBox(self)
        self.checkbox.setObjectName(f"scope_{scope.name}")
        self.label = _BoxLabel(scope.label(language), self.checkbox)
        description = scope.description(language)
        note = scope.note(language)
        if note:
            description = self.tr("{description} Note: {note}").format(
                description=description, note=note
            )
        name = QLabel(scope.name, self)
        name.setObjectName("scope_name")
        name.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = message_label(self, "scope_description", role="plain")
        self.description.setText(description)
        words = [badge.text() for badge in badges]
        self.checkbox.setAccessibleName(scope.label(language))
        # The list is one tab stop: say how to move inside it.
        moving = self.tr("Up and Down move to the other permissions; Space ticks or unticks.")
        self.checkbox.setAccessibleDescription(
            " ".join([*(f"{word}." for word in words), description, scope.name, moving])
        )
        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(self.label)
        # Two badges and a long name do not fit one line of a narrow list: the name goes below.
        lines = [[*badges, name]] if len(badges) < 2 else [badges, [name]]
        for line in lines:
            tags = QHBoxLayout()
            tags.setSpacing(6)
            for widget in line:
                tags.addWidget(widget)
            tags.addStretch(1)
            text.addLayout(tags)
        text.addWidget(self.description)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 6)
        layout.addWidget(self.checkbox, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        self._haystack = " ".join([scope.name, scope.label(language), description, *words])
        self._haystack = self._haystack.casefold()

    def _badge(self, text: str, kind: str) -> QLabel:
        badge = QLabel(text, self)
        badge.setObjectName("badge")
        badge.setProperty("kind", kind)
        return badge

    def matches(self, words: Iterable[str]) -> bool:
        """True when every word appears in the name, label, description or badges."""
        return all(word in self._haystack for word in words)


class ScopePicker(QGroupBox):
    """Choose the permissions to ask Qonto for; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Permissions"), parent)
        self.setObjectName("scope_picker")
        self._syncing = False
        self._user_access = False
        self.presets = QComboBox(self)
        self.presets.setObjectName("preset")
        self.presets.setAccessibleName(self.tr("Preset"))
        self.presets.setAccessibleDescription(self.tr("Tick a ready-made set of permissions."))
        self.presets.addItem(self.tr("Custom selection"), None)
        for preset in scopes.PRESETS:
            self.presets.addItem(preset.label(language), preset.key)
            self.presets.setItemData(
                self.presets.count() - 1, preset.description(language), Qt.ItemDataRole.ToolTipRole
            )
        self.preset_description = message_label(self, "preset_description", role="hint")
        self.search = line_edit(
            self,
            "scope_search",
            self.tr("Search permissions"),
            self.tr("Shows only the permissions whose name or description contain these words."),
        )
        self.search.setPlaceholderText(self.tr("Search permissions"))
        self.search.setClearButtonEnabled(True)
        self.rows: dict[str, ScopeRow] = {}
        self._headings: list[tuple[QLabel, list[ScopeRow]]] = []
        # The list of boxes is one tab stop, walked with the arrow keys.
        self.roving = RovingFocus(self._shown_boxes, self._scroll_to, self)
        self.no_match = message_label(self, "no_match", role="hint")
        self.no_match.setText(self.tr("No permission matches this search."))
        self.no_match.hide()
        self.list = self._scope_list(language)
        self.offline_warning = message_label(self, "offline_warning", role="warning")
        self.offline_warning.setText(
            self.tr(
                "Warning: without offline access, the connection will stop after one hour "
                "and you will have to connect again."
            )
        )
        self.raw_scopes = line_edit(
            self,
            "raw_scopes",
            self.tr("Scope string"),
            self.tr("The exact scope string the app sends to Qonto."),
        )
        self.raw_scopes.setReadOnly(True)
        self.raw_scopes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.message = message_label(self, "scope_message")
        self._layout()
        self.presets.currentIndexChanged.connect(self._on_preset)
        self.search.textChanged.connect(self._filter)
        self.set_user_access(False)
        self.set_selected(scopes.DEFAULT_SCOPES)
        self.roving.refresh()

    def _scope_list(self, language: str) -> QScrollArea:
        content = QWidget()
        content.setObjectName("scope_list_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(2)
        for group, members in scopes.by_group():
            heading = QLabel(group.title(language), content)
            heading.setObjectName("group_heading")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            column.addSpacing(6)
            column.addWidget(heading)
            group_rows = []
            for scope in members:
                row = ScopeRow(scope, language, content)
                row.checkbox.toggled.connect(self._on_toggled)
                self.roving.add(row.checkbox)
                self.rows[scope.name] = row
                group_rows.append(row)
                column.addWidget(row)
            self._headings.append((heading, group_rows))
        column.addWidget(self.no_match)
        column.addStretch(1)
        return scrolling(self, "scope_list", content, frame=QFrame.Shape.StyledPanel)

    def _layout(self) -> None:
        top = QHBoxLayout()
        preset_label = QLabel(self.tr("Preset"), self)
        preset_label.setBuddy(self.presets)
        top.addWidget(preset_label)
        top.addWidget(self.presets, 1)
        raw = QHBoxLayout()
        raw_label = QLabel(self.tr("Scope string"), self)
        raw_label.setBuddy(self.raw_scopes)
        raw.addWidget(raw_label)
        raw.addWidget(self.raw_scopes, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preset_description)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.offline_warning)
        layout.addLayout(raw)
        layout.addWidget(self.message)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in focus-chain order.

        Every permission box is in the chain, in list order, but only :attr:`tab_stop` takes
        the focus from Tab; the others are reached with the arrow keys.
        """
        boxes: list[QWidget] = [row.checkbox for row in self.rows.values()]
        return [self.presets, self.search, *boxes, self.raw_scopes]

    @property
    def tab_stop(self) -> QCheckBox | None:
        """The one permission box Tab reaches, or None while the search shows none."""
        stop = self.roving.stop
        return stop if isinstance(stop, QCheckBox) else None

    def _shown_boxes(self) -> list[QWidget]:
        return [row.checkbox for row in self.rows.values() if not row.isHidden()]

    def _scroll_to(self, box: QWidget) -> None:
        row = box.parentWidget()
        if row is not None:
            self.list.ensureWidgetVisible(row)

    def checkbox(self, name: str) -> QCheckBox:
        """The check box of one scope."""
        return self.rows[name].checkbox

    def selected(self) -> tuple[str, ...]:
        """The ticked scope names, in catalogue order."""
        chosen = {name for name, row in self.rows.items() if row.checkbox.isChecked()}
        return tuple(scope.name for scope in scopes.CATALOGUE if scope.name in chosen)

    def set_user_access(self, user_access: bool) -> None:
        """Offer the permission to list all the user's companies only with Qonto's user access.

        With it, that permission is always asked for (ticked, not to be unticked); without it,
        it is not shown at all: Qonto would refuse the whole sign-in.
        """
        self._user_access = user_access
        row = self.rows.get(USER_ORGANIZATIONS_SCOPE)
        if row is None:
            return
        row.checkbox.setEnabled(not user_access)
        self._filter(self.search.text())
        self.set_selected(self.selected())

    def set_selected(self, names: Iterable[str]) -> None:
        """Tick exactly ``names`` (names the catalogue does not know are ignored)."""
        wanted = set(names) - {USER_ORGANIZATIONS_SCOPE}
        if self._user_access:
            wanted.add(USER_ORGANIZATIONS_SCOPE)
        self._syncing = True
        for name, row in self.rows.items():
            row.checkbox.setChecked(name in wanted)
        self._syncing = False
        self._on_toggled()

    def preset_key(self) -> str | None:
        """The preset the ticked permissions make up, or None for a choice of one's own."""
        key = self.presets.currentData()
        return None if key is None else str(key)

    def apply_preset(self, key: str) -> None:
        """Tick exactly the scopes of the preset ``key``."""
        self.set_selected(scopes.preset(key).scopes)

    def problems(self) -> list[str]:
        """What stops this choice from being sent, in the user's words."""
        try:
            scopes.validate(self.selected())
        except NoScopesError:
            return [self.tr("Choose at least one permission.")]
        except ConfigurationError as error:
            return [localize(error, current_language())[0]]
        return []

    def _on_preset(self, index: int) -> None:
        self._describe_preset(index)
        key = self.presets.itemData(index)
        if key is not None and not self._syncing:
            self.apply_preset(str(key))

    def _describe_preset(self, index: int) -> None:
        key = self.presets.itemData(index)
        tip = self.presets.itemData(index, Qt.ItemDataRole.ToolTipRole)
        self.preset_description.setText("" if key is None else str(tip))
        self.preset_description.setVisible(key is not None)

    def _on_toggled(self) -> None:
        if self._syncing:
            return
        chosen = self.selected()
        # With user access its permission is always added: a preset still matches around it.
        compared = set(chosen) - ({USER_ORGANIZATIONS_SCOPE} if self._user_access else set())
        match = next((p.key for p in scopes.PRESETS if set(p.scopes) == compared), None)
        self._syncing = True
        self.presets.setCurrentIndex(max(0, self.presets.findData(match)) if match else 0)
        self._syncing = False
        self._describe_preset(self.presets.currentIndex())
        self.offline_warning.setVisible(OFFLINE_ACCESS not in chosen)
        self.raw_scopes.setText(scopes.join(chosen))
        self.raw_scopes.setCursorPosition(0)
        problems = self.problems()
        self.message.setText(" ".join(problems))
        self.message.setVisible(bool(problems))
        self.changed.emit()

    def _offered(self, row: ScopeRow) -> bool:
        return self._user_access or row is not self.rows.get(USER_ORGANIZATIONS_SCOPE)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        shown = 0
        for heading, rows in self._headings:
            visible = [row for row in rows if row.matches(words) and self._offered(row)]
            for row in rows:
                row.setVisible(row in visible)
            heading.setVisible(bool(visible))
            shown += len(visible)
        self.no_match.setVisible(shown == 0)
        self.roving.refresh()  # a hidden tab stop hands over to the first box shown
