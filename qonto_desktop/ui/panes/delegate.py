"""How one cell of the connections table is drawn: a first line, and a smaller second one.

The company's cell carries its name, then its legal name, SIREN and environment badge; the
status cell its icon and words; the others a date or an amount, then how long or since when.
Every row has the same height, so the view lays out 300 rows without asking each one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.connection_model import (
    BALANCE,
    CONNECTION_ROLE,
    DETAIL_ROLE,
    ENVIRONMENT_ROLE,
    NAME,
    STATUS,
    STATUS_ROLE,
)
from qonto_desktop.ui.panes.status import Status
from qonto_desktop.ui.plain import safe_text

__all__ = ["CONNECTION_ROLE", "ENVIRONMENT_ROLE", "STATUS_ROLE", "ConnectionDelegate", "row_name"]

PADDING = 6
LINE_GAP = 3
ICON_SIZE = 16
BADGE_PADDING = 6
# Badge colours per environment: text on tint, and an outline, so it reads in any palette.
_BADGES = {
    "production": ("#0b3d91", "#dde7f7"),
    "sandbox": ("#6b3e00", "#fbebd2"),
    "emulator": ("#4a2a82", "#ece4f8"),
}
_DEFAULT_BADGE = ("#333333", "#ececec")
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


class _Fonts:
    """The fonts of a row for one base font, and their metrics, made once per base font."""

    def __init__(self, font: QFont) -> None:
        self.base = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.bold.setPointSizeF(font.pointSizeF() * 1.05)
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self.badge = QFont(font)
        self.badge.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self.badge.setBold(True)
        self.metrics = {
            id(kind): QFontMetrics(kind) for kind in (self.base, self.bold, self.small, self.badge)
        }
        self.first = max(self.metrics[id(self.bold)].height(), ICON_SIZE)
        self.second = self.metrics[id(self.small)].height()
        self.height = PADDING * 2 + self.first + LINE_GAP + self.second

    def of(self, font: QFont) -> QFontMetrics:
        """The metrics of one of these fonts."""
        return self.metrics[id(font)]


_FONTS: dict[str, _Fonts] = {}


def fonts(font: QFont) -> _Fonts:
    """The row's fonts for ``font`` (a view's), made the first time it is seen."""
    key = font.key()
    made = _FONTS.get(key)
    if made is None:
        made = _FONTS[key] = _Fonts(font)
    return made


def row_height(font: QFont) -> int:
    """The one height of every row: padding, the first line (bold), a gap, the second line."""
    return fonts(font).height


class ConnectionDelegate(QStyledItemDelegate):
    """Two lines per cell; the words carry everything the colours and icons show."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """The same for every row (the view never measures them one by one)."""
        return QSize(120, fonts(option.font).height)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        """The cell as Qt's style draws it, without its text: the delegate writes the lines."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the selection background, then the cell's two lines."""
        # Qt's own painting of an empty cell (background, selection, focus); and the selection
        # asked of the view, which spares the GUI thread PySide's QStyle class (about 6 ms).
        super().paint(painter, option, index)
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(role)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        row = fonts(option.font)
        first = QRect(rect.left(), rect.top(), rect.width(), row.first)
        second = QRect(rect.left(), first.bottom() + 1 + LINE_GAP, rect.width(), row.second)
        column = index.column()
        painter.save()
        painter.setPen(colour)
        if column == NAME:  # the name has the first line; the badge ends the second
            _text(painter, row, row.bold, first, row_name(index))
            badge = self._paint_badge(painter, row, index, second)
            second.setRight(badge.left() - 6)
            painter.setPen(colour)
        elif column == STATUS:
            self._paint_status(painter, row, index, first)
        else:
            _text(painter, row, row.base, first, str(index.data() or ""), right=column == BALANCE)
        detail = str(index.data(DETAIL_ROLE) or "")
        if detail:
            _text(painter, row, row.small, second, detail, right=column == BALANCE)
        painter.restore()

    def _paint_status(self, painter: QPainter, row: _Fonts, index: Index, line: QRect) -> None:
        status = index.data(STATUS_ROLE)
        if not isinstance(status, Status):
            return
        top = line.top() + (line.height() - ICON_SIZE) // 2
        icon(status.icon).paint(painter, QRect(line.left(), top, ICON_SIZE, ICON_SIZE))
        words = QRect(line.left() + ICON_SIZE + 6, line.top(), 0, line.height())
        words.setRight(line.right())
        _text(painter, row, row.base, words, status.words)

    def _paint_badge(self, painter: QPainter, row: _Fonts, index: Index, line: QRect) -> QRect:
        """Draw the environment badge right-aligned on ``line``; return where it went."""
        label = str(index.data(ENVIRONMENT_ROLE) or "")
        connection = index.data(CONNECTION_ROLE)
        environment = getattr(connection, "environment", "")
        foreground, background = _BADGES.get(environment, _DEFAULT_BADGE)
        font = row.badge
        metrics = row.of(font)
        width = metrics.horizontalAdvance(label) + 2 * BADGE_PADDING
        height = min(line.height(), metrics.height() + 4)
        top = line.top() + (line.height() - height) // 2
        badge = QRect(line.right() - width + 1, top, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(foreground)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
        return badge


def row_name(index: Index) -> str:
    """The name a row paints: one display-safe line, whatever the model holds."""
    return safe_text(index.sibling(index.row(), NAME).data(Qt.ItemDataRole.DisplayRole) or "")


def _text(
    painter: QPainter, row: _Fonts, font: QFont, rect: QRect, text: str, *, right: bool = False
) -> None:
    """One line of ``text`` in ``rect``, elided at its end when it does not fit."""
    painter.setFont(font)
    elided = row.of(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
    painter.drawText(rect, _RIGHT if right else _LEFT, elided)
