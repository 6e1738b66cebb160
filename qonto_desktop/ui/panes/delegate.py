"""How one connection is drawn in the list: its name and environment badge, then its status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.status import Status
from qonto_desktop.ui.plain import safe_text

CONNECTION_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ENVIRONMENT_ROLE = Qt.ItemDataRole.UserRole + 3

PADDING = 10
LINE_GAP = 6
ICON_SIZE = 16
BADGE_PADDING = 6
# Badge colours per environment: text on tint, and an outline, so it reads in any palette.
_BADGES = {
    "production": ("#0b3d91", "#dde7f7"),
    "sandbox": ("#6b3e00", "#fbebd2"),
    "emulator": ("#4a2a82", "#ece4f8"),
}
_DEFAULT_BADGE = ("#333333", "#ececec")

Index = QModelIndex | QPersistentModelIndex


class ConnectionDelegate(QStyledItemDelegate):
    """Two lines per connection; the words carry everything the colours show."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Room for the name, the badge line and some padding."""
        name = QFontMetrics(_bold(option.font))
        small = QFontMetrics(option.font)
        height = PADDING * 2 + name.height() + LINE_GAP + max(small.height() + 4, ICON_SIZE)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the selection background; the name and the badge; the status icon and words."""
        self.initStyleOption(option, index)
        option.text = ""
        if option.widget is not None:
            style = option.widget.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(role)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        bold = _bold(option.font)
        name_height = QFontMetrics(bold).height()
        first_line = QRect(rect.left(), rect.top(), rect.width(), name_height)
        badge = self._paint_badge(painter, option, index, first_line)
        painter.setFont(bold)
        painter.setPen(text_colour)
        name_width = badge.left() - 8 - rect.left()
        name = QFontMetrics(bold).elidedText(
            row_name(index), Qt.TextElideMode.ElideRight, name_width
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), name_width, name_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        status = index.data(STATUS_ROLE)
        if isinstance(status, Status):
            top = rect.top() + name_height + LINE_GAP
            metrics = QFontMetrics(option.font)
            line_height = max(metrics.height() + 4, ICON_SIZE)
            icon_top = top + (line_height - ICON_SIZE) // 2
            icon(status.icon).paint(painter, QRect(rect.left(), icon_top, ICON_SIZE, ICON_SIZE))
            x = rect.left() + ICON_SIZE + 6
            words = metrics.elidedText(status.words, Qt.TextElideMode.ElideRight, rect.right() - x)
            painter.setFont(option.font)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(x, top, rect.right() - x, line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                words,
            )
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, line: QRect
    ) -> QRect:
        """Draw the environment badge right-aligned on the first line; return where it went."""
        label = str(index.data(ENVIRONMENT_ROLE) or "")
        connection = index.data(CONNECTION_ROLE)
        environment = getattr(connection, "environment", "")
        foreground, background = _BADGES.get(environment, _DEFAULT_BADGE)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(label) + 2 * BADGE_PADDING
        height = min(line.height(), metrics.height() + 4)
        top = line.top() + (line.height() - height) // 2
        badge = QRect(line.right() - width + 1, top, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(foreground)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return badge


def row_name(index: Index) -> str:
    """The name a row paints: one display-safe line, whatever the model holds."""
    return safe_text(index.data(Qt.ItemDataRole.DisplayRole) or "")


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.08)
    return bold
