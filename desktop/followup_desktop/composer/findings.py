"""The findings beside the editor, as a real list model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from followup.checker import Finding, Severity
from followup_desktop.icons import icon
from followup_desktop.status_palette import Tone, tone

ICONS = {Severity.ERROR: "overdue", Severity.WARNING: "due", Severity.INFO: "upcoming"}
WORDS = {Severity.ERROR: "Fix", Severity.WARNING: "Consider", Severity.INFO: "Note"}


class FindingsModel(QAbstractListModel):
    """The letter's findings, then the subject line's (each row knows which it is about)."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.in_subject: list[bool] = []

    def set_findings(self, findings: Sequence[Finding], subject: Sequence[Finding] = ()) -> None:
        """Rows that read as before stay (typing moves findings, not their words): only the
        run of rows that differs is removed and inserted, so the list keeps its layout."""
        rows = [*findings, *subject]
        where = [False] * len(findings) + [True] * len(subject)
        old = [_shown(f, s) for f, s in zip(self.findings, self.in_subject, strict=True)]
        new = [_shown(f, s) for f, s in zip(rows, where, strict=True)]
        same = min(len(old), len(new))
        head = next((i for i in range(same) if old[i] != new[i]), same)
        tail = next((i for i in range(same - head) if old[-1 - i] != new[-1 - i]), same - head)
        if head < len(old) - tail:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            del self.findings[head : len(old) - tail], self.in_subject[head : len(old) - tail]
            self.endRemoveRows()
        if head < len(new) - tail:
            self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
            self.findings[head:head] = rows[head : len(new) - tail]
            self.in_subject[head:head] = where[head : len(new) - tail]
            self.endInsertRows()
        # Rows that read the same may be about words that moved: where each one is now is
        # not row data (no view shows it; a click asks ``chosen``), so it changes silently.
        self.findings = rows

    def chosen(self, row: int) -> tuple[Finding, bool]:
        """The finding of a row, where it is now, and whether it is about the subject line."""
        return self.findings[row], self.in_subject[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        subject = self.in_subject[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            where = " in the subject" if subject else ""  # "Fix in the subject: …"
            return f"{WORDS[finding.severity]}{where}: {finding.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Click to select the words it is about" if finding.start is not None else None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(ICONS[finding.severity])
        if role == Qt.ItemDataRole.ForegroundRole and finding.severity is Severity.ERROR:
            return tone(Tone.ERROR)
        return None


def _shown(finding: Finding, in_subject: bool) -> tuple[object, ...]:
    """What a row shows of a finding (its words and tooltip), not where it is."""
    return finding.rule, finding.severity, finding.message, in_subject, finding.start is None


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text next to the icon (the default falls a line short)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 300
        text_width = max(width - option.decorationSize.width() - 24, 80)
        metrics = QFontMetrics(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = metrics.boundingRect(
            QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, max(bounds.height(), option.decorationSize.height()) + 8)
